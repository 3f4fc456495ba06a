package extract

import (
	"strings"

	"cable/articles"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// headingLevels are the heading elements and their levels.
var headingLevels = map[atom.Atom]int{atom.H1: 1, atom.H2: 2, atom.H3: 3, atom.H4: 4, atom.H5: 5, atom.H6: 6}

// headingTags are the heading elements by level.
var headingTags = [...]atom.Atom{1: atom.H1, 2: atom.H2, 3: atom.H3, 4: atom.H4, 5: atom.H5, 6: atom.H6}

// stripHeadingFurniture takes the site's furniture out of every heading:
// Wikipedia's "[edit]" link, the "¶", "#", "§" and "Permalink" anchors of
// blogs and documentation, links whose text is only a symbol, and the
// brackets left around them. They belong to the site, and would
// otherwise stand in the article's section titles and its Markdown. A
// heading that was nothing but furniture goes.
func stripHeadingFurniture(root *html.Node) {
	walkHTML(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode || headingLevels[n.DataAtom] == 0 {
			return true
		}
		walkHTML(n, func(c *html.Node) bool {
			if c.Type == html.ElementNode && c.DataAtom == atom.A && isFurnitureAnchor(c) {
				removeNode(c)
				return false
			}
			return true
		})
		trimHeadingText(n)
		if htmlText(n) == "" {
			removeNode(n)
		}
		return false
	})
}

// isFurnitureAnchor reports a link in a heading that is the site's: an
// edit link, or one whose text is a furniture word or only symbols.
func isFurnitureAnchor(a *html.Node) bool {
	href := strings.ToLower(htmlAttr(a, "href"))
	if strings.Contains(href, "action=edit") {
		return true
	}
	return articles.IsFurnitureAnchor(htmlText(a))
}

// trimHeadingText removes the furniture written as text at the end of a
// heading: the brackets an edit link stood in, a "[edit]" or "¶" that is
// not a link, as the text nodes of the heading hold them.
func trimHeadingText(h *html.Node) {
	var texts []*html.Node
	walkHTML(h, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			texts = append(texts, c)
		}
		return true
	})
	for i := len(texts) - 1; i >= 0; i-- {
		t := strings.TrimSpace(texts[i].Data)
		switch {
		case t == "":
			continue
		case strings.Trim(t, "[]()| ") == "" || articles.IsFurnitureAnchor(t) && i > 0:
			// Nothing but the brackets around a link, or furniture
			// after the heading's own text.
			texts[i].Data = ""
			continue
		}
		lead := texts[i].Data[:len(texts[i].Data)-len(strings.TrimLeft(texts[i].Data, " \t\n"))]
		texts[i].Data = lead + articles.StripHeadingFurniture(t)
		return
	}
}

// arrangeHeadings makes the article's headings fit cable's sections. The
// sections are made by the highest heading level the article uses, as
// Parse chooses it: <h1> and <h2> (an <h1> becomes an <h2>), else <h3>,
// and so on, so that a page whose subheads are all <h3> keeps them as
// <h3> and reads in sections. Among the headings of that level, the one
// that repeats the title goes, and one used twice (or a second editor's
// note) becomes a sub-heading one level down, so that every section keeps
// a title of its own.
func arrangeHeadings(root *html.Node, title string) {
	level := topHeadingLevel(root)
	if level == 0 {
		return
	}
	seen := map[string]bool{}
	titleKey := headingKey(title)
	titleDropped, noteSeen := false, false
	eachSectionHeading(root, func(n *html.Node) {
		l := max(headingLevels[n.DataAtom], 2)
		if l != level {
			return
		}
		key := headingKey(htmlText(n))
		switch {
		case key == "":
		case key == titleKey && !titleDropped:
			titleDropped = true
			removeNode(n)
		case seen[key] || (articles.IsEditorsNoteTitle(key) && noteSeen):
			setTag(n, headingTags[min(level+1, 6)])
		default:
			setTag(n, headingTags[level])
			seen[key] = true
			noteSeen = noteSeen || articles.IsEditorsNoteTitle(key)
		}
	})
}

// topHeadingLevel is the level the article's sections are made by: 2 when
// it has an <h1> or <h2>, else the highest level of its headings, 0 when
// it has none.
func topHeadingLevel(root *html.Node) int {
	level := 0
	eachSectionHeading(root, func(n *html.Node) {
		if l := max(headingLevels[n.DataAtom], 2); level == 0 || l < level {
			level = l
		}
	})
	return level
}

// eachSectionHeading calls fn with each heading that can start a
// section: not one in a quote or a list item.
func eachSectionHeading(root *html.Node, fn func(*html.Node)) {
	walkHTML(root, func(n *html.Node) bool {
		switch {
		case n.Type != html.ElementNode:
			return true
		case n.DataAtom == atom.Blockquote || n.DataAtom == atom.Li:
			return false
		case headingLevels[n.DataAtom] == 0:
			return true
		}
		fn(n)
		return false
	})
}

// unwrapHeadings lifts a heading out of a wrapper that holds nothing else
// of the article: Wikipedia's <div class="mw-heading"><h2>…</h2><span
// class="mw-editsection">[edit]</span></div>. readability judges the
// wrapper as a block of its own, short and mostly a link, and drops it
// with the heading inside; lifted out, the heading stands beside the
// paragraphs as headings do on most pages. The wrapper's other children
// (the edit link) go with it.
func unwrapHeadings(root *html.Node) {
	var wrappers []*html.Node
	walkHTML(root, func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.Div && wrappedHeading(n) != nil {
			wrappers = append(wrappers, n)
			return false
		}
		return true
	})
	for _, w := range wrappers {
		h := wrappedHeading(w)
		w.RemoveChild(h)
		w.Parent.InsertBefore(h, w)
		removeNode(w)
	}
}

// wrappedHeading is the heading a wrapper holds when it is its only
// element child with text, and the wrapper's other text is furniture
// (brackets, an "edit" link, a symbol); otherwise nil.
func wrappedHeading(div *html.Node) *html.Node {
	var heading *html.Node
	var rest strings.Builder
	for c := div.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode && headingLevels[c.DataAtom] > 0:
			if heading != nil {
				return nil
			}
			heading = c
		case c.Type == html.ElementNode || c.Type == html.TextNode:
			rest.WriteString(htmlText(c))
		}
	}
	if heading == nil || div.Parent == nil {
		return nil
	}
	other := strings.TrimSpace(strings.Trim(strings.TrimSpace(rest.String()), "[]()| "))
	if other != "" && !articles.IsFurnitureAnchor(other) {
		return nil
	}
	return heading
}
