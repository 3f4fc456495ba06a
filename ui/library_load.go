package ui

import (
	"slices"
	"strings"

	"cable/library"

	tea "github.com/charmbracelet/bubbletea"
)

// library_load.go completes a library drawn from the first page of the
// index (library.Options.Page): the index is brought up to date with the
// files in the background, and the list changes in place, the selection
// kept. (Listing the rest of the index first would show it sooner, at
// the cost of a second copy of every entry while the sync runs: 75 MB at
// 50,000 articles.)

// listRestMsg asks for the rest of a library drawn from its first page.
type listRestMsg struct{}

// loadRest asks for the rest of a catalog opened with its first page
// only; nil for a catalog that has every entry. The listing is started
// by the message, in update, where the library can note it is running.
func (m *libraryModel) loadRest() tea.Cmd {
	cat := m.ctx.Catalog
	if cat == nil || !cat.Partial {
		return nil
	}
	return func() tea.Msg { return listRestMsg{} }
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

// sortedOrders keeps the order of the catalog's entries in each sort
// order, by their places, made when first asked for (or ahead, by
// sortAhead) and again only when the entries change.
type sortedOrders struct {
	first  *library.Entry // the entries they were made of, by their first
	n      int
	orders [sortOrders][]int32
}

func (s *sortedOrders) of(entries []library.Entry, order sortOrder) []int32 {
	if len(entries) == 0 {
		return nil
	}
	if s.first != &entries[0] || s.n != len(entries) {
		*s = sortedOrders{first: &entries[0], n: len(entries)}
	}
	if s.orders[order] == nil {
		s.orders[order] = orderOf(entries, order)
	}
	return s.orders[order]
}

// orderOf is the places of entries in an order, ties by place: the
// entries' places are sorted, by keys made once (a title in lower case),
// not the items: at 50,000 articles, moving items and folding case at
// each comparison took two seconds a sort.
func orderOf(entries []library.Entry, order sortOrder) []int32 {
	places := make([]int32, len(entries))
	for i := range places {
		places[i] = int32(i)
	}
	lower := func(field func(e *library.Entry) string) []string {
		keys := make([]string, len(entries))
		for i := range entries {
			keys[i] = strings.ToLower(field(&entries[i]))
		}
		return keys
	}
	var cmp func(a, b int32) int
	switch order {
	case byTitle:
		keys := lower(func(e *library.Entry) string { return e.Summary.Title })
		cmp = func(a, b int32) int { return strings.Compare(keys[a], keys[b]) }
	case byAuthor:
		keys := lower(func(e *library.Entry) string { return e.Summary.Author })
		cmp = func(a, b int32) int { return strings.Compare(keys[a], keys[b]) }
	case byLength:
		cmp = func(a, b int32) int { return entries[a].Summary.Words - entries[b].Summary.Words }
	default:
		cmp = func(a, b int32) int { return entries[b].Added.Compare(entries[a].Added) }
	}
	// Ties by place: stable, with a sort that is not (pdqsort moves
	// fewer elements than a stable merge).
	slices.SortFunc(places, func(a, b int32) int {
		if c := cmp(a, b); c != 0 {
			return c
		}
		return int(a - b)
	})
	return places
}

// sortedAheadMsg brings every order of a list of entries, made in the
// background so that s never waits for a sort.
type sortedAheadMsg struct {
	first  *library.Entry
	orders [sortOrders][]int32
}

// sortAhead sorts the catalog's entries in every order, in the
// background; the entries are only read, there as here.
func (m *libraryModel) sortAhead() tea.Cmd {
	entries := m.ctx.Catalog.Entries
	if len(entries) < sortAheadFrom {
		return nil
	}
	return func() tea.Msg {
		msg := sortedAheadMsg{first: &entries[0]}
		for o := range sortOrders {
			msg.orders[o] = orderOf(entries, o)
		}
		return msg
	}
}

// sortAheadFrom is the fewest entries worth sorting ahead.
const sortAheadFrom = 2000

// sortedAhead keeps the orders made ahead, for the entries still listed.
func (m libraryModel) sortedAhead(msg sortedAheadMsg) (libraryModel, tea.Cmd) {
	entries := m.ctx.Catalog.Entries
	if len(entries) > 0 && &entries[0] == msg.first {
		*m.orders = sortedOrders{first: msg.first, n: len(entries), orders: msg.orders}
	}
	return m, nil
}
