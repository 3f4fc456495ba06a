package extract

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A saved page's links and navigation are written for the page in a
// browser. In an article read in a terminal, a relative link means
// something only when the page says where it lives (its canonical URL or
// og:url), and a contents box repeats what cable's own contents (t) show.

// fixLinks makes every link under root one a reader can follow: a
// relative link is made absolute from base, the page's own address; when
// the page gives none, or the link leads to a file on the disk it was
// saved on or to a script, the link is dropped and its text kept.
func fixLinks(root *html.Node, base *url.URL) {
	walkHTML(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode || n.DataAtom != atom.A || !htmlHasAttr(n, "href") {
			return true
		}
		if href, ok := followable(htmlAttr(n, "href"), base); ok {
			setAttr(n, "href", href)
		} else {
			unwrap(n)
		}
		return true
	})
}

// followable is the address a link's href leads to, made absolute from
// base, and whether it leads anywhere a reader can go.
func followable(href string, base *url.URL) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(href))
	switch {
	case err != nil || strings.TrimSpace(href) == "":
		return "", false
	case u.Scheme != "":
		s := strings.ToLower(u.Scheme)
		return u.String(), s != "file" && s != "javascript" && s != "data"
	case base != nil:
		return base.ResolveReference(u).String(), true
	case u.Host != "": // "//host/path" keeps its host; the web is https
		u.Scheme = "https"
		return u.String(), true
	}
	return "", false
}

// setAttr sets an element's attribute, adding it if missing.
func setAttr(n *html.Node, key, val string) {
	for i := range n.Attr {
		if n.Attr[i].Key == key {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}

// unwrap replaces an element by its children.
func unwrap(n *html.Node) {
	if n.Parent == nil {
		return
	}
	for c := n.FirstChild; c != nil; c = n.FirstChild {
		n.RemoveChild(c)
		n.Parent.InsertBefore(c, n)
	}
	removeNode(n)
}

// contentsTitles are the headings of a page's own table of contents.
var contentsTitles = map[string]bool{
	"contents": true, "table of contents": true, "on this page": true, "in this article": true,
	"in this post": true, "jump to": true,
}

// removeContentsLists takes out a page's table of contents that is not
// marked as one (those with "toc" in their class or id go with the other
// furniture): a heading such as "Contents" followed by a list whose links
// all lead to places in the page. Left in, it becomes a section of the
// article, a list of links that lead nowhere.
func removeContentsLists(doc *html.Node) {
	walkHTML(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode || !isHeading(n) || !contentsTitles[headingKey(strings.TrimRight(htmlText(n), ":"))] {
			return true
		}
		list := nextElement(n)
		if list == nil || (list.DataAtom != atom.Ul && list.DataAtom != atom.Ol) || !onlyInPageLinks(list) {
			return true
		}
		removeNode(list)
		removeNode(n)
		return false
	})
}

// isHeading reports an element that is a heading: h1 to h6, or a short
// paragraph or block of bold text standing as one.
func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	case atom.P, atom.Div, atom.Strong, atom.B:
		t, short := shortText(n, 30)
		return short && t != ""
	}
	return false
}

// nextElement is the element after n among its siblings, or nil.
func nextElement(n *html.Node) *html.Node {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode {
			return s
		}
		if s.Type == html.TextNode && strings.TrimSpace(s.Data) != "" {
			return nil
		}
	}
	return nil
}

// onlyInPageLinks reports a list all of whose items are links to places
// in the page ("#the-route"), as a table of contents is.
func onlyInPageLinks(list *html.Node) bool {
	links, outside := 0, false
	walkHTML(list, func(n *html.Node) bool {
		switch {
		case n.Type == html.ElementNode && n.DataAtom == atom.A:
			if strings.HasPrefix(htmlAttr(n, "href"), "#") {
				links++
			} else {
				outside = true
			}
			return false
		case n.Type == html.TextNode && strings.TrimSpace(n.Data) != "" && !numbering(n.Data):
			outside = true
		}
		return !outside
	})
	return links > 0 && !outside
}

// numbering reports text that only numbers an entry ("1", "2.1", "IV.").
func numbering(s string) bool {
	s = strings.TrimSpace(s)
	return strings.Trim(s, "0123456789.IVXivx)") == ""
}
