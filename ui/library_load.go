package ui

import (
	"cable/library"

	tea "github.com/charmbracelet/bubbletea"
)

// library_load.go completes a library drawn from the first page of the
// index (library.Options.Page): the rest of the index is listed in the
// background, then the index is brought up to date with the files, and
// the list changes in place each time, the selection kept.

// indexListedMsg brings every entry the index holds, as the last sync
// left them.
type indexListedMsg struct {
	entries []library.Entry
	err     error
}

// loadRest lists the rest of a catalog opened with its first page only;
// nil for a catalog that has every entry.
func (m *libraryModel) loadRest() tea.Cmd {
	cat := m.ctx.Catalog
	if cat == nil || !cat.Partial {
		return nil
	}
	return func() tea.Msg {
		entries, err := cat.IndexEntries()
		return indexListedMsg{entries: entries, err: err}
	}
}

// listed takes the index's entries, unless a sync has already given the
// list, and then brings the index up to date.
func (m libraryModel) listed(msg indexListedMsg) (libraryModel, tea.Cmd) {
	if msg.err == nil && m.ctx.Catalog.Partial {
		m.ctx.Catalog.Complete(msg.entries)
		m.refresh()
	}
	return m, m.relist()
}

// libraryChangedMsg says the library's directories changed.
type libraryChangedMsg struct{}

// watchLibrary waits for the next change in the library's directories;
// nil without a watcher.
func (m *libraryModel) watchLibrary() tea.Cmd {
	changes := m.ctx.LibraryChanges
	if changes == nil {
		return nil
	}
	return func() tea.Msg {
		if _, ok := <-changes; !ok {
			return nil
		}
		return libraryChangedMsg{}
	}
}

// changed lists the library again after a change in its directories, and
// waits for the next.
func (m libraryModel) changed() (libraryModel, tea.Cmd) {
	return m, tea.Batch(m.relist(), m.watchLibrary())
}
