package library

import (
	"database/sql"
	"fmt"
	"sync"
)

// changes.go tells a running reader that the record changed under it:
// "cable archive", "cable tag", "cable get" or "cable restore" run from a
// shell, or another cable, committed to the database. SQLite's
// data_version says so: it changes on a connection when any other
// connection commits. It is asked of one connection kept for that alone,
// since it means nothing compared across connections; the store's own
// writes go through the others, so they count as changes too, which
// costs a reload and nothing else.

// changeWatch is the connection data_version is asked of, and what it
// last said.
type changeWatch struct {
	mu   sync.Mutex
	db   *sql.DB
	last int64
	seen bool
}

// ChangedElsewhere reports whether a commit was made to the database
// since it was last asked (the first call says false and starts
// watching).
func (s *Store) ChangedElsewhere() (bool, error) {
	w := &s.changes
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.db == nil {
		db, err := sql.Open("sqlite", dsn(s.path))
		if err != nil {
			return false, fmt.Errorf("library: watching %s: %w", s.path, err)
		}
		// One connection, kept open: data_version is a connection's own.
		db.SetMaxOpenConns(1)
		db.SetMaxIdleConns(1)
		db.SetConnMaxIdleTime(0)
		db.SetConnMaxLifetime(0)
		w.db = db
	}
	var v int64
	if err := w.db.QueryRow("PRAGMA data_version").Scan(&v); err != nil {
		return false, fmt.Errorf("library: watching %s: %w", s.path, err)
	}
	changed := w.seen && v != w.last
	w.last, w.seen = v, true
	return changed, nil
}

// closeChanges closes the watching connection, if there is one.
func (s *Store) closeChanges() {
	s.changes.mu.Lock()
	defer s.changes.mu.Unlock()
	if s.changes.db != nil {
		s.changes.db.Close()
		s.changes.db = nil
	}
}
