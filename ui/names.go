package ui

import (
	"fmt"
	"strings"

	"cable/articles"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// namesList is the names index: the places, people and organisations the
// article mentions, most mentioned first. Choosing one searches for it,
// so its mentions are highlighted and n and N walk them. The reader keeps
// the list while it is closed, so that it opens again on the name chosen
// last.
type namesList struct {
	ctx   *Context
	names []articles.Name
	list  pickList
}

func newNames(ctx *Context, names []articles.Name) namesList {
	m := namesList{ctx: ctx, names: names, list: newPickList(ctx, "Names in this article", "show mentions", false)}
	m.list.rows = len(m.names)
	m.list.counted = true
	return m
}

// update moves the cursor; enter highlights the chosen name's mentions.
func (m namesList) update(msg tea.KeyMsg, f frame) (overlay, readerAction) {
	switch m.list.update(msg, m.list.inSight(f.height)) {
	case pickClose:
		return nil, m.keep(nil)
	case pickChoose:
		if len(m.names) == 0 {
			return nil, m.keep(nil)
		}
		return nil, m.keep(showMentions(m.names[m.list.cursor]))
	}
	return m, nil
}

// keep hands the closed list back to the reader, then does then.
func (m namesList) keep(then readerAction) readerAction {
	return func(r readerModel) (readerModel, tea.Cmd) {
		r.lists.names = m
		if then == nil {
			return r, nil
		}
		return then(r)
	}
}

// recount takes each name's mentions as counted in the rendering's text
// (indexTextCmd), so that the count shown is the number of matches enter
// finds: the article's own count (articles.Names) misses what the
// rendering adds to the text. The names keep their order. An open list
// shares the names, so it shows the new counts too.
func (m namesList) recount(mentions []int) {
	if len(mentions) != len(m.names) {
		return // counted for another list
	}
	for i, n := range mentions {
		m.names[i].Count = n
	}
}

// showMentions highlights a name's mentions and goes to the first after
// the top of the screen, as a jump.
func showMentions(name articles.Name) readerAction {
	return func(r readerModel) (readerModel, tea.Cmd) {
		r.jumps.record(r.anchor)
		r.runFindName(name, r.top)
		cmd := r.say("%s: %s (n and N walk them, esc clears)", name.Text, r.findStatus())
		return r, cmd
	}
}

func (m namesList) view(f frame) []string { return m.list.view(m, f.height, f.width) }

// row is one name and how often it is mentioned.
func (m namesList) row(i, width int, selected bool) string {
	n := m.names[i]
	// Padded by the cells a name takes, so that the counts stand in one
	// column under names in any script.
	pad := strings.Repeat(" ", max(36-ansi.StringWidth(n.Text), 0))
	row := ansi.Truncate(fmt.Sprintf("%s%s %3d", n.Text, pad, n.Count), max(width, 8), "…")
	if selected {
		row = m.ctx.Styles.TOCCursor.Render(row)
	}
	return row
}

func (m namesList) apart(int) bool { return false }
