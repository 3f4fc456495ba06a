package ui

import (
	"strings"

	"cable/articles"
	"cable/render"

	tea "github.com/charmbracelet/bubbletea"
)

// subsection is a heading inside a section (see articles.Subheading): a
// place the contents list under its section, "}" and "{" go to, and the
// status line names as "§3.2/8".
type subsection struct {
	pos    articles.Position // its section, and its heading's block
	depth  int               // 1 under the section, 2 under a sub-section
	number string            // "3.2", "3.2.1": the section's number, then its place among its siblings
	title  string
}

// subsections are the article's numbered sub-sections (see
// articles.Places), in reading order, and where each section's begin
// among them: those of section s are subs[first[s]:first[s+1]].
func subsections(p articles.Places) (subs []subsection, first []int) {
	for _, n := range p.Subs {
		subs = append(subs, subsection{pos: articles.Position{Section: n.Section, Block: n.Block}, depth: n.Depth, number: n.Number, title: n.Title})
	}
	return subs, p.First
}

// subsOf are the indexes of section s's sub-sections among o.subs.
func (o outline) subsOf(s int) (from, to int) {
	if s < 0 || s+1 >= len(o.firstSub) {
		return 0, 0
	}
	return o.firstSub[s], o.firstSub[s+1]
}

// subLine is the line sub-section j's heading is on in d.
func (o outline) subLine(d *render.Document, j int) int {
	p := o.subs[j].pos
	if p.Section >= len(d.BlockStart) || p.Block >= len(d.BlockStart[p.Section]) {
		return d.SectionStart[min(p.Section, len(d.SectionStart)-1)]
	}
	return d.BlockStart[p.Section][p.Block]
}

// subAt is the sub-section line top is in: the last of its section's
// starting on it or above; -1 above the first, where the section's own
// text is.
func (o outline) subAt(d *render.Document, top int) int {
	from, to := o.subsOf(d.SectionAt(top))
	cur := -1
	for j := from; j < to && o.subLine(d, j) <= top; j++ {
		cur = j
	}
	return cur
}

// subOf is the sub-section pos is in, -1 when it is in its section's
// own text, before any.
func (o outline) subOf(pos articles.Position) int {
	from, to := o.subsOf(pos.Section)
	cur := -1
	for j := from; j < to && o.subs[j].pos.Block <= pos.Block; j++ {
		cur = j
	}
	return cur
}

// heading is a place "}" and "{" go to: a section's start (sub is -1),
// or a sub-section's heading.
type heading struct{ section, sub int }

// nextHeading is the first heading below line top, section or
// sub-section; ok is false at the last.
func (o outline) nextHeading(d *render.Document, top int) (heading, bool) {
	best, line := heading{}, -1
	for s, l := range d.SectionStart {
		if l > top {
			best, line = heading{s, -1}, l
			break
		}
	}
	for j := range o.subs {
		if l := o.subLine(d, j); l > top {
			if line < 0 || l < line {
				best, line = heading{o.subs[j].pos.Section, j}, l
			}
			break
		}
	}
	return best, line >= 0
}

// prevHeading is where "{" goes from line top: the start of the
// sub-section or section being read when top is below it, as "[" does,
// or else the heading before; ok is false at the first.
func (o outline) prevHeading(d *render.Document, top int) (heading, bool) {
	best, line := heading{}, -1
	for s := len(d.SectionStart) - 1; s >= 0; s-- {
		if l := d.SectionStart[s]; l < top {
			best, line = heading{s, -1}, l
			break
		}
	}
	for j := len(o.subs) - 1; j >= 0; j-- {
		if l := o.subLine(d, j); l < top {
			if l > line {
				best, line = heading{o.subs[j].pos.Section, j}, l
			}
			break
		}
	}
	return best, line >= 0
}

// jumpToSub puts sub-section j's heading on the top line.
func (m *readerModel) jumpToSub(j int) {
	m.jumps.record(m.anchor)
	m.top = m.outline.subLine(m.doc, j)
	m.anchor = m.outline.subs[j].pos
}

// goToHeading goes to h, a section as "]" does, a sub-section's heading.
func (m *readerModel) goToHeading(h heading) {
	if h.sub < 0 {
		m.jumpToSection(h.section)
		return
	}
	m.jumpToSub(h.sub)
}

// nextSub is "}": the next heading, sub-section or section.
func (m *readerModel) nextSub() tea.Cmd {
	h, ok := m.outline.nextHeading(m.doc, m.top)
	if !ok {
		return m.say("This is the last sub-section.")
	}
	m.goToHeading(h)
	return nil
}

// prevSub is "{": the start of the sub-section being read, or the heading
// before it.
func (m *readerModel) prevSub() tea.Cmd {
	h, ok := m.outline.prevHeading(m.doc, m.top)
	if !ok {
		return m.say("This is the first sub-section.")
	}
	m.goToHeading(h)
	return nil
}

// subIndent is how far a sub-section's row stands in from its section's
// in the contents: two columns a level.
func subIndent(depth int) string { return strings.Repeat("  ", depth) }
