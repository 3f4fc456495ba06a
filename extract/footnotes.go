package extract

import (
	"cable/internal/lazyre"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A page's footnotes are a marker, a short link into the page (usually a
// superscript "1"), and the element it points to, often an item of a
// list at the end. Readability judges that list by its own rules and may
// drop it, and html-to-markdown would turn the marker into a link to
// "#fn1", which leads nowhere in a terminal. So the notes are taken out of
// the page before readability runs, each marker is replaced by a stand-in
// for its number, and the converted article gets Markdown footnotes back:
// "[^1]" where the marker stood and "[^1]: text" at the end, which the
// article format then reads like any other.

// htmlNote is one footnote found in a page.
type htmlNote struct {
	number int
	body   *html.Node // the note's element, taken out of the page
}

// Stand-ins for a marker's number while the page goes through readability
// and html-to-markdown, neither of which touches private-use characters.
const (
	htmlMarkerOpen  = "\ue012"
	htmlMarkerClose = "\ue013"
)

// noteLabel is what a footnote marker says: a number or a letter or two,
// bracketed or not.
var noteLabel = lazyre.New(`^\[?\(?([0-9]{1,4}|[a-z]{1,2}|\*{1,3}|†|‡)\)?\]?$`)

// takeHTMLFootnotes finds the footnotes of a page, replaces their markers
// with numbered stand-ins and removes the notes from the page, returning
// them in the order they are first referred to.
func takeHTMLFootnotes(doc *html.Node) []htmlNote {
	byID := map[string]*html.Node{}
	walkHTML(doc, func(n *html.Node) bool {
		if id := htmlAttr(n, "id"); id != "" && n.Type == html.ElementNode {
			if _, dup := byID[id]; !dup {
				byID[id] = n
			}
		}
		return true
	})
	if len(byID) == 0 {
		return nil
	}
	number := map[*html.Node]int{}
	var notes []htmlNote
	walkHTML(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode || n.DataAtom != atom.A {
			return true
		}
		target := footnoteTarget(n, byID)
		if target == nil {
			return true
		}
		num, seen := number[target]
		if !seen {
			num = len(notes) + 1
			number[target] = num
			notes = append(notes, htmlNote{number: num, body: target})
		}
		marker := n
		if p := n.Parent; p != nil && p.DataAtom == atom.Sup && onlyChild(p, n) {
			marker = p
		}
		if marker.Parent != nil {
			marker.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: htmlMarkerOpen + strconv.Itoa(num) + htmlMarkerClose}, marker)
			removeNode(marker)
		}
		return false
	})
	for _, note := range notes {
		removeNoteElement(note.body)
	}
	return notes
}

// footnoteTarget returns the note a link is the marker of, or nil: the
// link points within the page to a block that does not contain it, says a
// note's label, and is set as a note marker (in or around a superscript,
// or marked as a note reference).
func footnoteTarget(a *html.Node, byID map[string]*html.Node) *html.Node {
	id, ok := strings.CutPrefix(htmlAttr(a, "href"), "#")
	if !ok || id == "" {
		return nil
	}
	target := byID[id]
	if target == nil || contains(target, a) {
		return nil
	}
	switch target.DataAtom {
	case atom.Li, atom.P, atom.Div, atom.Aside, atom.Section, atom.Dd, atom.Span:
	default:
		return nil
	}
	label, short := shortText(a, 12)
	if !short || !noteLabel.MatchString(strings.ToLower(label)) {
		return nil
	}
	inSup := a.Parent != nil && a.Parent.DataAtom == atom.Sup
	hasSup := a.FirstChild != nil && a.FirstChild.DataAtom == atom.Sup
	marked := strings.Contains(strings.ToLower(htmlAttr(a, "class")+" "+htmlAttr(a, "role")+" "+htmlAttr(a, "rel")), "note")
	if !inSup && !hasSup && !marked {
		return nil
	}
	return target
}

