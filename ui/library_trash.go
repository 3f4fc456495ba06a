package ui

import (
	"fmt"

	"cable/library"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"
)

// library_trash.go is the library's D, which deletes an article the
// reader added to the trash after a y/n question, and its o, which opens
// the selected article's original address.

// trashedMsg is the outcome of moving an article to the trash.
type trashedMsg struct {
	key     string
	trashed library.Trashed
	err     error
}

// selectedEntry is the article of the selected row, "continue reading"
// or not.
func selectedEntry(item list.Item) (*library.Entry, bool) {
	switch it := item.(type) {
	case continueItem:
		return it.entry, true
	case entryItem:
		return it.entry, true
	}
	return nil, false
}

// askDelete asks, in the status line, whether the selected article is to
// go to the trash; a bundled article is refused at once.
func (m *libraryModel) askDelete(item list.Item) tea.Cmd {
	e, ok := selectedEntry(item)
	switch {
	case !ok:
		return nil
	case e.Source == library.SourceBundled:
		return m.say("“" + e.Summary.Title + "” is bundled with cable: only articles you added can be deleted.")
	case e.Source != library.SourceLibrary:
		// A file named on the command line is read where it is; it is
		// no article of the library's to delete.
		return m.say("“" + e.Summary.Title + "” was named on the command line: only articles in the library can be deleted.")
	case m.ctx.Trash == nil:
		return m.say("No trash to delete to: cable cannot tell where its data directory is.")
	}
	m.triage.ask = &deleteQuestion{entry: *e}
	return nil
}

// deleteQuestion asks whether an article is to go to the trash: y
// deletes it, any other key keeps it.
type deleteQuestion struct{ entry library.Entry }

func (q *deleteQuestion) line(width int) string {
	return cutWords(fmt.Sprintf("Delete “%s”? Its file goes to the trash. y/n", q.entry.Summary.Title), width)
}

func (q *deleteQuestion) answer(m *libraryModel, msg tea.KeyMsg) (libraryQuestion, tea.Cmd) {
	if msg.String() != "y" && msg.String() != "Y" {
		return nil, m.say("Not deleted.")
	}
	e, trash, store := q.entry, *m.ctx.Trash, m.ctx.store()
	return nil, func() tea.Msg {
		tr, err := trash.Put(store, e)
		return trashedMsg{key: e.Key, trashed: tr, err: err}
	}
}

// trashed says where the article went and how to have it back, and lists
// the library again without it. Its reading and new mark, which the store
// keeps with it in the trash, leave the path too: a file written there
// next is another article.
func (m libraryModel) trashed(msg trashedMsg) (libraryModel, tea.Cmd) {
	if msg.err != nil {
		return m, m.warn("Not deleted: " + msg.err.Error())
	}
	delete(m.readings, msg.key)
	delete(m.fresh, msg.key)
	return m, tea.Batch(m.say("Moved to the trash: cable restore "+msg.trashed.Name), m.relist())
}

// openOriginal opens the selected article's original address, as o does
// in the reader.
func (m *libraryModel) openOriginal(item list.Item) tea.Cmd {
	e, ok := selectedEntry(item)
	if !ok {
		return nil
	}
	if e.Summary.URL == "" {
		return m.say(noAddress)
	}
	return openOriginalCmd(e.Summary.URL, m.ctx)
}

// trashKey takes the keys of D and o; ok is false for any other key.
func (m *libraryModel) trashKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, m.keys.Delete):
		return m.askDelete(m.list.SelectedItem()), true
	case key.Matches(msg, m.keys.OpenURL):
		return m.openOriginal(m.list.SelectedItem()), true
	}
	return nil, false
}
