package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// The reader's help: every key, drawn from the keymap in place of the
// text. On a screen too short for it, it scrolls with the reader's own
// keys for moving, and says there is more above or below.

// helpRows are the help's keys laid out for the text's room, before any
// title or footer.
func (m readerModel) helpRows() []string {
	room := max(m.ctx.Width-m.textIndent(), 1)
	return helpColumns(m.keys.FullHelp(), room, m.ctx.Styles.HelpKey, m.ctx.Styles.HelpDesc)
}

// helpFits reports whether the whole help, with its title and footer and
// a blank line after each, fits in height lines.
func helpFits(rows, height int) bool { return rows+4 <= height }

// helpRoom is how many rows of keys a scrolling help shows: all the
// lines but the title and the footer.
func helpRoom(height int) int { return max(height-2, 1) }

// helpLines draws the help in height lines: whole, with room to spare,
// or a window of its rows between the title and a footer that says
// where there is more and how to see it.
func (m readerModel) helpLines(height int) []string {
	indent := strings.Repeat(" ", m.textIndent())
	st := m.ctx.Styles
	rows := m.helpRows()
	title := indent + st.TOCTitle.Render("Keys")
	if helpFits(len(rows), height) {
		lines := []string{title, ""}
		for _, l := range rows {
			lines = append(lines, indent+l)
		}
		return append(lines, "", indent+st.Dim.Render("Press any key to go back to the text."))
	}
	room := helpRoom(height)
	top := clamp(m.display.helpTop, 0, max(len(rows)-room, 0))
	end := min(top+room, len(rows))
	lines := []string{title}
	for _, l := range rows[top:end] {
		lines = append(lines, indent+l)
	}
	for len(lines) < room+1 {
		lines = append(lines, "")
	}
	var more string
	switch {
	case top > 0 && end < len(rows):
		more = "↑↓ more · "
	case top > 0:
		more = "↑ more · "
	case end < len(rows):
		more = "↓ more · "
	}
	scroll := m.keys.Down.Keys()[0] + "/" + m.keys.Up.Keys()[0]
	return append(lines, indent+st.Dim.Render(more+scroll+" scroll · "+m.keys.Back.Keys()[0]+" closes"))
}

// helpScroll moves a help longer than the screen by delta rows, and
// reports whether it is such a help.
func (m *readerModel) helpScroll(delta int) bool {
	rows, height := len(m.helpRows()), m.bodyHeight()
	if helpFits(rows, height) {
		return false
	}
	last := max(rows-helpRoom(height), 0)
	m.display.helpTop = clamp(clamp(m.display.helpTop, 0, last)+delta, 0, last)
	return true
}

// helpKey takes a key while the help is shown: the reader's keys for
// moving scroll a help longer than the screen, and any other key, or
// any key at all when the help fits, closes it.
func (m *readerModel) helpKey(msg tea.KeyMsg) {
	page := max(helpRoom(m.bodyHeight())-1, 1)
	all := len(m.helpRows())
	var delta int
	switch {
	case key.Matches(msg, m.keys.Down):
		delta = 1
	case key.Matches(msg, m.keys.Up):
		delta = -1
	case key.Matches(msg, m.keys.PageDown):
		delta = page
	case key.Matches(msg, m.keys.PageUp):
		delta = -page
	case key.Matches(msg, m.keys.HalfDown):
		delta = max(page/2, 1)
	case key.Matches(msg, m.keys.HalfUp):
		delta = -max(page/2, 1)
	case key.Matches(msg, m.keys.Top):
		delta = -all
	case key.Matches(msg, m.keys.Bottom):
		delta = all
	default:
		m.display.help = false // q, esc, ? and every other key
		return
	}
	if !m.helpScroll(delta) {
		m.display.help = false
	}
}
