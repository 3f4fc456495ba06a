package library

import (
	"database/sql"
	"errors"
	"time"
)

// MarkAllFinished marks articles finished as MarkFinished marks one, all
// in one transaction: either every one is marked or, on an error, none.
func (s *Store) MarkAllFinished(keys []string) error {
	for _, key := range keys {
		if key == "" {
			return errors.New("library: marking finished: no article key")
		}
	}
	now := time.Now().UnixNano()
	return s.write("marking articles finished", func(tx *sql.Tx) error {
		for _, key := range keys {
			_, err := tx.Exec(`INSERT INTO readings (key, pos_section, pos_block, pos_offset, progress, finished, last_read_ns)
				VALUES (?, 0, 0, 0, 100, 1, ?)
				ON CONFLICT (key) DO UPDATE SET progress = 100, finished = 1`, key, now)
			if err != nil {
				return err
			}
		}
		return nil
	})
}
