package library

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Feed is a publication followed: a feed cable fetches and saves the new
// entries of, into a folder of the library directory named Name.
type Feed struct {
	// Name is what the reader calls the feed, and its folder's name: the
	// feed's title as a safe name, unique among the feeds.
	Name string
	// URL is where the feed is fetched; it is the feed's identity.
	URL   string
	Title string
	// ETag and LastModified are what the last fetch answered, sent back
	// so that an unchanged feed costs a 304.
	ETag, LastModified string
	// LastUpdate is when the feed was last updated without error, and
	// LastError why the last update since failed ("" when it did not).
	// A failed update leaves LastUpdate alone, so that it keeps saying
	// how recent the feed's articles are.
	LastUpdate time.Time
	LastError  string
	// Articles counts the articles saved from the feed: an entry known
	// under two addresses, or seen and found saved already, counts once
	// or not at all.
	Articles int
}

// Label is how the feed is named in lines for the reader: its title, or
// its address when it has none.
func (f Feed) Label() string {
	if f.Title != "" {
		return f.Title
	}
	return f.URL
}

// ErrFeedFollowed is returned by AddFeed for a feed already followed.
var ErrFeedFollowed = errors.New("already followed")

// SafeDirName is the name of a folder for a title: the slug SafeFileName
// makes, without its extension, so that it holds only letters, digits
// and hyphens and cannot escape the directory it is made in.
func SafeDirName(title string) string {
	return strings.TrimSuffix(SafeFileName(title), ".md")
}

// AddFeed follows a feed. Its name is made from its title (or, with no
// title, its address) through SafeDirName, with "-2", "-3"… added when
// another feed has it. A feed already followed is refused with
// ErrFeedFollowed. It returns the feed as stored.
func (s *Store) AddFeed(f Feed) (Feed, error) {
	base := SafeDirName(f.Label())
	err := s.write("following "+f.URL, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRow("SELECT count(*) FROM feeds WHERE url = ?", f.URL).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return ErrFeedFollowed
		}
		for i := 1; ; i++ {
			f.Name = base
			if i > 1 {
				f.Name = base + "-" + strconv.Itoa(i)
			}
			if err := tx.QueryRow("SELECT count(*) FROM feeds WHERE name = ?", f.Name).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				break
			}
		}
		_, err := tx.Exec(`INSERT INTO feeds (url, name, title, etag, last_modified, last_update_ns, last_error, added_ns)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, f.URL, f.Name, f.Title, f.ETag, f.LastModified, nanos(f.LastUpdate), f.LastError, time.Now().UnixNano())
		return err
	})
	return f, err
}

const feedColumns = `f.url, f.name, f.title, f.etag, f.last_modified, f.last_update_ns, f.last_error,
	(SELECT count(DISTINCT e.path) FROM feed_entries e WHERE e.feed = f.url AND e.path <> '')`

func scanFeed(sc scanner) (Feed, error) {
	var f Feed
	var last int64
	err := sc.Scan(&f.URL, &f.Name, &f.Title, &f.ETag, &f.LastModified, &last, &f.LastError, &f.Articles)
	f.LastUpdate = fromNanos(last)
	return f, err
}

// Feeds lists the feeds followed, by name.
func (s *Store) Feeds() ([]Feed, error) {
	rows, err := s.db.Query("SELECT " + feedColumns + " FROM feeds f ORDER BY f.name")
	if err != nil {
		return nil, fmt.Errorf("library: listing the feeds: %w", err)
	}
	defer rows.Close()
	var list []Feed
	for rows.Next() {
		f, err := scanFeed(rows)
		if err != nil {
			return nil, fmt.Errorf("library: listing the feeds: %w", err)
		}
		list = append(list, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("library: listing the feeds: %w", err)
	}
	return list, nil
}

// FindFeed finds a feed by its name, its address or its title (ignoring
// case); ok is false when no feed has it.
func (s *Store) FindFeed(nameOrURL string) (f Feed, ok bool, err error) {
	row := s.db.QueryRow("SELECT "+feedColumns+` FROM feeds f
		WHERE f.name = ?1 OR f.url = ?1 OR lower(f.title) = lower(?1) ORDER BY f.name = ?1 DESC, f.url = ?1 DESC LIMIT 1`, nameOrURL)
	f, err = scanFeed(row)
	if errors.Is(err, sql.ErrNoRows) {
		return Feed{}, false, nil
	}
	if err != nil {
		return Feed{}, false, fmt.Errorf("library: finding the feed %s: %w", nameOrURL, err)
	}
	return f, true, nil
}

// RemoveFeed stops following a feed. The articles saved from it stay, and
// so does the record of its entries, so that following it again does not
// save them twice.
func (s *Store) RemoveFeed(url string) error {
	return s.write("removing the feed "+url, func(tx *sql.Tx) error {
		_, err := tx.Exec("DELETE FROM feeds WHERE url = ?", url)
		return err
	})
}

// SaveFeedState records how a fetch of the feed went: its title, the
// validators for the next conditional request, when, and its error.
func (s *Store) SaveFeedState(f Feed) error {
	return s.write("saving the state of the feed "+f.URL, func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE feeds SET title = ?, etag = ?, last_modified = ?, last_update_ns = ?, last_error = ?
			WHERE url = ?`, f.Title, f.ETag, f.LastModified, nanos(f.LastUpdate), f.LastError, f.URL)
		return err
	})
}

// EntrySeen reports whether an entry was saved already: from this feed
// under the same GUID, or from any feed under the same canonical address
// (CanonicalURL: two feeds that tag the same link with their own
// utm_source carry one article). An empty guid or address matches
// nothing. An address recorded as it was, before addresses were
// recorded canonical, still matches itself.
func (s *Store) EntrySeen(feed, guid, url string) (bool, error) {
	var n int
	err := s.db.QueryRow(`SELECT count(*) FROM feed_entries
		WHERE (?2 <> '' AND feed = ?1 AND guid = ?2) OR (?3 <> '' AND url IN (?3, ?4))`, feed, guid, CanonicalURL(url), strings.TrimSpace(url)).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("library: looking up an entry of %s: %w", feed, err)
	}
	return n > 0, nil
}

// RecordEntry records an entry as saved, at path, under its canonical
// address (see EntrySeen). An entry without a GUID is recorded under its
// address.
func (s *Store) RecordEntry(feed, guid, url, path string) error {
	url = CanonicalURL(url)
	if guid == "" {
		guid = url
	}
	return s.write("recording an entry of "+feed, func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO feed_entries (feed, guid, url, path, saved_ns) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (feed, guid) DO UPDATE SET url = excluded.url, path = excluded.path`,
			feed, guid, url, path, time.Now().UnixNano())
		return err
	})
}
