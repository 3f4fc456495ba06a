package library

import (
	"database/sql"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"cable/articles"
)

// listingLibrary is an indexed library of three articles, one of them
// read, whose index is current.
func listingLibrary(t *testing.T) (*Store, Sources, string) {
	t.Helper()
	dir := t.TempDir()
	put(t, filepath.Join(dir, "z.md"), article("Zulu", "Last by path."))
	put(t, filepath.Join(dir, "a", "m.md"), article("Mike", "In a directory."))
	put(t, filepath.Join(dir, "c.md"), article("Charlie", "Read half."))
	bundle, err := articles.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	src := Sources{Bundle: bundle, Dirs: []string{dir}}
	s, _ := newTestStore(t)
	mustSync(t, s, src)
	if ok, err := s.Current(src); err != nil || !ok {
		t.Fatalf("Current after a Sync = %v, %v", ok, err)
	}
	return s, src, dir
}

func listAll(t *testing.T, s *Store, bundle []*articles.Article) []Listed {
	t.Helper()
	var got []Listed
	if err := s.EachListed(bundle, func(l Listed) error { got = append(got, l); return nil }); err != nil {
		t.Fatal(err)
	}
	return got
}

func storedListing(t *testing.T, s *Store) (string, bool) {
	t.Helper()
	var data []byte
	err := s.db.QueryRow("SELECT value FROM meta WHERE name = ?", listingName).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(data), true
}

