package epub

import (
	"path"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A book's notes are a marker, a link (epub:type="noteref" in EPUB 3, a
// superscript number in EPUB 2), and the note it leads to: an <aside
// epub:type="footnote"> in the chapter, or a paragraph or list item of a
// notes chapter at the end. Each marker becomes a stand-in for the note's
// number while the chapters go through the HTML path, and the note is
// taken out of the text, to be written as a Markdown footnote.

// Stand-ins for a marker's number, characters of the private-use area
// that the HTML path leaves alone; any in the book itself are removed.
const (
	markOpen  = "\ue022"
	markClose = "\ue023"
)

// noteLabel is what a marker says: a number, a letter or two, a symbol,
// bracketed or not.
var noteLabel = regexp.MustCompile(`^[\[(]?([0-9]{1,4}|[a-z]{1,2}|\*{1,3}|†|‡)[\])]?$`)

// leadingLabel is a note's own number at its start ("1.", "[1]", "1 ").
var leadingLabel = regexp.MustCompile(`^[\[(]?([0-9]{1,4}|[a-z]{1,2}|\*{1,3}|†|‡)[\]).:]?\s+`)

// chapter is one document of the spine.
type chapter struct {
	path  string
	body  *html.Node
	notes int // notes taken out of it
}

// ref is a link that may be a note's marker.
type ref struct {
	a, note *html.Node // the link, and the block of the note it leads to
}

// takeNotes replaces every note marker of the chapters with a numbered
// stand-in and takes the notes out of the text. It returns the notes'
// texts, in the order the text first refers to them.
func takeNotes(chapters []*chapter) []string {
	byID := map[string]*html.Node{}
	for _, c := range chapters {
		walk(c.body, func(n *html.Node) bool {
			if id := attr(n, "id"); id != "" && n.Type == html.ElementNode {
				if _, dup := byID[c.path+"#"+id]; !dup {
					byID[c.path+"#"+id] = n
				}
			}
			return true
		})
	}
	if len(byID) == 0 {
		return nil
	}
	var refs []ref
	for _, c := range chapters {
		walk(c.body, func(n *html.Node) bool {
			if n.Type != html.ElementNode || n.DataAtom != atom.A {
				return true
			}
			target := byID[targetKey(c.path, attr(n, "href"))]
			if target == nil || contains(target, n) || !isMarker(n, target) {
				return false
			}
			note := noteBlock(target)
			if !plausibleNote(note, target) {
				return false
			}
			refs = append(refs, ref{a: n, note: note})
			return false
		})
	}
	// A link inside a note taken, leads back from it: no marker. A note
	// comes after its marker, so taking them in reading order tells the
	// marker from the link back, which would otherwise look the same.
	var kept []ref
	for _, r := range refs {
		back := false
		for _, o := range kept {
			if contains(o.note, r.a) {
				back = true
				break
			}
		}
		if !back && r.note.Parent != nil && !containsAny(r.note, taken(kept)) {
			kept = append(kept, r)
		}
	}
	number := map[*html.Node]int{}
	var texts []string
	for _, r := range kept {
		num, seen := number[r.note]
		if !seen {
			texts = append(texts, noteText(r.note, strings.ToLower(text(r.a))))
			num = len(texts)
			number[r.note] = num
		}
		marker := r.a
		if p := marker.Parent; p != nil && (p.DataAtom == atom.Sup || p.DataAtom == atom.Span) && strings.TrimSpace(text(p)) == strings.TrimSpace(text(marker)) {
			marker = p
		}
		if marker.Parent != nil {
			marker.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: markOpen + strconv.Itoa(num) + markClose}, marker)
			remove(marker)
		}
	}
	for _, r := range kept {
		if r.note.Parent == nil {
			continue
		}
		parent := r.note.Parent
		remove(r.note)
		for _, c := range chapters {
			if contains(c.body, parent) {
				c.notes++
			}
		}
		// A list or box of notes left empty goes too.
		for parent != nil && parent.Parent != nil && parent.DataAtom != atom.Body && text(parent) == "" {
			next := parent.Parent
			remove(parent)
			parent = next
		}
	}
	return texts
}

// targetKey is the chapter and element a link leads to, "path#id", or ""
// for a link that leads out of the book or to no element.
func targetKey(from, href string) string {
	if href == "" || strings.Contains(href, "://") || strings.HasPrefix(href, "mailto:") {
		return ""
	}
	file, id, ok := strings.Cut(href, "#")
	if !ok || id == "" {
		return ""
	}
	target := from
	if file != "" {
		target = resolve(path.Dir(from), file)
	}
	return target + "#" + id
}

