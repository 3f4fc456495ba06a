package ui

import (
	"fmt"
	"strings"

	"cable/library"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// allMarksModel lists the bookmarks of every article, newest first;
// enter opens the article at the bookmark.
type allMarksModel struct {
	ctx   *Context
	marks []library.Bookmark
	pick  pickList
	err   error
}

func newAllMarks(ctx *Context) allMarksModel {
	return allMarksModel{ctx: ctx, pick: newPickList(ctx, "Bookmarks in every article", "open", true)}
}

func (m allMarksModel) update(msg tea.Msg) (allMarksModel, tea.Cmd) {
	switch msg := msg.(type) {
	case bookmarksMsg:
		if msg.key == "" {
			m.marks, m.err = msg.marks, msg.err
			m.pick.rows = len(m.marks)
			m.pick.cursor = clamp(m.pick.cursor, 0, max(len(m.marks)-1, 0))
		}
	case storeDoneMsg:
		if msg.asker != allMarksScreen {
			return m, nil
		}
		if msg.err != nil {
			m.err = msg.err // a delete that failed says why
			return m, nil
		}
		return m, bookmarksCmd(m.ctx.store(), "")
	case tea.KeyMsg:
		return m.handleKey(msg)
	}
	return m, nil
}

func (m allMarksModel) handleKey(msg tea.KeyMsg) (allMarksModel, tea.Cmd) {
	act := m.pick.update(msg, m.ctx.Height-5)
	if act == pickClose {
		return m, showScreen(libraryScreen, nil)
	}
	if len(m.marks) == 0 {
		return m, nil
	}
	b := m.marks[m.pick.cursor]
	switch act {
	case pickChoose:
		e, ok := m.entryOf(b)
		if !ok {
			return m, nil
		}
		pos := b.Position
		return m, openEntry(e, &pos)
	case pickDelete:
		store := m.ctx.store()
		return m, func() tea.Msg {
			return storeDoneMsg{asker: allMarksScreen, done: "Bookmark deleted.", err: store.DeleteBookmark(b.ID)}
		}
	}
	return m, nil
}

func (m allMarksModel) entryOf(b library.Bookmark) (library.Entry, bool) {
	return m.ctx.Catalog.ByKey(b.Key)
}

func (m allMarksModel) view() string {
	if m.ctx.tooSmall() {
		return tooSmallView(m.ctx)
	}
	st := m.ctx.Styles
	lines := []string{"", "  " + st.TOCTitle.Render("Bookmarks in every article"), ""}
	switch {
	case m.err != nil:
		lines = append(lines, "  "+st.Error.Render(m.err.Error()))
	case len(m.marks) == 0:
		lines = append(lines, "  "+st.Dim.Render("No bookmarks yet: m in the reader adds one."))
	}
	first, end := m.pick.window(m.ctx.Height - len(lines) - 2)
	for i := first; i < end; i++ {
		margin := "  "
		if i == m.pick.cursor {
			margin = gutter(margin, st.Marks.Cursor)
		}
		lines = append(lines, margin+m.row(i))
	}
	body := fitLines(lines, m.ctx.Height-1, m.ctx.Width)
	return strings.Join(append(body, "  "+m.pick.helpLine(m.ctx.Width-2)), "\n")
}

// row is one bookmark: its article, place, label and first words.
func (m allMarksModel) row(i int) string {
	b := m.marks[i]
	title := b.Key
	if e, ok := m.entryOf(b); ok {
		title = e.Summary.Title
	}
	text := fmt.Sprintf("%s · §%d", title, b.Position.Section+1)
	if b.Label != "" {
		text += " · " + b.Label
	}
	text = ansi.Truncate(text+" — "+b.Excerpt, max(m.ctx.Width-4, 8), "…")
	if i == m.pick.cursor {
		return m.ctx.Styles.TOCCursor.Render(text)
	}
	return text
}
