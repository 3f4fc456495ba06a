package ui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// pickList is a cursor over the rows of a list that stands over the text,
// such as the table of contents or the bookmarks, and its keys.
type pickList struct {
	keys   pickKeys
	help   help.Model
	cursor int
	rows   int
}

// pick is what a key did to a pick list.
type pick int

const (
	pickNothing pick = iota
	pickChoose
	pickDelete
	pickClose
)

func newPickList(ctx *Context, choose string, deletable bool) pickList {
	keys := newPickKeys(choose)
	keys.Delete.SetEnabled(deletable)
	return pickList{keys: keys, help: dimHelp(ctx)}
}

// update moves the cursor, or says which row was chosen or deleted, or
// that the list should close.
func (p *pickList) update(msg tea.KeyMsg) pick {
	last := max(p.rows-1, 0)
	switch {
	case key.Matches(msg, p.keys.Down):
		p.cursor = min(p.cursor+1, last)
	case key.Matches(msg, p.keys.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(msg, p.keys.Top):
		p.cursor = 0
	case key.Matches(msg, p.keys.Bottom):
		p.cursor = last
	case key.Matches(msg, p.keys.Choose):
		return pickChoose
	case key.Matches(msg, p.keys.Delete):
		return pickDelete
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

// helpLine is the reminder of the keys under the list.
func (p pickList) helpLine() string { return p.help.ShortHelpView(p.keys.ShortHelp()) }

// position says where the cursor is in a list longer than the screen,
// "12/35", so that the reader knows there is more; "" when all is shown.
func (p pickList) position(shown int) string {
	if shown >= p.rows {
		return ""
	}
	return fmt.Sprintf("%d/%d", p.cursor+1, p.rows)
}
