package library

import (
	"maps"
	"path/filepath"
	"testing"
)

// TestNewMarksLastUntilCleared: marks are kept across a reopening of the
// database, a second mark changes nothing, and clearing one leaves the
// others.
func TestNewMarksLastUntilCleared(t *testing.T) {
	s, path := newTestStore(t)
	if err := s.MarkNew("/lib/a.md", "/lib/b.md"); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkNew("/lib/a.md"); err != nil {
		t.Fatalf("marking again: %v", err)
	}
	if err := s.MarkNew(); err != nil {
		t.Fatalf("marking nothing: %v", err)
	}
	s.Close()

	s = mustOpen(t, path)
	got, err := s.NewKeys()
	if want := map[string]bool{"/lib/a.md": true, "/lib/b.md": true}; err != nil || !maps.Equal(got, want) {
		t.Fatalf("NewKeys after reopening = %v, %v; want %v", got, err, want)
	}
	if err := s.ClearNew("/lib/a.md"); err != nil {
		t.Fatal(err)
	}
	if err := s.ClearNew("/lib/never.md"); err != nil {
		t.Errorf("clearing a key never marked: %v", err)
	}
	got, err = s.NewKeys()
	if want := map[string]bool{"/lib/b.md": true}; err != nil || !maps.Equal(got, want) {
		t.Errorf("NewKeys after clearing = %v, %v; want %v", got, err, want)
	}
}

// TestMigrationToSchema5KeepsTheReadings: a database of schema 4 gains the
// table of new marks, empty, and keeps what it held.
func TestMigrationToSchema5KeepsTheReadings(t *testing.T) {
	path := t.TempDir() + "/cable.db"
	rawExec(t, path, schemaV1, schemaV2, schemaV3, schemaV4,
		"INSERT INTO readings VALUES ('/lib/a.md', 1, 2, 3, 40, 0, 1)",
		"PRAGMA user_version = 4")
	s := mustOpen(t, path)
	if r, ok, err := s.Reading("/lib/a.md"); err != nil || !ok || r.Progress != 40 {
		t.Errorf("the reading after migrating = %+v, %v, %v", r, ok, err)
	}
	if keys, err := s.NewKeys(); err != nil || len(keys) != 0 {
		t.Errorf("NewKeys after migrating = %v, %v; want none", keys, err)
	}
	if err := s.MarkNew("/lib/a.md"); err != nil {
		t.Errorf("marking after migrating: %v", err)
	}
}

// TestMarkNewMakesPathsWhole: a relative path is marked under the
// absolute path the catalog knows the file by; a bundled key is kept.
func TestMarkNewMakesPathsWhole(t *testing.T) {
	s, _ := newTestStore(t)
	if err := s.MarkNew("rel/a.md", "bundled:seed"); err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs("rel/a.md")
	got, _ := s.NewKeys()
	if want := map[string]bool{abs: true, "bundled:seed": true}; !maps.Equal(got, want) {
		t.Errorf("NewKeys = %v, want %v", got, want)
	}
}