// TestListingIsKeptUntilTheRowsChange: the first list after a Sync reads
// the rows and keeps them as the listing; the next list reads the listing
// (a row changed behind the index's back, which no Sync does, is not
// seen); a Sync that writes a row drops it, and the list after that has
// the change; the reader's state is joined in every time.
func TestListingIsKeptUntilTheRowsChange(t *testing.T) {
	s, src, dir := listingLibrary(t)
	want := listAll(t, s, src.Bundle)
	if _, ok := storedListing(t, s); !ok {
		t.Fatal("no listing kept after the first list")
	}
	if _, err := s.db.Exec("UPDATE docs SET title = 'Behind its back' WHERE title = 'Zulu'"); err != nil {
		t.Fatal(err)
	}
	c := filepath.Join(dir, "c.md")
	if err := s.SaveReading(Reading{Key: c, Progress: 50, LastRead: time.Now()}); err != nil {
		t.Fatal(err)
	}
	got := listAll(t, s, src.Bundle)
	for i := range want {
		if want[i].Key == c {
			want[i].Progress, want[i].Read = 50, true
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("from the listing:\n%+v\nwant\n%+v", got, want)
	}

	put(t, filepath.Join(dir, "z.md"), article("Zulu, edited", "Last by path, longer now."))
	mustSync(t, s, src)
	if _, ok := storedListing(t, s); ok {
		t.Error("the listing outlived a Sync that wrote a row")
	}
	got = listAll(t, s, src.Bundle)
	if i := slices.IndexFunc(got, func(l Listed) bool { return strings.HasSuffix(l.Key, "z.md") }); i < 0 || got[i].Title != "Zulu, edited" {
		t.Errorf("after the edit and a Sync: %+v", got)
	}
	if _, ok := storedListing(t, s); !ok {
		t.Error("no listing kept after the list that followed the Sync")
	}
}

// TestListingOfAnotherIndexIsNotRead: a listing is read only when it was
// made from the index as the last Sync recorded it, by this schema, and
// is whole; otherwise the rows are read, and kept again when a Sync's
// digest is recorded.
func TestListingOfAnotherIndexIsNotRead(t *testing.T) {
	tests := []struct {
		name   string
		change func(t *testing.T, s *Store, digest, data string)
		// kept is whether the list after it keeps a listing of the rows
		// as they are.
		kept bool
	}{
		{name: "another digest recorded", kept: true, change: func(t *testing.T, s *Store, digest, data string) {
			mustExec(t, s, "UPDATE meta SET value = 'another' WHERE name = 'scan_digest'")
		}},
		{name: "no digest recorded", change: func(t *testing.T, s *Store, digest, data string) {
			mustExec(t, s, "DELETE FROM meta WHERE name = 'scan_digest'")
		}},
		{name: "another schema", kept: true, change: func(t *testing.T, s *Store, digest, data string) {
			other := strings.Replace(data, listingHeader(digest), strings.Replace(listingHeader(digest), "schema ", "schema 9", 1), 1)
			mustExec(t, s, "UPDATE meta SET value = ? WHERE name = ?", []byte(other), listingName)
		}},
		{name: "cut short", kept: true, change: func(t *testing.T, s *Store, digest, data string) {
			mustExec(t, s, "UPDATE meta SET value = ? WHERE name = ?", []byte(data[:len(data)-3]), listingName)
		}},
		{name: "a byte too many", kept: true, change: func(t *testing.T, s *Store, digest, data string) {
			mustExec(t, s, "UPDATE meta SET value = ? WHERE name = ?", []byte(data+"x"), listingName)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, src, _ := listingLibrary(t)
			want := listAll(t, s, src.Bundle)
			data, ok := storedListing(t, s)
			if !ok {
				t.Fatal("no listing kept")
			}
			var digest string
			if err := s.db.QueryRow("SELECT value FROM meta WHERE name = 'scan_digest'").Scan(&digest); err != nil {
				t.Fatal(err)
			}
			tt.change(t, s, digest, data)
			// What the rows say now, which the listing does not.
			mustExec(t, s, "UPDATE docs SET title = 'Changed' WHERE title = 'Zulu'")
			for i := range want {
				if want[i].Title == "Zulu" {
					want[i].Title = "Changed"
				}
			}
			if got := listAll(t, s, src.Bundle); !slices.Equal(got, want) {
				t.Errorf("listed\n%+v\nwant the rows\n%+v", got, want)
			}
			again, ok := storedListing(t, s)
			if kept := ok && strings.Contains(again, "Changed"); kept != tt.kept {
				t.Errorf("a listing of the rows as they are kept after it: %v, want %v", kept, tt.kept)
			}
		})
	}
}

// TestListingIsNotKeptForADigestGone: a listing made while one Sync's
// digest was recorded is not written once another is.
func TestListingIsNotKeptForADigestGone(t *testing.T) {
	s, src, _ := listingLibrary(t)
	list, err := s.listedRows(src.Bundle)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.keepListing("a digest no longer recorded", list); err != nil {
		t.Fatal(err)
	}
	if _, ok := storedListing(t, s); ok {
		t.Error("a listing was kept for a digest no longer recorded")
	}
}

func mustExec(t *testing.T, s *Store, query string, args ...any) {
	t.Helper()
	if _, err := s.db.Exec(query, args...); err != nil {
		t.Fatal(err)
	}
}

// FuzzListing: what encodeListing writes, decodeListing reads back the
// same; any other bytes are refused or read, never a panic.
func FuzzListing(f *testing.F) {
	f.Add("/lib/a.md", "a", "Alpha", "An Author", "", 1200, []byte("cable listing 1, schema 7, index d\n\x01\x01k\x01i\x01t\x00\x00\x05"))
	f.Add("bundled:x", "x", "标题", "", "cannot be read", 0, []byte{})
	f.Fuzz(func(t *testing.T, key, id, title, author, errText string, words int, other []byte) {
		const header = "cable listing 1, schema 7, index d\n"
		list := []Listed{{Key: key, ID: id, Title: title, Author: author, Error: errText, Words: max(words, 0)}, {Key: id, Title: key}}
		got, ok := decodeListing(string(encodeListing(header, list)), header)
		if !ok || !slices.Equal(got, list) {
			t.Fatalf("round trip: %+v, %v; want %+v", got, ok, list)
		}
		if _, ok := decodeListing(string(encodeListing(header, list)), "another header\n"); ok {
			t.Fatal("read under another header")
		}
		decodeListing(string(other), header)
	})
}
