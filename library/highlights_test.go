package library

import (
	"errors"
	"regexp"
	"slices"
	"testing"
	"time"

	"cable/articles"
)

func testHighlight(key, exact string, section, block, start int, created time.Time) Highlight {
	return Highlight{
		Key: key, ArticleID: "a", Title: "An article", SectionTitle: "Opening", Created: created,
		Anchor: articles.Anchor{
			Quote:   articles.TextQuote{Exact: exact, Prefix: "before ", Suffix: " after"},
			Section: section, Block: block, Start: start, End: start + len(exact),
		},
	}
}

// TestHighlightsKeepEverything: a highlight comes back as it was saved,
// with a stable ID of its own, and is listed by article in the order of
// the text and across articles newest first.
func TestHighlightsKeepEverything(t *testing.T) {
	s, path := newTestStore(t)
	t0 := time.Unix(1_700_000_000, 0)
	second, err := s.AddHighlight(testHighlight("/lib/a.md", "Second passage.", 1, 2, 0, t0))
	if err != nil {
		t.Fatal(err)
	}
	first, err := s.AddHighlight(testHighlight("/lib/a.md", "First passage.", 0, 1, 10, t0.Add(time.Minute)))
	if err != nil {
		t.Fatal(err)
	}
	other, err := s.AddHighlight(testHighlight("/lib/b.md", "Elsewhere.", 0, 0, 0, t0.Add(2*time.Minute)))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^[0-9a-f]{16}$`).MatchString(first.ID) || first.ID == second.ID {
		t.Errorf("IDs %q and %q: want two different 16-digit IDs", first.ID, second.ID)
	}
	s.Close()
	s = mustOpen(t, path)

	got, err := s.Highlights("/lib/a.md")
	if err != nil || len(got) != 2 || got[0].ID != first.ID || got[1].ID != second.ID {
		t.Fatalf("Highlights = %+v, %v; want first then second, in the order of the text", got, err)
	}
	if got[0].Anchor != first.Anchor || !got[0].Created.Equal(first.Created) || !got[0].Changed.Equal(first.Created) || got[0].Title != "An article" {
		t.Errorf("read back %+v\nsaved %+v", got[0], first)
	}
	all, err := s.AllHighlights(HighlightFilter{})
	if ids := highlightIDs(all); err != nil || !slices.Equal(ids, []string{other.ID, first.ID, second.ID}) {
		t.Errorf("AllHighlights = %v, %v; want newest first", ids, err)
	}
	some, _ := s.AllHighlights(HighlightFilter{Keys: []string{"/lib/b.md"}})
	if ids := highlightIDs(some); !slices.Equal(ids, []string{other.ID}) {
		t.Errorf("AllHighlights of b = %v", ids)
	}
	some, _ = s.AllHighlights(HighlightFilter{Since: t0.Add(30 * time.Second)})
	if ids := highlightIDs(some); !slices.Equal(ids, []string{other.ID, first.ID}) {
		t.Errorf("AllHighlights since = %v", ids)
	}
	some, _ = s.AllHighlights(HighlightFilter{Words: "FIRST passage"})
	if ids := highlightIDs(some); !slices.Equal(ids, []string{first.ID}) {
		t.Errorf("AllHighlights of words = %v", ids)
	}

	if _, err := s.AddHighlight(testHighlight("/lib/a.md", "First passage.", 0, 1, 10, t0)); !errors.Is(err, ErrHighlightSaved) {
		t.Errorf("the same passage again: %v, want ErrHighlightSaved", err)
	}
	if _, err := s.AddHighlight(Highlight{Key: "/lib/a.md"}); err == nil {
		t.Error("a highlight with no text was saved")
	}
	if _, err := s.AddHighlight(testHighlight("", "Words.", 0, 0, 0, t0)); err == nil {
		t.Error("a highlight with no article was saved")
	}
}

func highlightIDs(hs []Highlight) []string {
	var ids []string
	for _, h := range hs {
		ids = append(ids, h.ID)
	}
	return ids
}

// TestHighlightChangesLeaveTimes: a note, a move and a deletion each
// change the highlight's changed time; a deleted one is a tombstone, left
// out of the lists but kept, and can be restored.
func TestHighlightChangesLeaveTimes(t *testing.T) {
	s, _ := newTestStore(t)
	h, err := s.AddHighlight(testHighlight("/lib/a.md", "A passage.", 0, 1, 0, time.Unix(1_700_000_000, 0)))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetNote(h.ID, "  worth citing  "); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.Highlight(h.ID)
	if err != nil || !ok || got.Note != "worth citing" || !got.Changed.After(h.Changed) {
		t.Errorf("after SetNote: %+v, %v, %v", got, ok, err)
	}
	moved := h.Anchor
	moved.Block, moved.Start, moved.Through, moved.End = 3, 4, 1, 2
	if err := s.MoveHighlight(h.ID, moved, 4); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := s.Highlight(h.ID); got.Anchor != moved || got.Offset != 4 || got.Note != "worth citing" {
		t.Errorf("after MoveHighlight: %+v", got)
	}
	if err := s.DeleteHighlight(h.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Highlights("/lib/a.md"); len(list) != 0 {
		t.Errorf("a deleted highlight is listed: %+v", list)
	}
	tomb, ok, err := s.Highlight(h.ID)
	if err != nil || !ok || tomb.Deleted.IsZero() || !tomb.Changed.Equal(tomb.Deleted) {
		t.Errorf("the tombstone: %+v, %v, %v; want kept with its time", tomb, ok, err)
	}
	if all, _ := s.AllHighlights(HighlightFilter{Deleted: true}); len(all) != 1 {
		t.Errorf("with the deleted: %d highlights, want 1", len(all))
	}
	if err := s.SetNote(h.ID, "again"); !errors.Is(err, ErrNoHighlight) {
		t.Errorf("a note on a deleted highlight: %v, want ErrNoHighlight", err)
	}
	if err := s.SetNote("nonexistent", "x"); !errors.Is(err, ErrNoHighlight) {
		t.Errorf("a note on no highlight: %v, want ErrNoHighlight", err)
	}
	if err := s.RestoreHighlight(h.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Highlights("/lib/a.md"); len(list) != 1 || list[0].Note != "worth citing" {
		t.Errorf("restored: %+v", list)
	}
}

// TestQuotesMigrateToHighlights: the quotes of a schema-6 database become
// highlights, keeping their numbers, texts, places and times, and "cable
// quotes" reads them as before; the highlights they become have IDs.
func TestQuotesMigrateToHighlights(t *testing.T) {
	path := t.TempDir() + "/cable.db"
	rawExec(t, path, schemaV1, schemaV2, schemaV3, schemaV4, schemaV5, schemaV6,
		`INSERT INTO quotes VALUES (7, '/lib/a.md', 'a', 'A title', 'An Author', 'A Source', '2024-01-02', 'https://example.com/a',
			'Opening', 'Quoted words.', 1, 2, 3, 1700000000000000000)`,
		`INSERT INTO quotes VALUES (9, '/lib/b.md', 'b', 'B title', '', '', '', '', 'Opening', 'More words.', 0, 1, 0, 1700000001000000000)`,
		"PRAGMA user_version = 6")
	s := mustOpen(t, path)
	quotes, err := s.Quotes("")
	if err != nil || len(quotes) != 2 {
		t.Fatalf("Quotes after migrating = %+v, %v", quotes, err)
	}
	want := Quote{ID: 7, Key: "/lib/a.md", ArticleID: "a", Title: "A title", Author: "An Author", Source: "A Source",
		Published: "2024-01-02", URL: "https://example.com/a", SectionTitle: "Opening", Text: "Quoted words.",
		Position: articles.Position{Section: 1, Block: 2, Offset: 3}, Created: time.Unix(0, 1700000000000000000)}
	if got := quotes[0]; got != want {
		t.Errorf("migrated quote\n got %+v\nwant %+v", got, want)
	}
	hs, err := s.Highlights("/lib/a.md")
	if err != nil || len(hs) != 1 || len(hs[0].ID) != 16 || hs[0].Text() != "Quoted words." || !hs[0].Changed.Equal(want.Created) {
		t.Errorf("the quote as a highlight: %+v, %v", hs, err)
	}
	// A quote saved now is a highlight too, numbered after the others.
	id, err := s.AddQuote(Quote{Key: "/lib/a.md", ArticleID: "a", Title: "A title", Text: "New words."})
	if err != nil || id <= 9 {
		t.Errorf("AddQuote after migrating = %d, %v; want a number after 9", id, err)
	}
	if hs, _ := s.Highlights("/lib/a.md"); len(hs) != 2 {
		t.Errorf("the new quote is not among the highlights: %+v", hs)
	}
	if _, err := s.AddQuote(Quote{Key: "/lib/b.md", Text: "More words."}); !errors.Is(err, ErrQuoteSaved) {
		t.Errorf("a migrated quote saved again: %v, want ErrQuoteSaved", err)
	}
}

// TestDeletedHighlightIsNoQuote: a highlight deleted is not printed by
// "cable quotes".
func TestDeletedHighlightIsNoQuote(t *testing.T) {
	s, _ := newTestStore(t)
	if _, err := s.AddQuote(Quote{Key: "/lib/a.md", ArticleID: "a", Text: "Words."}); err != nil {
		t.Fatal(err)
	}
	hs, _ := s.Highlights("/lib/a.md")
	if len(hs) != 1 {
		t.Fatalf("the quote is %d highlights", len(hs))
	}
	if err := s.DeleteHighlight(hs[0].ID); err != nil {
		t.Fatal(err)
	}
	if quotes, err := s.Quotes(""); err != nil || len(quotes) != 0 {
		t.Errorf("Quotes after deleting = %+v, %v", quotes, err)
	}
}

// TestNewHighlight: a highlight made from an article copies its citation
// and the section's title, and starts where the reader's positions say.
func TestNewHighlight(t *testing.T) {
	a, err := articles.Parse("a.md", []byte("---\ntitle: T\nauthor: A\nsource: S\npublished: 2024-01-02\nurl: https://example.com/t\n---\n\nLede.\n\n## Talks\n\nThe envoys met. The talks failed.\n"), "t")
	if err != nil {
		t.Fatal(err)
	}
	text := a.Sections[1].Blocks[1].Text
	an, ok := a.AnchorAt(1, 1, len("The envoys met. "), len(text))
	if !ok {
		t.Fatal("AnchorAt failed")
	}
	h := NewHighlight(a, "/lib/t.md", an, "  a note ")
	want := Highlight{Key: "/lib/t.md", ArticleID: "t", Title: "T", Author: "A", Source: "S", Published: "2024-01-02",
		URL: "https://example.com/t", SectionTitle: "Talks", Anchor: an, Offset: len("Theenvoysmet."), Note: "a note"}
	if h != want {
		t.Errorf("NewHighlight =\n%+v\nwant\n%+v", h, want)
	}
}
