package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cable/library"
	"cable/render"
)

// TestCursorAtTheTopStaysThereAsTheListComes: a library drawn from the
// index's first page, its cursor not moved, keeps the cursor on the top
// row when the background sync brings an article the index did not hold
// yet (one imported before this start): the reader finds the newest
// article selected, as on any start.
func TestCursorAtTheTopStaysThereAsTheListComes(t *testing.T) {
	base := t.TempDir()
	dir, db := filepath.Join(base, "lib"), filepath.Join(base, "cable.db")
	writeLibrary(t, dir, db, 5)
	newest := filepath.Join(dir, "newest.md")
	if err := os.WriteFile(newest, []byte("---\ntitle: The Newest Article\n---\n\nWords.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cat, err := library.OpenCatalog(library.Options{Sources: library.Sources{Dirs: []string{dir}}, DBPath: db, Page: 40})
	if err != nil {
		t.Fatal(err)
	}
	defer cat.Close()
	ctx := newTestContext(render.StyleDark)
	ctx.Width, ctx.Height = 100, 30
	ctx.Catalog = cat
	m := startModel(t, ctx)
	if rest := m.library.loadRest(); rest != nil {
		m = settle(t, m, rest)
	}
	if got := m.library.list.Index(); got != 0 {
		t.Errorf("the cursor moved to row %d; want the top row", got)
	}
	if item, ok := m.library.list.SelectedItem().(entryItem); !ok || !strings.Contains(item.entry.Summary.Title, "Newest") {
		t.Errorf("selected %v; want the newest article\n%s", m.library.list.SelectedItem(), ansiStrip(m.View()))
	}
}
