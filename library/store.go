// Package library is cable's SQLite store: an index of every article source
// kept in step with the files, full-text search over it, and what the
// reader leaves behind (reading positions, bookmarks, quotes). It also
// writes imported articles into the library directory (import.go), under
// safe names and never over an existing file.
//
// The files stay the truth. Everything in the index can be rebuilt from
// them, so a database that cannot be used is moved aside and started again
// rather than repaired; reading state is the only thing worth keeping, and
// it is keyed by where an article lives, not by anything the index made up.
//
// Several cable processes may share one database: every write is one short
// transaction, the database is in WAL mode (readers never wait for the
// writer) and a writer waits up to busy_timeout for another to finish.
package library

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"cable/crash"
)

// Store is an open cable database. Its methods are safe for concurrent use
// by several goroutines.
type Store struct {
	db   *sql.DB
	path string
	// search is a second pool, for Search only: its connections keep a
	// larger page cache (searchPragmas), which takes a quarter to a half
	// off a search whose matches are spread over the library, and they
	// write only their temporary tables. The writer keeps the default
	// cache, with which it is faster.
	search *sql.DB
	// changes watches for commits made by others (changes.go).
	changes changeWatch

	// onRead, when set by a test, is called with the path of every article
	// file whose bytes Sync reads, so that tests can check unchanged files
	// are left alone.
	onRead func(path string)
	// maxRanked, when set by a test, stands for the constant maxRanked,
	// so that a small library can show what a large one does.
	maxRanked int

	// Crash reports a panic in the work on one file (reading, parsing and
	// indexing it in Sync, making its snippets in Search): the file is
	// then broken, or its hit left out, and the others go on. Nil writes
	// no report; the panic is contained all the same.
	Crash *crash.Reporter
}

// pragmas are set on every connection the pool opens, through the DSN, so
// that no connection can miss them: busy_timeout first, so that switching
// to WAL waits for a lock instead of failing; WAL so that readers and the
// writer do not block each other; synchronous=NORMAL, which in WAL mode
// keeps every committed transaction through a crash of the process (only a
// power cut can lose the last few); foreign keys because SQLite leaves them
// off by default. (Reading through a map of the file saved a fifth of
// "cable list"'s CPU time, and cost the reader 90 MB of resident memory
// at 50,000 articles: the pages it maps count as its own.)
var pragmas = []string{
	"busy_timeout(5000)",
	"journal_mode(WAL)",
	"foreign_keys(ON)",
	"synchronous(NORMAL)",
}

// searchPragmas are set, after pragmas, on the connections that Search
// uses: a page cache of 8 MiB (in KiB, hence negative) instead of 2, in
// which the lengths of the blocks that bm25 looks up stay, and temporary
// tables (the snippets') in memory.
var searchPragmas = []string{"cache_size(-8192)", "temp_store(MEMORY)"}

// dsn builds a "file:" URI for path. The URI form lets any file name
// through (a plain name is cut at its first "?"), and _txlock=immediate
// makes every transaction take the write lock when it begins, so that a
// writer waits for another under busy_timeout instead of failing halfway
// with SQLITE_BUSY when it tries to upgrade a read lock. Further pragmas
// come after the common ones.
func dsn(path string, more ...string) string {
	q := url.Values{"_pragma": append(pragmas[:len(pragmas):len(pragmas)], more...), "_txlock": {"immediate"}}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path), RawQuery: q.Encode()}
	return u.String()
}

// Open opens or creates the database at path, creating its directory if
// need be. A file that is not a usable cable database (garbage, corrupt, or
// a schema from a newer cable) is moved aside to path+".broken-YYYYMMDD-HHMMSS"
// (never deleted, since it may hold reading state worth recovering by hand)
// and a new database is created; notice then says so in one line. Damage
// deep in the file, which opening does not read, is found by Sync or
// Search; they mark the database, and the next Open checks it whole. An error
// means no store can be had (a read-only directory, a lock held beyond the
// busy timeout…): the caller then works from the files directly, saying the
// error in one line.
func Open(path string) (s *Store, notice string, err error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, "", fmt.Errorf("library: opening %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return nil, "", fmt.Errorf("library: creating the database directory: %w", err)
	}
	s, err = openStore(abs)
	var bad *unusableError
	if !errors.As(err, &bad) {
		return s, "", err
	}
	moved, err := moveAside(abs, time.Now())
	if err != nil {
		return nil, "", fmt.Errorf("library: %s %s, and moving it aside failed: %w", abs, bad.reason, err)
	}
	s, err = openStore(abs)
	if err != nil {
		return nil, "", err
	}
	notice = fmt.Sprintf("The database %s %s; it was moved to %s and a new one was started.", abs, bad.reason, moved)
	return s, notice, nil
}

