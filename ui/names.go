package ui

import (
	"fmt"
	"strings"

	"cable/articles"
	"cable/render"

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
	m := namesModel{ctx: ctx, names: names, pick: newPickList(ctx, "show mentions", false)}
	m.pick.rows = len(m.names)
	return m
}

// view draws the names in height lines, each with its count.
func (m namesModel) view(height, width int) []string {
	st := m.ctx.Styles
	indent := strings.Repeat(" ", leftMargin(width, render.TextWidth(width, m.ctx.Measure))+glamourMargin)
	lines := []string{indent + st.TOCTitle.Render("Names in this article"), ""}
	first, end := m.pick.window(height - len(lines) - 2)
	if pos := m.pick.position(end - first); pos != "" {
		lines[0] += "  " + st.Dim.Render(pos+" · j/k for more")
	}
	for i := first; i < end; i++ {
		n := m.names[i]
		row := ansi.Truncate(fmt.Sprintf("%-36s %3d", n.Text, n.Count), max(width-len(indent), 8), "…")
		if i == m.pick.cursor {
			row = st.TOCCursor.Render(row)
		}
		lines = append(lines, indent+row)
	}
	return append(lines, "", indent+m.pick.helpLine())
}
