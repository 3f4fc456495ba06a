package ui

import (
	"testing"

	"cable/library"
	"cable/render"

	tea "github.com/charmbracelet/bubbletea"
)

// TestBackFromAnArticleOpenedDirectlySelectsIt: an article named on the
// command line (or saved by cable get --read) is the library's selected
// row when the reader goes back to the library, not the row the library
// started on.
func TestBackFromAnArticleOpenedDirectlySelectsIt(t *testing.T) {
	ctx := testContext(render.StyleDark, 100, 30)
	first, _ := startModel(t, ctx).library.list.SelectedItem().(entryItem)
	var other string
	for _, e := range ctx.Catalog.Entries {
		if e.Key != first.entry.Key && e.Error == "" {
			other = e.Summary.ID
		}
	}
	e, ok := ctx.Catalog.Find(other)
	if !ok {
		t.Fatalf("no second article beside %q", first.entry.Summary.ID)
	}
	m := NewModel(ctx, Start{Open: &e})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m = next.(Model)
	next, load := m.Update(m.Init()())
	m = next.(Model)
	next, render := m.Update(load())
	m = settle(t, next.(Model), render)
	m, back := press(t, m, "q")
	if back != nil {
		if msg, ok := back().(closeReaderMsg); ok {
			next, _ = m.Update(msg)
			m = next.(Model)
		}
	}
	if m.screen != libraryScreen {
		t.Fatal("q did not go back to the library")
	}
	if got, ok := m.library.list.SelectedItem().(entryItem); !ok || got.entry.Key != e.Key {
		t.Errorf("the library's cursor is on %+v, want %q", m.library.list.SelectedItem(), e.Summary.ID)
	}
}

// TestAnArticleReadIsNoLongerNew: an article a feed update saved is
// marked new in the library until it has been opened.
func TestAnArticleReadIsNoLongerNew(t *testing.T) {
	m := startModel(t, testContext(render.StyleDark, 100, 30))
	e := m.ctx.Catalog.Entries[0]
	m.library.fresh[e.Key] = true
	m.library.refresh()
	isNew := func() bool {
		for _, it := range m.library.list.Items() {
			if item, ok := it.(entryItem); ok && item.entry.Key == e.Key {
				return item.fresh
			}
		}
		t.Fatalf("no row for %s", e.Key)
		return false
	}
	if !isNew() {
		t.Fatal("an article just saved by an update is not marked new")
	}
	next, _ := m.Update(readingSavedMsg{reading: library.Reading{Key: e.Key}})
	m = next.(Model)
	if isNew() {
		t.Error("an article read is still marked new")
	}
}
