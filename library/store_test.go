package library

import (
	"bytes"
	"context"
	"database/sql"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestOpenCreatesSchemaWithFTS5(t *testing.T) {
	s, _ := newTestStore(t)
	var v, fts int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != schemaVersion {
		t.Fatalf("user_version = %d, %v; want %d", v, err, schemaVersion)
	}
	if err := s.db.QueryRow("SELECT sqlite_compileoption_used('ENABLE_FTS5')").Scan(&fts); err != nil || fts != 1 {
		t.Fatalf("FTS5 is not compiled in: %d, %v", fts, err)
	}
	for _, table := range tables {
		var n int
		s.db.QueryRow("SELECT count(*) FROM sqlite_master WHERE name = ?", table.name).Scan(&n)
		if n != 1 {
			t.Errorf("table %s missing", table.name)
		}
	}
	var sql string
	s.db.QueryRow("SELECT sql FROM sqlite_master WHERE name = 'blocks'").Scan(&sql)
	if !strings.Contains(sql, "fts5") || !strings.Contains(sql, "porter unicode61 remove_diacritics 2") {
		t.Errorf("blocks is not the FTS5 table expected: %s", sql)
	}
}

// Every connection of the pool must carry the pragmas, not only the first.
func TestPragmasOnEveryConnection(t *testing.T) {
	s, _ := newTestStore(t)
	ctx := context.Background()
	var conns []*sql.Conn
	for range 3 {
		c, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		conns = append(conns, c)
	}
	want := map[string]string{"journal_mode": "wal", "busy_timeout": "5000", "foreign_keys": "1", "synchronous": "1"}
	for i, c := range conns {
		for pragma, value := range want {
			var got string
			if err := c.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != value {
				t.Errorf("connection %d: PRAGMA %s = %s, want %s", i, pragma, got, value)
			}
		}
	}
}

func TestOpenMovesUnusableFileAside(t *testing.T) {
	garbage := make([]byte, 8192)
	rand.NewChaCha8([32]byte{1}).Read(garbage)
	// still checks that the file moved aside is what was there: the same
	// bytes, or, for an SQLite database (which opening switched to WAL),
	// the same tables.
	sameBytes := func(t *testing.T, before []byte, aside string) {
		if after, _ := os.ReadFile(aside); !bytes.Equal(after, before) {
			t.Errorf("%s does not hold the unusable file's bytes", aside)
		}
	}
	hasTable := func(table string) func(t *testing.T, before []byte, aside string) {
		return func(t *testing.T, before []byte, aside string) {
			var n int
			rawQuery(t, aside, "SELECT count(*) FROM sqlite_master WHERE name = '"+table+"'", &n)
			if n != 1 {
				t.Errorf("%s lost its table %s", aside, table)
			}
		}
	}
	cases := []struct {
		name   string
		make   func(t *testing.T, path string)
		reason string
		still  func(t *testing.T, before []byte, aside string)
	}{
		{"random bytes", func(t *testing.T, path string) {
			os.WriteFile(path, garbage, 0o600)
			os.WriteFile(path+"-wal", garbage[:4096], 0o600)
		}, "not an SQLite database", sameBytes},
		{"a short text file", func(t *testing.T, path string) { os.WriteFile(path, []byte("hello\n"), 0o600) }, "not an SQLite database", sameBytes},
		{"another program's database", func(t *testing.T, path string) {
			rawExec(t, path, "CREATE TABLE photos (id INTEGER PRIMARY KEY)")
		}, "not a cable database", hasTable("photos")},
		{"a newer cable's database", func(t *testing.T, path string) {
			rawExec(t, path, "CREATE TABLE docs (x)", "PRAGMA user_version = 99")
		}, "newer cable", hasTable("docs")},
		{"a damaged cable database", func(t *testing.T, path string) {
			rawExec(t, path, "CREATE TABLE docs (x)", "PRAGMA user_version = 1")
		}, `no "blocks" table`, hasTable("docs")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "cable.db")
			c.make(t, path)
			before, _ := os.ReadFile(path)
			s, notice, err := Open(path)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer s.Close()
			if !strings.Contains(notice, c.reason) || !strings.Contains(notice, ".broken-") || strings.Contains(notice, "\n") {
				t.Errorf("notice %q: want one line naming the reason %q and the .broken- file", notice, c.reason)
			}
			aside, _ := filepath.Glob(path + ".broken-*[0-9]")
			if len(aside) != 1 {
				t.Fatalf("files moved aside: %v; want one", aside)
			}
			c.still(t, before, aside[0])
			if _, err := os.Stat(path + "-wal"); err == nil && c.name == "random bytes" {
				if wal, _ := os.ReadFile(path + "-wal"); bytes.Equal(wal, garbage[:4096]) {
					t.Error("the old WAL was left beside the new database")
				}
			}
			if err := s.SaveReading(Reading{Key: "k", Progress: 5}); err != nil {
				t.Fatalf("the new database does not work: %v", err)
			}
			s.Close()
			mustOpen(t, path) // and opens quietly from now on
		})
	}
}

