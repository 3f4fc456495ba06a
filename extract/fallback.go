// fallback.go holds what keeps a page with an article from being refused
// or cut short: the strategies tried in turn when the first comes back
// empty or far shorter than the page's paragraphs (see importPage).

package extract

import (
	"unicode"
	"unicode/utf8"

	"cable/articles"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// strategy is one way of finding the article in a page.
type strategy struct {
	// clutter takes the page's furniture out before readability looks
	// (see removeClutter). A site that names its article's block with a
	// furniture word ("category-sharing", "Section--Ads") loses the
	// article to it, and readability then finds another block.
	clutter bool
	// densest takes the block that holds the most text in paragraphs of
	// its own (see densestBlock) rather than readability's choice: for
	// a page where readability drops the article as a byline or as
	// unlikely content on every pass.
	densest bool
}

// strategies are tried in order until one finds text at least a quarter
// of the page's paragraph text; the longest of them by far wins.
var strategies = []strategy{{clutter: true}, {clutter: false}, {densest: true}}

// pageResult is what one strategy made of a page.
type pageResult struct {
	meta     articles.Meta
	body     string // the article as Markdown
	size     int    // bytes of letters and digits in body
	mainText int    // bytes of text in the page's <p> elements
}

// textSize counts the bytes of letters and digits in a text, which is
// how paragraph text and an article's Markdown are compared.
func textSize(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n += utf8.RuneLen(r)
		}
	}
	return n
}

// densestBlock is the element whose own <p> children hold the most text,
// with link text left out: where a page's prose is. nil when no element
// has a paragraph of text. Scripts, styles and forms are not looked into.
func densestBlock(doc *html.Node) *html.Node {
	var best *html.Node
	bestSize := 0
	walkHTML(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return n.Type == html.DocumentNode
		}
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Form, atom.Nav, atom.Footer:
			return false
		}
		size := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.P {
				size += len(htmlText(c)) - len(linkText(c))
			}
		}
		if size > bestSize {
			best, bestSize = n, size
		}
		return true
	})
	return best
}

// linkText is the text of the links inside n.
func linkText(n *html.Node) string {
	text := ""
	walkHTML(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode && c.DataAtom == atom.A {
			text += htmlText(c)
			return false
		}
		return true
	})
	return text
}