// Close closes the database. Every write has already been committed.
func (s *Store) Close() error {
	s.closeChanges()
	s.search.Close()
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("library: closing %s: %w", s.path, err)
	}
	return nil
}

// Path is the database file's absolute path, for messages.
func (s *Store) Path() string { return s.path }

// unusableError says that a database file exists but cannot be used as
// cable's database, and why: Open moves such a file aside.
type unusableError struct {
	reason string // completes "The database X …"
	err    error
}

func (e *unusableError) Error() string {
	if e.err != nil {
		return fmt.Sprintf("library: the database %s: %v", e.reason, e.err)
	}
	return "library: the database " + e.reason
}

func (e *unusableError) Unwrap() error { return e.err }

// openStore opens path and makes sure it holds the current schema. The
// error is an *unusableError when the file is there but unusable.
func openStore(path string) (*Store, error) {
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("library: opening %s: %w", path, err)
	}
	err = prepareSchema(db)
	if err == nil && exists(path+suspectSuffix) {
		err = checkIntegrity(db, path)
	}
	if err != nil {
		db.Close()
		return nil, classify(path, err)
	}
	// Opening a pool connects nothing yet: the first search does.
	search, err := sql.Open("sqlite", dsn(path, searchPragmas...))
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("library: opening %s: %w", path, err)
	}
	return &Store{db: db, path: path, search: search}, nil
}

// suspectSuffix names the file that marks a database as suspect: an
// operation on it has met damage. Checking the whole database takes
// seconds for a large library, too long for every start, so it is done
// only at the next Open after such an error.
const suspectSuffix = ".suspect"

// suspect marks the database for a full check at the next Open when err
// says it is damaged, and returns err.
func (s *Store) suspect(err error) error {
	if isDamage(err) {
		os.WriteFile(s.path+suspectSuffix, nil, 0o600)
	}
	return err
}

func isDamage(err error) bool {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	code := se.Code() & 0xff
	return code == sqlite3.SQLITE_CORRUPT || code == sqlite3.SQLITE_NOTADB
}

// checkIntegrity runs SQLite's quick check on a suspect database, and lifts
// the suspicion when it passes.
func checkIntegrity(db *sql.DB, path string) error {
	var result string
	if err := db.QueryRow("PRAGMA quick_check(1)").Scan(&result); err != nil {
		return err
	}
	if result != "ok" {
		return &unusableError{reason: "is corrupt (" + result + ")"}
	}
	os.Remove(path + suspectSuffix)
	return nil
}

// classify turns SQLite's "not a database" and "corrupt" into an
// *unusableError and wraps anything else with the path.
func classify(path string, err error) error {
	var bad *unusableError
	if errors.As(err, &bad) {
		return err
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_NOTADB:
			return &unusableError{reason: "is not an SQLite database", err: err}
		case sqlite3.SQLITE_CORRUPT:
			return &unusableError{reason: "is corrupt", err: err}
		}
	}
	return fmt.Errorf("library: opening %s: %w", path, err)
}

// moveAside renames a broken database, with its WAL, shared-memory and
// journal files, to path+".broken-YYYYMMDD-HHMMSS" (with "-2", "-3" when
// that name is taken). The WAL goes too because a new database must never
// replay frames written for the old one.
func moveAside(path string, now time.Time) (string, error) {
	base := path + ".broken-" + now.Format("20060102-150405")
	target := base
	for n := 2; exists(target); n++ {
		target = fmt.Sprintf("%s-%d", base, n)
	}
	if err := os.Rename(path, target); err != nil {
		return "", err
	}
	os.Remove(path + suspectSuffix)
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		err := os.Rename(path+suffix, target+suffix)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return target, err
		}
	}
	return target, nil
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// write runs fn in one transaction, which begins with the write lock
// (_txlock=immediate), and commits it. what names the work in errors.
func (s *Store) write(what string, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.Begin()
	if err != nil {
		return fmt.Errorf("library: %s: %w", what, err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return fmt.Errorf("library: %s: %w", what, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("library: %s: %w", what, err)
	}
	return nil
}

// nanos and fromNanos store times as Unix nanoseconds, which sort, compare
// and round-trip exactly; the zero time is stored as 0.
func nanos(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

func fromNanos(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n)
}
