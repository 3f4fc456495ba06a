package ui

import (
	"fmt"
	"strings"

	"cable/articles"
	"cable/library"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// highlightsList lists the highlights of the article being read, in the
// order of the text: enter jumps to one, e edits its note, d deletes it
// after asking (the store keeps a tombstone) and the list stays open,
// refreshed when the store has the new list. One whose passage is no longer in the text
// is listed as such, and cannot be jumped to.
type highlightsList struct {
	ctx   *Context
	highs []shownHighlight
	list  pickList
	place func(articles.Position) string
	// asking is set while d's question waits for its y or n.
	asking bool
}

func newHighlightsList(ctx *Context, highs []shownHighlight, place func(articles.Position) string) highlightsList {
	l := highlightsList{ctx: ctx, list: newPickList(ctx, "Highlights", "go to highlight", true), place: place}
	l.list.keys.Edit.SetEnabled(true)
	l.list.counted = true
	return l.set(highs)
}

// set replaces the highlights, keeping the cursor on a row.
func (l highlightsList) set(highs []shownHighlight) highlightsList {
	l.highs = highs
	l.list.rows = len(highs)
	l.list.cursor = clamp(l.list.cursor, 0, max(len(highs)-1, 0))
	return l
}

func (l highlightsList) update(msg tea.KeyMsg, f frame) (overlay, readerAction) {
	if l.asking {
		l.asking = false
		if msg.String() != "y" && msg.String() != "Y" || len(l.highs) == 0 {
			return l, func(r readerModel) (readerModel, tea.Cmd) { return r, r.say("Not deleted.") }
		}
		id := l.highs[l.list.cursor].h.ID
		return l, func(r readerModel) (readerModel, tea.Cmd) {
			store := r.ctx.store()
			return r, func() tea.Msg {
				return storeDoneMsg{asker: readerScreen, done: "Highlight deleted.", err: store.DeleteHighlight(id)}
			}
		}
	}
	act := l.list.update(msg, l.list.inSight(f.height))
	if len(l.highs) == 0 {
		return nil, nil
	}
	sh := l.highs[l.list.cursor]
	switch act {
	case pickChoose:
		if !sh.found {
			return l, func(r readerModel) (readerModel, tea.Cmd) {
				return r, r.say("This highlight is not found in the text any more.")
			}
		}
		return nil, func(r readerModel) (readerModel, tea.Cmd) {
			r.jumps.record(r.anchor)
			r.goTo(sh.from)
			return r, nil
		}
	case pickEdit:
		return newNotePrompt(sh.h.ID, sh.h.Note, true), func(r readerModel) (readerModel, tea.Cmd) {
			r.notes.saved[sh.h.ID] = sh.h.ID
			return r, nil
		}
	case pickDelete:
		l.asking = true // a highlight and its note are not made again by a key
		return l, nil
	case pickClose:
		return nil, nil
	}
	return l, nil
}

func (l highlightsList) view(f frame) []string {
	list := l.list
	if l.asking {
		what := "this highlight"
		if l.highs[list.cursor].h.Note != "" {
			what += " and its note"
		}
		list.title = fmt.Sprintf("Delete %s (%d)? y/n", what, list.cursor+1)
	}
	return list.view(l, f.height, f.width)
}

// row is one highlight: its place, its note and its words, or that it is
// no longer in the text.
func (l highlightsList) row(i, width int, selected bool) string {
	sh := l.highs[i]
	where := l.place(sh.h.Position())
	if sh.found {
		where = l.place(sh.from)
	}
	return highlightLine(l.ctx.Styles, i+1, where, sh.h, sh.found, width, selected)
}

// highlightLine is one highlight in a list, numbered n: where it is, its
// note, that it is not found in the text when so, and its words, cut to
// width. The reader's H and the library's draw their rows with it; the
// library's where names the article too.
func highlightLine(st Styles, n int, where string, h library.Highlight, found bool, width int, selected bool) string {
	text := where
	if h.Note != "" {
		text += "  " + st.Marks.Note + " " + h.Note
	}
	if !found {
		text += "  " + st.Error.Render("not found in the text")
	}
	text += "  " + st.Dim.Render(strings.Join(strings.Fields(h.Text()), " "))
	text = ansi.Truncate(fmt.Sprintf("%-3d %s", n, text), max(width, 8), "…")
	if selected {
		text = st.TOCCursor.Render(ansi.Strip(text))
	}
	return text
}

func (l highlightsList) apart(int) bool { return false }
