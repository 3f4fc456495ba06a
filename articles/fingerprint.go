package articles

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"unicode"
)

// MinPrintWords is how many words an article's text must have for its
// print to stand for it alone: below that, two different pieces may share
// their text ("Subscribe to read", a one-line teaser), so the print of a
// shorter text takes its title in too.
const MinPrintWords = 40

// TextPrint is a fingerprint of the article's own text (the opening and
// the sections of the argument; not its front matter, notes or editor's
// note): the SHA-256 of its words, lower case, letters and digits only,
// one space apart. The same piece saved by two routes (a page imported,
// the same page fetched by a feed), whose front matter and mark-up
// differ, has the same print. A text of fewer than MinPrintWords words
// is printed with its title before it; an article without a word of text
// has no print ("").
func (a *Article) TextPrint() string {
	var b bytes.Buffer
	words := 0
	for _, s := range a.Sections {
		if s.Kind != Body && s.Kind != Lede {
			continue
		}
		for _, block := range s.Blocks {
			words += appendWords(&b, block.Text)
		}
	}
	switch {
	case words == 0:
		return ""
	case words < MinPrintWords:
		var titled bytes.Buffer
		titled.WriteString("title: ")
		appendWords(&titled, a.Meta.Title)
		titled.WriteString("text: ")
		titled.Write(b.Bytes())
		b = titled
	}
	sum := sha256.Sum256(b.Bytes())
	return hex.EncodeToString(sum[:16])
}

// appendWords writes the words of text to b, each lower case, of letters
// and digits only, and followed by a space; it returns how many it wrote.
func appendWords(b *bytes.Buffer, text string) int {
	n := 0
	inWord := false
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
			inWord = true
			continue
		}
		if inWord && !unicode.Is(unicode.Mn, r) && r != '\'' && r != '’' && r != '-' {
			b.WriteByte(' ')
			inWord = false
			n++
		}
	}
	if inWord {
		b.WriteByte(' ')
		n++
	}
	return n
}
