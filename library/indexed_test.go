package library

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"cable/articles"
)

// pagedLibrary is a library indexed in two syncs, so that its articles
// were added at two times, with the bundled articles, a broken file and a
// file named alone; it returns its sources, the store's path and the
// entries the last Sync listed.
func pagedLibrary(t *testing.T) (Sources, string, []Entry) {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"b.md", "d.md", "sub/a.md"} {
		put(t, filepath.Join(dir, name), article("First "+name, "Words."))
	}
	put(t, filepath.Join(dir, "broken.md"), "---\ntitle: [unclosed\n---\n")
	alone := filepath.Join(t.TempDir(), "alone.md")
	put(t, alone, article("Alone", "Named on the command line."))
	bundle, err := articles.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	src := Sources{Bundle: bundle, Dirs: []string{dir}, Files: []string{alone}}
	s, path := newTestStore(t)
	mustSync(t, s, src)
	time.Sleep(2 * time.Millisecond) // a later added time
	for _, name := range []string{"c.md", "sub/e.md"} {
		put(t, filepath.Join(dir, name), article("Later "+name, "Words."))
	}
	entries, _ := mustSync(t, s, src)
	// A row of a source no longer given: not listed.
	mustSync(t, s, Sources{Bundle: bundle, Dirs: []string{dir}, Files: []string{alone, otherSource(t)}})
	mustSync(t, s, src)
	s.Close()
	return src, path, entries
}

func otherSource(t *testing.T) string {
	p := filepath.Join(t.TempDir(), "other.md")
	put(t, p, article("Other", "Gone from the sources."))
	return p
}

// byAdded sorts entries as the library's first order does: most recently
// added first, ties in the catalog's order.
func byAdded(entries []Entry) []Entry {
	out := slices.Clone(entries)
	slices.SortStableFunc(out, func(a, b Entry) int { return b.Added.Compare(a.Added) })
	return out
}

func sameEntries(t *testing.T, what string, got, want []Entry) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d entries %v; want %d %v", what, len(got), keys(got), len(want), keys(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Key != w.Key || g.Summary.ID != w.Summary.ID || g.Summary.Title != w.Summary.Title || g.Source != w.Source ||
			!g.Added.Equal(w.Added) || g.Error != w.Error || g.Summary.Origin != w.Summary.Origin || g.Summary.Words != w.Summary.Words {
			t.Errorf("%s: entry %d = %+v\nwant %+v", what, i, g, w)
		}
	}
}

// TestFirstPageIsTheListsFirstPage: a catalog opened with its first page
// holds the first entries of the list in its first order (with the
// articles started, for "continue reading"), counts the index, and its
// rest from the index is the list Sync gives.
func TestFirstPageIsTheListsFirstPage(t *testing.T) {
	src, db, want := pagedLibrary(t)
	for _, n := range []int{1, 3, 4, 20} {
		cat, err := OpenCatalog(Options{Sources: src, DBPath: db, Page: n})
		if err != nil {
			t.Fatal(err)
		}
		if !cat.Partial || cat.Total != len(want) {
			t.Fatalf("page of %d: partial %v, total %d; want true, %d", n, cat.Partial, cat.Total, len(want))
		}
		sameEntries(t, "the first page", byAdded(cat.Entries), byAdded(want)[:min(n, len(want))])
		rest, err := cat.IndexEntries()
		if err != nil {
			t.Fatal(err)
		}
		sameEntries(t, "the rest from the index", rest, want)
		cat.Close()
	}
}

// TestFirstPageFindsUnchangedFilesOnly: a catalog holding its first page
// finds an article by path or ID in the index while its file is as the
// index holds it; once the file changed it is not found until the index
// is brought up to date, and then as it is.
func TestFirstPageFindsUnchangedFilesOnly(t *testing.T) {
	src, db, _ := pagedLibrary(t)
	path := filepath.Join(src.Dirs[0], "b.md")
	cat, err := OpenCatalog(Options{Sources: src, DBPath: db, Page: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer cat.Close()
	if e, ok := cat.Find(path); !ok || e.Summary.Title != "First b.md" {
		t.Fatalf("Find by path = %+v, %v", e, ok)
	}
	if e, ok := cat.Find("b"); !ok || e.Key != path {
		t.Fatalf("Find by ID = %+v, %v", e, ok)
	}
	if e, ok := cat.ByKey(bundledKey(src.Bundle[0].ID)); !ok || e.Source != SourceBundled {
		t.Fatalf("ByKey of a bundled article = %+v, %v", e, ok)
	}
	later := oldTime.Add(time.Hour)
	put(t, path, article("Edited b", "Words."))
	os.Chtimes(path, later, later)
	if e, ok := cat.Find(path); ok {
		t.Fatalf("Find of a file changed since it was indexed = %+v; want none", e)
	}
	if err := cat.Synced(); err != nil {
		t.Fatal(err)
	}
	if e, ok := cat.Find(path); !ok || e.Summary.Title != "Edited b" || cat.Partial {
		t.Errorf("after Synced: %+v, %v, partial %v", e, ok, cat.Partial)
	}
}

// TestFirstPageOfAnEmptyIndexSyncs: on the first start the index is
// filled before the first frame, which lists the bundled articles.
func TestFirstPageOfAnEmptyIndexSyncs(t *testing.T) {
	bundle, err := articles.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	cat, err := OpenCatalog(Options{Sources: Sources{Bundle: bundle}, DBPath: filepath.Join(t.TempDir(), "cable.db"), Page: 10})
	if err != nil {
		t.Fatal(err)
	}
	defer cat.Close()
	if cat.Partial || len(cat.Entries) != len(bundle) {
		t.Errorf("first start: partial %v, %d entries; want false, %d", cat.Partial, len(cat.Entries), len(bundle))
	}
}
