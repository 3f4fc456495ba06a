package articles

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// sectionLevel is the heading level that cuts a body into sections: the
// highest level (fewest "#") among its top-level headings, so that a page
// whose subheads are "###" or "####" reads in sections as one using "##"
// does; lower levels stay headings inside a section. Two kinds of heading
// do not count: a title heading (see isTitleHeading), which names the
// article rather than a part of it, and an editor's note, which is a
// section at whatever level it is written. It is 0 when no heading counts.
func sectionLevel(doc ast.Node, src []byte, title string) int {
	level, notes := 0, 0
	higher := func(have, l int) int {
		if have == 0 || l < have {
			return l
		}
		return have
	}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		switch {
		case !ok || isTitleHeading(doc, h, src, title):
		case IsEditorsNoteTitle(HeadingTitle(h, src)):
			notes = higher(notes, h.Level)
		default:
			level = higher(level, h.Level)
		}
	}
	if level == 0 {
		return notes // only notes: a second one is a section, and an error
	}
	return level
}

// isTitleHeading reports whether h is the article's title written as a
// "#" heading at the top of the body, as a Markdown file without front
// matter gives its title: a "#" heading that opens the body and is either
// the only "#" heading or says the article's title. A body whose "#"
// headings are its subheads ("# Part one", "# Part two") has them as
// sections instead.
func isTitleHeading(doc ast.Node, h *ast.Heading, src []byte, title string) bool {
	if h.Level != 1 || doc.FirstChild() != ast.Node(h) {
		return false
	}
	if title != "" && strings.EqualFold(foldSpace(HeadingTitle(h, src)), foldSpace(title)) {
		return true
	}
	for n := h.NextSibling(); n != nil; n = n.NextSibling() {
		if other, ok := n.(*ast.Heading); ok && other.Level == 1 {
			return false
		}
	}
	return true
}

// startsSection reports whether a top-level heading begins a section of a
// body whose sections are at level. An editor's note begins one at any
// level the first time; a later one below the level is a subhead inside
// it (as the import makes a repeated note), while one at the level is a
// section, which Parse reports as a second note.
func startsSection(doc ast.Node, h *ast.Heading, src []byte, title string, level int, noteSeen bool) bool {
	t := HeadingTitle(h, src)
	if t == "" || isTitleHeading(doc, h, src, title) {
		return false // an empty heading names nothing to go to
	}
	if IsEditorsNoteTitle(t) && !noteSeen {
		return true
	}
	return h.Level == level
}

// HeadingTitle is a heading's text as a section's title: its plain text
// without the furniture sites put in headings, which belongs to the site
// and not to the article: Wikipedia's "[edit]" link, the "¶", "#", "§"
// and "Permalink" anchors of blogs and documentation, and any link whose
// text is only a symbol. The title is what the contents, the status line
// and search results show; the heading in the text is left as written.
func HeadingTitle(h ast.Node, src []byte) string {
	var b strings.Builder
	for c := h.FirstChild(); c != nil; c = c.NextSibling() {
		if !isFurnitureLink(c, src) {
			writePlain(&b, c, src)
		}
	}
	if t := StripHeadingFurniture(foldSpace(b.String())); t != "" {
		return t
	}
	return PlainText(h, src) // nothing but furniture: better than no title
}

// isFurnitureLink reports a link in a heading that is the site's, not the
// article's: an edit link, or an anchor whose text is a furniture word or
// only a symbol.
func isFurnitureLink(n ast.Node, src []byte) bool {
	link, ok := n.(*ast.Link)
	if !ok {
		return false
	}
	dest := strings.ToLower(string(link.Destination))
	if strings.Contains(dest, "action=edit") || strings.Contains(dest, "veaction=edit") {
		return true
	}
	return IsFurnitureAnchor(PlainText(link, src))
}

// furnitureWords are the texts of the anchors sites put in headings,
// compared in lower case with brackets around them removed.
var furnitureWords = map[string]bool{
	"edit": true, "edit source": true, "permalink": true, "permanent link": true,
	"link": true, "anchor": true, "link to this section": true, "link to this heading": true,
	"direct link to heading": true, "copy link": true, "link to section": true,
}

// IsFurnitureAnchor reports whether the text of a link in a heading is
// site furniture: a furniture word ("edit", "[edit]", "Permalink", "Link
// to this section") or nothing but symbols ("¶", "#", "§", "🔗").
func IsFurnitureAnchor(text string) bool {
	t := strings.ToLower(foldSpace(text))
	t = strings.TrimSpace(strings.Trim(t, "[]() "))
	if furnitureWords[t] {
		return true
	}
	return t != "" && strings.IndexFunc(t, func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}) < 0
}

// trailingFurniture are the furniture texts that may end a heading
// written as plain text ("Early life [edit]", "Method ¶"), longest
// first, and the bracket an edit link stood in once the link is gone. The symbols count only as a word of their own, so that "C#"
// keeps its sharp.
var trailingFurniture = []string{"[edit source]", "[edit]", "[]", "()", "[", "(", "|", "¶", "🔗", "⚓"}

// symbolAnchors end a heading only when a space stands before them.
var symbolAnchors = []string{"#", "§", "Permalink", "permalink"}

// StripHeadingFurniture removes the furniture that ends a heading's
// text, as many times as it is repeated, and any "¶" or "#" anchor that
// opens it: "Early life[edit]" gives "Early life", "¶ Method" gives
// "Method". A heading that is nothing but furniture is left as it was,
// rather than given no title.
func StripHeadingFurniture(title string) string {
	t := strings.TrimSpace(title)
	for changed := true; changed; {
		changed = false
		for _, f := range trailingFurniture {
			if rest, ok := strings.CutSuffix(t, f); ok {
				t, changed = strings.TrimSpace(rest), true
			}
		}
		for _, f := range symbolAnchors {
			if rest, ok := strings.CutSuffix(t, " "+f); ok {
				t, changed = strings.TrimSpace(rest), true
			}
		}
	}
	for _, f := range []string{"¶", "#", "🔗"} {
		if rest, ok := strings.CutPrefix(t, f+" "); ok && startsWithLetter(rest) {
			t = strings.TrimSpace(rest)
		}
	}
	if t == "" {
		return strings.TrimSpace(title)
	}
	return t
}

// startsWithLetter reports whether s begins with a letter, as a title
// after an anchor does. ("§ 3 Remedies" keeps its section sign: it is
// part of the title.)
func startsWithLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}
