package library

import (
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
)

// tags.go keeps the reader's own marks on articles: tags, and the archive
// (the articles put aside). Both are kept by article key, as readings
// are, each row with a stable ID and the time of its last change; taking
// a tag off, or an article out of the archive, keeps the row as a
// tombstone with its time.

// CleanTag is a tag as it is kept: its white space folded, without the
// commas and the "#" it may have been typed with. "" is no tag.
func CleanTag(tag string) string {
	tag = strings.TrimLeft(strings.TrimSpace(tag), "#")
	return strings.Join(strings.Fields(strings.ReplaceAll(tag, ",", " ")), " ")
}

// Tag gives an article tags; one it has already is left as it is, and one
// taken off before is put back. Tags are told apart without regard to
// case: "Iran" is "iran".
func (s *Store) Tag(key string, tags ...string) error {
	if key == "" {
		return errors.New("library: tagging: no article key")
	}
	now := time.Now().UnixNano()
	return s.write("tagging "+key, func(tx *sql.Tx) error {
		for _, tag := range tags {
			if tag = CleanTag(tag); tag == "" {
				continue
			}
			_, err := tx.Exec(`INSERT INTO tags (id, key, tag, changed_ns) VALUES (?, ?, ?, ?)
				ON CONFLICT (key, tag) DO UPDATE SET deleted_ns = 0, changed_ns = excluded.changed_ns
				WHERE deleted_ns != 0`, NewID(), key, tag, now)
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// Untag takes tags off an article, keeping each as a tombstone. A tag the
// article does not have is not an error.
func (s *Store) Untag(key string, tags ...string) error {
	now := time.Now().UnixNano()
	return s.write("untagging "+key, func(tx *sql.Tx) error {
		for _, tag := range tags {
			_, err := tx.Exec("UPDATE tags SET deleted_ns = ?, changed_ns = ? WHERE key = ? AND tag = ? AND deleted_ns = 0",
				now, now, key, CleanTag(tag))
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// Tags are an article's tags, in alphabetical order.
func (s *Store) Tags(key string) ([]string, error) {
	all, err := s.tagsWhere("AND key = ?", key)
	return all[key], err
}

// AllTags are every article's tags, by key, each list in alphabetical
// order: for the library's list and its filter.
func (s *Store) AllTags() (map[string][]string, error) {
	return s.tagsWhere("")
}

// TagsInUse are the tags given to any article, each once, in alphabetical
// order: for completing a tag as it is typed.
func (s *Store) TagsInUse() ([]string, error) {
	rows, err := s.db.Query("SELECT DISTINCT tag FROM tags WHERE deleted_ns = 0 ORDER BY tag COLLATE NOCASE")
	if err != nil {
		return nil, fmt.Errorf("library: listing tags: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var tag string
		if err := rows.Scan(&tag); err != nil {
			return nil, fmt.Errorf("library: listing tags: %w", err)
		}
		if len(out) == 0 || !strings.EqualFold(out[len(out)-1], tag) {
			out = append(out, tag)
		}
	}
	return out, rows.Err()
}

func (s *Store) tagsWhere(where string, args ...any) (map[string][]string, error) {
	rows, err := s.db.Query("SELECT key, tag FROM tags WHERE deleted_ns = 0 "+where, args...)
	if err != nil {
		return nil, fmt.Errorf("library: listing tags: %w", err)
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var key, tag string
		if err := rows.Scan(&key, &tag); err != nil {
			return nil, fmt.Errorf("library: listing tags: %w", err)
		}
		out[key] = append(out[key], tag)
	}
	for _, tags := range out {
		sort.Slice(tags, func(i, j int) bool { return strings.ToLower(tags[i]) < strings.ToLower(tags[j]) })
	}
	return out, rows.Err()
}

// Archive puts an article aside; one archived already keeps its time.
func (s *Store) Archive(key string) error {
	if key == "" {
		return errors.New("library: archiving: no article key")
	}
	return s.write("archiving "+key, func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO archive (id, key, changed_ns) VALUES (?, ?, ?)
			ON CONFLICT (key) DO UPDATE SET deleted_ns = 0, changed_ns = excluded.changed_ns WHERE deleted_ns != 0`,
			NewID(), key, time.Now().UnixNano())
		return err
	})
}

// Unarchive takes an article out of the archive, keeping its mark as a
// tombstone; one not archived is left as it is.
func (s *Store) Unarchive(key string) error {
	now := time.Now().UnixNano()
	return s.write("taking "+key+" out of the archive", func(tx *sql.Tx) error {
		_, err := tx.Exec("UPDATE archive SET deleted_ns = ?, changed_ns = ? WHERE key = ? AND deleted_ns = 0", now, now, key)
		return err
	})
}

// Archived are the archived articles' keys, with when each was put aside.
func (s *Store) Archived() (map[string]time.Time, error) {
	rows, err := s.db.Query("SELECT key, changed_ns FROM archive WHERE deleted_ns = 0")
	if err != nil {
		return nil, fmt.Errorf("library: listing the archive: %w", err)
	}
	defer rows.Close()
	out := map[string]time.Time{}
	for rows.Next() {
		var key string
		var at int64
		if err := rows.Scan(&key, &at); err != nil {
			return nil, fmt.Errorf("library: listing the archive: %w", err)
		}
		out[key] = fromNanos(at)
	}
	return out, rows.Err()
}

// Mark is one tag or archive mark as it is kept, tombstones included: for
// a record that travels between machines, and for tests.
type Mark struct {
	ID      string
	Key     string
	Tag     string // "" for an archive mark
	Changed time.Time
	Deleted time.Time
}

// Marks are every tag and archive mark kept, tombstones included, tags
// first.
func (s *Store) Marks() ([]Mark, error) {
	rows, err := s.db.Query(`SELECT id, key, tag, changed_ns, deleted_ns FROM tags
		UNION ALL SELECT id, key, '', changed_ns, deleted_ns FROM archive`)
	if err != nil {
		return nil, fmt.Errorf("library: listing marks: %w", err)
	}
	defer rows.Close()
	var out []Mark
	for rows.Next() {
		var m Mark
		var changed, deleted int64
		if err := rows.Scan(&m.ID, &m.Key, &m.Tag, &changed, &deleted); err != nil {
			return nil, fmt.Errorf("library: listing marks: %w", err)
		}
		m.Changed, m.Deleted = fromNanos(changed), fromNanos(deleted)
		out = append(out, m)
	}
	return out, rows.Err()
}
