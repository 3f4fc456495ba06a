package library

import (
	"database/sql"
	"errors"
	"fmt"
)

// Preferences are choices the reader makes in the reader itself and
// expects kept, such as the text width chosen with w: a name and a value
// each, in the meta table under "pref:" + name.

// Preference is the value kept under name, and whether there is one.
func (s *Store) Preference(name string) (string, bool, error) {
	var v string
	err := s.db.QueryRow("SELECT value FROM meta WHERE name = ?", "pref:"+name).Scan(&v)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return "", false, nil
	case err != nil:
		return "", false, fmt.Errorf("library: reading the preference %s: %w", name, err)
	}
	return v, true, nil
}

// SetPreference keeps value under name, replacing what was kept.
func (s *Store) SetPreference(name, value string) error {
	return s.write("keeping the preference "+name, func(tx *sql.Tx) error {
		_, err := tx.Exec("INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value", "pref:"+name, value)
		return err
	})
}
