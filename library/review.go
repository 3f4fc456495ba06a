package library

import (
	"database/sql"
	"fmt"
	"sort"
	"time"
)

// ReviewIntervals are how long after it was made, and then after each
// review, a highlight comes back to be read again: a day, three, a week,
// three weeks, two months, half a year, and every half year after that.
var ReviewIntervals = []time.Duration{
	1 * day, 3 * day, 7 * day, 21 * day, 60 * day, 180 * day,
}

const day = 24 * time.Hour

// Due is when a highlight is next to be reviewed.
func (h Highlight) Due() time.Time {
	from := h.Created
	if !h.Reviewed.IsZero() {
		from = h.Reviewed
	}
	return from.Add(ReviewIntervals[min(max(h.Reviews, 0), len(ReviewIntervals)-1)])
}

// DueHighlights are at most n of the highlights due for review at now,
// the longest due first.
func (s *Store) DueHighlights(now time.Time, n int) ([]Highlight, error) {
	all, err := s.AllHighlights(HighlightFilter{})
	if err != nil {
		return nil, err
	}
	var due []Highlight
	for _, h := range all {
		if !h.Due().After(now) {
			due = append(due, h)
		}
	}
	sort.SliceStable(due, func(i, j int) bool { return due[i].Due().Before(due[j].Due()) })
	return due[:min(n, len(due))], nil
}

// MarkReviewed counts highlights reviewed at now: each comes back after
// the next of ReviewIntervals.
func (s *Store) MarkReviewed(now time.Time, ids ...string) error {
	return s.write("counting highlights reviewed", func(tx *sql.Tx) error {
		for _, id := range ids {
			if _, err := tx.Exec("UPDATE highlights SET reviews = reviews + 1, reviewed_ns = ? WHERE id = ?", nanos(now), id); err != nil {
				return fmt.Errorf("highlight %s: %w", id, err)
			}
		}
		return nil
	})
}
