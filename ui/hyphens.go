package ui

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// Glamour v1 wraps paragraphs twice: reflow's word wrapper breaks lines
// after hyphens but counts each such line one column short, and Glamour
// then re-wraps the over-long lines at the true width, leaving a single
// word stranded on a line of its own ("Kemalist Turkey / and / monarchist
// Iran"). The hyphens of the text are therefore handed to Glamour as
// non-breaking hyphens, which reflow does not break at, and turned back
// into hyphens in the output. A side effect readers of foreign affairs will
// welcome: "Nagorno-Karabakh" is never split across lines.

const nonBreakingHyphen = '\u2011'

var hyphenParser = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList)).Parser()

// protectHyphens replaces the hyphens in the text of md (prose and inline
// code, not code blocks, links' addresses or markup such as list markers)
// with non-breaking hyphens. ok is false when md already holds non-breaking hyphens, which
// the round trip could not tell apart; md is then returned as it is.
func protectHyphens(md string) (string, bool) {
	if strings.ContainsRune(md, nonBreakingHyphen) {
		return md, false
	}
	if !strings.Contains(md, "-") {
		return md, true
	}
	src := []byte(md)
	doc := hyphenParser.Parse(text.NewReader(src))
	var spots []int
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.RawHTML, *ast.AutoLink:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			for i := n.Segment.Start; i < n.Segment.Stop; i++ {
				// A hyphen after a backslash is an escape, not text.
				if src[i] == '-' && (i == 0 || src[i-1] != '\\') {
					spots = append(spots, i)
				}
			}
		}
		return ast.WalkContinue, nil
	})
	if len(spots) == 0 {
		return md, true
	}
	var b strings.Builder
	b.Grow(len(md) + 2*len(spots))
	last := 0
	for _, at := range spots {
		b.WriteString(md[last:at])
		b.WriteRune(nonBreakingHyphen)
		last = at + 1
	}
	b.WriteString(md[last:])
	return b.String(), true
}

// restoreHyphens turns the non-breaking hyphens back into hyphens.
func restoreHyphens(s string) string {
	return strings.ReplaceAll(s, string(nonBreakingHyphen), "-")
}
