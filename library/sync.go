package library

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"cable/articles"
	"cable/crash"
)

// Sources are the places articles come from.
type Sources struct {
	Bundle []*articles.Article // already parsed, shipped in the binary
	Dirs   []string            // library directories, walked recursively (skipping hidden files and directories); .md and .markdown files
	Files  []string            // single files named on the command line: articles, and pages and texts converted as an import converts them (see parseArticle)
}

// Entry is one article of the library as Sync lists it, broken or not.
type Entry struct {
	// Key is the article's stable identity: "bundled:"+ID, or the file's
	// absolute path. Reading state, bookmarks and quotes are keyed by it.
	Key string
	// Summary describes the article. Its ID is unique across the whole
	// list; its Origin is "bundled" or the absolute path.
	Summary articles.Summary
	// Error is non-empty for a file that cannot be read or parsed: one
	// "path:line: message" line per problem ("path: message" when the
	// problem has no line). Summary.Title is then the file name.
	Error string
	// Source is SourceBundled, SourceLibrary (inside one of Dirs) or
	// SourcePath (from Files).
	Source string
	// Added is the first time the index saw this article (zero for a
	// directory that could not be listed, which is never indexed).
	Added time.Time
	// Hash is the hex SHA-256 of the file's bytes ("" for bundled
	// articles and for files that could not be read).
	Hash string
}

// SyncStats says how much work a Sync did. Parsed counts the articles
// parsed (new or changed, bundled ones included); Unchanged those whose
// index rows were still good, whether or not the file had to be read to
// know it; Removed the index rows dropped because their file is gone;
// Broken the entries returned with an Error.
type SyncStats struct{ Parsed, Unchanged, Removed, Broken int }

// indexVersion names the way index rows are derived from a file. When it
// changes (a new field in the summary, a change to how blocks are cut),
// the next Sync reparses every file instead of trusting rows made the old
// way.
const indexVersion = "8" // 2: the full-text index folds with textfold; 3: pages and texts named are converted; 4: subtitle, summary and author note kept; 5: sections from any heading level, titles without site furniture; 6: feed, summary_only and the paragraphs of an article without headings kept; 7: the canonical address and the text's print kept, to find a piece saved twice; 8: Chinese and Japanese characters indexed one by one

// item is one entry in the making: a bundled article, a file, or a
// directory that could not be listed.
type item struct {
	key, source string
	article     *articles.Article // bundled articles only
	row         *row              // the index row this entry continues, if any
	renamedFrom string            // the old key, when row was adopted from a moved file
	problem     bool              // a listing error: reported, never indexed

	size, mtime int64
	read        bool // the file must be read: new, changed, or not to be trusted
	mustParse   bool // parse even if the hash matches the row's
	failed      bool // cannot be read at all; errText says why

	id      string
	hash    string
	summary articles.Summary
	errText string
	parsed  bool
}

func (it *item) fail(msg string) {
	it.failed = true
	it.errText = it.key + ": " + msg
}

// Sync brings the index up to date with the sources and returns every
// entry: bundled first (in bundle order), then the rest sorted by path.
//
// A file whose size and modification time (ns) match the index is not read
// at all; one whose size or mtime changed is hashed, and parsed only if its
// hash changed. Files gone from the sources drop out of the index; their
// reading state, bookmarks and quotes stay, keyed by path, for the day the
// file comes back. When a path has vanished and a new one appeared with
// the same content, the file was moved: its state and bookmarks follow it
// and it keeps its ID. IDs are unique and stable: a file keeps the ID the
// index gave it, and collisions among new files get "-2", "-3" in path
// order.
//
// Broken files are entries with Error set; they never stop the others.
// Files that cannot be read, dangling or looping symbolic links and
// directories that cannot be listed are such entries too. An error means
// the database failed; the files are then to be read directly. An error
// that says the database is damaged also has the next Open check it, and
// move it aside if it is.
func (s *Store) Sync(src Sources) ([]Entry, SyncStats, error) {
	entries, stats, err := s.syncIndex(src)
	return entries, stats, s.suspect(err)
}

