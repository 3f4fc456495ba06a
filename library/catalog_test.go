package library

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cable/articles"
)

// TestScanDirectAgreesWithSync lists the same sources with and without the
// database: a reader without an index must see the same library.
func TestScanDirectAgreesWithSync(t *testing.T) {
	dir := t.TempDir()
	put(t, filepath.Join(dir, "a.md"), article("Alpha", "One."))
	put(t, filepath.Join(dir, "sub", "b.md"), article("Beta", "Two."))
	put(t, filepath.Join(dir, "broken.md"), "---\ntitle: Broken\n")
	bundle, err := articles.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	src := Sources{Bundle: bundle, Dirs: []string{dir}}
	s, _ := newTestStore(t)
	synced, _ := mustSync(t, s, src)
	direct := ScanDirect(src, nil)
	if len(direct) != len(synced) {
		t.Fatalf("ScanDirect lists %d entries, Sync %d", len(direct), len(synced))
	}
	for i := range direct {
		d, y := direct[i], synced[i]
		if d.Key != y.Key || d.Summary.ID != y.Summary.ID || d.Summary.Title != y.Summary.Title || (d.Error == "") != (y.Error == "") {
			t.Errorf("entry %d: direct %q %q %q %q, synced %q %q %q %q", i,
				d.Key, d.Summary.ID, d.Summary.Title, d.Error, y.Key, y.Summary.ID, y.Summary.Title, y.Error)
		}
	}
}

func TestCatalogWithoutADatabase(t *testing.T) {
	bundle, err := articles.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	// A database path under a file can never be opened.
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	cat, err := OpenCatalog(Options{Sources: Sources{Bundle: bundle}, DBPath: filepath.Join(blocker, "cable.db")})
	if err != nil {
		t.Fatal(err)
	}
	if cat.Store != nil || !strings.HasPrefix(cat.Warning, "Reading without saving your place: ") {
		t.Errorf("store %v, warning %q", cat.Store, cat.Warning)
	}
	if len(cat.Entries) != len(bundle) {
		t.Fatalf("%d entries without a database", len(cat.Entries))
	}
	a, err := cat.Article(cat.Entries[0])
	if err != nil || a.Meta.Title != bundle[0].Meta.Title {
		t.Errorf("Article = %v, %v", a, err)
	}
	if e, ok := cat.Find("azerbaijan-israel-relations"); !ok || e.Key != "bundled:azerbaijan-israel-relations" {
		t.Errorf("Find by ID = %+v, %v", e, ok)
	}
	if _, ok := cat.ByKey("bundled:reading-with-cable"); !ok {
		t.Error("ByKey found nothing")
	}
}
