package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"cable/render"

	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"
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

// TestLibraryKeyLineFits: at every width the keys under the list are
// whole keys, never a word cut at the screen's edge, and end with "? more"
// so the help is a key away; with a filter applied as well.
func TestLibraryKeyLineFits(t *testing.T) {
	for _, filtered := range []bool{false, true} {
		for w := 40; w <= 130; w += 3 {
			m := startModel(t, testContext(render.StyleNoTTY, w, 24))
			if filtered {
				m = pressAll(t, m, "/", "a", "enter")
			}
			lines := screenLines(m)
			keys := strings.TrimSpace(lines[len(lines)-2])
			if !strings.HasSuffix(keys, "? more") {
				t.Errorf("%d columns (filtered %v): the keys %q do not end with \"? more\"", w, filtered, keys)
			}
			for _, k := range strings.Split(keys, " • ") {
				if !strings.Contains(k, " ") {
					t.Errorf("%d columns (filtered %v): a key cut short, %q, in %q", w, filtered, k, keys)
				}
			}
		}
	}
}

// TestEscClosesTheLibraryHelp: ? opens the library's help and esc closes
// it, as it closes the reader's overlays; the list is drawn again in the
// room the help gave back.
func TestEscClosesTheLibraryHelp(t *testing.T) {
	m := startModel(t, testContext(render.StyleNoTTY, 80, 24))
	before := m.View()
	m = pressAll(t, m, "?")
	if !strings.Contains(ansiStrip(m.View()), "delete to the trash") {
		t.Fatalf("? shows no help:\n%s", ansiStrip(m.View()))
	}
	m = pressAll(t, m, "esc")
	if m.library.list.Help.ShowAll || m.View() != before {
		t.Errorf("esc left the help open:\n%s", ansiStrip(m.View()))
	}
}

// TestNoMatchGoesWhenTheFilterIsMended: enter on a filter that matches
// nothing says so; the next letter typed into the filter takes the
// message away, since it spoke of the filter as it was.
func TestNoMatchGoesWhenTheFilterIsMended(t *testing.T) {
	m := startModel(t, testContext(render.StyleNoTTY, 80, 24))
	m = pressAll(t, m, "/", "z", "q", "x", "enter")
	if !strings.Contains(ansiStrip(m.View()), `No match for "zqx".`) {
		t.Fatalf("no \"No match\" message:\n%s", ansiStrip(m.View()))
	}
	m = pressAll(t, m, "backspace")
	if strings.Contains(ansiStrip(m.View()), "No match") {
		t.Errorf("the message stays after the filter changed:\n%s", ansiStrip(m.View()))
	}
}

// TestLateMatchesDoNotUndoTheFilter: typed fast, the matches of an
// earlier letter ("unrea", nothing) may come back after those of the
// filter as typed ("unread", every article never opened); the library
// shows what the filter as typed matches, whatever order they come in.
func TestLateMatchesDoNotUndoTheFilter(t *testing.T) {
	m := startModel(t, testContext(render.StyleNoTTY, 80, 24))
	m = pressAll(t, m, "/", "u", "n", "r", "e")
	m, early := press(t, m, "a")
	m, late := press(t, m, "d")
	for _, cmd := range []tea.Cmd{late, early} { // the earlier letter's last
		if msg, ok := filterMatches(cmd); ok {
			m, _ = update(m, msg)
		}
	}
	if got := len(m.library.list.VisibleItems()); got != 2 {
		t.Errorf("\"unread\" shows %d articles, want the 2 never opened:\n%s", got, ansiStrip(m.View()))
	}
}

// filterMatches runs a command the list gave while filtering and finds
// its matches among what it sends.
func filterMatches(cmd tea.Cmd) (tea.Msg, bool) {
	if cmd == nil {
		return nil, false
	}
	switch msg := cmd().(type) {
	case list.FilterMatchesMsg:
		return msg, true
	case tea.BatchMsg:
		for _, c := range msg {
			if found, ok := filterMatches(c); ok {
				return found, true
			}
		}
	}
	return nil, false
}

// TestTheCursorStaysOnARowWhenTheLastGoes: the last row deleted leaves
// the cursor on the row that is now last, so that enter opens it, rather
// than on no row at all.
func TestTheCursorStaysOnARowWhenTheLastGoes(t *testing.T) {
	ctx, _ := libraryContext(t, 100, 30)
	m := startModel(t, ctx)
	for tries := 0; ; tries++ {
		m = selectArticle(t, m, "piece")
		if m.library.list.Index() == len(m.library.list.VisibleItems())-1 {
			break
		}
		if tries == int(sortOrders) {
			t.Fatal("no order lists the reader's own article last")
		}
		m = pressAll(t, m, "s")
	}
	m = pressAll(t, m, "D")
	m, cmd := press(t, m, "y")
	m = settle(t, m, cmd)
	if n := len(m.library.list.VisibleItems()); n != 2 {
		t.Fatalf("%d rows after deleting one of three", n)
	}
	if m.library.list.Index() != 1 || m.library.list.SelectedItem() == nil {
		t.Errorf("the cursor is on row %d after the last went:\n%s", m.library.list.Index(), ansiStrip(m.View()))
	}
}
