package ui

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

// stand-ins for the characters reflow miscounts. The no-break space's
// stand-in is a private-use character, which no article means to show.
const (
	hyphenStandIn  = '\u2011' // non-breaking hyphen
	noBreakSpace   = '\u00a0'
	noBreakStandIn = '\ue000'
)

var (
	restoreReplacer = strings.NewReplacer(string(hyphenStandIn), "-", string(noBreakStandIn), string(noBreakSpace))
	hyphenParser    = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList)).Parser()
)

// protectText replaces the hyphens and no-break spaces in the text of md
// (prose and inline code, not code blocks, links' addresses or markup such
// as list markers) with their stand-ins. ok is false when md already holds
// a stand-in, which the way back could not tell apart; md is then returned
// as it is.
func protectText(md string) (string, bool) {
	if strings.ContainsRune(md, hyphenStandIn) || strings.ContainsRune(md, noBreakStandIn) {
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
	run := 0
	for i, r := range md[start:stop] {
		if run++; unicode.IsSpace(r) && r != noBreakSpace {
			run = 0
		} else if run > maxWord {
			b.WriteByte(' ')
			run = 1
		}
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

// restoreText puts back what protectText replaced.
func restoreText(s string) string { return restoreReplacer.Replace(s) }
