package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cable/library"
	"cable/render"

	tea "github.com/charmbracelet/bubbletea"
)

// writeLibrary writes n small articles into ten shelves below dir, dated
// in the past, and indexes them into the database at db.
func writeLibrary(tb testing.TB, dir, db string, n int) {
	tb.Helper()
	old := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	for i := range n {
		path := filepath.Join(dir, fmt.Sprintf("shelf-%d", i%10), fmt.Sprintf("article-%05d.md", i))
		if i < 10 {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				tb.Fatal(err)
			}
		}
		body := fmt.Sprintf("---\ntitle: Article %05d\nauthor: Author %d\n---\n\nWords of article %d.\n", i, i%97, i)
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			tb.Fatal(err)
		}
		os.Chtimes(path, old, old)
	}
	cat, err := library.OpenCatalog(library.Options{Sources: library.Sources{Dirs: []string{dir}}, DBPath: db})
	if err != nil || cat.Store == nil || len(cat.Entries) != n {
		tb.Fatalf("indexing %d articles: %v, %v", n, err, cat.Warning)
	}
	cat.Close()
}

// TestFirstFrameFromTheIndexAlone: the library of 10,000 articles draws
// its first frame from the index's first page and count, with every
// article file out of reach (the directory moved away: a read, or a
// question about any file, would find nothing); the rest of the list then
// comes, the index brought up to date with the files, in place, the
// selected article still selected.
func TestFirstFrameFromTheIndexAlone(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes 10,000 articles")
	}
	const n = 10000
	base := t.TempDir()
	dir, db := filepath.Join(base, "lib"), filepath.Join(base, "cable.db")
	writeLibrary(t, dir, db, n)
	if err := os.Rename(dir, dir+"-away"); err != nil {
		t.Fatal(err)
	}
	defer os.Rename(dir+"-away", dir) // should the test stop before it is put back

	cat, err := library.OpenCatalog(library.Options{Sources: library.Sources{Dirs: []string{dir}}, DBPath: db, Page: 40})
	if err != nil {
		t.Fatal(err)
	}
	defer cat.Close()
	if !cat.Partial || cat.Total != n || len(cat.Entries) != 40 {
		t.Fatalf("the first page: partial %v, total %d, %d entries; want true, %d, 40", cat.Partial, cat.Total, len(cat.Entries), n)
	}
	ctx := newTestContext(render.StyleDark)
	ctx.Width, ctx.Height = 100, 30
	ctx.Catalog = cat
	m := startModel(t, ctx)
	view := ansiStrip(m.View())
	if !strings.Contains(view, "cable · 10000 articles · by recently added") || !strings.Contains(view, "Article 00000") {
		t.Fatalf("the first frame:\n%s", view)
	}
	for range 3 {
		next, _ := m.Update(tea.KeyMsg{Type: tea.KeyDown})
		m = next.(Model)
	}
	chosen := m.library.list.SelectedItem().(entryItem).entry.Key

	rest := m.library.loadRest()
	if rest == nil {
		t.Fatal("no command lists the rest of the library")
	}
	if err := os.Rename(dir+"-away", dir); err != nil {
		t.Fatal(err)
	}
	m = settle(t, m, rest)
	if cat.Partial || len(cat.Entries) != n {
		t.Fatalf("after the rest: partial %v, %d entries; want false, %d", cat.Partial, len(cat.Entries), n)
	}
	if got := m.library.list.SelectedItem().(entryItem).entry.Key; got != chosen {
		t.Errorf("the selection moved from %s to %s", chosen, got)
	}
	if view := ansiStrip(m.View()); !strings.Contains(view, "10000 articles") || !strings.Contains(view, "│ Article 00030") {
		t.Errorf("after the rest:\n%s", view)
	}
}

