package library

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cable/crash"
)

// TestAPanicInOneFileBreaksOnlyThatFile makes reading one file panic, as a
// bug in the parser would, and checks that Sync lists that file as broken,
// with the report's path, and every other file as usual; that the report
// names the file without its contents; and that the next Sync tries the
// file again rather than trusting the broken row.
func TestAPanicInOneFileBreaksOnlyThatFile(t *testing.T) {
	s, _ := newTestStore(t)
	dir := t.TempDir()
	reports := filepath.Join(t.TempDir(), "reports")
	s.Crash = &crash.Reporter{Dir: reports, Version: "test"}
	good1, bad, good2 := filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md"), filepath.Join(dir, "c.md")
	put(t, good1, article("Alpha", "First text."))
	put(t, bad, article("Bravo", "Private words."))
	put(t, good2, article("Charlie", "Third text."))
	panics := true
	s.onRead = func(path string) {
		if panics && path == bad {
			panic("a bug met in " + filepath.Base(path))
		}
	}
	entries, stats := mustSync(t, s, Sources{Dirs: []string{dir}})
	if got := find(t, entries, good1); got.Error != "" || got.Summary.Title != "Alpha" {
		t.Errorf("a good file: %+v", got)
	}
	if got := find(t, entries, good2); got.Error != "" || got.Summary.Title != "Charlie" {
		t.Errorf("a good file: %+v", got)
	}
	broken := find(t, entries, bad)
	prefix := bad + ": cable could not read this file (internal error); a report was written to " + reports
	if !strings.HasPrefix(broken.Error, prefix) {
		t.Fatalf("the broken file's error is %q, want it to start %q", broken.Error, prefix)
	}
	if stats.Broken != 1 {
		t.Errorf("%d broken, want 1", stats.Broken)
	}
	report, err := os.ReadFile(strings.TrimPrefix(broken.Error, prefix[:len(prefix)-len(reports)]))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(report), "file: "+bad) || strings.Contains(string(report), "Private words") {
		t.Errorf("the report should name the file and not hold its text:\n%s", report)
	}
	// Fixed (a newer cable): the file is read again and now opens.
	panics = false
	entries, _ = mustSync(t, s, Sources{Dirs: []string{dir}})
	if got := find(t, entries, bad); got.Error != "" || got.Summary.Title != "Bravo" {
		t.Errorf("after the fix the file is still %+v", got)
	}
}
