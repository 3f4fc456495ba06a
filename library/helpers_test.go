package library

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// newTestStore opens a fresh database in a temporary directory and closes
// it when the test ends.
func newTestStore(tb testing.TB) (*Store, string) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "cable.db")
	return mustOpen(tb, path), path
}

// mustOpen opens path, failing the test on an error or a notice.
func mustOpen(tb testing.TB, path string) *Store {
	tb.Helper()
	s, notice, err := Open(path)
	if err != nil {
		tb.Fatalf("Open(%s): %v", path, err)
	}
	if notice != "" {
		tb.Fatalf("Open(%s): unexpected notice %q", path, notice)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// article is the Markdown of a small article with front matter.
func article(title string, paragraphs ...string) string {
	return fmt.Sprintf("---\ntitle: %s\nauthor: Test Author\n---\n\n%s\n", title, strings.Join(paragraphs, "\n\n"))
}

// put writes an article file, creating its directory, dated in the past
// so that Sync trusts its modification time.
func put(tb testing.TB, path, content string) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tb.Fatal(err)
	}
	writeOld(tb, path, content)
}

// mustSync syncs and fails the test on an error.
func mustSync(tb testing.TB, s *Store, src Sources) ([]Entry, SyncStats) {
	tb.Helper()
	entries, stats, err := s.Sync(src)
	if err != nil {
		tb.Fatalf("Sync: %v", err)
	}
	checkUniqueIDs(tb, entries)
	return entries, stats
}

func checkUniqueIDs(tb testing.TB, entries []Entry) {
	tb.Helper()
	seen := map[string]string{}
	for _, e := range entries {
		if e.Summary.ID == "" {
			tb.Errorf("%s has no ID", e.Key)
		}
		if other, dup := seen[e.Summary.ID]; dup {
			tb.Errorf("ID %q given to both %s and %s", e.Summary.ID, other, e.Key)
		}
		seen[e.Summary.ID] = e.Key
	}
}

// find returns the entry with the given key.
func find(tb testing.TB, entries []Entry, key string) Entry {
	tb.Helper()
	for _, e := range entries {
		if e.Key == key {
			return e
		}
	}
	tb.Fatalf("no entry %s among %d", key, len(entries))
	return Entry{}
}

func keys(entries []Entry) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = e.Key
	}
	return out
}

// countReads makes s count the article files it reads.
func countReads(s *Store) *atomic.Int64 {
	var n atomic.Int64
	s.onRead = func(string) { n.Add(1) }
	return &n
}
