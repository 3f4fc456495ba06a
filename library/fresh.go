package library

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"time"
)

// MarkNew marks articles new: saved for the reader and not opened since.
// keys are the catalog's keys (a file's absolute path); a relative path is
// made absolute, as the catalog makes it. A key already marked keeps its
// mark; the mark stays, across runs, until ClearNew.
func (s *Store) MarkNew(keys ...string) error {
	if len(keys) == 0 {
		return nil
	}
	now := time.Now().UnixNano()
	return s.write("marking new articles", func(tx *sql.Tx) error {
		for _, key := range keys {
			if key == "" {
				continue
			}
			if !isBundledKey(key) && !filepath.IsAbs(key) {
				if abs, err := filepath.Abs(key); err == nil {
					key = abs
				}
			}
			if _, err := tx.Exec("INSERT INTO fresh (key, saved_ns) VALUES (?, ?) ON CONFLICT (key) DO NOTHING", key, now); err != nil {
				return fmt.Errorf("%s: %w", key, err)
			}
		}
		return nil
	})
}

// ClearNew takes the new mark off an article, as opening it does. A key
// that is not marked is no error.
func (s *Store) ClearNew(key string) error {
	return s.write("clearing the new mark of "+key, func(tx *sql.Tx) error {
		_, err := tx.Exec("DELETE FROM fresh WHERE key = ?", key)
		return err
	})
}

// NewKeys are the keys of the articles marked new.
func (s *Store) NewKeys() (map[string]bool, error) {
	rows, err := s.db.Query("SELECT key FROM fresh")
	if err != nil {
		return nil, fmt.Errorf("library: listing new articles: %w", err)
	}
	defer rows.Close()
	keys := map[string]bool{}
	for rows.Next() {
		var key string
		if err := rows.Scan(&key); err != nil {
			return nil, fmt.Errorf("library: listing new articles: %w", err)
		}
		keys[key] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("library: listing new articles: %w", err)
	}
	return keys, nil
}
