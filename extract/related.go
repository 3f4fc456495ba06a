// related.go holds the lists of links to the site's other articles that
// close or interrupt an article, under a heading that says so ("You may
// also like", "Mehr lesen:", "Verwandte Artikel", "Relacionadas"), as
// sites set them: the heading a heading, a bold line or a bare <span>,
// the links a list, a run of link paragraphs or the heading's own line
// ("Siehe auch <a>…</a> <a>…</a>", ">> Mehr lesen: <a>…</a>").

package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// relatedKey is the key of a line as relatedLeads holds it: folded, in
// lower case, without the arrows and marks around it (">> Mehr lesen:",
// "Das könnte Sie auch interessieren!").
func relatedKey(t string) string {
	t = strings.Trim(strings.TrimSpace(t), "»«›‹>< •·▪-–—:!?.…*|")
	return furnitureKey(t)
}

// isLeadKey reports a line that is a related lead, with the marks
// around it or without them ("Schon gelesen?", "Mehr lesen:").
func isLeadKey(t string) bool {
	return relatedLeads[furnitureKey(t)] || relatedLeads[relatedKey(t)]
}

// textBeforeLinks is the text of a block before its first link, and
// whether it has a link at all.
func textBeforeLinks(n *html.Node) (string, bool) {
	var b strings.Builder
	found := false
	walkHTML(n, func(c *html.Node) bool {
		if found {
			return false
		}
		if c.Type == html.ElementNode && c.DataAtom == atom.A {
			found = true
			return false
		}
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return true
	})
	return b.String(), found
}

// isRelatedLead reports the heading of a list of links to other
// articles, or a line that is such a heading and its links ("SEE MORE:
// <a>…</a>", "Siehe auch<br><a>…</a><br><a>…</a>").
func isRelatedLead(n *html.Node, t string) bool {
	if isLeadKey(t) {
		return true
	}
	lead, ok := textBeforeLinks(n)
	if !ok || !isLeadKey(lead) {
		return false
	}
	rest := len(t) - len(strings.Join(strings.Fields(lead), " "))
	return rest > 0 && len(linkText(n)) >= rest*3/4
}

// isLinkListBlock reports a block that is a list, or text most of which
// is links: what a related lead heads.
func isLinkListBlock(n *html.Node) bool {
	if n.DataAtom == atom.Ul || n.DataAtom == atom.Ol {
		return true
	}
	t := htmlText(n)
	return t != "" && 2*len(linkText(n)) > len(t)
}

// removeRelatedList removes, after the heading of a list of related
// articles, the list itself: the elements after it that are lists or
// mostly links, and the headings of the articles listed when they are
// lower than the lead's. A lead alone in its box ("<div><h3>Mehr
// lesen</h3></div>") heads what follows the box.
func removeRelatedList(lead *html.Node) {
	at := lead
	for nextElement(at) == nil && at.Parent != nil && onlyChildElement(at.Parent, at) && !isTextBlockParentOfArticle(at.Parent) {
		at = at.Parent
	}
	level := headingLevel(lead)
	for next := nextElement(at); next != nil; {
		after := nextElement(next)
		switch {
		case isLinkListBlock(next):
		case level > 0 && headingLevel(next) > level:
		default:
			return
		}
		removeNode(next)
		next = after
	}
}

// relatedLeadAlone reports an element that is not a text block (a
// <span> or <strong> set as a heading) whose text is a related lead and
// which a list or a block of links follows: "<span
// class="headline">Mehr zum Thema</span><ul>…</ul>".
func relatedLeadAlone(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Span, atom.Strong, atom.B, atom.Em, atom.Header, atom.Section, atom.Dt:
	default:
		return false
	}
	t, short := shortText(n, 80)
	if !short || !isLeadKey(t) {
		return false
	}
	next := nextElement(n)
	if next == nil || !isTextBlock(next) && next.DataAtom != atom.Ul && next.DataAtom != atom.Ol && next.DataAtom != atom.Section {
		return false
	}
	return isLinkListBlock(next)
}

// onlyChildElement reports whether c is the only element child of n,
// with no text beside it.
func onlyChildElement(n, c *html.Node) bool {
	for s := n.FirstChild; s != nil; s = s.NextSibling {
		if s != c && (s.Type == html.ElementNode || s.Type == html.TextNode && strings.TrimSpace(s.Data) != "") {
			return false
		}
	}
	return true
}

// isTextBlockParentOfArticle stops the climb from a lead at the
// document's body or the article's root.
func isTextBlockParentOfArticle(n *html.Node) bool {
	return n.Parent == nil || n.DataAtom == atom.Body || n.DataAtom == atom.Article || n.DataAtom == atom.Main
}
