package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// TestGlancesAtTheNotesDoNotFinish: the editor's note, jumps to the last
// sections and a search result show text that was not read; leaving after
// them, the article is neither finished nor counted as read beyond the
// first screen, and "Continue reading" still offers it.
func TestGlancesAtTheNotesDoNotFinish(t *testing.T) {
	for _, tt := range []struct {
		name string
		keys []string
	}{
		{"e e", []string{"e", "e"}},
		{"e", []string{"e"}},
		{"] to the end", []string{"]", "]", "]", "]", "]", "]", "]"}},
		{"a search", []string{"/", "s", "o", "b", "e", "r", "enter"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctx := storeContext(t, 80, 24, filepath.Join(t.TempDir(), "cable.db"))
			m := open(t, startModel(t, ctx), "azerbaijan-israel-relations")
			first := m.reader.reading().Progress
			if first <= 0 || first >= 50 {
				t.Fatalf("the first screen counts %d%%", first)
			}
			for _, k := range tt.keys {
				m, _ = press(t, m, k)
			}
			m, cmd := press(t, m, "q")
			m = settle(t, m, cmd)
			r, _, _ := ctx.Catalog.Store.Reading(m.reader.entry.Key)
			if r.Finished || r.Progress != first {
				t.Errorf("after %v the reading saved is %+v, want %d%% and not finished", tt.keys, r, first)
			}
			view := strings.Join(screenLines(m), "\n")
			if strings.Contains(view, "finished") || !strings.Contains(view, "Continue reading") {
				t.Errorf("the library after %v:\n%s", tt.keys, view)
			}
		})
	}
}

// TestReadingToTheEndOfTheTextFinishes: scrolling until the last line of
// the last section is on screen finishes the article even though the
// notes were never reached, and progress counts what was scrolled past.
func TestReadingToTheEndOfTheTextFinishes(t *testing.T) {
	ctx := storeContext(t, 80, 24, filepath.Join(t.TempDir(), "cable.db"))
	m := open(t, startModel(t, ctx), "azerbaijan-israel-relations")
	last, _ := m.reader.article.LastTextBlock()
	half := 0
	for !m.reader.state.seen.Seen(last) {
		m, _ = press(t, m, " ")
		if r := m.reader.reading(); !r.Finished && r.Progress > half {
			half = r.Progress
		}
		if m.reader.top >= m.reader.maxTop() {
			t.Fatal("the end of the text was never counted as seen")
		}
	}
	if half < 50 {
		t.Errorf("progress before the end reached only %d%%", half)
	}
	m, cmd := press(t, m, "q")
	m = settle(t, m, cmd)
	if r, _, _ := ctx.Catalog.Store.Reading(m.reader.entry.Key); !r.Finished || r.Progress != 100 {
		t.Errorf("the reading saved = %+v, want finished", r)
	}
}

// TestProgressCountsOnlyWhatWasScrolledPast: a jump to the last section
// followed by a line of scrolling counts that screen, not the sections
// jumped over.
func TestProgressCountsOnlyWhatWasScrolledPast(t *testing.T) {
	ctx := storeContext(t, 80, 24, filepath.Join(t.TempDir(), "cable.db"))
	m := open(t, startModel(t, ctx), "azerbaijan-israel-relations")
	for range 4 {
		m, _ = press(t, m, "]")
	}
	m, _ = press(t, m, "j")
	if r := m.reader.reading(); r.Progress >= 60 {
		t.Errorf("after jumping over three sections progress is %d%%", r.Progress)
	}
}

// continueRows are the titles of the library's "continue reading" rows,
// in order.
func continueRows(m Model) []string {
	var rows []string
	for _, it := range m.library.list.Items() {
		if c, ok := it.(continueItem); ok {
			rows = append(rows, c.entry.Summary.ID)
		}
	}
	return rows
}

// TestContinueReadingListsEveryUnfinishedArticle: two articles started
// are both offered, the last read first; c opens that one; one finished
// with F leaves the other.
func TestContinueReadingListsEveryUnfinishedArticle(t *testing.T) {
	ctx := storeContext(t, 100, 40, filepath.Join(t.TempDir(), "cable.db"))
	m := startModel(t, ctx)
	for _, id := range []string{"azerbaijan-israel-relations", "reading-with-cable"} {
		m = open(t, m, id)
		time.Sleep(2 * time.Millisecond) // distinct reading times
		var cmd tea.Cmd
		m, cmd = press(t, m, "q")
		m = settle(t, m, cmd)
	}
	want := []string{"reading-with-cable", "azerbaijan-israel-relations"}
	if got := continueRows(m); !slices.Equal(got, want) {
		t.Fatalf("continue reading rows = %v, want %v", got, want)
	}
	view := strings.Join(screenLines(m), "\n")
	if strings.Count(view, "Continue reading:") != 2 {
		t.Errorf("the library does not show two rows to continue:\n%s", view)
	}

	// F on the first article's own row finishes it: the other remains.
	for i, it := range m.library.list.Items() {
		if e, ok := it.(entryItem); ok && e.entry.Summary.ID == "reading-with-cable" {
			m.library.list.Select(i)
		}
	}
	m, cmd := press(t, m, "F")
	m = settle(t, m, cmd)
	if got := continueRows(m); !slices.Equal(got, want[1:]) {
		t.Fatalf("after F the continue reading rows = %v, want %v", got, want[1:])
	}
	m, cmd = press(t, m, "c")
	m = settle(t, m, cmd)
	if m.reader.article == nil || m.reader.article.ID != "azerbaijan-israel-relations" {
		t.Errorf("c did not open the unfinished article")
	}
}

// isNewRow reports whether the library marks the article with key new.
func isNewRow(t *testing.T, m Model, key string) bool {
	t.Helper()
	for _, it := range m.library.list.Items() {
		if item, ok := it.(entryItem); ok && item.entry.Key == key {
			return item.fresh && strings.HasPrefix(item.Description(), "new · ")
		}
	}
	t.Fatalf("no row for %s", key)
	return false
}

// TestTheNewMarkLastsUntilOpened: an article marked new in the store is
// new in the library at every start until it is opened; opening it takes
// the mark off in the store too.
func TestTheNewMarkLastsUntilOpened(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "fresh.md")
	if err := os.WriteFile(path, []byte("---\ntitle: Fresh\n---\n\nA paragraph of text.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "cable.db")
	start := func() Model {
		ctx := storeContext(t, 100, 30, db, path)
		fresh, err := ctx.Catalog.Store.NewKeys()
		if err != nil {
			t.Fatal(err)
		}
		m := NewModel(ctx, Start{New: fresh})
		next, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		return next.(Model)
	}
	first := start()
	if err := first.ctx.Catalog.Store.MarkNew(path); err != nil {
		t.Fatal(err)
	}
	m := start()
	if !isNewRow(t, m, path) {
		t.Fatal("an article marked new is not new in the library")
	}
	if !isNewRow(t, start(), path) {
		t.Fatal("the mark did not last to the next start")
	}
	m = open(t, m, "fresh")
	if isNewRow(t, m, path) {
		t.Error("an article opened is still new in the library")
	}
	if isNewRow(t, start(), path) {
		t.Error("an article opened is new again at the next start")
	}
}
