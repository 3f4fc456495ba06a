package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/list"
)

// TestFilterAndSelectionSurviveReading filters the library, opens the
// article found, and comes back: the filter is still set, the list still
// shows what it matched (now with "continue reading" first), and the
// article opened is still the one selected.
func TestFilterAndSelectionSurviveReading(t *testing.T) {
	ctx := storeContext(t, 100, 30, filepath.Join(t.TempDir(), "cable.db"))
	m := startModel(t, ctx)
	for _, k := range []string{"/", "A", "z", "e", "r", "b", "a", "i", "j", "a", "n", "enter"} {
		m, _ = press(t, m, k)
	}
	m, cmd := press(t, m, "enter")
	m = settle(t, m, cmd)
	if m.screen != readerScreen {
		t.Fatalf("enter did not open the article:\n%s", strings.Join(screenLines(m), "\n"))
	}
	m, cmd = press(t, m, "q")
	m = settle(t, m, cmd) // the place is saved, and the library told of it

	screen := strings.Join(screenLines(m), "\n")
	if m.library.list.FilterState() != list.FilterApplied {
		t.Errorf("the filter is %v after reading, want it still applied", m.library.list.FilterState())
	}
	if strings.Contains(screen, "No items") {
		t.Fatalf("the filtered library shows no items after reading:\n%s", screen)
	}
	visible := m.library.list.VisibleItems()
	if len(visible) != 2 {
		t.Errorf("the filter shows %d rows, want 2 (continue reading, the article)", len(visible))
	}
	it, ok := m.library.list.SelectedItem().(entryItem)
	if !ok || it.entry.Summary.Title != "How Deep Are Azerbaijan-Israel Relations?" {
		t.Errorf("selected after reading: %#v, want the article opened", m.library.list.SelectedItem())
	}
}

// TestSelectionFollowsTheArticleAsContinueReadingComes: the second
// article chosen, read a little and left, gains a "Continue reading" row
// above the list, which moves every row down one: the selection stays on
// the article read, not on the row number it had.
func TestSelectionFollowsTheArticleAsContinueReadingComes(t *testing.T) {
	ctx := storeContext(t, 100, 30, filepath.Join(t.TempDir(), "cable.db"))
	m := startModel(t, ctx)
	m, _ = press(t, m, "j")
	m, cmd := press(t, m, "enter")
	m = settle(t, m, cmd)
	if m.screen != readerScreen || m.reader.article.Meta.Title != "Reading with cable" {
		t.Fatalf("enter on the second row did not open the guide")
	}
	m, _ = press(t, m, "j")
	m, cmd = press(t, m, "q")
	m = settle(t, m, cmd)
	key, _, ok := itemIdentity(m.library.list.SelectedItem())
	if !ok || key != m.reader.entry.Key {
		t.Errorf("after reading the guide the selection is on %#v", m.library.list.SelectedItem())
	}
	if _, resumed := m.library.list.Items()[0].(continueItem); !resumed {
		t.Errorf("no Continue reading row after reading")
	}
}