func (s *Store) syncIndex(src Sources) ([]Entry, SyncStats, error) {
	start := time.Now()
	// The file system and the database are read at the same time: the
	// walk waits on system calls, the index on SQLite.
	scanned := make(chan []*item, 1)
	go func() { scanned <- scanFiles(src, start.Add(-racyWindow).UnixNano()) }()
	rows, err := s.loadRows()
	files := <-scanned
	if err != nil {
		return nil, SyncStats{}, err
	}
	force, err := s.indexOutdated()
	if err != nil {
		return nil, SyncStats{}, err
	}
	s.tuneIndex() // a speed-up only: a database that cannot take it still syncs
	p := &plan{s: s, rows: rows, force: force, now: start.UnixNano(), taken: map[string]bool{}, crash: s.Crash}
	p.addBundle(src.Bundle)
	p.addFiles(files)
	p.findRenames()
	p.assignIDs()
	if err := s.forgetDigest(); err != nil {
		return nil, SyncStats{}, err
	}
	if err := p.apply(); err != nil {
		return nil, SyncStats{}, err
	}
	if force {
		if err := s.setIndexVersion(); err != nil {
			return nil, SyncStats{}, err
		}
	}
	if err := s.recordDigest(src.Bundle, files); err != nil {
		return nil, SyncStats{}, err
	}
	entries := p.entries()
	return entries, p.stats, nil
}

// racyWindow is how recent a modification time must be for Sync not to
// trust it: more than the coarsest file-system clock in common use (FAT's
// two seconds).
const racyWindow = 3 * time.Second

// inParallelRuns calls f on every core, each with a run of consecutive
// indexes from 0 to n, and returns when all are done; a small n is one
// run on the calling goroutine.
func inParallelRuns(n int, f func(from, to int)) {
	workers := min(runtime.GOMAXPROCS(0), n/256)
	if workers < 2 {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(w*n/workers, (w+1)*n/workers)
		}()
	}
	wg.Wait()
}

// inParallel calls f(0) … f(n-1) on every core, each on a run of
// consecutive indexes, and returns when all are done. A small n is done
// on the calling goroutine.
func inParallel(n int, f func(i int)) {
	inParallelRuns(n, func(from, to int) {
		for i := from; i < to; i++ {
			f(i)
		}
	})
}

func (s *Store) indexOutdated() (bool, error) {
	var v string
	err := s.db.QueryRow("SELECT value FROM meta WHERE name = 'index_version'").Scan(&v)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, fmt.Errorf("library: reading the index version: %w", err)
	}
	return v != indexVersion, nil
}

func (s *Store) setIndexVersion() error {
	return s.write("recording the index version", func(tx *sql.Tx) error {
		_, err := tx.Exec("INSERT INTO meta (name, value) VALUES ('index_version', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value", indexVersion)
		return err
	})
}

// automerge is how many full-text segments of one size FTS5 lets pile up
// before it merges them into one of the next size. Its default, 4, has a
// cold index spend a third of its writing time merging; at 16 each row is
// merged about half as often, and a search of 10,000 articles (some 20
// segments instead of 9) takes no longer.
const automerge = "16"

// tuneIndex sets the full-text index's automerge, once per database: FTS5
// keeps it in its own configuration, and meta remembers it was set. An
// error leaves the database as it was.
func (s *Store) tuneIndex() error {
	var v string
	err := s.db.QueryRow("SELECT value FROM meta WHERE name = 'automerge'").Scan(&v)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("library: reading the index settings: %w", err)
	}
	if v == automerge {
		return nil
	}
	return s.write("tuning the full-text index", func(tx *sql.Tx) error {
		if _, err := tx.Exec("INSERT INTO blocks (blocks, rank) VALUES ('automerge', ?)", automerge); err != nil {
			return err
		}
		_, err := tx.Exec("INSERT INTO meta (name, value) VALUES ('automerge', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value", automerge)
		return err
	})
}

// plan is one Sync's view of what is and what must change.
type plan struct {
	s       *Store
	rows    map[string]*row // the index as it was; rows claimed by items are deleted from it
	force   bool            // reparse everything: the index was made by another indexVersion
	now     int64
	taken   map[string]bool // IDs given out
	bundled []*item
	files   []*item // sorted by key
	stats   SyncStats
	crash   *crash.Reporter // Store.Crash
}

