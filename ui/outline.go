package ui

import (
	"fmt"

	"cable/articles"
	"cable/render"
)

// outline is what "]" and "[", the contents and the status line move
// through: the article's sections or, in an article without section
// headings, its paragraphs. Nothing is invented for such an article: no
// heading is made up; its own paragraphs are the places to go to, named by
// their opening words, and the notes and the editor's note after them
// stay sections. An article with headings has one stop per section, and
// reads exactly as it always has; the headings inside its sections are
// its sub-sections, which "]" and "[" pass over and "}" and "{" stop at.
type outline struct {
	byParagraph bool
	stops       []stop
	paragraphs  int // how many stops are paragraphs
	// subs are the sub-sections of every section, in reading order; those
	// of section s are subs[firstSub[s]:firstSub[s+1]] (see subsOf).
	subs     []subsection
	firstSub []int
	// places names positions, the one way cable does.
	places articles.Places
}

// stop is one place of the outline: the start of a section, or a
// paragraph of the text.
type stop struct {
	pos articles.Position
	// paragraph numbers a paragraph from 1; 0 for a section.
	paragraph int
}

// newOutline finds an article's stops. It reads it paragraph by paragraph
// when no section has a heading of the text's own: a lone opening, maybe
// followed by notes and an editor's note.
func newOutline(a *articles.Article) outline {
	var o outline
	blocks := a.ParagraphBlocks()
	o.byParagraph = len(blocks) > 0
	for i, b := range blocks {
		o.stops = append(o.stops, stop{pos: articles.Position{Block: b}, paragraph: i + 1})
	}
	o.paragraphs = len(blocks)
	for i := range a.Sections {
		if !o.byParagraph || i > 0 {
			o.stops = append(o.stops, stop{pos: articles.Position{Section: i}})
		}
	}
	o.places = a.Places()
	if !o.byParagraph {
		o.subs, o.firstSub = subsections(o.places)
	}
	return o
}

// placeName names a position as the status line does: "¶4" in an
// article read by paragraph, "§3 ¶2" in one with sections, "§3.2 ¶1" in
// a sub-section, its paragraphs counted from its heading.
func (o outline) placeName(pos articles.Position) string { return o.places.Name(pos) }

// line is the line stop i starts on in d: a section's heading (or first
// line), a paragraph's first line.
func (o outline) line(d *render.Document, i int) int {
	s := o.stops[i]
	if s.paragraph == 0 || s.pos.Section >= len(d.BlockStart) || s.pos.Block >= len(d.BlockStart[s.pos.Section]) {
		return d.SectionStart[min(s.pos.Section, len(d.SectionStart)-1)]
	}
	return d.BlockStart[s.pos.Section][s.pos.Block]
}

// at is the stop that line top shows: the last one starting on it or
// above, or the first when none does (a title heading above the first
// paragraph).
func (o outline) at(d *render.Document, top int) int {
	cur := 0
	for i := range o.stops {
		if o.line(d, i) > top {
			break
		}
		cur = i
	}
	return cur
}

// next is the first stop below line top, or -1 at the last.
func (o outline) next(d *render.Document, top int) int {
	for i := range o.stops {
		if o.line(d, i) > top {
			return i
		}
	}
	return -1
}

// prev is where "[" goes from line top: the start of the stop being read
// when top is below it, as vim's "[[" does, or else the stop before; -1
// at the first.
func (o outline) prev(d *render.Document, top int) int {
	for i := len(o.stops) - 1; i >= 0; i-- {
		if o.line(d, i) < top {
			return i
		}
	}
	return -1
}

// name is what the contents and the side contents call stop i: a
// section's title, or a paragraph's number and opening words, which the
// list cuts to its width.
func (o outline) name(a *articles.Article, i int) string {
	s := o.stops[i]
	if s.paragraph == 0 {
		return a.SectionTitle(s.pos.Section)
	}
	return fmt.Sprintf("¶%-*d %s", len(fmt.Sprint(o.paragraphs)), s.paragraph, a.Sections[s.pos.Section].Blocks[s.pos.Block].Text)
}

// kindAt is what stop i is, in the messages of "]" and "[".
func (o outline) kindAt(i int) string {
	if i < len(o.stops) && o.stops[i].paragraph > 0 {
		return "paragraph"
	}
	return "section"
}
