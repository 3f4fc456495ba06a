package library

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"cable/articles"
)

// TestCurrentSeesEveryChangeASyncWould: after a Sync the index is current;
// each change a Sync would act on (an edit in place that keeps the
// directory's time, a file added, removed, renamed, a time too recent to
// trust, a directory that cannot be listed) makes it not current, and a
// Sync makes it current again. Current itself reads no file.
func TestCurrentSeesEveryChangeASyncWould(t *testing.T) {
	later := oldTime.Add(time.Hour)
	tests := []struct {
		name   string
		change func(t *testing.T, dir string)
		// stays is set when the index stays current after the change,
		// and never after the next Sync (a time too recent to trust).
		stays, neverAfter bool
	}{
		{name: "nothing", stays: true},
		{name: "edited in place, same size, later time", change: func(t *testing.T, dir string) {
			path := filepath.Join(dir, "a.md")
			dirInfo, _ := os.Stat(dir)
			if err := os.WriteFile(path, []byte(article("Alphb", "First words.")), 0o644); err != nil {
				t.Fatal(err)
			}
			os.Chtimes(path, later, later)
			os.Chtimes(dir, dirInfo.ModTime(), dirInfo.ModTime()) // as an edit in place leaves it
		}},
		{name: "touched only", change: func(t *testing.T, dir string) {
			os.Chtimes(filepath.Join(dir, "a.md"), later, later)
		}},
		{name: "added", change: func(t *testing.T, dir string) {
			put(t, filepath.Join(dir, "sub", "c.md"), article("Gamma", "Third."))
		}},
		{name: "removed", change: func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "b.md"))
		}},
		{name: "renamed", change: func(t *testing.T, dir string) {
			os.Rename(filepath.Join(dir, "b.md"), filepath.Join(dir, "b2.md"))
		}},
		{name: "written just now", neverAfter: true, change: func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "a.md"), []byte(article("Alpha", "Now.")), 0o644)
		}},
		{name: "broken file fixed in place", change: func(t *testing.T, dir string) {
			put(t, filepath.Join(dir, "a.md"), "---\ntitle: [unclosed\n---\n")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			put(t, filepath.Join(dir, "a.md"), article("Alpha", "First words."))
			put(t, filepath.Join(dir, "b.md"), article("Beta", "Second words."))
			bundle, err := articles.Bundle()
			if err != nil {
				t.Fatal(err)
			}
			src := Sources{Bundle: bundle, Dirs: []string{dir}}
			s, _ := newTestStore(t)
			mustSync(t, s, src)
			reads := countReads(s)
			if ok, err := s.Current(src); err != nil || !ok {
				t.Fatalf("Current just after a Sync = %v, %v; want true", ok, err)
			}
			if tt.change != nil {
				tt.change(t, dir)
			}
			if ok, err := s.Current(src); err != nil || ok != tt.stays {
				t.Errorf("Current after the change = %v, %v; want %v", ok, err, tt.stays)
			}
			if n := reads.Load(); n != 0 {
				t.Errorf("Current read %d files; want none", n)
			}
			mustSync(t, s, src)
			if ok, err := s.Current(src); err != nil || ok == tt.neverAfter {
				t.Errorf("Current after the next Sync = %v, %v; want %v", ok, err, !tt.neverAfter)
			}
		})
	}
}

// TestCurrentAfterAnUnlistableDirectory: a directory that cannot be
// listed is looked at again by every Sync, so the index is never current.
func TestCurrentAfterAnUnlistableDirectory(t *testing.T) {
	if os.Getuid() == 0 {
		t.Skip("root lists every directory")
	}
	dir := t.TempDir()
	put(t, filepath.Join(dir, "a.md"), article("Alpha", "First."))
	locked := filepath.Join(dir, "locked")
	put(t, filepath.Join(locked, "b.md"), article("Beta", "Second."))
	os.Chmod(locked, 0)
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	src := Sources{Dirs: []string{dir}}
	s, _ := newTestStore(t)
	mustSync(t, s, src)
	if ok, err := s.Current(src); err != nil || ok {
		t.Errorf("Current with a directory that cannot be listed = %v, %v; want false", ok, err)
	}
}

// TestEachListedListsAsSyncDoes: the list read from the index holds the
// entries Sync returns, in its order (the bundled articles first, in the
// bundle's order, then by path), with each one's reading, its new mark
// and its error.
func TestEachListedListsAsSyncDoes(t *testing.T) {
	dir := t.TempDir()
	put(t, filepath.Join(dir, "z.md"), article("Zulu", "Last by path."))
	put(t, filepath.Join(dir, "a", "m.md"), article("Mike", "In a directory."))
	put(t, filepath.Join(dir, "b.md"), "---\ntitle: [unclosed\n---\n")
	put(t, filepath.Join(dir, "c.md"), article("Charlie", "Read half."))
	bundle, err := articles.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	slices.Reverse(bundle) // not the order of their keys
	s, _ := newTestStore(t)
	entries, _ := mustSync(t, s, Sources{Bundle: bundle, Dirs: []string{dir}})
	c := filepath.Join(dir, "c.md")
	if err := s.SaveReading(Reading{Key: c, Progress: 50, LastRead: time.Now()}); err != nil {
		t.Fatal(err)
	}
	z := filepath.Join(dir, "z.md")
	if err := s.MarkNew(z); err != nil {
		t.Fatal(err)
	}
	var got []Listed
	if err := s.EachListed(bundle, func(l Listed) error { got = append(got, l); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(entries) {
		t.Fatalf("EachListed gave %d rows; Sync %d entries", len(got), len(entries))
	}
	for i, e := range entries {
		want := Listed{Key: e.Key, ID: e.Summary.ID, Title: e.Summary.Title, Author: e.Summary.Author,
			Words: e.Summary.Words, Error: e.Error, Progress: map[bool]int{true: 50}[e.Key == c],
			Read: e.Key == c, New: e.Key == z}
		if got[i] != want {
			t.Errorf("row %d = %+v\nwant %+v", i, got[i], want)
		}
	}
}
