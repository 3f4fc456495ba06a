package library

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"cable/articles"
)

// Highlight is a passage the reader marked, with an optional note. It is
// held by its words as well as its place (an articles.Anchor), so that it
// is found again whatever became of the text, and it copies what is
// needed to cite it, so that it outlives its article's file. Its ID is
// made when it is saved and never changes; a change to it updates
// Changed, and deleting it keeps it as a tombstone with the time it was
// deleted, so that a record merged from elsewhere can tell a highlight
// deleted here from one never seen.
type Highlight struct {
	ID        string
	Key       string // the article's key, as the catalog has it
	ArticleID string // the article's ID when the highlight was made
	Title     string
	Author    string
	Source    string
	Published string
	URL       string
	// SectionTitle names the section the passage is in.
	SectionTitle string
	Anchor       articles.Anchor
	// Offset is where the passage starts in its block as a reading
	// position counts (articles.Article.PositionOf), for the reader to
	// scroll to.
	Offset  int
	Note    string
	Created time.Time
	Changed time.Time
	// Deleted is when the highlight was deleted; zero for a live one.
	Deleted time.Time
	// Reviews is how many times "cable review" has shown it, and
	// Reviewed when it last did.
	Reviews  int
	Reviewed time.Time
}

// NewHighlight is a highlight of an anchored passage of an article, with
// what citing it needs copied from the article and a note; AddHighlight
// saves it. key is the article's key in the catalog.
func NewHighlight(a *articles.Article, key string, an articles.Anchor, note string) Highlight {
	m := a.Meta
	h := Highlight{Key: key, ArticleID: a.ID, Title: m.Title, Author: m.Author, Source: m.Source,
		Published: m.Published, URL: m.URL, Anchor: an, Offset: a.PositionOf(an).Offset, Note: strings.TrimSpace(note)}
	if an.Section >= 0 && an.Section < len(a.Sections) {
		h.SectionTitle = a.SectionTitle(an.Section)
	}
	return h
}

// Position is where the highlight starts, as the reader's positions are.
func (h Highlight) Position() articles.Position {
	return articles.Position{Section: h.Anchor.Section, Block: h.Anchor.Block, Offset: h.Offset}
}

// Text is the highlighted passage.
func (h Highlight) Text() string { return h.Anchor.Quote.Exact }

// ErrHighlightSaved is what AddHighlight returns for a passage already
// highlighted: the same words at the same place of the same article.
var ErrHighlightSaved = errors.New("this passage is among your highlights already")

// ErrNoHighlight is what the changes to a highlight return for an ID that
// names none (or one deleted).
var ErrNoHighlight = errors.New("no such highlight")

// NewID makes a stable ID for a highlight, a tag or an archive mark: 16
// random hexadecimal digits, the same form the schema's migration gives
// the quotes it turns into highlights.
func NewID() string {
	var b [8]byte
	rand.Read(b[:]) // never returns an error: since Go 1.24 a failing source ends the program
	return hex.EncodeToString(b[:])
}

const highlightColumns = `rowid, id, key, article_id, title, author, source, published, url, section_title,
	exact, prefix, suffix, pos_section, pos_block, start, through, "end", pos_offset, note,
	created_ns, changed_ns, deleted_ns, reviews, reviewed_ns`

func scanHighlight(sc scanner) (Highlight, int64, error) {
	var h Highlight
	var rowid, created, changed, deleted, reviewed int64
	a := &h.Anchor
	err := sc.Scan(&rowid, &h.ID, &h.Key, &h.ArticleID, &h.Title, &h.Author, &h.Source, &h.Published, &h.URL,
		&h.SectionTitle, &a.Quote.Exact, &a.Quote.Prefix, &a.Quote.Suffix, &a.Section, &a.Block, &a.Start, &a.Through, &a.End,
		&h.Offset, &h.Note, &created, &changed, &deleted, &h.Reviews, &reviewed)
	h.Created, h.Changed, h.Deleted, h.Reviewed = fromNanos(created), fromNanos(changed), fromNanos(deleted), fromNanos(reviewed)
	return h, rowid, err
}