// isMarker reports whether a link to target is a note's marker: marked so
// (EPUB 3's noteref), leading to an element marked as a note, or, as EPUB
// 2 books write them, a note's label set as a superscript or with a class
// that says note.
func isMarker(a, target *html.Node) bool {
	if _, heading := headingLevel(target); heading {
		return false
	}
	if strings.Contains(types(a), " noteref ") {
		return true
	}
	if t := types(target); strings.Contains(t, "footnote ") || strings.Contains(t, "endnote ") || strings.Contains(t, " rearnote ") || strings.Contains(t, " note ") {
		return true
	}
	label := strings.ToLower(text(a))
	if !noteLabel.MatchString(label) {
		return false
	}
	inSup := a.Parent != nil && a.Parent.DataAtom == atom.Sup
	hasSup := find(a, atom.Sup) != nil
	class := strings.ToLower(attr(a, "class") + " " + attr(a, "id"))
	return inSup || hasSup || strings.Contains(class, "note") || strings.Contains(class, "fn")
}

// noteBlock is the note a link's target stands for: the target, or, when
// it is an anchor in the note's text, the paragraph or item around it.
func noteBlock(target *html.Node) *html.Node {
	for n := target; n != nil && n.Type == html.ElementNode; n = n.Parent {
		switch n.DataAtom {
		case atom.P, atom.Li, atom.Div, atom.Aside, atom.Dd, atom.Section, atom.Blockquote, atom.Td:
			return n
		case atom.Dt:
			for s := n.NextSibling; s != nil; s = s.NextSibling {
				if s.Type == html.ElementNode {
					if s.DataAtom == atom.Dd {
						return wrapTerm(n, s)
					}
					break
				}
			}
			return n
		case atom.Body:
			return target
		}
	}
	return target
}

// wrapTerm puts a definition list's term and its definition (a note's
// label and text) into one element, so that the note is taken whole.
func wrapTerm(dt, dd *html.Node) *html.Node {
	w := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	dt.Parent.InsertBefore(w, dt)
	remove(dt)
	remove(dd)
	w.AppendChild(dt)
	w.AppendChild(dd)
	return w
}

// noteText is a note's text: its links back to the marker left out, and
// the label it starts with when it repeats the marker's.
func noteText(note *html.Node, label string) string {
	var b strings.Builder
	leadingBack := false
	walk(note, func(n *html.Node) bool {
		switch {
		case n.Type == html.ElementNode && n.DataAtom == atom.A && isBackLink(n):
			leadingBack = leadingBack || strings.TrimSpace(b.String()) == ""
			return false
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && blockLike(n) && b.Len() > 0:
			b.WriteString(" ")
		}
		return true
	})
	t := strings.Join(strings.Fields(b.String()), " ")
	if leadingBack {
		// The label was the link back: what stood after it goes too.
		t = strings.TrimLeft(t, ".:) ")
	}
	if m := leadingLabel.FindStringSubmatch(t); m != nil && strings.Trim(label, "[]()") == strings.ToLower(m[1]) {
		t = t[len(m[0]):]
	}
	return t
}

// isBackLink reports a link in a note that leads back to its marker: one
// whose text is a label or an arrow.
func isBackLink(a *html.Node) bool {
	t := strings.ToLower(strings.TrimRight(text(a), ".:"))
	return noteLabel.MatchString(t) || strings.Trim(t, "↩↑⤴⇧^\ufe0e\ufe0f ") == "" || t == "back" || t == "return"
}

func blockLike(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Li, atom.Div, atom.Br, atom.Dd, atom.Dt, atom.Blockquote:
		return true
	}
	return false
}

func containsAny(n *html.Node, set map[*html.Node]bool) bool {
	found := false
	walk(n, func(c *html.Node) bool {
		found = found || set[c]
		return !found
	})
	return found
}

// headingLevel is the level of a heading element.
func headingLevel(n *html.Node) (int, bool) {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return int(n.Data[1] - '0'), true
	}
	return 0, false
}

// taken is the set of the markers of refs.
func taken(refs []ref) map[*html.Node]bool {
	set := map[*html.Node]bool{}
	for _, r := range refs {
		set[r.a] = true
	}
	return set
}

// maxNote is the longest a note is taken to be, in bytes of text: a link
// to anything longer leads to a passage of the text, not to a note.
const maxNote = 6000

// plausibleNote reports whether the block a marker leads to can be a
// note: no heading in it, not the length of a chapter, unless the book
// marks it as a note.
func plausibleNote(note, target *html.Node) bool {
	t := types(target) + types(note)
	if strings.Contains(t, "footnote ") || strings.Contains(t, "endnote ") || strings.Contains(t, " rearnote ") || strings.Contains(t, " note ") {
		return true
	}
	for _, h := range []atom.Atom{atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6} {
		if find(note, h) != nil {
			return false
		}
	}
	return len(text(note)) <= maxNote
}
