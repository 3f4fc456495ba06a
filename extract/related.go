// related.go holds the lists of links to the site's other articles that
// close or interrupt an article, under a heading that says so ("You may
// also like", "Mehr lesen:", "Verwandte Artikel", "Relacionadas"), as
// sites set them: the heading a heading, a bold line or a bare <span>,
// the links a list, a run of link paragraphs or the heading's own line
// ("Siehe auch <a>…</a> <a>…</a>", ">> Mehr lesen: <a>…</a>"); and the
// links to the site's own articles that follow the article's last
// paragraph of prose with no heading that names them (removeTailLinks).

package extract

import (
	"net/url"
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
	next := nextElement(n)
	if next == nil || !isTextBlock(next) && next.DataAtom != atom.Ul && next.DataAtom != atom.Ol && next.DataAtom != atom.Section {
		return false
	}
	t, short := shortText(n, 80)
	return short && isLeadKey(t) && isLinkListBlock(next)
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

// proseRun is how much text that is not links makes a block prose: a
// sentence or two of the article, not a teaser's line.
const proseRun = 100

// removeTailLinks removes what follows the article's last block of
// prose when it is links to the site's own pages: a teaser line that is
// one link ("Hier geht es zur neuen Vorstandsstruktur"), a list of the
// site's other articles, the press kit's links; and the headings over
// them. Links to other sites (sources, "See also" elsewhere) and to
// places in the page stay, so does a picture, and nothing is removed
// from a page with no prose at all. pageURL is the page's own address
// ("" when unknown: then only relative links are the site's).
func removeTailLinks(root *html.Node, pageURL string) {
	host := siteHost(pageURL)
	var blocks []*html.Node
	walkHTML(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return false
		}
		if n != root && isLeafBlock(n) {
			blocks = append(blocks, n)
			return false
		}
		return true
	})
	last := -1 // read from the end: only the tail's text is looked at
	for i := len(blocks) - 1; i >= 0; i-- {
		b := blocks[i]
		if firstElement(b, atom.Img) != nil || len(htmlText(b))-len(linkText(b)) >= proseRun {
			last = i
			break
		}
	}
	if last < 0 {
		return
	}
	var heading *html.Node // the last heading, while it heads only links
	removed := false
	for _, b := range blocks[last+1:] {
		t := htmlText(b)
		if headingLevel(b) > 0 && !isTeaserLinks(b, t, host) {
			if heading != nil && removed {
				removeNode(heading)
			}
			heading, removed = b, false
			continue
		}
		if t == "" {
			continue
		}
		if !isTeaserLinks(b, t, host) {
			heading = nil // it heads text that stays
			continue
		}
		removeNode(b)
		removed = true
	}
	if heading != nil && removed {
		removeNode(heading)
	}
}

// isTeaserLinks reports a block whose text is mostly links to the site's
// own pages with headlines for their words: four words a link or more,
// as teasers are titled ("Alkohol beim Angeln – Diskussion im Forum"),
// where a list of names ("Vector space", "Hermitian form") is an index.
func isTeaserLinks(b *html.Node, t, host string) bool {
	own, links := ownLinks(b, host)
	if t == "" || links == 0 || 4*len(own) < 3*len(t) {
		return false
	}
	return len(strings.Fields(own)) >= 4*links
}

// isLeafBlock reports a block that removeTailLinks judges as one: a
// paragraph, a list, a heading, or a <div> of inline text.
func isLeafBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Ul, atom.Ol, atom.Dl, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true // a list is judged whole
	case atom.Div, atom.Section, atom.Span:
		return !holdsBlock(n)
	}
	return false
}

// holdsBlock reports whether an element has a block element inside.
func holdsBlock(n *html.Node) bool {
	found := false
	walkHTML(n, func(c *html.Node) bool {
		if found || c == n {
			return !found
		}
		if c.Type == html.ElementNode {
			switch c.DataAtom {
			case atom.P, atom.Div, atom.Ul, atom.Ol, atom.Li, atom.Table, atom.Section, atom.Blockquote, atom.Pre,
				atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Figure, atom.Dl:
				found = true
			}
		}
		return !found
	})
	return found
}

// siteHost is the host of an address without "www.", or "".
func siteHost(address string) string {
	u, err := url.Parse(address)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// ownLinks is the text of the links inside n to the site's own pages
// (relative, or on host), not to places in the page, and how many they
// are.
func ownLinks(n *html.Node, host string) (string, int) {
	var b strings.Builder
	count := 0
	walkHTML(n, func(c *html.Node) bool {
		if c.Type != html.ElementNode || c.DataAtom != atom.A {
			return true
		}
		href := strings.TrimSpace(htmlAttr(c, "href"))
		if href == "" || strings.HasPrefix(href, "#") {
			return false
		}
		u, err := url.Parse(href)
		if err != nil {
			return false
		}
		if t := htmlText(c); t != "" && ((u.Scheme == "" && u.Host == "") || host != "" && siteHost(href) == host) {
			b.WriteString(t + " ")
			count++
		}
		return false
	})
	return strings.TrimSpace(b.String()), count
}
