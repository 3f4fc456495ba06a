package library

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"cable/articles"
)

func TestListColumnRoundTrip(t *testing.T) {
	tests := []struct {
		list []string
		col  string
	}{
		{[]string{}, ""},
		{nil, ""},
		{[]string{""}, "\x1f"},
		{[]string{"", ""}, "\x1f\x1f"},
		{[]string{"One", "Two"}, "One\x1fTwo\x1f"},
		{[]string{"Bakı, Łódź", "a\nmulti-line heading", "tab\there", "🙂"}, "Bakı, Łódź\x1fa\nmulti-line heading\x1ftab\there\x1f🙂\x1f"},
	}
	for _, tt := range tests {
		col := joinList(tt.list)
		if col != tt.col {
			t.Errorf("joinList(%q) = %q, want %q", tt.list, col, tt.col)
		}
		got, ok := splitList(col)
		want := tt.list
		if want == nil {
			want = []string{}
		}
		if !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("splitList(%q) = %q, %v; want %q", col, got, ok, want)
		}
	}
	// The separator never reaches a list from an article; should it, it
	// becomes a space rather than a second item.
	if got := joinList([]string{"a\x1fb"}); got != "a b\x1f" {
		t.Errorf("joinList kept the separator inside an item: %q", got)
	}
	if articles.Clean("a\x1fb") != "ab" {
		t.Error("articles.Clean keeps the unit separator, which list columns rely on it removing")
	}
	if _, ok := splitList("no separator at the end"); ok {
		t.Error("splitList took a column joinList did not write")
	}
}

// TestSummaryColumnsRoundTrip stores summaries and reads them back as
// Sync does: every field as it was, lists never nil. (Minutes are not
// stored, being MinutesFor(Words) in every summary an article makes.)
func TestSummaryColumnsRoundTrip(t *testing.T) {
	s, _ := newTestStore(t)
	bundle, err := articles.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	sums := []articles.Summary{
		{Title: "Plain", Author: "An Author", Source: "Outlet", Published: "2024-01-02", Words: 1500, Minutes: 7,
			Sections: []string{"", "Two"}, EditorsNote: true, Topics: []string{"Iran", "Gas"},
			Subtitle: "A subtitle", Abstract: "What it argues.", AuthorNote: "A fellow, writing privately.",
			Feed: "Foreign Affairs", SummaryOnly: true},
		{Title: `Quotes "and" back\slashes`, Author: "Bakı, Łódź, naïve — “curly” ✓", Sections: []string{}, Topics: []string{}},
		{Words: 1 << 40, Minutes: articles.MinutesFor(1 << 40), Sections: []string{"new\nline"}, Topics: []string{""}},
	}
	for _, a := range bundle {
		sum := a.Summarise()
		sum.ID, sum.Origin = "", ""
		sums = append(sums, sum)
	}
	b := &batcher{s: s}
	for i, sum := range sums {
		b.add(1, writeDoc(&docRecord{key: filepath.Join("/lib", string(rune('a'+i))+".md"), id: string(rune('a' + i)), summary: sum}))
	}
	if err := b.flush(); err != nil {
		t.Fatal(err)
	}
	rows, err := s.loadRows()
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range sums {
		r := rows[filepath.Join("/lib", string(rune('a'+i))+".md")]
		if r == nil || !r.summaryOK || !reflect.DeepEqual(r.summary, want) {
			t.Errorf("summary %d read back as %+v, want %+v", i, r, want)
		}
	}
}

