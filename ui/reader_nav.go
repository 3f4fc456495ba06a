package ui

import (
	"cable/articles"

	tea "github.com/charmbracelet/bubbletea"
)

// maxTop is the last top line at which the screen is still full of text.
func (m readerModel) maxTop() int {
	return max(len(m.doc.Lines)-m.bodyHeight(), 0)
}

// scroll moves the view by n lines. Scrolling down never goes past the
// end, but a section jump may have put a short last section's heading at
// the top, beyond maxTop; scrolling down from there stays put.
func (m *readerModel) scroll(n int) {
	top := m.top + n
	if n > 0 {
		top = min(top, max(m.maxTop(), m.top))
	}
	m.moveTo(max(top, 0))
	m.see()
}

// scrollTo puts line at the top as scrolling does, reading what it shows,
// as the first and last screens are by g and G.
func (m *readerModel) scrollTo(line int) {
	m.moveTo(line)
	m.see()
}

// moveTo puts line at the top and remembers it as the reader's place.
func (m *readerModel) moveTo(line int) {
	m.top = clamp(line, 0, max(len(m.doc.Lines)-1, 0))
	m.anchor = m.doc.PositionAt(m.top)
}

// jumpToSection puts section i's heading on the top line, exactly. A jump
// into the editor's note from elsewhere, by any key, remembers the line
// left, so that "e" or backspace can go back to it.
func (m *readerModel) jumpToSection(i int) {
	if note, ok := m.article.EditorsNote(); ok && i == note && m.currentSection() != note {
		here := m.anchor
		m.note = noteReturn{place: &here, line: m.top, opts: m.doc.Options}
		m.keys.Return.SetEnabled(true)
	}
	m.jumps.record(m.anchor)
	m.top = m.doc.SectionStart[i]
	m.anchor = articles.Position{Section: i}
}

// jumpToStop puts stop i of the outline at the top: a section as
// jumpToSection does, a paragraph with its first line on the top line.
func (m *readerModel) jumpToStop(i int) {
	if i < 0 || i >= len(m.outline.stops) {
		return
	}
	s := m.outline.stops[i]
	if s.paragraph == 0 {
		m.jumpToSection(s.pos.Section)
		return
	}
	m.jumps.record(m.anchor)
	m.top = m.outline.line(m.doc, i)
	m.anchor = s.pos
}

// currentStop is the stop of the outline the top line shows.
func (m readerModel) currentStop() int {
	if !m.outline.byParagraph {
		return m.currentSection()
	}
	return m.outline.at(m.doc, m.top)
}

// currentEntry is the row of the contents the top line shows: the stop,
// and the sub-section of it.
func (m readerModel) currentEntry() entry {
	return entry{stop: m.currentStop(), sub: m.outline.subAt(m.doc, m.top)}
}

// goTo shows pos at the top without recording a jump: it is how the jump
// history itself moves.
func (m *readerModel) goTo(pos articles.Position) {
	m.anchor = pos
	m.top = m.doc.LineOf(pos)
}

// currentSection is the section the top line belongs to.
func (m readerModel) currentSection() int { return m.doc.SectionAt(m.top) }

func (m *readerModel) nextSection() tea.Cmd {
	if m.outline.byParagraph {
		next := m.outline.next(m.doc, m.top)
		if next < 0 {
			return m.say("This is the last %s.", m.outline.kindAt(m.currentStop()))
		}
		m.jumpToStop(next)
		return nil
	}
	next := m.currentSection() + 1
	if next >= len(m.doc.SectionStart) {
		return m.say("This is the last section.")
	}
	m.jumpToSection(next)
	return nil
}

// prevSection goes to the start of the current section, as vim's "[[" does,
// or to the previous section when already at the start.
func (m *readerModel) prevSection() tea.Cmd {
	if m.outline.byParagraph {
		prev := m.outline.prev(m.doc, m.top)
		if prev < 0 {
			return m.say("This is the first %s.", m.outline.kindAt(m.currentStop()))
		}
		m.jumpToStop(prev)
		return nil
	}
	cur := m.currentSection()
	if m.top > m.doc.SectionStart[cur] {
		m.jumpToSection(cur)
		return nil
	}
	if cur == 0 {
		return m.say("This is the first section.")
	}
	m.jumpToSection(cur - 1)
	return nil
}

// noteMove is what e does where the reader is.
type noteMove int

const (
	noNoteMove   noteMove = iota // no note, or in it with nowhere to go back to
	toNote                       // jump to the editor's note
	backFromNote                 // back to the line left for the note
)

// noteMove says what e does now: outside the editor's note it goes
// there; inside it, back to the line left for it, when the reader came
// by a jump. An article opened where it was left, in its note, has no
// line to go back to.
func (m readerModel) noteMove() noteMove {
	note, ok := m.article.EditorsNote()
	switch {
	case !ok:
		return noNoteMove
	case m.doc == nil || m.currentSection() != note:
		return toNote
	case m.note.place != nil:
		return backFromNote
	}
	return noNoteMove
}

// syncKeys switches the keys whose action depends on where the reader
// is, so that the help, the reminder in the status line and what a key
// does all come from the same state: e by noteMove, n and N by whether
// there is a search to walk.
func (m *readerModel) syncKeys() {
	move := m.noteMove()
	desc := "editor's note"
	if move == backFromNote {
		desc = "back to the text"
	}
	m.keys.EditorsNote.SetEnabled(move != noNoteMove)
	m.keys.EditorsNote.SetHelp(m.keys.EditorsNote.Help().Key, desc)
	m.keys.NextMatch.SetEnabled(m.find.active())
	m.keys.PrevMatch.SetEnabled(m.find.active())
}

// toggleEditorsNote does what noteMove says: jumps to the editor's note,
// remembering the exact line left, or goes back there.
func (m *readerModel) toggleEditorsNote() {
	switch m.noteMove() {
	case toNote:
		note, _ := m.article.EditorsNote()
		m.jumpToSection(note)
	case backFromNote:
		m.returnFromNote()
	}
}

// returnFromNote goes back to where the reader was before jumping to the
// editor's note: the same line when the width has not changed since, the
// same place in the text when it has.
func (m *readerModel) returnFromNote() {
	if m.note.place == nil {
		return
	}
	m.jumps.record(m.anchor)
	m.goTo(*m.note.place)
	if m.doc.Options == m.note.opts {
		m.top = m.note.line
	}
	m.note = noteReturn{}
	m.keys.Return.SetEnabled(false)
}
