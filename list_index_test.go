package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cable/library"
)

// TestListFromTheIndexIsTheListFromTheFiles: the first list brings the
// index up to date and prints the entries; the second, the index being
// current, prints from it; both print the same table, progress, new
// marks, broken files and their reasons included.
func TestListFromTheIndexIsTheListFromTheFiles(t *testing.T) {
	places := testHome(t)
	lib := t.TempDir()
	old := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	for name, body := range map[string]string{
		"a.md":     "---\ntitle: Alpha Relations\nauthor: Anna Novak\n---\n\nSome words here.\n",
		"sub/b.md": "---\ntitle: Beta Sanctions\nauthor: Omar Karimi\n---\n\nMore words, and more.\n",
		"c.md":     "---\ntitle: [unclosed\n---\n",
		"d.md":     "---\ntitle: Delta Ports\n---\n\nA new one.\n",
	} {
		os.Chtimes(writeFile(t, filepath.Join(lib, name), body), old, old)
	}
	first, firstErr, err := runSplit(t, "list", "--library", lib)
	if err != nil {
		t.Fatal(err)
	}
	store, _, err := library.Open(places.DB)
	if err != nil {
		t.Fatal(err)
	}
	store.SaveReading(library.Reading{Key: filepath.Join(lib, "a.md"), Progress: 40})
	store.MarkNew(filepath.Join(lib, "d.md"))
	store.Close()
	// The same state, listed from the entries (a file added, then
	// removed, makes the index stale for one list) and from the index.
	extra := writeFile(t, filepath.Join(lib, "extra.md"), "---\ntitle: Extra\n---\n\nGone soon.\n")
	os.Chtimes(extra, old, old)
	runSplit(t, "list", "--library", lib)
	os.Remove(extra)
	fromEntries, entriesErr, err := runSplit(t, "list", "--library", lib)
	if err != nil {
		t.Fatal(err)
	}
	fromIndex, indexErr, err := runSplit(t, "list", "--library", lib)
	if err != nil {
		t.Fatal(err)
	}
	if fromIndex != fromEntries || indexErr != entriesErr {
		t.Errorf("from the index:\n%s%s\nfrom the entries:\n%s%s", fromIndex, indexErr, fromEntries, entriesErr)
	}
	for _, want := range []string{"40%", "new", "broken", "Alpha Relations", "Beta Sanctions"} {
		if !strings.Contains(fromIndex, want) {
			t.Errorf("the list from the index lacks %q:\n%s", want, fromIndex)
		}
	}
	if !strings.Contains(indexErr, "c.md") || indexErr != firstErr {
		t.Errorf("the broken file's reason: %q; the first list said %q", indexErr, firstErr)
	}
	if first == fromIndex {
		t.Errorf("the reading and the new mark do not show:\n%s", first)
	}
}

// TestListSeesAnEditMadeInPlaceWhileStopped: an article rewritten in
// place between two lists, its directory's time left as it was, is
// listed as it is now.
func TestListSeesAnEditMadeInPlaceWhileStopped(t *testing.T) {
	testHome(t)
	lib := t.TempDir()
	old := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	path := writeFile(t, filepath.Join(lib, "a.md"), "---\ntitle: Before The Edit\n---\n\nSome words.\n")
	os.Chtimes(path, old, old)
	os.Chtimes(lib, old, old)
	for range 2 { // the second from the index
		if out, _, err := runSplit(t, "list", "--library", lib); err != nil || !strings.Contains(out, "Before The Edit") {
			t.Fatalf("list before the edit: %v\n%s", err, out)
		}
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("---\ntitle: After The Edit\n---\n\nSome words.\n")
	f.Close()
	later := old.Add(time.Minute)
	os.Chtimes(path, later, later)
	os.Chtimes(lib, old, old)
	out, _, err := runSplit(t, "list", "--library", lib)
	if err != nil || !strings.Contains(out, "After The Edit") || strings.Contains(out, "Before") {
		t.Errorf("list after an edit in place: %v\n%s", err, out)
	}
}