// onlyChild reports whether c is the only child of p with any content.
func onlyChild(p, c *html.Node) bool {
	for n := p.FirstChild; n != nil; n = n.NextSibling {
		if n != c && (n.Type != html.TextNode || strings.TrimSpace(n.Data) != "") {
			return false
		}
	}
	return true
}

// contains reports whether n is inside root.
func contains(root, n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == root {
			return true
		}
	}
	return false
}

// removeNoteElement takes a note out of the page, and the list or block
// that held the notes once nothing but a heading is left in it; then the
// heading before that block too ("References"), when nothing but the
// notes stood under it.
func removeNoteElement(note *html.Node) {
	parent := note.Parent
	removeNode(note)
	for parent != nil && parent.Parent != nil {
		text, short := shortText(parent, 40)
		if !short || !isNotesHeading(text) {
			return
		}
		next := parent.Parent
		heading, after := previousElement(parent), nextElement(parent)
		removeNode(parent)
		if heading != nil && isHeadingTag(heading) && (after == nil || isHeadingTag(after)) {
			if t, short := shortText(heading, 40); short && isNotesHeading(t) {
				removeNode(heading)
			}
		}
		parent = next
	}
}

// removeEmptyNotesHeadings takes out a notes heading ("References")
// under which nothing is left once the notes are gone: the page's own
// list went into cable's Notes section, and the heading alone would make
// an empty section. It runs on the article once readability and the
// clutter removal are done, when what stood between the heading and its
// list (a <style>, a wrapper) is gone too. Under a heading is what comes
// after it up to the next heading of its level or above.
func removeEmptyNotesHeadings(root *html.Node) {
	var empty []*html.Node
	walkHTML(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode || headingLevel(n) == 0 {
			return true
		}
		if t, short := shortText(n, 40); short && t != "" && isNotesHeading(t) && nothingUnder(n) {
			empty = append(empty, n)
		}
		return false
	})
	for _, n := range empty {
		removeNode(n)
	}
}

