package library

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"cable/articles"
)

// Reading is where the reader is in one article. Key is an Entry.Key: the
// file's path, so that a file edited in place keeps its place.
type Reading struct {
	Key      string
	Position articles.Position
	Progress int // percent read, 0–100
	Finished bool
	LastRead time.Time
}

// SaveReading records a reading, adding or replacing the article's. The
// position is always the one given (the reader may have gone back), but
// Progress never goes down and Finished, once set, stays set: going back
// to a passage does not unread an article. Only MarkUnread resets them.
// Progress is clamped to 0–100; a zero LastRead means now.
func (s *Store) SaveReading(r Reading) error {
	if r.Key == "" {
		return errors.New("library: saving a reading: no article key")
	}
	if r.LastRead.IsZero() {
		r.LastRead = time.Now()
	}
	r.Progress = min(max(r.Progress, 0), 100)
	return s.write("saving the reading of "+r.Key, func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO readings (key, pos_section, pos_block, pos_offset, progress, finished, last_read_ns)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (key) DO UPDATE SET pos_section = excluded.pos_section, pos_block = excluded.pos_block,
				pos_offset = excluded.pos_offset, progress = max(progress, excluded.progress),
				finished = max(finished, excluded.finished), last_read_ns = excluded.last_read_ns`,
			r.Key, r.Position.Section, r.Position.Block, r.Position.Offset, r.Progress, r.Finished, nanos(r.LastRead))
		return err
	})
}

const readingColumns = "key, pos_section, pos_block, pos_offset, progress, finished, last_read_ns"

type scanner interface{ Scan(dest ...any) error }

func scanReading(sc scanner) (Reading, error) {
	var r Reading
	var last int64
	err := sc.Scan(&r.Key, &r.Position.Section, &r.Position.Block, &r.Position.Offset, &r.Progress, &r.Finished, &last)
	r.LastRead = fromNanos(last)
	return r, err
}

// Reading returns the reading saved for key; ok is false when there is
// none.
func (s *Store) Reading(key string) (r Reading, ok bool, err error) {
	r, err = scanReading(s.db.QueryRow("SELECT "+readingColumns+" FROM readings WHERE key = ?", key))
	return oneReading(r, err, "reading the reading of "+key)
}

func oneReading(r Reading, err error, what string) (Reading, bool, error) {
	if errors.Is(err, sql.ErrNoRows) {
		return Reading{}, false, nil
	}
	if err != nil {
		return Reading{}, false, fmt.Errorf("library: %s: %w", what, err)
	}
	return r, true, nil
}

// Readings returns every saved reading by key, including those of
// articles no longer in the index, for the library list to show progress.
func (s *Store) Readings() (map[string]Reading, error) {
	rows, err := s.db.Query("SELECT " + readingColumns + " FROM readings")
	if err != nil {
		return nil, fmt.Errorf("library: reading the readings: %w", err)
	}
	defer rows.Close()
	out := map[string]Reading{}
	for rows.Next() {
		r, err := scanReading(rows)
		if err != nil {
			return nil, fmt.Errorf("library: reading the readings: %w", err)
		}
		out[r.Key] = r
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("library: reading the readings: %w", err)
	}
	return out, nil
}

// LastReading returns the most recently read article that is still in the
// index, so that cable can offer to resume it; ok is false when there is
// none.
func (s *Store) LastReading() (r Reading, ok bool, err error) {
	r, err = scanReading(s.db.QueryRow(`SELECT r.key, r.pos_section, r.pos_block, r.pos_offset, r.progress, r.finished, r.last_read_ns
		FROM readings AS r JOIN docs AS d ON d.key = r.key
		ORDER BY r.last_read_ns DESC LIMIT 1`))
	return oneReading(r, err, "finding the last reading")
}

// MarkUnread forgets the reading of an article: position, progress and
// finished, as if it had never been opened. Its bookmarks stay.
func (s *Store) MarkUnread(key string) error {
	return s.write("marking "+key+" unread", func(tx *sql.Tx) error {
		_, err := tx.Exec("DELETE FROM readings WHERE key = ?", key)
		return err
	})
}

// ForgetProgress forgets how much of an article was read and whether it
// was finished, keeping its place: its text was replaced by a longer one
// (a summary by the whole article), of which nothing has been read yet.
func (s *Store) ForgetProgress(key string) error {
	return s.write("forgetting the progress of "+key, func(tx *sql.Tx) error {
		_, err := tx.Exec("UPDATE readings SET progress = 0, finished = 0 WHERE key = ?", key)
		return err
	})
}

// MarkFinished marks an article finished, at 100%, keeping its position
// (or the start, if it was never opened) and its last-read time.
func (s *Store) MarkFinished(key string) error {
	if key == "" {
		return errors.New("library: marking finished: no article key")
	}
	return s.write("marking "+key+" finished", func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO readings (key, pos_section, pos_block, pos_offset, progress, finished, last_read_ns)
			VALUES (?, 0, 0, 0, 100, 1, ?)
			ON CONFLICT (key) DO UPDATE SET progress = 100, finished = 1`, key, time.Now().UnixNano())
		return err
	})
}

