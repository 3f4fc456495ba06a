package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// A click opens what it lands on: a library entry, a contents entry (in
// the contents over the text or beside it) or a search result. Screens
// find what stands on a row from the same layout their views draw, so a
// click can never disagree with what is on screen.

// isClick reports a press of the left button.
func isClick(msg tea.MouseMsg) bool {
	return msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft
}

// entryAt is the index, among the list's visible items, of the library
// entry drawn on screen row y. Entries are found by their titles in the
// list's own view, so whatever the list puts above them (title, filter,
// status) is accounted for.
func (m libraryModel) entryAt(y int) (int, bool) {
	items := m.list.VisibleItems()
	start, end := m.list.Paginator.GetSliceBounds(len(items))
	rows := strings.Split(ansi.Strip(m.list.View()), "\n")
	height := newLibraryDelegate(m.ctx).Height()
	row := 0
	for i := start; i < end; i++ {
		item, ok := items[i].(list.DefaultItem)
		if !ok {
			continue
		}
		found := findRow(rows, row, item.Title())
		if found < 0 {
			return 0, false
		}
		if y >= found && y < found+height {
			return i, true
		}
		row = found + height
	}
	return 0, false
}

// findRow is the first row from start on that shows the beginning of
// title (the delegate may cut a long title short).
func findRow(rows []string, start int, title string) int {
	prefix := []rune(strings.TrimSpace(title))
	prefix = prefix[:min(len(prefix), 12)]
	for r := start; r < len(rows); r++ {
		if strings.Contains(rows[r], string(prefix)) {
			return r
		}
	}
	return -1
}

// click opens the entry clicked on.
func (m *libraryModel) click(msg tea.MouseMsg) tea.Cmd {
	if !isClick(msg) || m.list.FilterState() == list.Filtering {
		return nil
	}
	i, ok := m.entryAt(msg.Y)
	if !ok {
		return nil
	}
	m.list.Select(i)
	item, _ := m.list.SelectedItem().(list.DefaultItem)
	return m.open(item)
}

// hitAt is the search result drawn on screen row y.
func (m searchModel) hitAt(y int) (int, bool) {
	_, owners := m.layout()
	if y < 0 || y >= len(owners) || owners[y] < 0 {
		return 0, false
	}
	return owners[y], true
}

// click opens the search result clicked on.
func (m *searchModel) click(msg tea.MouseMsg) tea.Cmd {
	if !isClick(msg) {
		return nil
	}
	if i, ok := m.hitAt(msg.Y); ok {
		m.cursor = i
		return m.openHit()
	}
	return nil
}

// click jumps to the section (paragraph, sub-section) clicked on in the side
// contents, or gives
// the click to the overlay, whose rows it may pick.
func (m *readerModel) click(msg tea.MouseMsg) tea.Cmd {
	row := msg.Y - m.headerHeight()
	if msg.X < m.sidePaneWidth() && m.takesSideClicks() {
		_, owners := m.sidePaneLayout(m.sidePaneWidth())
		if row >= 0 && row < len(owners) && owners[row] != noEntry {
			m.overlay = nil
			*m, _ = jumpToEntry(owners[row])(*m)
		}
		return nil
	}
	return m.overlayClick(row)
}
