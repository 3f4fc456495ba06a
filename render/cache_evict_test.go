// cache_evict_test.go tests the render cache's size bound.

package render

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestRenderCacheEvictsLeastRecentlyUsed fills a cache past its bound:
// the entries used longest ago go, those read or written since stay, and
// nothing that is not an entry is touched, however large.
func TestRenderCacheEvictsLeastRecentlyUsed(t *testing.T) {
	a := cacheArticle(t)
	doc := renderedFor(t, a, cacheOpts)
	dir := t.TempDir()
	// Entries of other versions have the same size.
	size := int64(len(encodeEntry([sha256.Size]byte{}, doc)))
	const maxEntries = 3
	limit := maxEntries*size + size/2
	caches := map[string]*Cache{}
	path := func(v string) string { return caches[v].entryPath(mustKey(t, caches[v], a, cacheOpts)) }
	for _, v := range []string{"v1", "v2", "v3", "v4"} {
		caches[v] = OpenCache(dir, limit, v)
	}

	now := time.Now()
	foreign := map[string][]byte{
		"notes.txt":                  bytes.Repeat([]byte("x"), int(10*size)),
		"README" + renderCacheSuffix: []byte("not hex"),
		strings.Repeat("AB", 32) + renderCacheSuffix:          []byte("upper-case hex"),
		strings.Repeat("ab", 32) + renderCacheSuffix + ".bak": []byte("another suffix"),
		"tmp-fresh" + renderCacheTempSuffix:                   []byte("being written"),
	}
	for name, data := range foreign {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := now.Add(-48 * time.Hour)
	for name := range foreign {
		if err := os.Chtimes(filepath.Join(dir, name), old, old); err != nil {
			t.Fatal(err)
		}
	}
	fresh := filepath.Join(dir, "tmp-fresh"+renderCacheTempSuffix)
	if err := os.Chtimes(fresh, now, now); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(dir, "tmp-stale"+renderCacheTempSuffix)
	if err := os.WriteFile(stale, []byte("left by a crash"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	lookalike := filepath.Join(dir, strings.Repeat("cd", 32)+renderCacheSuffix)
	if err := os.Mkdir(lookalike, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(lookalike, old, old); err != nil {
		t.Fatal(err)
	}

	for i, v := range []string{"v1", "v2", "v3"} {
		caches[v].Store(a, doc)
		at := now.Add(time.Duration(i-3) * time.Hour) // v1 3h ago, v2 2h, v3 1h
		if err := os.Chtimes(path(v), at, at); err != nil {
			t.Fatal(err)
		}
	}
	for _, v := range []string{"v1", "v2", "v3"} {
		if _, err := os.Stat(path(v)); err != nil {
			t.Fatalf("%s evicted while the cache was within its bound", v)
		}
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a temporary file left for two days is still there: %v", err)
	}

	if _, ok := caches["v1"].Load(a, cacheOpts); !ok { // v1 is now the most recently used
		t.Fatal("no hit")
	}
	caches["v4"].Store(a, doc)

	for v, want := range map[string]bool{"v1": true, "v2": false, "v3": true, "v4": true} {
		_, err := os.Stat(path(v))
		if kept := err == nil; kept != want {
			t.Errorf("%s kept: %v, want %v", v, kept, want)
		}
	}
	for name, data := range foreign {
		if got, err := os.ReadFile(filepath.Join(dir, name)); err != nil || !bytes.Equal(got, data) {
			t.Errorf("%s, not an entry, was touched: %v", name, err)
		}
	}
	if info, err := os.Stat(lookalike); err != nil || !info.IsDir() {
		t.Errorf("a directory named like an entry was removed: %v", err)
	}
	var total int64
	for _, name := range cacheFiles(t, dir) {
		if info, err := os.Stat(filepath.Join(dir, name)); err == nil && isEntryName(name) && info.Mode().IsRegular() {
			total += info.Size()
		}
	}
	if total > limit {
		t.Errorf("%d bytes of entries, over the bound of %d", total, limit)
	}

	// An entry larger than the whole cache is not written at all.
	tiny := OpenCache(t.TempDir(), size-1, "tiny")
	if err := tiny.store(a, doc); !errors.Is(err, errCacheTooBig) {
		t.Errorf("an entry over the bound: %v, want %v", err, errCacheTooBig)
	}
}
