package library

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"cable/articles"
)

// blockBits is how many low bits of a blocks rowid number the article's
// blocks: rowid = doc<<blockBits | n. 1<<24 blocks is more than a file of
// articles.MaxSize bytes can hold (every block takes at least three bytes).
const blockBits = 24

// docRecord is what the index stores for one article source.
type docRecord struct {
	key     string
	id      string
	size    int64
	mtime   int64 // 0 when the modification time cannot be trusted yet
	hash    string
	added   int64 // used only when the row is new
	summary articles.Summary
	errText string
	blocks  []blockRow // none for a broken file
}

// blockRow is one row of the full-text index. Section and block -1 is the
// article's front matter (title, author, source, topics, summary), so that
// a search for an author's name finds their articles.
type blockRow struct {
	section, block int
	// text is what FTS5 indexes: the block's text without snippet markers
	// and with its letters outside ASCII folded (see fold).
	text string
	// orig is the text as written (markers removed) when folding changed
	// it, for snippets to show; nil otherwise.
	orig any
}

// newBlockRow prepares a block's text for the index. It runs on the
// parsing workers, so that the single writer only writes.
func newBlockRow(section, block int, text string) blockRow {
	r := blockRow{section: section, block: block, text: text}
	if isASCII(text) {
		return r // neither markers nor letters to fold
	}
	text = markerFree.Replace(text)
	r.text = text
	if folded, changed := fold(text); changed {
		r.text, r.orig = folded, text
	}
	return r
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// blocksOf lists an article's searchable text: its front matter, then
// every block of every section in reading order.
func blocksOf(a *articles.Article) []blockRow {
	n := 1
	for _, sec := range a.Sections {
		n += len(sec.Blocks)
	}
	rows := make([]blockRow, 0, n)
	rows = append(rows, newBlockRow(-1, -1, metaText(a)))
	for si, sec := range a.Sections {
		for bi, b := range sec.Blocks {
			rows = append(rows, newBlockRow(si, bi, b.Text))
		}
	}
	return rows
}

func metaText(a *articles.Article) string {
	m := a.Meta
	var parts []string
	for _, p := range []string{m.Title, m.Subtitle, m.Author, m.Source, strings.Join(m.Topics, ", "), m.Summary} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " · ")
}

// brokenSummary stands for a file that cannot be read or parsed: the
// library lists it under its file name, with its error.
func brokenSummary(key, id, name string) articles.Summary {
	return articles.Summary{ID: id, Title: name, Origin: key, Sections: []string{}, Topics: []string{}}
}

// txw wraps a transaction with a cache of prepared statements, since a
// sync inserts thousands of rows with the same few statements.
type txw struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func (w *txw) stmt(query string) (*sql.Stmt, error) {
	if st, ok := w.stmts[query]; ok {
		return st, nil
	}
	st, err := w.tx.Prepare(query)
	if err != nil {
		return nil, err
	}
	if w.stmts == nil {
		w.stmts = map[string]*sql.Stmt{}
	}
	w.stmts[query] = st
	return st, nil
}

func (w *txw) exec(query string, args ...any) error {
	st, err := w.stmt(query)
	if err != nil {
		return err
	}
	_, err = st.Exec(args...)
	return err
}

func (w *txw) scan(query string, args []any, dest ...any) error {
	st, err := w.stmt(query)
	if err != nil {
		return err
	}
	return st.QueryRow(args...).Scan(dest...)
}

// write is one change to the index, in up to three steps. A transaction
// runs the rows step of all its writes, then their deletes, then their
// inserts, because FTS5 flushes the full-text rows it holds in memory
// whenever a statement opens a savepoint (an upsert does): interleaved, every
// article would become a tiny segment on disk, and merging them would cost
// more than the indexing itself.
type write struct {
	rows    func(w *txw) error // the docs table, reading state
	deletes func(w *txw) error // full-text rows going
	inserts func(w *txw) error // full-text rows coming
}

const upsertDoc = `INSERT INTO docs (key, id, size, mtime_ns, hash, added_ns, error,
	title, author, source, published, words, editors_note, sections, topics, subtitle, abstract, author_note,
	feed, summary_only, url, print)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (key) DO UPDATE SET id = excluded.id, size = excluded.size, mtime_ns = excluded.mtime_ns,
	hash = excluded.hash, error = excluded.error,
	title = excluded.title, author = excluded.author, source = excluded.source, published = excluded.published,
	words = excluded.words, editors_note = excluded.editors_note, sections = excluded.sections, topics = excluded.topics,
	subtitle = excluded.subtitle, abstract = excluded.abstract, author_note = excluded.author_note,
	feed = excluded.feed, summary_only = excluded.summary_only, url = excluded.url, print = excluded.print
RETURNING doc`

// summaryColumns are the docs columns that hold an articles.Summary, in
// the order summaryArgs gives their values and loadRange reads them. The
// rest is not stored twice: the ID is the id column, the Origin the key
// (see originOf), and Minutes follow from Words. The URL is kept in its
// canonical form (see CanonicalURL), to be looked up.
const summaryColumns = "title, author, source, published, words, editors_note, sections, topics, subtitle, abstract, author_note, feed, summary_only, url, print"

// summaryArgs are the values of summaryColumns for a summary.
func summaryArgs(sum *articles.Summary) []any {
	return []any{sum.Title, sum.Author, sum.Source, sum.Published, sum.Words, sum.EditorsNote,
		joinList(sum.Sections), joinList(sum.Topics), sum.Subtitle, sum.Abstract, sum.AuthorNote,
		sum.Feed, sum.SummaryOnly, CanonicalURL(sum.URL), sum.Print}
}