// TestMigrationFromSchema1 opens a database an older cable wrote, with
// summaries as JSON: the rows keep their IDs (a moved file's too) and
// summaries, a row whose JSON is broken is parsed again, and the reading
// state, bookmarks and quotes are all there.
func TestMigrationFromSchema1(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "lib")
	moved, other := filepath.Join(lib, "renamed.md"), filepath.Join(lib, "other.md")
	put(t, moved, article("Moving Day", "## One", "Words."))
	put(t, other, article("Other Things", "## Only", "More words."))
	path := filepath.Join(dir, "cable.db")
	rawExec(t, path, schemaV1, "PRAGMA user_version = 1")
	insert := func(key, id, file, summary string) string {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		info, _ := os.Stat(file)
		h := sha256.Sum256(data)
		return "INSERT INTO docs (key, id, size, mtime_ns, hash, added_ns, summary) VALUES ('" + key + "', '" + id + "', " +
			itoa(info.Size()) + ", " + itoa(info.ModTime().UnixNano()) + ", '" + hex.EncodeToString(h[:]) + "', 1000, '" + summary + "')"
	}
	sum, _ := json.Marshal(articles.Summary{ID: "original-name", Title: "Moving Day", Author: "Test Author", Words: 1, Minutes: 1,
		Sections: []string{"One"}, Topics: []string{}, Origin: moved})
	rawExec(t, path,
		insert(moved, "original-name", moved, string(sum)),
		insert(other, "other", other, `{"title": "Other Things", broken`),
		"INSERT INTO meta (name, value) VALUES ('index_version', '"+indexVersion+"')",
		"INSERT INTO readings VALUES ('"+moved+"', 1, 2, 3, 42, 0, 5000)",
		"INSERT INTO bookmarks (key, pos_section, pos_block, pos_offset, label, excerpt, created_ns) VALUES ('"+moved+"', 1, 0, 0, 'here', 'Words.', 6000)",
		"INSERT INTO quotes (key, article_id, title, author, source, published, url, section_title, text, pos_section, pos_block, pos_offset, created_ns) VALUES ('"+moved+"', 'original-name', 'Moving Day', 'Test Author', '', '', '', 'One', 'Words.', 1, 0, 0, 7000)",
	)

	s := mustOpen(t, path)
	var v int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != schemaVersion {
		t.Fatalf("user_version = %d, %v; want %d", v, err, schemaVersion)
	}
	var title, sections string
	if err := s.db.QueryRow("SELECT title, sections FROM docs WHERE key = ?", moved).Scan(&title, &sections); err != nil ||
		title != "Moving Day" || sections != "One\x1f" {
		t.Errorf("migrated row: title %q, sections %q, %v", title, sections, err)
	}
	var hash string
	if err := s.db.QueryRow("SELECT hash FROM docs WHERE key = ?", other).Scan(&hash); err != nil || hash != "" {
		t.Errorf("the row with broken JSON keeps hash %q (%v); it must be parsed again", hash, err)
	}

	entries, stats := mustSync(t, s, Sources{Dirs: []string{lib}})
	got := map[string]string{}
	for _, e := range entries {
		got[e.Key] = e.Summary.ID + " " + e.Summary.Title + " " + strings.Join(e.Summary.Sections, "|")
	}
	if got[moved] != "original-name Moving Day One" || got[other] != "other Other Things Only" {
		t.Errorf("after migrating, Sync lists %q", got)
	}
	if stats.Parsed != 1 || stats.Unchanged != 1 {
		t.Errorf("Sync after migrating: %+v; want the row with broken JSON parsed again, the other kept", stats)
	}
	if r, ok, err := s.Reading(moved); err != nil || !ok || r.Progress != 42 || r.Position != (articles.Position{Section: 1, Block: 2, Offset: 3}) {
		t.Errorf("reading after migration: %+v, %v, %v", r, ok, err)
	}
	if bm, err := s.Bookmarks(moved); err != nil || len(bm) != 1 || bm[0].Label != "here" {
		t.Errorf("bookmarks after migration: %+v, %v", bm, err)
	}
	if q, err := s.QuotesOf(moved); err != nil || len(q) != 1 || q[0].Text != "Words." {
		t.Errorf("quotes after migration: %+v, %v", q, err)
	}
}

func itoa(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}
