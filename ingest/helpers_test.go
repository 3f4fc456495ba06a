package ingest

import (
	"path/filepath"
	"testing"

	"cable/articles"
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

// check compares two lists, naming what they are in the failure.
func check[T comparable](t *testing.T, what string, got, want []T) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s = %v, want %v", what, got, want)
		return
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("%s = %v, want %v", what, got, want)
			return
		}
	}
}

// mustParseCleanly parses an import as cable will, failing on any error
// or warning: every import must read without complaint.
func mustParseCleanly(t *testing.T, path string, md []byte) *articles.Article {
	t.Helper()
	a, err := articles.Parse(path, md, "imported")
	if err != nil {
		t.Fatalf("%s imports to an article that does not parse: %v\n%s", path, err, md)
	}
	if len(a.Warnings) > 0 {
		t.Fatalf("%s imports to an article with warnings: %v\n%s", path, a.Warnings, md)
	}
	return a
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

// prose is enough text for readability to take a page for an article.
const prose = "The negotiations over the straits have lasted longer than anyone expected, " +
	"and each round has ended with a communiqué that promised more talks. The delegations " +
	"agree on the principle of free passage but not on who should pay for the pilots, the " +
	"tugs and the insurance that make passage possible in practice, and that question, more " +
	"than any grand strategy, decides how much traffic the waterway can carry in a year."