// listEnd ends every item of a list kept in one column: the ASCII unit
// separator, which article text never holds (articles.Clean removes every
// control character but tab and newline), so an item needs no escaping.
// Ending rather than separating the items tells an empty list ("") from a
// list of one empty title (listEnd).
const listEnd = "\x1f"

// joinList keeps a list in one column. An item that holds listEnd all the
// same (a summary not made from an article) has it replaced by a space.
func joinList(list []string) string {
	n := 0
	for _, s := range list {
		n += len(s) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for _, s := range list {
		if strings.Contains(s, listEnd) {
			s = strings.ReplaceAll(s, listEnd, " ")
		}
		b.WriteString(s)
		b.WriteString(listEnd)
	}
	return b.String()
}

// splitList reads a list joinList kept, sharing its memory. A column
// that does not end with listEnd was not written by joinList: ok is false.
func splitList(col string) (list []string, ok bool) {
	if col == "" {
		return []string{}, true
	}
	if !strings.HasSuffix(col, listEnd) {
		return nil, false
	}
	return strings.Split(col[:len(col)-len(listEnd)], listEnd), true
}

// originOf is the Origin of the article stored under key.
func originOf(key string) string {
	if isBundledKey(key) {
		return articles.BundleOrigin
	}
	return key
}

// writeDoc stores one article source and replaces its full-text rows. A
// row already there for the key keeps its doc number and its added time.
func writeDoc(rec *docRecord) write {
	var doc int64
	return write{
		rows: func(w *txw) error {
			args := append([]any{rec.key, rec.id, rec.size, rec.mtime, rec.hash, rec.added, rec.errText}, summaryArgs(&rec.summary)...)
			if err := w.scan(upsertDoc, args, &doc); err != nil {
				return fmt.Errorf("indexing %s: %w", rec.key, err)
			}
			return nil
		},
		deletes: func(w *txw) error { return deleteBlocks(w, doc) },
		inserts: func(w *txw) error {
			for i, b := range rec.blocks {
				if i == 1<<blockBits {
					break
				}
				if err := insertBlock(w, doc<<blockBits|int64(i), b); err != nil {
					return fmt.Errorf("indexing %s: %w", rec.key, err)
				}
			}
			return nil
		},
	}
}

// insertBlock writes one full-text row. One statement a row, not one for
// many rows: an INSERT of several rows opens a statement savepoint, which
// makes FTS5 flush the rows it holds in memory, each time.
func insertBlock(w *txw, rowid int64, b blockRow) error {
	return w.exec("INSERT INTO blocks (rowid, text, orig, section, block) VALUES (?, ?, ?, ?, ?)",
		rowid, b.text, b.orig, b.section, b.block)
}

func deleteBlocks(w *txw, doc int64) error {
	if doc == 0 {
		return nil
	}
	first := doc << blockBits
	err := w.exec("DELETE FROM blocks WHERE rowid BETWEEN ? AND ?", first, first|(1<<blockBits-1))
	if err != nil {
		return fmt.Errorf("clearing the full-text rows of article %d: %w", doc, err)
	}
	return nil
}

// dropDoc removes the row for key, if there is one, and returns its doc
// number (0 when there was none), for its full-text rows to be deleted.
func dropDoc(w *txw, key string) (int64, error) {
	var doc int64
	err := w.scan("DELETE FROM docs WHERE key = ? RETURNING doc", []any{key}, &doc)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("removing %s from the index: %w", key, err)
	}
	return doc, nil
}

// deleteDoc drops an article source from the index. Its reading state,
// bookmarks and quotes stay.
func deleteDoc(key string) write {
	var doc int64
	return write{
		rows: func(w *txw) (err error) {
			doc, err = dropDoc(w, key)
			return err
		},
		deletes: func(w *txw) error { return deleteBlocks(w, doc) },
	}
}

// renameDoc gives an indexed article a new key, and moves its reading
// state, bookmarks, highlights, tags and archive mark with it: the file was moved, not replaced.
func renameDoc(from string, rec *docRecord) write {
	var stale int64 // a row already at the new key, should another process have made one
	return write{
		rows: func(w *txw) error {
			var err error
			if stale, err = dropDoc(w, rec.key); err != nil {
				return err
			}
			return moveState(w, from, rec)
		},
		deletes: func(w *txw) error { return deleteBlocks(w, stale) },
	}
}

func moveState(w *txw, from string, rec *docRecord) error {
	steps := []struct {
		query string
		args  []any
	}{
		{"UPDATE docs SET key = ?, id = ?, size = ?, mtime_ns = ? WHERE key = ?",
			[]any{rec.key, rec.id, rec.size, rec.mtime, from}},
		{"DELETE FROM readings WHERE key = ?", []any{rec.key}},
		{"UPDATE readings SET key = ? WHERE key = ?", []any{rec.key, from}},
		{"UPDATE bookmarks SET key = ? WHERE key = ?", []any{rec.key, from}},
		{"UPDATE quotes SET key = ? WHERE key = ?", []any{rec.key, from}},
		{"UPDATE highlights SET key = ? WHERE key = ?", []any{rec.key, from}},
		{"UPDATE OR IGNORE tags SET key = ? WHERE key = ?", []any{rec.key, from}},
		{"UPDATE OR IGNORE archive SET key = ? WHERE key = ?", []any{rec.key, from}},
	}
	for _, st := range steps {
		if err := w.exec(st.query, st.args...); err != nil {
			return fmt.Errorf("moving %s to %s: %w", from, rec.key, err)
		}
	}
	return nil
}

// updateDoc changes columns of a row and nothing else.
func updateDoc(query string, args ...any) write {
	return write{rows: func(w *txw) error { return w.exec(query, args...) }}
}
