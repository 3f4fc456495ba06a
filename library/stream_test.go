package library

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestStreamingKeepsTheCacheItHad: a connection streams rows through a
// cache of streamCachePages, and goes back to the pool with the cache it
// had, so that the writer and the other readers keep theirs.
func TestStreamingKeepsTheCacheItHad(t *testing.T) {
	dir := t.TempDir()
	put(t, filepath.Join(dir, "a.md"), article("Alpha", "One."))
	s, _ := newTestStore(t)
	mustSync(t, s, Sources{Dirs: []string{dir}})
	ctx := context.Background()
	cacheOf := func(q interface {
		QueryRowContext(context.Context, string, ...any) *sql.Row
	}) int64 {
		t.Helper()
		var n int64
		if err := q.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := cacheOf(s.db)
	if before == streamCachePages {
		t.Fatalf("the pool's cache is already %d pages", before)
	}
	s.db.SetMaxOpenConns(1) // the one connection streams, then serves again
	var during int64
	err := s.streaming(func(c *sql.Conn) error {
		during = cacheOf(c)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if during != streamCachePages {
		t.Errorf("cache while streaming = %d; want %d", during, streamCachePages)
	}
	if after := cacheOf(s.db); after != before {
		t.Errorf("cache after streaming = %d; want %d, as before", after, before)
	}
	n := 0
	if err := s.EachListed(nil, func(Listed) error { n++; return nil }); err != nil || n != 1 {
		t.Fatalf("EachListed: %d rows, %v", n, err)
	}
	if after := cacheOf(s.db); after != before {
		t.Errorf("cache after EachListed = %d; want %d, as before", after, before)
	}
}

// TestScanStatesAsScanFiles: the lean listing the freshness check makes
// holds, file for file, what Sync's listing does: the same paths in the
// same order, each once, with the same sizes, times and failures.
func TestScanStatesAsScanFiles(t *testing.T) {
	dir := t.TempDir()
	put(t, filepath.Join(dir, "b.md"), article("Bravo", "One."))
	put(t, filepath.Join(dir, "a", "c.md"), article("Charlie", "Two."))
	put(t, filepath.Join(dir, ".hidden", "d.md"), article("Delta", "Hidden."))
	put(t, filepath.Join(dir, "a.md", "inside.md"), article("Echo", "A directory named like a file."))
	if err := os.Symlink(filepath.Join(dir, "nowhere.md"), filepath.Join(dir, "broken.md")); err != nil {
		t.Fatal(err)
	}
	other := t.TempDir()
	put(t, filepath.Join(other, "z.md"), article("Zulu", "Named."))
	src := Sources{Dirs: []string{dir, filepath.Join(dir, "a"), filepath.Join(dir, "missing")},
		Files: []string{filepath.Join(other, "z.md"), filepath.Join(dir, "b.md")}}
	racyAfter := time.Now().Add(time.Hour).UnixNano()
	for _, racy := range []int64{racyAfter, 0} {
		items := scanFiles(src, racy)
		states := scanStates(src, racy)
		if len(items) != len(states) {
			t.Fatalf("scanFiles listed %d files, scanStates %d", len(items), len(states))
		}
		failed := 0
		for i, it := range items {
			if it.state() != states[i] {
				t.Errorf("file %d: scanStates %+v, scanFiles %+v", i, states[i], it.state())
			}
			if it.failed || it.problem {
				failed++
			}
		}
		if failed < 2 {
			t.Errorf("only %d of the files are broken; the test wants the broken link and the missing directory", failed)
		}
	}
}