// headingLevel is 1 to 6 for h1 to h6 and 0 for any other node.
func headingLevel(n *html.Node) int {
	if n.Type != html.ElementNode {
		return 0
	}
	switch tagOf(n) {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

// nothingUnder reports whether no text and no picture follows a heading
// before the next heading of its level or above.
func nothingUnder(heading *html.Node) bool {
	level := headingLevel(heading)
	for n := following(heading); n != nil; {
		if l := headingLevel(n); l > 0 && l <= level {
			return true
		}
		if n.Type == html.TextNode && strings.TrimSpace(n.Data) != "" {
			return false
		}
		if n.Type == html.ElementNode && tagOf(n) == atom.Img {
			return false
		}
		if n.FirstChild != nil {
			n = n.FirstChild
		} else {
			n = following(n)
		}
	}
	return true
}

// following is the node after n and its children in document order, or
// nil at the end of the document.
func following(n *html.Node) *html.Node {
	for ; n != nil; n = n.Parent {
		if n.NextSibling != nil {
			return n.NextSibling
		}
	}
	return nil
}

// previousElement is the element before n among its siblings, or nil.
func previousElement(n *html.Node) *html.Node {
	for s := n.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type == html.ElementNode {
			return s
		}
		if s.Type == html.TextNode && strings.TrimSpace(s.Data) != "" {
			return nil
		}
	}
	return nil
}

// isHeadingTag reports h1 to h6.
func isHeadingTag(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// isNotesHeading reports text that is nothing but the heading of a list
// of notes, or nothing at all.
func isNotesHeading(text string) bool {
	switch strings.ToLower(strings.TrimRight(text, ": ")) {
	case "", "notes", "footnotes", "endnotes", "references", "sources", "notes and references":
		return true
	}
	return false
}

// leftoverMarker is a stand-in whose note had nothing to say.
var leftoverMarker = lazyre.New(htmlMarkerOpen + `[0-9]+` + htmlMarkerClose)

// noteLead is a note's own number at its start, which cable writes itself.
var noteLead = lazyre.New(`^\s*(\\?\[)?\(?[0-9a-z*†‡]{1,4}\)?(\\?\])?[.:)]?\s+`)

// attachFootnotes turns the stand-ins in converted Markdown into footnote
// markers and appends the notes whose markers survived, converting each
// with convert.
func attachFootnotes(md string, notes []htmlNote, convert func(*html.Node) string) string {
	if len(notes) == 0 {
		return md
	}
	var defs strings.Builder
	for _, note := range notes {
		stand := htmlMarkerOpen + strconv.Itoa(note.number) + htmlMarkerClose
		if !strings.Contains(md, stand) {
			continue
		}
		md = strings.ReplaceAll(md, stand, "[^"+strconv.Itoa(note.number)+"]")
		removeBackLinks(note.body)
		text := strings.TrimSpace(convert(note.body))
		text = strayBackMarks.ReplaceAllString(text, "")
		text = noteLead.ReplaceAllString(text, "")
		if text == "" {
			continue
		}
		lines := strings.Split(text, "\n")
		for i := 1; i < len(lines); i++ {
			if lines[i] != "" {
				lines[i] = "    " + lines[i]
			}
		}
		defs.WriteString("\n[^" + strconv.Itoa(note.number) + "]: " + strings.Join(lines, "\n") + "\n")
	}
	// A stand-in whose note was empty or is gone is dropped.
	md = leftoverMarker.ReplaceAllString(md, "")
	if defs.Len() == 0 {
		return md
	}
	return strings.TrimRight(md, "\n") + "\n" + defs.String()
}

// removeBackLinks drops what leads from a note back to its marker, which
// leads nowhere in a terminal: a block marked as the way back (Wikipedia's
// "^ a b", class "mw-cite-backlink"; role "doc-backlink"), and a short link
// into the page or one that says nothing but "↩" or "^".
func removeBackLinks(note *html.Node) {
	walkHTML(note, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		if isBackLinkBlock(n) {
			removeNode(n)
			return false
		}
		if n.DataAtom != atom.A {
			return true
		}
		text, short := shortText(n, 12)
		if short && (strings.HasPrefix(htmlAttr(n, "href"), "#") || onlyBackMarks(text)) {
			removeNode(n)
			return false
		}
		return true
	})
}

// backLinkWords mark the way back from a note in a class, id or role.
var backLinkWords = map[string]bool{"backlink": true, "backref": true, "reversefootnote": true, "backlinks": true}

// isBackLinkBlock reports an element marked as a note's way back.
func isBackLinkBlock(n *html.Node) bool {
	names := strings.ToLower(htmlAttr(n, "class") + " " + htmlAttr(n, "role"))
	for _, word := range strings.FieldsFunc(names, func(r rune) bool {
		return (r < 'a' || r > 'z') && (r < '0' || r > '9')
	}) {
		if backLinkWords[word] {
			return true
		}
	}
	return false
}

// backMarks are the signs a note's way back is drawn with, the text
// variation selector that often follows "↩" included.
const backMarks = "^↩↑⤴⇧\uFE0E\uFE0F"

// onlyBackMarks reports text made of nothing but back marks, with a
// number or letter ("↩2", "^ a").
func onlyBackMarks(text string) bool {
	rest := strings.Trim(text, backMarks+" 0123456789abcdefgh")
	return rest == "" && strings.ContainsAny(text, backMarks)
}

// strayBackMarks are back marks left at the start or end of a note whose
// link was not one: "^ Karimov, T." or "… 2022. ↩".
var strayBackMarks = lazyre.New(`^(\s*\\?[\^↑↩⤴][\x{FE0E}\x{FE0F}]?)+\s*|(\s*[↑↩⤴][\x{FE0E}\x{FE0F}]?)+\s*$`)
