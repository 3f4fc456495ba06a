package render

import (
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// Glamour v1 wraps paragraphs twice. Reflow's word wrapper, which goes
// first, miscounts lines that break after a hyphen and lines that hold a
// no-break space (it counts the space's two bytes as two columns), and
// Glamour then re-wraps the over-long lines at the true width, leaving a
// single word stranded on a line of its own ("Kemalist Turkey / and /
// monarchist Iran"). So hyphens and no-break spaces in the text are handed
// to Glamour as stand-ins that reflow takes for letters, and put back in
// the output. A side effect readers of foreign affairs will welcome:
// "Nagorno-Karabakh" is never split across lines.

// Reflow also breaks lines only at spaces, so a paragraph of Chinese or
// Japanese, which has none, would run off the screen as one line. Between
// ideographs (or kana) Glamour is handed a vertical tab, which reflow takes
// for a space: a line may break there, and where it does not, the tab is
// taken out again. Reflow counts a space by its bytes, so each costs a
// column that is not there in the end; a break every second character
// rather than every one keeps lines four-fifths full instead of two-thirds.
// Closing punctuation never starts a line.

// stand-ins for the characters reflow miscounts, and the break
// opportunity. The no-break space's stand-in is a private-use character,
// which no article means to show.
const (
	hyphenStandIn  = '\u2011' // non-breaking hyphen
	noBreakSpace   = '\u00a0'
	noBreakStandIn = '\ue000'
	cjkBreak       = '\v' // vertical tab: a one-byte space to reflow
)

var (
	restoreReplacer = strings.NewReplacer(string(hyphenStandIn), "-", string(noBreakStandIn), string(noBreakSpace), string(cjkBreak), "")
	hyphenParser    = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList)).Parser()
)

// protectText replaces the hyphens and no-break spaces in the text of md
// (prose and inline code, not code blocks, links' addresses or markup such
// as list markers) with their stand-ins. ok is false when md already holds
// a stand-in, which the way back could not tell apart; md is then returned
// as it is.
func protectText(md string) (string, bool) {
	if strings.ContainsRune(md, hyphenStandIn) || strings.ContainsRune(md, noBreakStandIn) || strings.ContainsRune(md, cjkBreak) {
		return md, false
	}
	src := []byte(md)
	doc := hyphenParser.Parse(text.NewReader(src))
	var b strings.Builder
	b.Grow(len(md) + len(md)/8)
	last := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.RawHTML, *ast.AutoLink:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if n.Segment.Start < last {
				return ast.WalkContinue, nil
			}
			b.WriteString(md[last:n.Segment.Start])
			writeProtected(&b, md, n.Segment.Start, n.Segment.Stop)
			last = n.Segment.Stop
		}
		return ast.WalkContinue, nil
	})
	b.WriteString(md[last:])
	return b.String(), true
}

// maxWord is the longest run of text without a space handed to Glamour.
// Reflow's wrapping takes time that grows with the square of a word's
// length (a 20,000-character "word" takes seconds), and no prose has words
// this long: a longer run is a hostile file or a pasted blob, and gets a
// break opportunity every maxWord characters.
const maxWord = 256

// writeProtected writes md[start:stop] with its stand-ins. A hyphen after
// a backslash is an escape, kept as written.
func writeProtected(b *strings.Builder, md string, start, stop int) {
	run, cjk := 0, 0
	var prev rune
	for i, r := range md[start:stop] {
		if run++; unicode.IsSpace(r) && r != noBreakSpace {
			run = 0
		} else if run > maxWord {
			b.WriteByte(' ')
			run = 1
		} else if cjk >= 2 && breaksAfter(prev) && breaksAfter(r) && !closesCJK(r) {
			b.WriteRune(cjkBreak)
			run, cjk = 1, 0
		}
		if breaksAfter(r) {
			cjk++
		} else {
			cjk = 0
		}
		prev = r
		switch {
		case r == '-' && (start+i == 0 || md[start+i-1] != '\\'):
			b.WriteRune(hyphenStandIn)
		case r == noBreakSpace:
			b.WriteRune(noBreakStandIn)
		default:
			b.WriteRune(r)
		}
	}
}

// breaksAfter reports the characters of scripts written without spaces,
// after which a line may break: Han ideographs, kana and CJK punctuation.
func breaksAfter(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || isCJKPunct(r)
}

// isCJKPunct reports the CJK and full-width punctuation.
func isCJKPunct(r rune) bool {
	return (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xff65)
}

// closesCJK reports the punctuation that must not start a line: closing
// brackets and quotes, commas, full stops and the like.
func closesCJK(r rune) bool {
	return strings.ContainsRune("、。，．：；！？）」』》〉】〕｝］’”…‥・ー々ゝゞヽヾ", r)
}

// restoreText puts back what protectText replaced.
func restoreText(s string) string { return restoreReplacer.Replace(s) }
