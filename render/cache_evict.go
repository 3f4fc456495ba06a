// cache_evict.go holds the render cache's size bound: which files in the
// cache directory are entries, and the eviction of the least recently
// used ones, with the temporary files a crash left behind.

package render

import (
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// isEntryName reports whether name is an entry's: a key in lower-case hex
// and renderCacheSuffix.
func isEntryName(name string) bool {
	k, ok := strings.CutSuffix(name, renderCacheSuffix)
	if !ok || len(k) != 2*sha256.Size {
		return false
	}
	for _, r := range k {
		if (r < '0' || r > '9') && (r < 'a' || r > 'f') {
			return false
		}
	}
	return true
}

// evict deletes the least recently used entries (oldest modification
// time, which Load refreshes) until the entries take at most maxBytes,
// and temporary files left behind by a crash. Files that are neither are
// not counted and never deleted. Another cable evicting at the same time
// can only make this delete less than it meant to.
func (c *Cache) evict(now time.Time) error {
	list, err := os.ReadDir(c.dir)
	if err != nil {
		return err
	}
	type entry struct {
		name string
		size int64
		mod  time.Time
	}
	var entries []entry
	var total int64
	for _, e := range list {
		name := e.Name()
		if !e.Type().IsRegular() {
			continue
		}
		isEntry := isEntryName(name)
		if !isEntry && !strings.HasSuffix(name, renderCacheTempSuffix) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue // deleted meanwhile
		}
		if !isEntry {
			if now.Sub(info.ModTime()) > renderCacheStaleTemp {
				_ = os.Remove(filepath.Join(c.dir, name))
			}
			continue
		}
		entries = append(entries, entry{name, info.Size(), info.ModTime()})
		total += info.Size()
	}
	if total <= c.maxBytes {
		return nil
	}
	slices.SortFunc(entries, func(x, y entry) int {
		if d := x.mod.Compare(y.mod); d != 0 {
			return d
		}
		return strings.Compare(x.name, y.name)
	})
	for _, e := range entries {
		if total <= c.maxBytes {
			break
		}
		if err := os.Remove(filepath.Join(c.dir, e.name)); err == nil || errors.Is(err, os.ErrNotExist) {
			total -= e.size
		}
	}
	return nil
}
