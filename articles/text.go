package articles

import (
	"bytes"
	"sort"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// PlainText is the text a reader sees in a node: Markdown markup removed,
// soft line breaks and block boundaries turned into spaces, white space
// folded.
func PlainText(n ast.Node, src []byte) string {
	var b strings.Builder
	writePlain(&b, n, src)
	return foldSpace(b.String())
}

// foldSpace trims s and folds each run of white space in it to one space,
// as strings.Join(strings.Fields(s), " ") does, without the slice: block
// text is folded for every paragraph of every article parsed.
func foldSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Chinese and Japanese are written without spaces, so their words cannot
// be counted by the spaces between them; they are read by character. The
// IReST study (Trauzettel-Klosinski and Dietz, 2012) measured about 255
// characters a minute for Chinese and 357 for Japanese, against 238 words
// for English non-fiction (WordsPerMinute), so a character of Chinese
// counts as 238/255 of a word and one of Japanese (a text with kana) as
// 238/357: every reading time then follows the same words a minute.
const (
	chineseCharsPerMinute  = 255
	japaneseCharsPerMinute = 357
)

// isCJKMark reports the punctuation of Chinese and Japanese text (。，「」
// and the full-width forms), which is read with its characters, not as a
// word of its own.
func isCJKMark(r rune) bool {
	return (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef && !unicode.IsLetter(r) && !unicode.IsDigit(r))
}

// countWords counts the words of s as a reader takes time over them: the
// runs between spaces, and, for Chinese and Japanese, each character as
// the share of a word it takes to read. Korean is written with spaces
// and counts by them.
func countWords(s string) int {
	n, in := 0, false
	han, kana := 0, 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			kana++
			in = false
		case unicode.Is(unicode.Han, r):
			han++
			in = false
		case unicode.IsSpace(r) || isCJKMark(r):
			in = false
		case !in:
			in = true
			n++
		}
	}
	switch {
	case kana > 0:
		n += ((han+kana)*WordsPerMinute + japaneseCharsPerMinute/2) / japaneseCharsPerMinute
	case han > 0:
		n += (han*WordsPerMinute + chineseCharsPerMinute/2) / chineseCharsPerMinute
	}
	return n
}

func writePlain(b *strings.Builder, n ast.Node, src []byte) {
	switch n := n.(type) {
	case *ast.Text:
		b.Write(readerText(n.Segment.Value(src)))
		if n.SoftLineBreak() || n.HardLineBreak() {
			b.WriteByte(' ')
		}
		return
	case *ast.String:
		b.Write(n.Value)
		return
	case *ast.AutoLink:
		b.Write(n.URL(src))
		return
	case *ast.Image:
		b.WriteString(FigureText(imageCaption(n, src)))
		return
	case *ast.RawHTML, *ast.HTMLBlock:
		return
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			b.Write(seg.Value(src))
			b.WriteByte(' ')
		}
		return
	case *east.TableCell:
		defer b.WriteByte(' ')
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		writePlain(b, c, src)
	}
	if n.Type() == ast.TypeBlock {
		b.WriteByte(' ')
	}
}

// readerText is a stretch of source text as it reads: `\[` is "[" and
// "&amp;" is "&", as Glamour shows them.
func readerText(raw []byte) []byte {
	if bytes.IndexByte(raw, '\\') < 0 && bytes.IndexByte(raw, '&') < 0 {
		return raw
	}
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(raw)))
}

// startOffset is the byte offset where a node's first line of text begins.
func startOffset(n ast.Node) (int, bool) {
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start, true
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if off, ok := startOffset(c); ok {
			return off, true
		}
	}
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start, true
	}
	return 0, false
}

// lineIndex turns byte offsets of a body into line numbers of its file.
type lineIndex struct {
	starts    []int
	firstLine int
}

func newLineIndex(src []byte, firstLine int) lineIndex {
	starts := []int{0}
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	return lineIndex{starts: starts, firstLine: firstLine}
}

func (l lineIndex) lineOf(offset int) int {
	i := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > offset })
	return l.firstLine + i - 1
}

// A figure (an image) reads as one bracketed line, "[Figure: caption]",
// never as its address, which goes in the list of links instead: the
// reader knows a picture stands there and what it shows.

// FigureText is how a figure reads in the text: "[Figure: caption]", or
// "[Figure]" without a caption.
func FigureText(caption string) string { return "[" + figureLabel(caption) + "]" }

// figureLabel is a figure's name in the list of links.
func figureLabel(caption string) string {
	if caption == "" {
		return "Figure"
	}
	return "Figure: " + caption
}

// imageCaption is what an image says it shows: its alternative text, or
// failing that its title, white space folded.
func imageCaption(img *ast.Image, src []byte) string {
	var b strings.Builder
	for c := img.FirstChild(); c != nil; c = c.NextSibling() {
		writePlain(&b, c, src)
	}
	if caption := foldSpace(b.String()); caption != "" {
		return caption
	}
	return foldSpace(string(img.Title))
}

// ImageCaption is what an image says it shows: its alternative text or
// its title.
func ImageCaption(img *ast.Image, src []byte) string { return imageCaption(img, src) }

// linkEnds says, for each link of block (as EachLink finds them), where
// its text ends in the block's text without white space.
func linkEnds(block ast.Node, src []byte) map[ast.Node]int {
	var ends map[ast.Node]int // nil for the many blocks without links
	EachLink(block, func(n ast.Node) {
		if ends == nil {
			ends = map[ast.Node]int{}
		}
		ends[n] = -1
	})
	if ends == nil {
		return nil
	}
	var b strings.Builder
	flat, counted := 0, 0
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		if _, isLink := ends[n]; isLink {
			writePlain(&b, n, src)
			flat += flatLen(b.String()[counted:])
			counted = b.Len()
			ends[n] = flat
			return
		}
		// As writePlain walks, so that the text before each link is the
		// text the block's Text holds.
		switch n.(type) {
		case *ast.Text, *ast.String, *ast.AutoLink, *ast.Image, *ast.RawHTML, *ast.HTMLBlock, *ast.FencedCodeBlock, *ast.CodeBlock:
			writePlain(&b, n, src)
			return
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c)
		}
		if _, isCell := n.(*east.TableCell); isCell {
			b.WriteByte(' ')
		}
		if n.Type() == ast.TypeBlock {
			b.WriteByte(' ')
		}
	}
	walk(block)
	return ends
}

// Literal makes text read as written when it is put into Markdown: a
// backslash before each character Markdown could read as markup within a
// line (emphasis, code, links and images, raw HTML, a
// heading's mark, a table's bar, strikethrough). Titles, bylines and notes taken from metadata go into
// an article's Markdown through it.
func Literal(s string) string {
	if !strings.ContainsAny(s, literalEscapes) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		if strings.ContainsRune(literalEscapes, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// literalEscapes are the characters Literal puts a backslash before.
const literalEscapes = "\\`*_[]<>#|~!"
