package library

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"slices"
	"strings"
	"time"

	"cable/articles"
)

// current.go answers, without writing, whether the index holds the
// sources as they are now, so that a command can answer from the index
// without a Sync: what a Sync would read of each row (its key, size,
// modification time, hash and error), no summary, and no plan.

// Current reports whether the index holds every source as it is now: the
// same files, each of the size and modification time they had when a
// Sync last brought the index up to date with them (an edit made in place
// while cable was not running changes the file's time, though not its
// directory's), the bundled articles as this build ships them, and rows
// made by this indexVersion. Every file is listed and its size and time
// asked for, on every core; none is read, and of the index one row, the
// digest the last Sync recorded of what it saw (scanDigest). When it
// returns true a Sync would change nothing; false says only that a Sync
// has work to do.
func (s *Store) Current(src Sources) (bool, error) {
	racyAfter := time.Now().Add(-racyWindow).UnixNano()
	digest, ok, handled := quickDigest(src, racyAfter)
	if !handled {
		digest, ok = scanDigest(src.Bundle, scanStates(src, racyAfter))
	}
	if !ok {
		return false, nil
	}
	var kept string
	err := s.db.QueryRow("SELECT value FROM meta WHERE name = 'scan_digest'").Scan(&kept)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("library: reading the index: %w", err)
	}
	return kept == digest, nil
}

// scanDigest stands for the sources as a Sync saw them: the indexVersion,
// each bundled article's key and fingerprint, each file's path, size and
// modification time. ok is false when the sources hold something a Sync
// looks at again every time (a directory that cannot be listed, a file
// that cannot be read, a time too recent to trust), which makes the index
// never current.
func scanDigest(bundle []*articles.Article, files []fileState) (digest string, ok bool) {
	d, ok := newDigester(bundle)
	if !ok {
		return "", false
	}
	for _, it := range files {
		if it.problem || it.failed || it.mtime == 0 {
			return "", false
		}
		d.file(it.key, "", it.size, it.mtime)
	}
	return d.sum(), true
}

// digester hashes what scanDigest stands for, a field at a time, through
// a buffer: hashing each string apart would copy each.
type digester struct {
	h   hash.Hash
	buf []byte
}

// newDigester begins the digest with the indexVersion and the bundled
// articles; ok is false when two share an ID (Sync numbers them).
func newDigester(bundle []*articles.Article) (d *digester, ok bool) {
	d = &digester{h: sha256.New(), buf: make([]byte, 0, 32<<10)}
	d.field(indexVersion, "")
	taken := map[string]bool{}
	for _, a := range bundle {
		if taken[a.ID] {
			return nil, false
		}
		taken[a.ID] = true
		sum := a.Summarise()
		sum.ID, sum.Origin = a.ID, articles.BundleOrigin
		d.field(bundledKey(a.ID), "")
		d.field(fingerprint(a, sum), "")
	}
	return d, true
}

// field hashes the string a+b, its length first.
func (d *digester) field(a, b string) {
	d.buf = binary.LittleEndian.AppendUint64(d.buf, uint64(len(a)+len(b)))
	d.buf = append(append(d.buf, a...), b...)
	d.flush(false)
}

// file hashes a file's path (dir+name), size and modification time.
func (d *digester) file(dir, name string, size, mtime int64) {
	d.field(dir, name)
	d.buf = binary.LittleEndian.AppendUint64(d.buf, uint64(size))
	d.buf = binary.LittleEndian.AppendUint64(d.buf, uint64(mtime))
}

// flush hashes what the buffer holds, when it is full or all is asked.
func (d *digester) flush(all bool) {
	if all || len(d.buf) >= cap(d.buf)/2 {
		d.h.Write(d.buf)
		d.buf = d.buf[:0]
	}
}

func (d *digester) sum() string {
	d.flush(true)
	return hex.EncodeToString(d.h.Sum(nil))
}

// recordDigest keeps the digest of what a Sync saw and applied, or, when
// there is none to keep, forgets the last one, which no longer holds.
func (s *Store) recordDigest(bundle []*articles.Article, files []*item) error {
	states := make([]fileState, len(files))
	for i, it := range files {
		states[i] = it.state()
	}
	digest, ok := scanDigest(bundle, states)
	return s.write("recording what the index holds", func(tx *sql.Tx) error {
		if !ok {
			_, err := tx.Exec("DELETE FROM meta WHERE name = 'scan_digest'")
			return err
		}
		_, err := tx.Exec("INSERT INTO meta (name, value) VALUES ('scan_digest', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value", digest)
		return err
	})
}

