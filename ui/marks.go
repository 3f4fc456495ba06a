package ui

import (
	"fmt"

	"cable/articles"
	"cable/library"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// marksList lists the bookmarks of the article being read: enter jumps to
// one, d deletes it and the list stays open, refreshed by the reader when
// the store has the new list.
type marksList struct {
	ctx   *Context
	marks []library.Bookmark
	list  pickList
	// place names a bookmark's place as the status line does ("§3.2 ¶1").
	place func(articles.Position) string
}

// newMarksList opens the bookmarks with the cursor on the first, each
// named by place.
func newMarksList(ctx *Context, marks []library.Bookmark, place func(articles.Position) string) marksList {
	m := marksList{ctx: ctx, list: newPickList(ctx, "Bookmarks", "go to bookmark", true), place: place}
	return m.set(marks)
}

// set replaces the bookmarks, keeping the cursor on a row.
func (m marksList) set(marks []library.Bookmark) marksList {
	m.marks = marks
	m.list.rows = len(marks)
	m.list.cursor = clamp(m.list.cursor, 0, max(len(marks)-1, 0))
	return m
}

// update moves the cursor, jumps to the bookmark under it or deletes it.
// Once the last bookmark is deleted, any key closes the list.
func (m marksList) update(msg tea.KeyMsg, f frame) (overlay, readerAction) {
	act := m.list.update(msg, m.list.inSight(f.height))
	if len(m.marks) == 0 {
		return nil, nil
	}
	b := m.marks[m.list.cursor]
	switch act {
	case pickChoose:
		return nil, goToBookmark(b)
	case pickDelete:
		return m, deleteBookmark(b)
	case pickClose:
		return nil, nil
	}
	return m, nil
}

// goToBookmark shows a bookmark's paragraph at the top, as a jump.
func goToBookmark(b library.Bookmark) readerAction {
	return func(r readerModel) (readerModel, tea.Cmd) {
		r.jumps.record(r.anchor)
		r.goTo(b.Position)
		return r, nil
	}
}

// deleteBookmark deletes a bookmark from the store; the reader hears it
// done and asks for the new list.
func deleteBookmark(b library.Bookmark) readerAction {
	return func(r readerModel) (readerModel, tea.Cmd) {
		store := r.ctx.store()
		return r, func() tea.Msg {
			return storeDoneMsg{asker: readerScreen, done: "Bookmark deleted.", err: store.DeleteBookmark(b.ID)}
		}
	}
}

func (m marksList) view(f frame) []string { return m.list.view(m, f.height, f.width) }

// row is one bookmark: its place, its label and the first words of its
// paragraph.
func (m marksList) row(i, width int, selected bool) string {
	st := m.ctx.Styles
	b := m.marks[i]
	text := m.place(b.Position)
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

func (m marksList) apart(int) bool { return false }
