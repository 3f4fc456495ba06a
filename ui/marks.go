package ui

import (
	"fmt"

	"cable/library"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// marksModel lists the bookmarks of the article being read.
type marksModel struct {
	ctx  *Context
	list []library.Bookmark
	pick pickList
}

// marksAction is what a key in the bookmarks asked for.
type marksAction int

const (
	marksNothing marksAction = iota
	marksJump
	marksDelete
	marksClose
)

func newMarks(ctx *Context, list []library.Bookmark) marksModel {
	m := marksModel{ctx: ctx, pick: newPickList(ctx, "Bookmarks", "go to bookmark", true)}
	m.set(list)
	return m
}

// set replaces the list, keeping the cursor on a row.
func (m *marksModel) set(list []library.Bookmark) {
	m.list = list
	m.pick.rows = len(list)
	m.pick.cursor = clamp(m.pick.cursor, 0, max(len(list)-1, 0))
}

func (m *marksModel) open() { m.pick.cursor = 0 }

// update returns what the key asked for and the bookmark it concerns.
func (m *marksModel) update(msg tea.KeyMsg) (marksAction, library.Bookmark) {
	act := m.pick.update(msg)
	if len(m.list) == 0 {
		return marksClose, library.Bookmark{}
	}
	b := m.list[m.pick.cursor]
	switch act {
	case pickChoose:
		return marksJump, b
	case pickDelete:
		return marksDelete, b
	case pickClose:
		return marksClose, b
	}
	return marksNothing, b
}

// view draws the bookmarks in height lines.
func (m marksModel) view(height, width int) []string { return m.pick.view(m, height, width) }

// row is one bookmark: its place, its label and the first words of its
// paragraph.
func (m marksModel) row(i, width int, selected bool) string {
	st := m.ctx.Styles
	b := m.list[i]
	text := placeName(b.Position)
	if b.Label != "" {
		text += "  " + b.Label
	}
	text += "  " + st.Dim.Render(b.Excerpt)
	text = ansi.Truncate(fmt.Sprintf("%-3d %s", i+1, text), max(width, 8), "…")
	if selected {
		text = st.TOCCursor.Render(ansi.Strip(text))
	}
	return text
}

func (m marksModel) apart(int) bool { return false }
