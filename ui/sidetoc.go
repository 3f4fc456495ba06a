package ui

import (
	"cable/articles"

	"github.com/charmbracelet/x/ansi"
)

// sidePane is the contents beside the text: the section (or sub-section)
// at the top of the screen highlighted as the reader scrolls, and as many
// rows around it as fit.
func (m readerModel) sidePane(width int) []string {
	lines, _ := m.sidePaneLayout(width)
	return lines
}

// sideRoom is how many rows the side contents have room for: the text
// area less their title and the blank line under it.
func (m readerModel) sideRoom() int { return m.bodyHeight() - 2 }

// sideRows are the rows of the side contents: every section with its
// sub-sections under it when they all fit, or else only the sub-sections
// of the section being read, as the contents over the text open folded.
func (m readerModel) sideRows(current entry) []entry {
	rows := m.outline.entries(false, 0)
	if len(rows) > m.sideRoom() {
		rows = m.outline.entries(true, m.outline.section(current))
	}
	return rows
}

// sidePaneLayout draws the side contents and says which row (a section,
// a paragraph or a sub-section) each line is (noEntry for none), for
// clicks. An article with more rows than lines shows a window of them
// scrolled as the contents over the text scroll, so that the place being
// read is always in view.
func (m readerModel) sidePaneLayout(width int) ([]string, []entry) {
	st := m.ctx.Styles
	current := m.currentEntry()
	rows := m.sideRows(current)
	lines := []string{" " + st.TOCTitle.Render("Contents"), ""}
	owners := []entry{noEntry, noEntry}
	window := pickList{cursor: entryRow(rows, current), rows: len(rows)}
	first, end := window.window(m.sideRoom())
	for i := first; i < end; i++ {
		e := rows[i]
		owners = append(owners, e)
		row := ansi.Truncate(m.outline.entryName(m.article, e, true), width-3, "…")
		margin := " "
		switch {
		case e == current:
			row, margin = st.TOCCursor.Render(row), gutter(margin, st.Marks.Cursor)
		case m.article.Sections[m.outline.section(e)].Kind == articles.EditorsNote:
			row = st.NoteMark.Render(row)
		}
		lines = append(lines, margin+row)
	}
	return lines, owners
}