// rawQuery scans one row from a database outside the store.
func rawQuery(t *testing.T, path, query string, dest ...any) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.QueryRow(query).Scan(dest...); err != nil {
		t.Fatalf("%s: %s: %v", path, query, err)
	}
}

// rawExec runs statements on a database outside the store.
func rawExec(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, st := range stmts {
		if _, err := db.Exec(st); err != nil {
			t.Fatal(err)
		}
	}
}

func TestOpenWithoutWritableDirectoryFails(t *testing.T) {
	var path string
	if os.Geteuid() == 0 {
		// Root writes anywhere; a path under a file that is not a
		// directory fails for everyone.
		path = "/dev/null/x/cable.db"
	} else {
		dir := filepath.Join(t.TempDir(), "ro")
		if err := os.Mkdir(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		path = filepath.Join(dir, "cable.db")
	}
	s, notice, err := Open(path)
	if err == nil {
		s.Close()
		t.Fatalf("Open(%s) succeeded; want an error", path)
	}
	if notice != "" || strings.Contains(err.Error(), "\n") || !strings.HasPrefix(err.Error(), "library: ") {
		t.Errorf("Open(%s) = notice %q, error %q; want only a one-line error", path, notice, err)
	}
}

func TestOpenKeepsDataAcrossSessions(t *testing.T) {
	s, path := newTestStore(t)
	if err := s.SaveReading(Reading{Key: "/a.md", Progress: 40}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = mustOpen(t, path)
	if r, ok, err := s.Reading("/a.md"); err != nil || !ok || r.Progress != 40 {
		t.Fatalf("after reopening: %+v, %v, %v", r, ok, err)
	}
}

// A file name is a file name, whatever it holds: the DSN must not cut it at
// "?" or "#", nor decode "%".
func TestOpenOddPath(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a dir?x=1#frag %41")
	path := filepath.Join(dir, "cable?.db")
	mustOpen(t, path)
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the database is not at %s: %v", path, err)
	}
}

func TestMoveAsideNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "cable.db")
	now := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	var targets []string
	for i := range 3 {
		os.WriteFile(path, []byte{byte(i)}, 0o600)
		target, err := moveAside(path, now)
		if err != nil {
			t.Fatal(err)
		}
		targets = append(targets, target)
	}
	want := []string{path + ".broken-20250102-030405", path + ".broken-20250102-030405-2", path + ".broken-20250102-030405-3"}
	for i := range want {
		if targets[i] != want[i] {
			t.Errorf("move %d went to %s, want %s", i, targets[i], want[i])
		}
		if b, _ := os.ReadFile(want[i]); len(b) != 1 || b[0] != byte(i) {
			t.Errorf("%s does not hold file %d", want[i], i)
		}
	}
}

// Damage that opening cannot see (a page deep in the file) makes Sync fail;
// the next Open checks the whole database and moves it aside.
func TestDamageFoundLaterIsMovedAsideAtNextOpen(t *testing.T) {
	s, path := newTestStore(t)
	dir := t.TempDir()
	writeArticles(t, dir, 20, 5)
	mustSync(t, s, Sources{Dirs: []string{dir}})
	// The schema spans more than the first page; its pages are kept, so
	// that opening sees nothing wrong.
	schemaPages := map[int64]bool{1: true}
	rows, err := s.db.Query("SELECT pageno FROM dbstat WHERE name = 'sqlite_schema'")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n int64
		rows.Scan(&n)
		schemaPages[n] = true
	}
	rows.Close()
	s.Close()
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	info, _ := f.Stat()
	junk := bytes.Repeat([]byte{0xA5}, 4096)
	for off := int64(4096); off < info.Size(); off += 4096 {
		if !schemaPages[off/4096+1] {
			f.WriteAt(junk, off) // every page but the schema's
		}
	}
	f.Close()

	s, notice, err := Open(path)
	if err != nil || notice != "" {
		t.Fatalf("the damage is not visible yet, but Open = %v, %q", err, notice)
	}
	if _, _, err := s.Sync(Sources{Dirs: []string{dir}}); err == nil {
		t.Fatal("Sync over a damaged database succeeded")
	}
	s.Close()
	s, notice, err = Open(path)
	if err != nil || !strings.Contains(notice, "corrupt") {
		t.Fatalf("Open after the damage was met: %v, notice %q", err, notice)
	}
	defer s.Close()
	if _, stats := mustSync(t, s, Sources{Dirs: []string{dir}}); stats.Parsed != 20 {
		t.Errorf("the new database was not filled: %+v", stats)
	}
	if exists(path + suspectSuffix) {
		t.Error("the new database is marked suspect")
	}
}
