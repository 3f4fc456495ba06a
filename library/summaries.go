package library

import (
	"database/sql"
	"fmt"
	"time"
)

// Summaries that may grow up: an article a feed update saved as the
// feed's summary, because its page could not be fetched, is remembered
// with its page's address, so that later updates fetch the page again
// and replace the summary with the whole article.

// PendingSummary is an article saved as a summary, whose page is to be
// fetched again.
type PendingSummary struct {
	Path  string // the article's file
	URL   string // its page
	Feed  string // the feed it came from
	Saved time.Time
}

// RememberSummary records that the article at path is a summary of the
// page at url, whose fetch failed at now.
func (s *Store) RememberSummary(p PendingSummary, now time.Time) error {
	return s.write("remembering the summary "+p.Path, func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO summaries (path, url, feed, saved_ns, tried_ns) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (path) DO UPDATE SET url = excluded.url, feed = excluded.feed, tried_ns = excluded.tried_ns`,
			p.Path, p.URL, p.Feed, nanos(p.Saved), nanos(now))
		return err
	})
}

// SummariesDue are the summaries whose page is to be tried again at now:
// saved less than within ago, and last tried at least every ago. Those
// saved longer ago are forgotten: their page is taken not to come back.
func (s *Store) SummariesDue(now time.Time, every, within time.Duration) ([]PendingSummary, error) {
	err := s.write("forgetting old summaries", func(tx *sql.Tx) error {
		_, err := tx.Exec("DELETE FROM summaries WHERE saved_ns < ?", nanos(now.Add(-within)))
		return err
	})
	if err != nil {
		return nil, err
	}
	rows, err := s.db.Query("SELECT path, url, feed, saved_ns FROM summaries WHERE tried_ns <= ? ORDER BY saved_ns",
		nanos(now.Add(-every)))
	if err != nil {
		return nil, fmt.Errorf("library: reading the summaries: %w", err)
	}
	defer rows.Close()
	var out []PendingSummary
	for rows.Next() {
		var p PendingSummary
		var saved int64
		if err := rows.Scan(&p.Path, &p.URL, &p.Feed, &saved); err != nil {
			return nil, fmt.Errorf("library: reading the summaries: %w", err)
		}
		p.Saved = fromNanos(saved)
		out = append(out, p)
	}
	return out, rows.Err()
}

// SummaryTried records that the page of the summary at path was tried at
// now, and failed.
func (s *Store) SummaryTried(path string, now time.Time) error {
	return s.write("recording a try of "+path, func(tx *sql.Tx) error {
		_, err := tx.Exec("UPDATE summaries SET tried_ns = ? WHERE path = ?", nanos(now), path)
		return err
	})
}

// ForgetSummary forgets the summary at path: it became the whole article.
func (s *Store) ForgetSummary(path string) error {
	return s.write("forgetting the summary "+path, func(tx *sql.Tx) error {
		_, err := tx.Exec("DELETE FROM summaries WHERE path = ?", path)
		return err
	})
}