// benchLibrary is the library of 50,000 articles of realistic shape,
// held in memory, at 120×40.
func benchLibrary(b *testing.B) Model {
	b.Helper()
	words := strings.Fields("sanctions ceasefire corridor pipeline alliance deterrence Caucasus Baku Tehran Moscow " +
		"enlargement sovereignty mediation drones energy Karabakh strait nuclear reform rivalry")
	entries := make([]library.Entry, 50000)
	added := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range entries {
		w := func(k int) string { return words[(i*7+k*13)%len(words)] }
		key := fmt.Sprintf("/lib/shelf-%d/article-%05d.md", i%10, i)
		entries[i] = library.Entry{Key: key, Source: library.SourceLibrary, Added: added.Add(time.Duration(i%500) * time.Hour)}
		s := &entries[i].Summary
		s.ID, s.Origin = fmt.Sprintf("article-%05d", i), key
		s.Title = fmt.Sprintf("The %s of %s and the %s %s", w(0), w(1), w(2), w(3))
		s.Author, s.Source = fmt.Sprintf("Author %d", i%211), "Foreign Affairs"
		s.Words, s.Minutes = 800+i%4000, 4+i%20
		s.Sections, s.Topics = []string{"One", "Two", "Three"}, []string{w(4), w(5)}
		s.Abstract = "A summary of the argument the article makes, a sentence or two long, cut to the width of the row."
	}
	ctx := newTestContext(render.StyleDark)
	ctx.Width, ctx.Height = 120, 40
	ctx.Catalog = &library.Catalog{Entries: entries}
	return startModel(b, ctx)
}

// BenchmarkLibraryKey50k is one key in the library of 50,000 articles and
// the frame drawn after it (Update and View, and for the filter the
// matching the list does in a command, as a person waits for it): a move,
// a page, a letter of the filter, a sort.
func BenchmarkLibraryKey50k(b *testing.B) {
	b.Run("move", func(b *testing.B) {
		m := benchLibrary(b)
		defer reportCPU(b)()
		for b.Loop() {
			m, _ = press(b, m, "j")
			_ = m.View()
		}
	})
	b.Run("page", func(b *testing.B) {
		m := benchLibrary(b)
		defer reportCPU(b)()
		for b.Loop() {
			next, _ := m.Update(tea.KeyMsg{Type: tea.KeyRight})
			m = next.(Model)
			_ = m.View()
		}
	})
	b.Run("filter", func(b *testing.B) {
		m := benchLibrary(b)
		m, _ = press(b, m, "/")
		typed := []string{"s", "a", "n", "backspace", "backspace", "backspace"}
		i := 0
		defer reportCPU(b)()
		for b.Loop() {
			var cmd tea.Cmd
			m, cmd = press(b, m, typed[i%len(typed)])
			m = settle(b, m, cmd)
			_ = m.View()
			i++
		}
	})
	// The first letter, which no earlier term narrows: every article is
	// matched (and the letter taken back, which matches none).
	b.Run("filter-first-letter", func(b *testing.B) {
		m := benchLibrary(b)
		m, _ = press(b, m, "/")
		defer reportCPU(b)()
		for b.Loop() {
			m.library.filters.memo = filterMemo{}
			var cmd tea.Cmd
			m, cmd = press(b, m, "s")
			m = settle(b, m, cmd)
			_ = m.View()
			m, cmd = press(b, m, "backspace")
			m = settle(b, m, cmd)
		}
	})
	// As in the program, where the list is sorted in every order in the
	// background once it is listed (sortAhead).
	b.Run("sort", func(b *testing.B) {
		m := benchLibrary(b)
		next, _ := m.Update(m.library.sortAhead()())
		m = next.(Model)
		defer reportCPU(b)()
		for b.Loop() {
			m, _ = press(b, m, "s")
			_ = m.View()
		}
	})
	// Each order made as s asks for it.
	b.Run("sort-unsorted", func(b *testing.B) {
		m := benchLibrary(b)
		defer reportCPU(b)()
		for b.Loop() {
			*m.library.orders = sortedOrders{}
			m, _ = press(b, m, "s")
			_ = m.View()
		}
	})
}
