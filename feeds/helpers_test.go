package feeds

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"cable/fetch"
	"cable/library"
)

// testUpdater is an Updater over a fresh store and library directory.
func testUpdater(t testing.TB) *Updater {
	t.Helper()
	dir := t.TempDir()
	store, _, err := library.Open(filepath.Join(dir, "state", "cable.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return &Updater{Client: fetch.New(fetch.Options{Version: "test"}), Store: store, Dir: filepath.Join(dir, "articles")}
}

// follow adds the feed at url and returns it as stored.
func follow(t testing.TB, u *Updater, url string) library.Feed {
	t.Helper()
	f, err := u.Add(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// readFile returns a file's text.
func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
