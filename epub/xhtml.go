package epub

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"cable/articles"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// Limits on one document's tree: deeper elements are read as their
// parent's content, and a document of more elements is refused.
const (
	maxDepth    = 200
	maxElements = 200_000
)

// parseXHTML reads a chapter. A chapter is XHTML, whose empty elements
// (<a id="p12"/>) an HTML parser would take as opening, so it is read as
// XML, leniently; one that is not XML even so is read as HTML. Attributes
// keep their prefix ("epub:type").
func parseXHTML(data []byte) (*html.Node, error) {
	doc, err := parseXML(data)
	if err == nil {
		return doc, nil
	}
	return html.Parse(strings.NewReader(articles.Clean(string(data))))
}

func parseXML(data []byte) (*html.Node, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	root := &html.Node{Type: html.DocumentNode}
	cur, depth, count := root, 0, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if count++; count > maxElements {
				return nil, errors.New("too many elements")
			}
			if depth >= maxDepth {
				depth++
				continue
			}
			name := strings.ToLower(t.Name.Local)
			n := &html.Node{Type: html.ElementNode, Data: name, DataAtom: atom.Lookup([]byte(name))}
			for _, a := range t.Attr {
				key := strings.ToLower(a.Name.Local)
				if a.Name.Space != "" && strings.Contains(a.Name.Space, "idpf.org/2007/ops") || a.Name.Space == "epub" {
					key = "epub:" + key
				}
				n.Attr = append(n.Attr, html.Attribute{Key: key, Val: articles.Clean(a.Value)})
			}
			cur.AppendChild(n)
			cur = n
			depth++
		case xml.EndElement:
			if depth--; depth < maxDepth && cur.Parent != nil {
				cur = cur.Parent
			}
		case xml.CharData:
			if depth <= maxDepth {
				cur.AppendChild(&html.Node{Type: html.TextNode, Data: articles.Clean(string(t))})
			}
		}
	}
	if find(root, atom.Body) == nil && find(root, atom.Html) == nil {
		return nil, errors.New("no html element")
	}
	return root, nil
}

// walk calls fn on n and, while fn says so, on each node below it, in
// document order. The children are listed first, so fn may remove the
// node it is given.
func walk(n *html.Node, fn func(*html.Node) bool) {
	if !fn(n) {
		return
	}
	var kids []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		kids = append(kids, c)
	}
	for _, c := range kids {
		walk(c, fn)
	}
}

// find is the first element of kind a at or below n, or nil.
func find(n *html.Node, a atom.Atom) *html.Node {
	var found *html.Node
	walk(n, func(c *html.Node) bool {
		if found == nil && c.Type == html.ElementNode && c.DataAtom == a {
			found = c
		}
		return found == nil
	})
	return found
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// text is the text of n, white space folded.
func text(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return true
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

// contains reports whether c is n or below it.
func contains(n, c *html.Node) bool {
	for ; c != nil; c = c.Parent {
		if c == n {
			return true
		}
	}
	return false
}

func remove(n *html.Node) {
	if n.Parent != nil {
		n.Parent.RemoveChild(n)
	}
}

// types are the semantic types of an element (epub:type, role),
// lower-cased and space-separated.
func types(n *html.Node) string {
	return " " + strings.ToLower(attr(n, "epub:type")+" "+strings.ReplaceAll(attr(n, "role"), "doc-", "")) + " "
}

// navEntry is one entry of the contents.
type navEntry struct{ href, title string }

// navEntries are the entries of an EPUB 3 navigation document's table of
// contents (the <nav epub:type="toc">, or its first <nav>), in order.
func navEntries(doc *html.Node) []navEntry {
	var nav *html.Node
	walk(doc, func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.Nav {
			if nav == nil || strings.Contains(types(n), " toc ") && !strings.Contains(types(nav), " toc ") {
				nav = n
			}
			return false
		}
		return true
	})
	if nav == nil {
		return nil
	}
	var out []navEntry
	walk(nav, func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.A && attr(n, "href") != "" {
			out = append(out, navEntry{attr(n, "href"), text(n)})
		}
		return true
	})
	return out
}
