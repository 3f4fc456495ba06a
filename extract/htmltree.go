// htmltree.go holds small helpers over the parsed HTML tree shared by
// the steps of extraction: walking it, reading attributes and text,
// renaming and removing elements.

package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// walkHTML calls visit for n and its descendants in document order; visit
// returns false to skip a node's children. Children are collected first so
// that visit may remove the node it is given.
func walkHTML(n *html.Node, visit func(*html.Node) bool) {
	if !visit(n) {
		return
	}
	var children []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		children = append(children, c)
	}
	for _, c := range children {
		walkHTML(c, visit)
	}
}

// htmlAttr is the value of an element's attribute, or "".
func htmlAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// htmlHasAttr reports whether an element has an attribute, such as
// "hidden", whose presence alone matters.
func htmlHasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// hasWord reports whether a space-separated attribute value such as
// rel="canonical nofollow" holds a word, in any case.
func hasWord(list, word string) bool {
	for _, t := range strings.Fields(list) {
		if strings.EqualFold(t, word) {
			return true
		}
	}
	return false
}

// htmlText is the text of a node with its white space folded.
func htmlText(n *html.Node) string {
	var b strings.Builder
	walkHTML(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return true
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

// shortText is the folded text of n when it has at most limit bytes; ok is
// false for anything longer. It visits at most a few hundred nodes, so
// that asking it of every block of a deeply nested page stays linear: what
// it looks for (a byline, a "Share" button) is short and shallow.
func shortText(n *html.Node, limit int) (text string, ok bool) {
	var b strings.Builder
	budget := 500
	var visit func(*html.Node) bool
	visit = func(c *html.Node) bool {
		if budget--; budget < 0 || b.Len() > 4*limit {
			return false
		}
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		for child := c.FirstChild; child != nil; child = child.NextSibling {
			if !visit(child) {
				return false
			}
		}
		return true
	}
	if !visit(n) {
		return "", false
	}
	text = strings.Join(strings.Fields(b.String()), " ")
	return text, len(text) <= limit
}

// removeNode takes a node out of the document.
func removeNode(n *html.Node) {
	if n.Parent != nil {
		n.Parent.RemoveChild(n)
	}
}

// tagOf is an element's tag. readability renames elements by their name
// alone (a <div> of text becomes a "p" whose DataAtom still says div, or
// none), so the name is what counts.
func tagOf(n *html.Node) atom.Atom {
	if a := atom.Lookup([]byte(n.Data)); a != 0 {
		return a
	}
	return n.DataAtom
}

// headingKey is how headings are compared, as Parse compares section
// titles: folded white space, any case.
func headingKey(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// setTag renames an element, keeping its attributes and children.
func setTag(n *html.Node, a atom.Atom) {
	n.DataAtom = a
	n.Data = a.String()
}
