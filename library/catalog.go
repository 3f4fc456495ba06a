package library

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"cable/articles"
	"cable/crash"
)

// Catalog is everything cable knows about the reader's articles for one
// run: the entries to list, where to read each one from, and the store for
// reading state when there is one. It is how the commands and the screens
// reach the library, whether or not the database could be had.
type Catalog struct {
	// Store keeps the index and the reader's state. It is nil when state
	// is switched off or the database could not be opened; the entries
	// then come straight from the files.
	Store *Store
	// Entries are the articles to list: bundled first, then by path.
	Entries []Entry
	// Current is set when the catalog was opened with
	// Options.EntriesIfStale and the index held every source as it is
	// (Store.Current): Entries is then empty, and what is to be listed is
	// read from the Store.
	Current bool
	// Partial is set while the catalog holds only the first page of the
	// index (Options.Page): Total is then how many articles the index
	// holds, and Complete gives it the rest.
	Partial bool
	Total   int
	// Warning is one line for the reader when something is not as it
	// should be (the database was broken and set aside, or cannot be
	// used); "" when all is well.
	Warning string

	bundle  map[string]*articles.Article
	crash   *crash.Reporter
	sources Sources
}

// Options say where a catalog comes from.
type Options struct {
	Sources
	// DBPath is the database file; "" means no state is read or written.
	DBPath string
	// Crash reports a panic while one file is read or parsed; that file is
	// listed as broken with the report's path and the others go on.
	Crash *crash.Reporter
	// EntriesIfStale leaves Entries out when the index is current: a
	// command that answers from the index (list, search) then pays for
	// a stat of each file, not for reading every row and summary.
	EntriesIfStale bool
	// Page, when more than 0, has the catalog hold only the index's first
	// Page articles in the library's first order (and those started):
	// no file is read nor asked after, for a screen's first frame. The
	// screen then lists the rest (IndexEntries, Complete) and brings the
	// index up to date (Rescan).
	Page int
}

// OpenCatalog opens the store and syncs it with the sources. A store that
// cannot be opened or synced is not an error: the catalog then lists the
// files directly and says why in Warning. An error means the sources
// themselves cannot be read, which for the bundle is a bug.
func OpenCatalog(opts Options) (*Catalog, error) {
	c := &Catalog{bundle: map[string]*articles.Article{}, crash: opts.Crash, sources: opts.Sources}
	for _, a := range opts.Bundle {
		c.bundle[a.ID] = a
	}
	if opts.DBPath != "" {
		store, notice, err := Open(opts.DBPath)
		switch {
		case err != nil:
			c.Warning = fmt.Sprintf("Reading without saving your place: %v", err)
		default:
			c.Warning = notice
			store.Crash = opts.Crash
			// Once for a database made before them: the first page is
			// read by added time, an article found by its ID.
			store.indexAdded() // a speed-up only
			if opts.Page > 0 {
				// An empty index (the first start) is filled first: its
				// page would list nothing, not even the bundled articles.
				c.Store = store
				if err := c.openPage(opts.Page); err == nil && c.Total > 0 {
					return c, nil
				}
				c.Store, c.Entries, c.Partial, c.Total = nil, nil, false, 0
			}
			if opts.EntriesIfStale {
				if ok, err := store.Current(opts.Sources); err == nil && ok {
					c.Store, c.Current = store, true
					return c, nil
				}
			}
			entries, _, err := store.Sync(opts.Sources)
			if err == nil {
				c.Store, c.Entries = store, entries
				return c, nil
			}
			store.Close()
			c.Warning = fmt.Sprintf("Reading without saving your place: %v", err)
		}
	}
	c.Entries = ScanDirect(opts.Sources, opts.Crash)
	return c, nil
}

// Rescan lists the sources again, as OpenCatalog did, and returns the
// entries without changing the catalog's: a screen lists the library
// again in the background (after feeds saved new articles) and sets
// Entries itself, where nothing else reads them meanwhile.
func (c *Catalog) Rescan() ([]Entry, error) {
	if c.Store != nil {
		entries, _, err := c.Store.Sync(c.sources)
		return entries, err
	}
	return ScanDirect(c.sources, c.crash), nil
}

// Dirs are the library directories the catalog lists.
func (c *Catalog) Dirs() []string { return c.sources.Dirs }

// Bundle is the bundled articles, in the order they are listed.
func (c *Catalog) Bundle() []*articles.Article { return c.sources.Bundle }

// Close closes the store, if there is one.
func (c *Catalog) Close() error {
	if c.Store == nil {
		return nil
	}
	return c.Store.Close()
}

// Article reads the article an entry stands for: the bundled one, or its
// file, parsed now. The file may have changed since the catalog was made;
// what is read is what is there.
func (c *Catalog) Article(e Entry) (*articles.Article, error) {
	if e.Source == SourceBundled {
		if a, ok := c.bundle[e.Summary.ID]; ok {
			return a, nil
		}
		return nil, fmt.Errorf("no bundled article %q", e.Summary.ID)
	}
	if e.Error != "" {
		return nil, errors.New(e.Error)
	}
	a, err := ReadArticle(c.crash, e.Key)
	if err != nil {
		return nil, err
	}
	a.ID = e.Summary.ID
	return a, nil
}

// Find returns the entry with an ID, or for a path, the entry of that file.
func (c *Catalog) Find(idOrPath string) (Entry, bool) {
	abs, _ := filepath.Abs(idOrPath)
	for _, e := range c.Entries {
		if e.Summary.ID == idOrPath || (abs != "" && e.Key == abs) {
			return e, true
		}
	}
	if c.Partial {
		return c.indexedEntry(idOrPath)
	}
	return Entry{}, false
}

// ByKey returns the entry with a key.
func (c *Catalog) ByKey(key string) (Entry, bool) {
	for _, e := range c.Entries {
		if e.Key == key {
			return e, true
		}
	}
	if c.Partial {
		return c.indexedEntry(key)
	}
	return Entry{}, false
}

// ScanDirect lists the sources without a database: every file is parsed,
// every time. It is how cable reads when it cannot keep an index, and what
// the index must agree with. A panic while parsing a file is reported to r
// and makes that file a broken entry.
func ScanDirect(src Sources, r *crash.Reporter) []Entry {
	var list []*articles.Article
	var entries []Entry
	for _, a := range src.Bundle {
		list = append(list, a)
		entries = append(entries, Entry{Key: bundledKey(a.ID), Source: SourceBundled})
	}
	for _, it := range collect(src) {
		e := Entry{Key: it.key, Source: it.source}
		if it.problem {
			e.Error = it.errText
			entries = append(entries, e)
			list = append(list, &articles.Article{ID: articles.Slug(filepath.Base(it.key))})
			continue
		}
		if info, err := os.Stat(it.key); err == nil {
			e.Added = info.ModTime()
		}
		a, err := ReadArticle(r, it.key)
		if err != nil {
			e.Error = err.Error()
			a = &articles.Article{ID: articles.Slug(filepath.Base(it.key))}
		}
		entries = append(entries, e)
		list = append(list, a)
	}
	articles.UniqueIDs(list)
	for i, a := range list {
		if entries[i].Error != "" {
			entries[i].Summary = brokenSummary(entries[i].Key, a.ID, filepath.Base(entries[i].Key))
			continue
		}
		entries[i].Summary = a.Summarise()
	}
	return entries
}