// AddHighlight saves a highlight and returns it as saved: with its ID
// (a new one when it has none) and its times (now, when Created is zero).
// A passage of the article already highlighted at the same place is not
// saved twice: AddHighlight returns the saved one and ErrHighlightSaved.
func (s *Store) AddHighlight(h Highlight) (Highlight, error) {
	if h.Key == "" {
		return h, errors.New("library: adding a highlight: no article key")
	}
	h, _, err := s.addHighlight(h, "WHERE key = ? AND exact = ? AND pos_section = ? AND pos_block = ? AND start = ? AND deleted_ns = 0",
		h.Key, h.Anchor.Quote.Exact, h.Anchor.Section, h.Anchor.Block, h.Anchor.Start)
	if errors.Is(err, errSaved) {
		err = ErrHighlightSaved
	}
	return h, err
}

var errSaved = errors.New("saved already")

// addHighlight saves h unless a live highlight matches where (then it
// returns that one and errSaved), and returns it with its row number.
func (s *Store) addHighlight(h Highlight, where string, args ...any) (Highlight, int64, error) {
	if strings.TrimSpace(h.Anchor.Quote.Exact) == "" {
		return h, 0, errors.New("library: adding a highlight: no text")
	}
	if h.ID == "" {
		h.ID = NewID()
	}
	if h.Created.IsZero() {
		h.Created = time.Now()
	}
	if h.Changed.IsZero() {
		h.Changed = h.Created
	}
	var rowid int64
	err := s.write("adding a highlight to "+h.Key, func(tx *sql.Tx) error {
		old, id, err := scanHighlight(tx.QueryRow("SELECT "+highlightColumns+" FROM highlights "+where, args...))
		switch {
		case err == nil:
			h, rowid = old, id
			return errSaved
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		a := h.Anchor
		return tx.QueryRow(`INSERT INTO highlights (id, key, article_id, title, author, source, published, url, section_title,
				exact, prefix, suffix, pos_section, pos_block, start, through, "end", pos_offset, note, created_ns, changed_ns)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING rowid`,
			h.ID, h.Key, h.ArticleID, h.Title, h.Author, h.Source, h.Published, h.URL, h.SectionTitle,
			a.Quote.Exact, a.Quote.Prefix, a.Quote.Suffix, a.Section, a.Block, a.Start, a.Through, a.End, h.Offset, h.Note,
			nanos(h.Created), nanos(h.Changed)).Scan(&rowid)
	})
	if errors.Is(err, errSaved) {
		return h, rowid, errSaved
	}
	return h, rowid, err
}

// Highlights lists an article's highlights, by its key, in the order of
// the text.
func (s *Store) Highlights(key string) ([]Highlight, error) {
	return s.highlights("WHERE key = ? AND deleted_ns = 0 ORDER BY pos_section, pos_block, start, created_ns", key)
}

// HighlightFilter chooses among every highlight. Its zero value chooses
// every live one but those of articles in the trash (see Trash), which
// are away until they are restored.
type HighlightFilter struct {
	// Keys, when given, are the articles whose highlights are chosen.
	Keys []string
	// Since, when given, leaves out highlights made or changed before it.
	Since time.Time
	// Words, when given, chooses highlights whose text, note or article's
	// title holds every one of them, in any case.
	Words string
	// Deleted chooses the deleted highlights too, with their Deleted
	// time, and those of articles in the trash: everything kept.
	Deleted bool
}

// AllHighlights lists the highlights the filter chooses, newest first.
func (s *Store) AllHighlights(f HighlightFilter) ([]Highlight, error) {
	var conds []string
	var args []any
	if !f.Deleted {
		conds = append(conds, "deleted_ns = 0", "substr(key, 1, ?) != ?")
		args = append(args, len(trashKeyPrefix), trashKeyPrefix)
	}
	if len(f.Keys) > 0 {
		conds = append(conds, "key IN (?"+strings.Repeat(", ?", len(f.Keys)-1)+")")
		for _, k := range f.Keys {
			args = append(args, k)
		}
	}
	if !f.Since.IsZero() {
		conds = append(conds, "changed_ns >= ?")
		args = append(args, nanos(f.Since))
	}
	for _, w := range strings.Fields(f.Words) {
		conds = append(conds, "instr(lower(exact || ' ' || note || ' ' || title), lower(?)) > 0")
		args = append(args, w)
	}
	where := ""
	if len(conds) > 0 {
		where = "WHERE " + strings.Join(conds, " AND ") + " "
	}
	return s.highlights(where+"ORDER BY created_ns DESC, rowid DESC", args...)
}

// Highlight returns the highlight with an ID, deleted or not; ok is false
// when there is none.
func (s *Store) Highlight(id string) (h Highlight, ok bool, err error) {
	h, _, err = scanHighlight(s.db.QueryRow("SELECT "+highlightColumns+" FROM highlights WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return Highlight{}, false, nil
	}
	if err != nil {
		return Highlight{}, false, fmt.Errorf("library: reading highlight %s: %w", id, err)
	}
	return h, true, nil
}

func (s *Store) highlights(rest string, args ...any) ([]Highlight, error) {
	rows, err := s.db.Query("SELECT "+highlightColumns+" FROM highlights "+rest, args...)
	if err != nil {
		return nil, fmt.Errorf("library: listing highlights: %w", err)
	}
	defer rows.Close()
	var out []Highlight
	for rows.Next() {
		h, _, err := scanHighlight(rows)
		if err != nil {
			return nil, fmt.Errorf("library: listing highlights: %w", err)
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("library: listing highlights: %w", err)
	}
	return out, nil
}

// SetNote replaces a highlight's note ("" removes it).
func (s *Store) SetNote(id, note string) error {
	return s.changeHighlight(id, "setting the note of highlight "+id, time.Now(), "note = ?", strings.TrimSpace(note))
}

// MoveHighlight records where a highlight's passage is now, once
// articles.Article.Locate has found it elsewhere in a changed text.
func (s *Store) MoveHighlight(id string, an articles.Anchor, offset int) error {
	return s.changeHighlight(id, "moving highlight "+id, time.Now(),
		`exact = ?, prefix = ?, suffix = ?, pos_section = ?, pos_block = ?, start = ?, through = ?, "end" = ?, pos_offset = ?`,
		an.Quote.Exact, an.Quote.Prefix, an.Quote.Suffix, an.Section, an.Block, an.Start, an.Through, an.End, offset)
}

// DeleteHighlight deletes a highlight, keeping its row as a tombstone
// with the time; deleting one deleted already changes nothing.
func (s *Store) DeleteHighlight(id string) error {
	now := time.Now()
	return s.changeHighlight(id, "deleting highlight "+id, now, "deleted_ns = ?", nanos(now))
}

// RestoreHighlight brings a deleted highlight back.
func (s *Store) RestoreHighlight(id string) error {
	return s.write("restoring highlight "+id, func(tx *sql.Tx) error {
		res, err := tx.Exec("UPDATE highlights SET deleted_ns = 0, changed_ns = ? WHERE id = ? AND deleted_ns != 0",
			time.Now().UnixNano(), id)
		return oneRow(res, err)
	})
}

// changeHighlight sets columns of a live highlight, and its changed time
// to now.
func (s *Store) changeHighlight(id, what string, now time.Time, set string, args ...any) error {
	return s.write(what, func(tx *sql.Tx) error {
		res, err := tx.Exec("UPDATE highlights SET "+set+", changed_ns = ? WHERE id = ? AND deleted_ns = 0",
			append(args, nanos(now), id)...)
		return oneRow(res, err)
	})
}

// oneRow is ErrNoHighlight when an update changed no row.
func oneRow(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return ErrNoHighlight
	}
	return nil
}
