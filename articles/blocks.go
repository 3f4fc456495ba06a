// blocks.go holds the one definition of an article's reading units: the
// blocks of a section (EachBlock) and the links in a block (EachLink,
// IsBareLink), which the renderer uses too, so that both count alike.

package articles

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// addBlocks appends the reading units of one top-level node.
func (s *Section) addBlocks(n ast.Node, src []byte, lines lineIndex) {
	EachBlock(n, src, func(b ast.Node, t string) {
		offset, _ := startOffset(b)
		words := countWords(t)
		level := 0
		if h, ok := b.(*ast.Heading); ok {
			level = h.Level
		}
		s.Blocks = append(s.Blocks, Block{Text: t, Line: lines.lineOf(offset), Words: words, Heading: level, Cells: tableCells(b, src)})
		s.Words += words
		s.Links = appendLinks(s.Links, b, src, len(s.Blocks)-1)
	})
}

// EachBlock calls fn with each reading unit of n, a top-level node of a
// section, and its plain text, in order: a list gives one block per item,
// anything else with text gives one block. It is the one definition of a
// block, so that a renderer parsing a section's Markdown on its own finds
// the section's Blocks, node for node.
func EachBlock(n ast.Node, src []byte, fn func(block ast.Node, text string)) {
	if _, isList := n.(*ast.List); isList {
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			EachBlock(item, src, fn)
		}
		return
	}
	if t := PlainText(n, src); t != "" {
		fn(n, t)
	}
}

// appendLinks adds the links inside n, a block, in order: inline,
// reference-style (goldmark has resolved them by now), bare addresses and
// images, each with where its text ends in the block's text.
func appendLinks(links []Link, n ast.Node, src []byte, block int) []Link {
	ends := linkEnds(n, src)
	EachLink(n, func(c ast.Node) {
		var l Link
		switch c := c.(type) {
		case *ast.Link:
			text := PlainText(c, src)
			url := Clean(string(c.Destination))
			l = Link{Text: text, URL: url, Bare: IsBareLink(text, url)}
		case *ast.AutoLink:
			text := Clean(string(c.URL(src)))
			url := text
			if c.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
				url = "mailto:" + url // as L opens it
			}
			l = Link{Text: text, URL: url, Bare: true}
		case *ast.Image:
			l = Link{Text: figureLabel(imageCaption(c, src)), URL: Clean(string(c.Destination)), Image: true}
		}
		l.Block, l.End = block, ends[c]
		links = append(links, l)
	})
	return links
}

// EachLink calls fn with each link of block, in reading order: links,
// bare addresses and images, but not an image inside a link, which is
// that link's text. It is the one definition of which links an article
// counts, so that a renderer numbering a section's links on its own gives
// each the number it has in Article.Links.
func EachLink(block ast.Node, fn func(ast.Node)) {
	_ = ast.Walk(block, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c.(type) {
		case *ast.Link, *ast.Image:
			fn(c)
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			fn(c)
		}
		return ast.WalkContinue, nil
	})
}

// IsBareLink reports whether a link's text is its address: the same, or
// the same without its scheme or a final slash ("example.org/report" for
// https://example.org/report/), as pages saved from the web often write
// them. Such a link shows its address once, as its text.
func IsBareLink(text, url string) bool {
	trim := func(s string) string {
		s = strings.TrimSpace(s)
		for _, p := range []string{"https://", "http://", "mailto:"} {
			if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
				s = s[len(p):]
				break
			}
		}
		s = strings.TrimPrefix(s, "www.")
		return strings.TrimSuffix(s, "/")
	}
	return text != "" && url != "" && trim(text) == trim(url)
}

// tableCells are the texts of a table's cells, in reading order; nil for
// anything but a table.
func tableCells(n ast.Node, src []byte) []string {
	if _, ok := n.(*east.Table); !ok {
		return nil
	}
	var cells []string
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := c.(*east.TableCell); ok && entering {
			if t := PlainText(c, src); t != "" {
				cells = append(cells, t)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return cells
}