// Bookmark is a place in an article the reader chose to keep.
type Bookmark struct {
	ID       int64
	Key      string
	Position articles.Position
	Label    string
	Excerpt  string // the first words of the bookmarked paragraph
	Created  time.Time
}

// excerptWords is how much of a paragraph a bookmark keeps: enough to
// recognise it in a list.
const excerptWords = 24

// AddBookmark stores a bookmark and returns its ID. Excerpt may be the
// whole paragraph: its first excerptWords words are kept. A zero Created
// means now.
func (s *Store) AddBookmark(b Bookmark) (int64, error) {
	if b.Key == "" {
		return 0, errors.New("library: adding a bookmark: no article key")
	}
	if b.Created.IsZero() {
		b.Created = time.Now()
	}
	var id int64
	err := s.write("adding a bookmark to "+b.Key, func(tx *sql.Tx) error {
		return tx.QueryRow(`INSERT INTO bookmarks (key, pos_section, pos_block, pos_offset, label, excerpt, created_ns)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			b.Key, b.Position.Section, b.Position.Block, b.Position.Offset, b.Label, firstWords(b.Excerpt, excerptWords), nanos(b.Created)).
			Scan(&id)
	})
	return id, err
}

// firstWords returns the first n words of s, with "…" when there were more.
func firstWords(s string, n int) string {
	words := strings.Fields(s)
	if len(words) <= n {
		return strings.Join(words, " ")
	}
	return strings.Join(words[:n], " ") + " …"
}

// Bookmarks lists an article's bookmarks in the order of the text, or,
// when key is "", every article's bookmarks, newest first.
func (s *Store) Bookmarks(key string) ([]Bookmark, error) {
	q := `SELECT id, key, pos_section, pos_block, pos_offset, label, excerpt, created_ns FROM bookmarks `
	args := []any{}
	if key == "" {
		q += "ORDER BY created_ns DESC, id DESC"
	} else {
		q += "WHERE key = ? ORDER BY pos_section, pos_block, pos_offset, id"
		args = append(args, key)
	}
	rows, err := s.db.Query(q, args...)
	if err != nil {
		return nil, fmt.Errorf("library: listing bookmarks: %w", err)
	}
	defer rows.Close()
	var out []Bookmark
	for rows.Next() {
		var b Bookmark
		var created int64
		if err := rows.Scan(&b.ID, &b.Key, &b.Position.Section, &b.Position.Block, &b.Position.Offset, &b.Label, &b.Excerpt, &created); err != nil {
			return nil, fmt.Errorf("library: listing bookmarks: %w", err)
		}
		b.Created = fromNanos(created)
		out = append(out, b)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("library: listing bookmarks: %w", err)
	}
	return out, nil
}

// DeleteBookmark deletes a bookmark. Deleting one that is not there is not
// an error: the outcome is the same.
func (s *Store) DeleteBookmark(id int64) error {
	return s.write(fmt.Sprintf("deleting bookmark %d", id), func(tx *sql.Tx) error {
		_, err := tx.Exec("DELETE FROM bookmarks WHERE id = ?", id)
		return err
	})
}
