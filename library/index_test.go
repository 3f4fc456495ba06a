package library

import (
	"path/filepath"
	"strings"
	"testing"
)

// A cold index spends a third of its writing time merging full-text
// segments at FTS5's default automerge of 4; Sync sets it higher, once.
func TestSyncTunesTheFullTextIndex(t *testing.T) {
	s, path := newTestStore(t)
	dir := t.TempDir()
	put(t, filepath.Join(dir, "a.md"), article("A", "Text."))
	mustSync(t, s, Sources{Dirs: []string{dir}})
	var v string
	if err := s.db.QueryRow("SELECT v FROM blocks_config WHERE k = 'automerge'").Scan(&v); err != nil || v != automerge {
		t.Fatalf("automerge %q, %v; want %s", v, err, automerge)
	}
	// Set once: a later Sync, in this process or another, leaves it.
	if _, err := s.db.Exec("UPDATE meta SET value = 'x' WHERE name = 'automerge'"); err != nil {
		t.Fatal(err)
	}
	mustSync(t, mustOpen(t, path), Sources{Dirs: []string{dir}})
	if err := s.db.QueryRow("SELECT value FROM meta WHERE name = 'automerge'").Scan(&v); err != nil || v != automerge {
		t.Errorf("meta automerge %q, %v; want it set again to %s", v, err, automerge)
	}
}

// The parsing workers prepare each block's text for the index: snippet
// markers out, every letter outside ASCII folded (see fold), the text as
// written kept for snippets only when folding changed it.
func TestNewBlockRow(t *testing.T) {
	cases := []struct {
		text, indexed string
		orig          any
	}{
		{"Plain ASCII text.", "Plain ASCII text.", nil},
		{"“Quoted” — dashed", "“Quoted” — dashed", nil},
		{"Naïve café", "Naive cafe", "Naïve café"},
		{"Bakı and Łódź", "Baki and lodz", "Bakı and Łódź"},
		{"Straße", "Strasse", "Straße"},
		{"a" + SnippetStart + "b" + SnippetEnd, "a b ", nil},
		{"Bakı" + SnippetEnd, "Baki ", "Bakı "},
	}
	for _, c := range cases {
		r := newBlockRow(2, 3, c.text)
		if r.section != 2 || r.block != 3 || r.text != c.indexed || r.orig != c.orig {
			t.Errorf("newBlockRow(%q) = %+v; want text %q, orig %v", c.text, r, c.indexed, c.orig)
		}
	}
}

// Snippets are highlighted in a table of their own, which must cut words
// as the index does.
func TestSnippetsUseTheIndexTokenizer(t *testing.T) {
	if !strings.Contains(schemaV1, "tokenize = '"+tokenizer+"'") {
		t.Errorf("the blocks table's tokenizer is not %q", tokenizer)
	}
}
