package library

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"unsafe"
)

// listing.go keeps what "cable list" prints of every row, in its order,
// as one value of the index (meta's "listing"), made the first time the
// list is asked for after a Sync changed the index. Reading the rows one
// by one costs SQLite and its driver 3–4 µs a row, most of "cable list"
// at 10,000 articles; the listing is one value, read in one go and cut
// into the rows' strings without a copy each.
//
// A listing says which index it was made from: the digest the last Sync
// recorded (scan_digest) and the schema. Every transaction of a Sync that
// writes a row drops it (batcher.flush), so a listing is read only while
// the rows are those it was made from; it is written only while the
// digest it was made with is still the one recorded.

// listingName is the listing's name in meta.
const listingName = "listing"

// listingHeader begins a listing made from the index whose last Sync
// recorded digest.
func listingHeader(digest string) string {
	return fmt.Sprintf("cable listing 1, schema %d, index %s\n", schemaVersion, digest)
}

// dropListing is the statement that drops the listing, run by every
// transaction that writes rows.
const dropListing = "DELETE FROM meta WHERE name = '" + listingName + "'"

// readListing is the listing, if there is one of the index as it is: the
// rows in list order, without the reader's state. digest is the one the
// last Sync recorded ("" when there is none: the index is not known to
// hold its sources).
func (s *Store) readListing() (list []Listed, digest string, ok bool, err error) {
	ctx := context.Background()
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, "", false, fmt.Errorf("library: listing the index: %w", err)
	}
	defer tx.Rollback()
	err = tx.QueryRow("SELECT value FROM meta WHERE name = 'scan_digest'").Scan(&digest)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, "", false, nil
	}
	if err != nil {
		return nil, "", false, fmt.Errorf("library: listing the index: %w", err)
	}
	var data []byte
	err = tx.QueryRow("SELECT value FROM meta WHERE name = ?", listingName).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, digest, false, nil
	}
	if err != nil {
		return nil, "", false, fmt.Errorf("library: listing the index: %w", err)
	}
	// data is this function's own copy, never written again, so the
	// rows' strings can share it rather than a second copy.
	list, ok = decodeListing(unsafe.String(unsafe.SliceData(data), len(data)), listingHeader(digest))
	return list, digest, ok, nil
}

// keepListing records list (the rows in list order) as the listing of the
// index whose last Sync recorded digest, unless another digest has been
// recorded since. It is a speed-up only: a database that cannot take the
// write lists its rows all the same.
func (s *Store) keepListing(digest string, list []Listed) error {
	data := encodeListing(listingHeader(digest), list)
	return s.write("keeping the listing", func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO meta (name, value)
			SELECT ?, ? WHERE EXISTS (SELECT 1 FROM meta WHERE name = 'scan_digest' AND value = ?)
			ON CONFLICT (name) DO UPDATE SET value = excluded.value`, listingName, data, digest)
		return err
	})
}

// encodeListing is header, the number of rows, and each row's key, ID,
// title, author and error, each its length then its bytes, and its words.
func encodeListing(header string, list []Listed) []byte {
	size := len(header) + binary.MaxVarintLen64
	for _, l := range list {
		size += len(l.Key) + len(l.ID) + len(l.Title) + len(l.Author) + len(l.Error) + 6*binary.MaxVarintLen64
	}
	data := make([]byte, 0, size)
	data = append(data, header...)
	data = binary.AppendUvarint(data, uint64(len(list)))
	for _, l := range list {
		for _, f := range []string{l.Key, l.ID, l.Title, l.Author, l.Error} {
			data = binary.AppendUvarint(data, uint64(len(f)))
			data = append(data, f...)
		}
		data = binary.AppendUvarint(data, uint64(max(l.Words, 0)))
	}
	return data
}

// decodeListing reads what encodeListing wrote, if it begins with header
// and is whole; the rows' strings share data's memory.
func decodeListing(data, header string) ([]Listed, bool) {
	rest, ok := strings.CutPrefix(data, header)
	if !ok {
		return nil, false
	}
	d := decoder{rest: rest}
	n := d.uvarint()
	if d.bad || n > uint64(len(rest)) {
		return nil, false
	}
	list := make([]Listed, n)
	for i := range list {
		l := &list[i]
		l.Key, l.ID, l.Title, l.Author, l.Error = d.str(), d.str(), d.str(), d.str(), d.str()
		l.Words = int(d.uvarint())
	}
	if d.bad || d.rest != "" {
		return nil, false
	}
	return list, true
}

// decoder reads a listing's fields; bad is set, and stays, at the first
// that is cut short.
type decoder struct {
	rest string
	bad  bool
}

func (d *decoder) uvarint() uint64 {
	var n uint64
	for shift := 0; shift < 64 && !d.bad; shift += 7 {
		if d.rest == "" {
			break
		}
		b := d.rest[0]
		d.rest = d.rest[1:]
		n |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return n
		}
	}
	d.bad = true
	return 0
}

func (d *decoder) str() string {
	n := d.uvarint()
	if d.bad || n > uint64(len(d.rest)) {
		d.bad = true
		return ""
	}
	s := d.rest[:n]
	d.rest = d.rest[n:]
	return s
}
