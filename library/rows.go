package library

import (
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"cable/articles"
)

// rows.go reads index rows: all of them for a Sync, some for a screen.

// row is one article source as the index holds it.
type row struct {
	key, id, hash, errText string
	size, mtime, added     int64
	summary                articles.Summary // without ID and Origin, which are the item's
	summaryOK              bool             // false when the stored lists could not be read
}

// loadRows reads the whole index. Every field is a column of its own, so
// there is nothing to decode (the lists are cut at listEnd, sharing the
// column's memory); what a warm start with a large library spends here is
// SQLite's and the driver's time for each column of each row. So a large
// index is read in parts, one a core, each on a connection of its own, by
// ranges of doc numbers.
func (s *Store) loadRows() (map[string]*row, error) {
	list, err := readInParts(s, "reading the index", s.loadRange)
	if err != nil {
		return nil, err
	}
	rows := make(map[string]*row, len(list))
	for i := range list {
		rows[list[i].key] = &list[i]
	}
	return rows, nil
}

// readInParts reads the whole index with read, in parts, one a core (as
// many as have rowsPerPart rows), each by a range of doc numbers: read
// gets the range's first doc number, the one after its last, and about
// how many rows it holds. The parts come back in the order of the doc
// numbers. what says what the reading is for, in its error.
func readInParts[T any](s *Store, what string, read func(first, end int64, size int) ([]T, error)) ([]T, error) {
	var first, last sql.NullInt64
	if err := s.db.QueryRow("SELECT min(doc), max(doc) FROM docs").Scan(&first, &last); err != nil {
		return nil, fmt.Errorf("library: %s: %w", what, err)
	}
	if !first.Valid {
		return nil, nil
	}
	span := last.Int64 - first.Int64 + 1
	parts := max(1, min(int64(runtime.GOMAXPROCS(0)), span/rowsPerPart))
	lists := make([][]T, parts)
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for n := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lists[n], errs[n] = read(first.Int64+span*n/parts, first.Int64+span*(n+1)/parts, int(span/parts+1))
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return slices.Concat(lists...), nil
}

// rowsPerPart is the fewest rows worth a connection of their own.
const rowsPerPart = 2000

// loadRange reads the index rows whose doc numbers are from first up to,
// not including, end; about size of them.
func (s *Store) loadRange(first, end int64, size int) ([]row, error) {
	return s.queryRows("WHERE doc >= ? AND doc < ?", size, first, end)
}

// rowColumns are the columns of docs that a row holds, in scanRow's order.
const rowColumns = "key, id, size, mtime_ns, hash, added_ns, error, " + summaryColumns

// queryRows reads the index rows that where (a WHERE clause, and any
// ORDER BY and LIMIT) picks; about size of them.
func (s *Store) queryRows(where string, size int, args ...any) ([]row, error) {
	rs, err := s.db.Query("SELECT "+rowColumns+" FROM docs "+where, args...)
	if err != nil {
		return nil, fmt.Errorf("library: reading the index: %w", err)
	}
	defer rs.Close()
	list := make([]row, 0, size)
	var r row
	var words int64
	var sections, topics string
	dest := []any{&r.key, &r.id, &r.size, &r.mtime, &r.hash, &r.added, &r.errText,
		&r.summary.Title, &r.summary.Author, &r.summary.Source, &r.summary.Published, &words, &r.summary.EditorsNote,
		&sections, &topics, &r.summary.Subtitle, &r.summary.Abstract, &r.summary.AuthorNote,
		&r.summary.Feed, &r.summary.SummaryOnly, &r.summary.URL, &r.summary.Print}
	for rs.Next() {
		r = row{}
		if err := rs.Scan(dest...); err != nil {
			return nil, fmt.Errorf("library: reading the index: %w", err)
		}
		r.summary.Words = int(words)
		r.summary.Minutes = articles.MinutesFor(r.summary.Words)
		var okS, okT bool
		r.summary.Sections, okS = splitList(sections)
		r.summary.Topics, okT = splitList(topics)
		r.summaryOK = okS && okT
		list = append(list, r)
	}
	if err := rs.Err(); err != nil {
		return nil, fmt.Errorf("library: reading the index: %w", err)
	}
	return list, nil
}
