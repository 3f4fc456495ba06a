package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// listedWithin is how soon a change in the library's directories must
// show in the library while cable runs.
const listedWithin = time.Second

// titled is an article file's text with a title.
func titled(title string) string {
	return "---\ntitle: " + title + "\nauthor: Test Author\n---\n\nSome text of the article.\n"
}

// librarySays waits, at most d, for the library's screen to hold every
// one of want and none of gone; it fails the test with the screen.
func librarySays(t *testing.T, s *session, d time.Duration, what string, want, gone []string) {
	t.Helper()
	rows, ok := s.poll(d, func(rows []string) bool {
		screen := strings.Join(rows, "\n")
		for _, w := range want {
			if !strings.Contains(screen, w) {
				return false
			}
		}
		for _, g := range gone {
			if strings.Contains(screen, g) {
				return false
			}
		}
		return true
	})
	if !ok {
		t.Fatalf("%s: not within %v:\n%s", what, d, dump(rows))
	}
}

// TestLibraryFollowsItsDirectories: while cable runs, an article saved
// into the library (in a new subdirectory too) appears, one renamed keeps
// its place in the list under its new name and its reading, and one
// removed disappears, each within a second, the count following.
func TestLibraryFollowsItsDirectories(t *testing.T) {
	h := newHome(t)
	h.bin = cableBinary(t)
	lib := t.TempDir()
	old := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	for name, title := range map[string]string{"alpha.md": "Alpha Ceasefire", "beta.md": "Beta Sanctions"} {
		path := filepath.Join(lib, name)
		writeFile(t, path, titled(title))
		os.Chtimes(path, old, old)
	}
	s := startCableIn(t, h, termCols, termRows, "--library", lib)
	librarySays(t, s, patience, "the library at start", []string{"4 articles", "Alpha Ceasefire", "Beta Sanctions"}, nil)

	writeFile(t, filepath.Join(lib, "gamma.md"), titled("Gamma Pipelines"))
	librarySays(t, s, listedWithin, "an article added", []string{"5 articles", "Gamma Pipelines"}, nil)

	writeFile(t, filepath.Join(lib, "shelf", "delta.md"), titled("Delta Corridor"))
	librarySays(t, s, listedWithin, "an article added in a new directory", []string{"6 articles", "Delta Corridor"}, nil)

	if err := os.Rename(filepath.Join(lib, "beta.md"), filepath.Join(lib, "shelf", "beta-moved.md")); err != nil {
		t.Fatal(err)
	}
	// The article keeps its title and ID: the renamed file is the same.
	librarySays(t, s, listedWithin, "an article moved", []string{"6 articles", "Beta Sanctions"}, nil)

	if err := os.Remove(filepath.Join(lib, "alpha.md")); err != nil {
		t.Fatal(err)
	}
	librarySays(t, s, listedWithin, "an article removed", []string{"5 articles"}, []string{"Alpha Ceasefire"})

	writeFile(t, filepath.Join(lib, ".gamma.md.swp"), "an editor's swap file")
	s.sendKey("q")
	s.waitFor(exitMarker+"0", patience)
	out, _, code := h.run(t, "list", "--library", lib)
	if code != 0 || !strings.Contains(out, "beta ") || strings.Contains(out, "alpha") || strings.Contains(out, "swp") {
		t.Errorf("cable list after the run (exit %d):\n%s", code, out)
	}
}

// TestEditInPlaceWhileStoppedIsSeen: an article rewritten in place while
// cable was not running (its directory's time unchanged) shows as it is
// now, in the library, which drew its first frame from the index, once
// the index is brought up to date in the background, and in cable list;
// its reading is kept.
func TestEditInPlaceWhileStoppedIsSeen(t *testing.T) {
	h := newHome(t)
	h.bin = cableBinary(t)
	lib := t.TempDir()
	old := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	path := filepath.Join(lib, "essay.md")
	writeFile(t, path, titled("Before The Edit"))
	os.Chtimes(path, old, old)
	os.Chtimes(lib, old, old)
	if out, _, code := h.run(t, "list", "--library", lib); code != 0 || !strings.Contains(out, "Before The Edit") {
		t.Fatalf("cable list before the edit (exit %d):\n%s", code, out)
	}

	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(titled("After The Edit"))
	f.Close()
	later := old.Add(time.Minute)
	os.Chtimes(path, later, later)
	os.Chtimes(lib, old, old)

	s := startCableIn(t, h, termCols, termRows, "--library", lib)
	librarySays(t, s, patience, "the library after an edit in place", []string{"3 articles", "After The Edit"}, []string{"Before The Edit"})
	s.sendKey("q")
	s.waitFor(exitMarker+"0", patience)
	if out, _, code := h.run(t, "list", "--library", lib); code != 0 || !strings.Contains(out, "After The Edit") {
		t.Errorf("cable list after the edit (exit %d):\n%s", code, out)
	}
}
