package ui

import (
	"fmt"

	"cable/articles"

	"github.com/charmbracelet/x/ansi"
)

// namesModel is the names index: the places, people and organisations the
// article mentions, most mentioned first. Choosing one searches for it,
// so its mentions are highlighted and n and N walk them.
type namesModel struct {
	ctx   *Context
	names []articles.Name
	pick  pickList
}

func newNames(ctx *Context, names []articles.Name) namesModel {
	m := namesModel{ctx: ctx, names: names, pick: newPickList(ctx, "Names in this article", "show mentions", false)}
	m.pick.rows = len(m.names)
	m.pick.counted = true
	return m
}

// view draws the names in height lines.
func (m namesModel) view(height, width int) []string { return m.pick.view(m, height, width) }

// row is one name and how often it is mentioned.
func (m namesModel) row(i, width int, selected bool) string {
	n := m.names[i]
	row := ansi.Truncate(fmt.Sprintf("%-36s %3d", n.Text, n.Count), max(width, 8), "…")
	if selected {
		row = m.ctx.Styles.TOCCursor.Render(row)
	}
	return row
}

func (m namesModel) apart(int) bool { return false }
