package ingest

import (
	"path/filepath"
	"testing"

	"cable/library"
)

// fixture is the path of an import fixture; they are extract's.
func fixture(name string) string { return filepath.Join("..", "extract", "testdata", "import", name) }

// importInto imports paths into dir as "cable import" does into an empty
// library, keeping a second copy of a piece imported twice when again.
func importInto(t *testing.T, dir string, again bool, paths ...string) (Imported, error) {
	t.Helper()
	s := New(Options{Dir: dir, Again: again})
	return s.Import(paths, nil)
}

// openLibrary opens a store for a library directory and syncs it, as a
// command's catalog does, returning its entries.
func openLibrary(t *testing.T, dir string) (*library.Store, []library.Entry) {
	t.Helper()
	store, _, err := library.Open(filepath.Join(t.TempDir(), "cable.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	entries, _, err := store.Sync(library.Sources{Dirs: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	return store, entries
}