// forgetDigest drops the digest before a Sync writes: should it stop half
// way, the index holds neither what the digest says nor what it saw.
func (s *Store) forgetDigest() error {
	return s.write("recording what the index holds", func(tx *sql.Tx) error {
		_, err := tx.Exec("DELETE FROM meta WHERE name = 'scan_digest'")
		return err
	})
}

// Listed is an article as "cable list" prints it, read from the index
// with its reader's state.
type Listed struct {
	Key, ID, Title, Author string
	Words                  int
	// Error is why the file cannot be read, "" for an article.
	Error string
	// Progress and Finished are the reading's; Read is whether there is
	// one that was opened (its last_read time is set).
	Progress int
	Finished bool
	Read     bool
	// New is set for an article saved by a feed or cable get and not
	// opened since.
	New bool
}

// EachListed calls f for every article of the index, in the order Sync
// lists them: the bundled ones first, in the order of bundle (their IDs),
// then the files by path, with the reader's state of each. The rows come
// from the listing (listing.go) when there is one of the index as it is;
// otherwise they are read, and kept as the listing for the next time.
// f's error stops it.
func (s *Store) EachListed(bundle []*articles.Article, f func(Listed) error) error {
	readings, err := s.Readings()
	if err != nil {
		return err
	}
	fresh, err := s.NewKeys()
	if err != nil {
		return err
	}
	list, digest, ok, err := s.readListing()
	if err != nil {
		return err
	}
	if !ok {
		if list, err = s.listedRows(bundle); err != nil {
			return err
		}
		if digest != "" {
			s.keepListing(digest, list) // a speed-up only
		}
	}
	for _, l := range list {
		if r, ok := readings[l.Key]; ok {
			l.Progress, l.Finished, l.Read = r.Progress, r.Finished, !r.LastRead.IsZero()
		}
		l.New = fresh[l.Key]
		if err := f(l); err != nil {
			return err
		}
	}
	return nil
}

// listedRows reads what the list prints of every row, without the
// reader's state, in list order. It reads only those columns, the rows in
// the order the table holds them, in parts on every core (as loadRows
// does), and sorts them here: walking the index of paths would look up
// every row apart.
func (s *Store) listedRows(bundle []*articles.Article) ([]Listed, error) {
	list, err := readInParts(s, "listing the index", s.listRange)
	if err != nil {
		return nil, err
	}
	slices.SortFunc(list, func(a, b Listed) int { return strings.Compare(a.Key, b.Key) })
	ordered := make([]Listed, 0, len(list))
	bundled := map[string]int{}
	for i, l := range list {
		if isBundledKey(l.Key) {
			bundled[l.Key] = i
		}
	}
	for _, a := range bundle {
		if i, ok := bundled[bundledKey(a.ID)]; ok {
			ordered = append(ordered, list[i])
			delete(bundled, bundledKey(a.ID))
		}
	}
	for _, l := range list {
		if !isBundledKey(l.Key) {
			ordered = append(ordered, l)
		}
	}
	return ordered, nil
}

// listRange reads what the list prints of the rows whose doc numbers are
// from first up to, not including, end; about size of them.
func (s *Store) listRange(first, end int64, size int) (list []Listed, err error) {
	err = s.streaming(func(c *sql.Conn) error {
		list, err = listRows(c, first, end, size)
		return err
	})
	return list, err
}

func listRows(c *sql.Conn, first, end int64, size int) ([]Listed, error) {
	rs, err := c.QueryContext(context.Background(), "SELECT key, id, title, author, words, error FROM docs WHERE doc >= ? AND doc < ?", first, end)
	if err != nil {
		return nil, fmt.Errorf("library: listing the index: %w", err)
	}
	defer rs.Close()
	list := make([]Listed, 0, size)
	for rs.Next() {
		var l Listed
		if err := rs.Scan(&l.Key, &l.ID, &l.Title, &l.Author, &l.Words, &l.Error); err != nil {
			return nil, fmt.Errorf("library: listing the index: %w", err)
		}
		list = append(list, l)
	}
	if err := rs.Err(); err != nil {
		return nil, fmt.Errorf("library: listing the index: %w", err)
	}
	return list, nil
}
