package library

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
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
