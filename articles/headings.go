package articles

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// topHeading is a heading at the top level of a body (not in a quote or
// a list), with what splitting the body into sections needs to know of
// it, worked out once.
type topHeading struct {
	node  *ast.Heading
	title string // see HeadingTitle
	note  bool   // it names the editor's note
	// starts is set when the heading begins a section.
	starts bool
}

// planSections finds a body's top-level headings and which of them begin
// sections. The sections are made by the highest heading level (fewest
// "#") the body uses, so that a page whose subheads are "###" or "####"
// reads in sections as one using "##" does; lower levels stay headings
// inside a section. level, when above 0, fixes the level instead. Two
// kinds of heading do not choose the level: a title heading (see
// isTitleHeading), which names the article rather than a part of it, and
// an editor's note, which begins a section at whatever level it is
// written the first time; a later note below the level is a subhead
// inside it (as the import makes a repeated note), while one at the level
// is a section, which Parse reports as a second note. A heading with no
// text names nothing to go to and begins no section.
func planSections(doc ast.Node, src []byte, title string, level int) []topHeading {
	var heads []topHeading
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			t := HeadingTitle(h, src)
			heads = append(heads, topHeading{node: h, title: t, note: IsEditorsNoteTitle(t)})
		}
	}
	titleHeading := len(heads) > 0 && isTitleHeading(doc, heads, title)
	if level <= 0 {
		level = sectionLevel(heads, titleHeading)
	}
	noteSeen := false
	for i := range heads {
		h := &heads[i]
		switch {
		case h.title == "" || i == 0 && titleHeading:
		case h.note && !noteSeen:
			h.starts, noteSeen = true, true
		default:
			h.starts = h.node.Level == level
			noteSeen = noteSeen || h.starts && h.note
		}
	}
	return heads
}

// sectionLevel is the highest level among heads, leaving out the first
// when it is the title heading and editor's notes; a body whose only
// headings are notes has them at their own level.
func sectionLevel(heads []topHeading, titleHeading bool) int {
	level, notes := 0, 0
	higher := func(have, l int) int {
		if have == 0 || l < have {
			return l
		}
		return have
	}
	for i, h := range heads {
		switch {
		case i == 0 && titleHeading:
		case h.note:
			notes = higher(notes, h.node.Level)
		default:
			level = higher(level, h.node.Level)
		}
	}
	if level == 0 {
		return notes // only notes: a second one is a section, and an error
	}
	return level
}

// isTitleHeading reports whether the first of a body's headings is the
// article's title written as a "#" heading at the top of the body, as a
// Markdown file without front matter gives its title: a "#" heading that
// opens the body and is either the only "#" heading or says the
// article's title. A body whose "#" headings are its subheads ("# Part
// one", "# Part two") has them as sections instead.
func isTitleHeading(doc ast.Node, heads []topHeading, title string) bool {
	first := heads[0]
	if first.node.Level != 1 || doc.FirstChild() != ast.Node(first.node) {
		return false
	}
	if title != "" && strings.EqualFold(first.title, foldSpace(title)) {
		return true
	}
	for _, h := range heads[1:] {
		if h.node.Level == 1 {
			return false
		}
	}
	return true
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