// addBundle takes the bundled articles, which keep their IDs (made unique
// should two share one) and need no reading: a fingerprint of the parsed
// article tells whether the index has them as they are.
func (p *plan) addBundle(list []*articles.Article) {
	for _, a := range list {
		it := &item{source: SourceBundled, article: a, id: p.freshID(a.ID)}
		it.key = bundledKey(it.id)
		it.row = p.rows[it.key]
		delete(p.rows, it.key)
		p.bundled = append(p.bundled, it)
	}
}

// freshID returns base, or base-2, base-3… when it is taken, and takes it.
func (p *plan) freshID(base string) string {
	id := base
	for n := 2; p.taken[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	p.taken[id] = true
	return id
}

func (p *plan) addFiles(list []*item) {
	for _, it := range list {
		p.files = append(p.files, it)
		if it.problem {
			continue
		}
		it.row = p.rows[it.key]
		delete(p.rows, it.key)
		if it.failed {
			continue
		}
		r := it.row
		it.read = r == nil || p.force || r.mtime == 0 || r.size != it.size || r.mtime != it.mtime
	}
}

// findRenames pairs files that appeared with index rows whose file
// vanished, when their content is the same: such a file was moved or
// renamed, and keeps its ID, its added time and its reader's state. Only a
// new file with the size of a vanished one is read to find out.
func (p *plan) findRenames() {
	gone := map[int64][]*row{}
	for _, r := range p.sortedRows() {
		if r.hash != "" && !isBundledKey(r.key) {
			gone[r.size] = append(gone[r.size], r)
		}
	}
	if len(gone) == 0 {
		return
	}
	for _, it := range p.files {
		if it.row != nil || it.problem || it.failed || len(gone[it.size]) == 0 {
			continue
		}
		_, hash, err := p.s.readFile(it.key)
		if err != nil {
			continue // read again, and reported, when it is parsed
		}
		p.adopt(it, hash, gone)
	}
}

func (p *plan) adopt(it *item, hash string, gone map[int64][]*row) {
	candidates := gone[it.size]
	for i, r := range candidates {
		if r.hash != hash {
			continue
		}
		gone[it.size] = append(candidates[:i:i], candidates[i+1:]...)
		delete(p.rows, r.key)
		it.row, it.renamedFrom, it.hash = r, r.key, hash
		// A broken file's errors name its old path: parse it again.
		it.read = p.force || r.errText != ""
		it.mustParse = it.read
		return
	}
}

// sortedRows lists the rows no source claims, by key.
func (p *plan) sortedRows() []*row {
	list := make([]*row, 0, len(p.rows))
	for _, r := range p.rows {
		list = append(list, r)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].key < list[j].key })
	return list
}

// assignIDs gives every file an ID unique across the list, after the
// bundled articles: an indexed file keeps the ID the index gave it, in path
// order; new files, and any whose ID is now taken, get their file name's
// slug, numbered "-2", "-3" in path order when it is taken.
func (p *plan) assignIDs() {
	for _, it := range p.files {
		if it.row != nil && it.row.id != "" && !p.taken[it.row.id] {
			it.id = it.row.id
			p.taken[it.id] = true
		}
	}
	for _, it := range p.files {
		if it.id == "" {
			it.id = p.freshID(articles.Slug(filepath.Base(it.key)))
		}
	}
}

func bundledKey(id string) string { return SourceBundled + ":" + id }

func isBundledKey(key string) bool { return strings.HasPrefix(key, SourceBundled+":") }

// fingerprint stands for a bundled article's content in place of a file
// hash: it changes whenever anything the index keeps of the article does.
func fingerprint(a *articles.Article, sum articles.Summary) string {
	// Strings, numbers and lists of strings always marshal.
	data, _ := json.Marshal(struct {
		Meta     articles.Meta
		Summary  articles.Summary
		Markdown string
	}{a.Meta, sum, a.Markdown()})
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}
