package library

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// indexed.go lists the library from what the index holds, reading no
// file and asking nothing of the file system: a screen draws its first
// frame from it and brings it up to date afterwards (Catalog.Complete,
// then Catalog.Rescan).

// openPage fills the catalog with the first n entries of the index in the
// library's first order (most recently added first, then as Sync lists
// them), and those of the articles started and not finished (for
// "continue reading"). Total is the number of rows the index holds.
func (c *Catalog) openPage(n int) error {
	s := c.Store
	if err := s.db.QueryRow("SELECT count(*) FROM docs").Scan(&c.Total); err != nil {
		return fmt.Errorf("library: counting the index: %w", err)
	}
	// The bundled articles are asked for apart: among articles added at
	// the same time, they come first.
	top, err := s.queryRows("ORDER BY added_ns DESC, key LIMIT ?", n, n)
	if err != nil {
		return err
	}
	bundled, err := s.queryRows("WHERE key >= 'bundled:' AND key < 'bundled;'", len(c.sources.Bundle))
	if err != nil {
		return err
	}
	started, err := s.queryRows("WHERE key IN (SELECT key FROM readings WHERE finished = 0)", 16)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	unseen := func(list []Entry) []Entry {
		return slices.DeleteFunc(list, func(e Entry) bool {
			was := seen[e.Key]
			seen[e.Key] = true
			return was
		})
	}
	entries := c.inListOrder(unseen(c.indexEntries(slices.Concat(top, bundled))))
	slices.SortStableFunc(entries, func(a, b Entry) int { return b.Added.Compare(a.Added) })
	clear(seen)
	entries = unseen(entries[:min(n, len(entries))])
	entries = append(entries, unseen(c.indexEntries(started))...)
	c.Entries = c.inListOrder(entries)
	c.Partial = true
	return nil
}

// IndexEntries lists every article the index holds of the catalog's
// sources, as the last Sync left them, in the order Sync lists them. No
// file is read nor asked after: a file changed since is as it was, one
// added is missing and one gone is still there, until a Rescan.
func (c *Catalog) IndexEntries() ([]Entry, error) {
	if c.Store == nil {
		return c.Entries, nil
	}
	rows, err := c.Store.loadRows()
	if err != nil {
		return nil, err
	}
	list := make([]row, 0, len(rows))
	for _, r := range rows {
		list = append(list, *r)
	}
	return c.inListOrder(c.indexEntries(list)), nil
}

// indexEntries makes entries of index rows, leaving out those of files
// the sources no longer name (the index holds what the last Sync was
// given: a file named on the command line then, say).
func (c *Catalog) indexEntries(rows []row) []Entry {
	dirs := make([]string, 0, len(c.sources.Dirs))
	for _, d := range c.sources.Dirs {
		if abs, err := filepath.Abs(d); err == nil {
			dirs = append(dirs, strings.TrimSuffix(abs, string(filepath.Separator))+string(filepath.Separator))
		}
	}
	files := map[string]bool{}
	for _, f := range c.sources.Files {
		if abs, err := filepath.Abs(f); err == nil {
			files[abs] = true
		}
	}
	out := make([]Entry, 0, len(rows))
	for i := range rows {
		r := &rows[i]
		e := Entry{Key: r.key, Summary: r.summary, Error: r.errText, Added: fromNanos(r.added), Hash: r.hash}
		e.Summary.ID, e.Summary.Origin = r.id, r.key
		switch {
		case isBundledKey(r.key):
			if _, ok := c.bundle[strings.TrimPrefix(r.key, SourceBundled+":")]; !ok {
				continue
			}
			e.Source, e.Hash, e.Summary.Origin = SourceBundled, "", SourceBundled
		case files[r.key]:
			e.Source = SourcePath
		case slices.ContainsFunc(dirs, func(d string) bool { return strings.HasPrefix(r.key, d) }):
			e.Source = SourceLibrary
		default:
			continue
		}
		if e.Error != "" {
			e.Summary = brokenSummary(r.key, r.id, filepath.Base(r.key))
		}
		out = append(out, e)
	}
	return out
}

// inListOrder sorts entries as Sync lists them: the bundled articles
// first, in the bundle's order, then the files by path.
func (c *Catalog) inListOrder(entries []Entry) []Entry {
	place := map[string]int{}
	for i, a := range c.sources.Bundle {
		place[bundledKey(a.ID)] = i
	}
	slices.SortFunc(entries, func(a, b Entry) int {
		pa, aBundled := place[a.Key]
		pb, bBundled := place[b.Key]
		switch {
		case aBundled && bBundled:
			return pa - pb
		case aBundled:
			return -1
		case bBundled:
			return 1
		}
		return strings.Compare(a.Key, b.Key)
	})
	return entries
}

// Synced brings the index up to date with the sources and lists them all,
// as OpenCatalog does without Options.Page: for a catalog opened with
// its first page only, when what is asked for is not in the index as it
// is on disk.
func (c *Catalog) Synced() error {
	entries, err := c.Rescan()
	if err != nil {
		return err
	}
	c.Complete(entries)
	return nil
}

// Complete sets the entries to the whole list, once the catalog opened
// with only its first page (Options.Page) has it.
func (c *Catalog) Complete(entries []Entry) {
	c.Entries, c.Partial = entries, false
	c.Total = len(entries)
}

// indexedEntry finds, while the catalog holds only its first page, the
// index's entry of a file by its path or ID, if the file is as the index
// holds it (its size and time unchanged).
func (c *Catalog) indexedEntry(idOrPath string) (Entry, bool) {
	abs, _ := filepath.Abs(idOrPath)
	rows, err := c.Store.queryRows("WHERE key = ?", 1, abs)
	if err == nil && len(rows) == 0 {
		rows, err = c.Store.queryRows("WHERE key = ?", 1, idOrPath) // a bundled article's key
	}
	if err == nil && len(rows) == 0 {
		rows, err = c.Store.queryRows("WHERE id = ?", 1, idOrPath)
	}
	if err != nil || len(rows) == 0 {
		return Entry{}, false
	}
	entries := c.indexEntries(rows)
	for _, e := range entries {
		if e.Source == SourceBundled {
			return e, true
		}
		r := rows[slices.IndexFunc(rows, func(r row) bool { return r.key == e.Key })]
		info, err := os.Stat(e.Key)
		if err == nil && r.mtime != 0 && info.Size() == r.size && info.ModTime().UnixNano() == r.mtime {
			return e, true
		}
	}
	return Entry{}, false
}

// addedIndex is the index the first page is read by, and idIndex the one
// an article is found by its ID with: added once, by a Sync, to a
// database made before them.
const (
	addedIndex = "CREATE INDEX IF NOT EXISTS docs_added ON docs (added_ns DESC, key)"
	idIndex    = "CREATE INDEX IF NOT EXISTS docs_id ON docs (id)"
)

// indexAdded makes sure the indexes of added times and IDs exist; a
// speed-up only.
func (s *Store) indexAdded() error {
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ('docs_added', 'docs_id')").Scan(&n); err != nil || n == 2 {
		return err
	}
	return s.write("indexing the articles by the time they were added and their IDs", func(tx *sql.Tx) error {
		if _, err := tx.Exec(addedIndex); err != nil {
			return err
		}
		_, err := tx.Exec(idIndex)
		return err
	})
}
