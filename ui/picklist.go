package ui

import (
	"fmt"
	"strings"

	"cable/render"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// pickList is the one list that stands over the text. The contents, the
// links, the names and the bookmarks are each a pickList fed their own
// rows, so that they move, scroll, say where the cursor is and map a click
// to a row alike; what differs is how a row reads and what enter does.
type pickList struct {
	ctx    *Context
	title  string
	keys   pickKeys
	help   help.Model
	cursor int
	rows   int
	// counted says where the cursor is ("12/35") beside the title when
	// the rows do not all fit.
	counted bool
	// spaced keeps a line free for the blank line that sets a row apart
	// from the one above it (the editor's note in the contents).
	spaced bool
}

// listRows draws the rows of one list, as bubbles' list.ItemDelegate
// draws the items of a list.
type listRows interface {
	// row draws row i in width columns; selected marks the row under the
	// cursor.
	row(i, width int, selected bool) string
	// apart reports whether a blank line sets row i apart from the row
	// above it.
	apart(i int) bool
}

// pick is what a key did to a pick list.
type pick int

const (
	pickNothing pick = iota
	pickChoose
	pickDelete
	pickEdit
	pickClose
)

// newPickList makes a list titled title whose enter does choose; d
// deletes a row only in a deletable list.
func newPickList(ctx *Context, title, choose string, deletable bool) pickList {
	keys := newPickKeys(choose)
	keys.Delete.SetEnabled(deletable)
	return pickList{ctx: ctx, title: title, keys: keys, help: dimHelp(ctx)}
}

// update moves the cursor, by a row or by page rows (the rows in
// sight), or says which row was chosen or deleted, or that the list
// should close.
func (p *pickList) update(msg tea.KeyMsg, page int) pick {
	last := max(p.rows-1, 0)
	page = max(page, 1)
	switch {
	case key.Matches(msg, p.keys.Down):
		p.cursor = min(p.cursor+1, last)
	case key.Matches(msg, p.keys.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(msg, p.keys.PageDown):
		p.cursor = min(p.cursor+page, last)
	case key.Matches(msg, p.keys.PageUp):
		p.cursor = max(p.cursor-page, 0)
	case key.Matches(msg, p.keys.Top):
		p.cursor = 0
	case key.Matches(msg, p.keys.Bottom):
		p.cursor = last
	case key.Matches(msg, p.keys.Choose):
		return pickChoose
	case key.Matches(msg, p.keys.Delete):
		return pickDelete
	case key.Matches(msg, p.keys.Edit):
		return pickEdit
	case key.Matches(msg, p.keys.Close):
		return pickClose
	}
	return pickNothing
}

// window is the range of rows to draw in height lines, scrolled to keep
// the cursor in sight.
func (p pickList) window(height int) (first, end int) {
	height = max(height, 1)
	first = clamp(p.cursor-height/2, 0, max(p.rows-height, 0))
	return first, min(first+height, p.rows)
}

// helpLine is the reminder of the keys under the list, in room columns.
func (p pickList) helpLine(room int) string { return fitKeys(p.help, p.keys.ShortHelp(), room) }

// position says where the cursor is in a list longer than the screen,
// "12/35", so that the reader knows there is more; "" when all is shown.
func (p pickList) position(shown int) string {
	if shown >= p.rows {
		return ""
	}
	return fmt.Sprintf("%d/%d", p.cursor+1, p.rows)
}

// view draws the list in height lines of width columns.
func (p pickList) view(rows listRows, height, width int) []string {
	lines, _ := p.layout(rows, height, width)
	return lines
}

// layout draws the list, lined up with the text it stands over: the
// title, the rows in sight and the reminder of the keys. It also says
// which row each line shows (-1 for none), so that a click finds the row
// the view drew.
func (p pickList) layout(rows listRows, height, width int) ([]string, []int) {
	st := p.ctx.Styles
	indent := strings.Repeat(" ", leftMargin(width, render.TextWidth(width, p.ctx.Measure))+glamourMargin)
	lines := []string{indent + st.TOCTitle.Render(p.title), ""}
	owners := []int{-1, -1}
	first, end := p.window(p.inSight(height))
	if pos := p.position(end - first); p.counted && pos != "" {
		lines[0] += "  " + st.Dim.Render(pos+" · j/k for more")
	}
	for i := first; i < end; i++ {
		if i > first && rows.apart(i) {
			lines = append(lines, "")
			owners = append(owners, -1)
		}
		margin := indent
		if i == p.cursor {
			margin = gutter(indent, st.Marks.Cursor)
		}
		lines = append(lines, margin+rows.row(i, width-len(indent), i == p.cursor))
		owners = append(owners, i)
	}
	return append(lines, "", indent+p.helpLine(width-len(indent))), append(owners, -1, -1)
}

// inSight is how many rows the list shows in an overlay of height lines:
// less its title and the blank line under it, the blank line and the help
// under the rows, and a line kept for a row set apart.
func (p pickList) inSight(height int) int {
	reserved := 4
	if p.spaced {
		reserved++
	}
	return height - reserved
}

// rowAt is the row drawn on line y of the list's layout.
func (p pickList) rowAt(rows listRows, y, height, width int) (int, bool) {
	_, owners := p.layout(rows, height, width)
	if y < 0 || y >= len(owners) || owners[y] < 0 {
		return 0, false
	}
	return owners[y], true
}
