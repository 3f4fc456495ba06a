package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cable/articles"
	"cable/library"
)

const deskArticle = "azerbaijan-israel-relations"

// highlightSeed highlights the first sentence of a paragraph of the
// bundled article, as the reader would, with a note, and returns it.
func highlightSeed(t *testing.T, store *library.Store, section, block int, note string, created time.Time) library.Highlight {
	t.Helper()
	return highlightIn(t, store, bundled(t, deskArticle), section, block, note, created)
}

// bundled is the bundled article with an ID.
func bundled(t *testing.T, id string) *articles.Article {
	t.Helper()
	list, err := articles.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range list {
		if b.ID == id {
			return b
		}
	}
	t.Fatalf("no bundled article %q", id)
	return nil
}

// highlightIn highlights the first sentence of a paragraph of a bundled
// article, as the reader would.
func highlightIn(t *testing.T, store *library.Store, a *articles.Article, section, block int, note string, created time.Time) library.Highlight {
	t.Helper()
	text := a.Sections[section].Blocks[block].Text
	s := articles.Sentences(text)[0]
	an, ok := a.AnchorAt(section, block, s.Start, s.End)
	if !ok {
		t.Fatal("AnchorAt failed")
	}
	h := library.NewHighlight(a, "bundled:"+a.ID, an, note)
	h.Created = created
	h, err := store.AddHighlight(h)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestHighlightPlacedAsTheReaderPlacesIt: a highlight in a sub-section is
// exported at the place the reader's status line and its messages give
// it, "§3.2 ¶1", not by its raw section and block.
func TestHighlightPlacedAsTheReaderPlacesIt(t *testing.T) {
	a := bundled(t, "reading-with-cable")
	section, sub := -1, articles.Subheading{}
	for s := range a.Sections {
		if subs := a.Subheadings(s); len(subs) > 0 && subs[0].Depth == 1 && subs[0].Block+1 < len(a.Sections[s].Blocks) {
			section, sub = s, subs[0]
			break
		}
	}
	if section < 0 {
		t.Fatal("the guide has no sub-section to highlight in")
	}
	store := openTestStore(t)
	h := highlightIn(t, store, a, section, sub.Block+1, "", time.Now())
	store.Close()
	want := fmt.Sprintf("§%d.1 ¶1", section+1)
	out, err := run(t, "highlights", a.ID)
	if err != nil || !strings.Contains(out, "> "+h.Text()+"\n\n— "+want+"\n") {
		t.Errorf("highlights printed\n%s\n(%v) without the place %q", out, err, want)
	}
	out, err = run(t, "highlights", a.ID, "--format", "json")
	if err != nil || !strings.Contains(out, `"place": "`+want+`"`) {
		t.Errorf("--format json printed\n%s\n(%v) without the place %q", out, err, want)
	}
}

func openTestStore(t *testing.T) *library.Store {
	t.Helper()
	store, _, err := library.Open(testHome(t).DB)
	if err != nil {
		t.Fatal(err)
	}
	return store
}

// TestHighlightsCommand: "cable highlights" prints the highlights with
// their article's front matter, notes and places; in Readwise's CSV; as
// citations; and into a folder, a second time changing nothing.
func TestHighlightsCommand(t *testing.T) {
	store := openTestStore(t)
	first := highlightSeed(t, store, 1, 1, "Worth citing in the memo.", time.Now().Add(-time.Hour))
	lost := highlightSeed(t, store, 2, 1, "", time.Now())
	lost.Anchor.Quote.Exact, lost.Anchor.Start = "Words this article never had.", 1
	if err := store.MoveHighlight(lost.ID, lost.Anchor, 0); err != nil {
		t.Fatal(err)
	}
	store.Close()

	out, err := run(t, "highlights")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"---\ntitle: \"How Deep Are Azerbaijan-Israel Relations?\"\nauthor: \"Eldar Mamedov\"\n",
		"tags: []\ncable_id: \"" + deskArticle + "\"\n---\n\n# How Deep Are Azerbaijan-Israel Relations?\n",
		"> " + first.Text() + "\n\nWorth citing in the memo.\n\n— §2 ¶1\n",
		"> Words this article never had.\n\n— §3 ¶1, not found in the text\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("highlights printed\n%s\nwithout %q", out, want)
		}
	}

	out, err = run(t, "highlights", deskArticle, "--format", "csv")
	rows, cerr := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || cerr != nil || len(rows) != 3 || rows[1][0] != first.Text() || rows[1][4] != "Worth citing in the memo." {
		t.Errorf("--format csv printed %q, %v, %v", out, err, cerr)
	}
	out, err = run(t, "highlights", "--format", "bibtex")
	if err != nil || !strings.HasPrefix(out, "@misc{mamedovdeep,\n  title = {{How Deep Are Azerbaijan-Israel Relations?}},\n  author = {Mamedov, Eldar},\n") {
		t.Errorf("--format bibtex printed %q, %v", out, err)
	}
	out, err = run(t, "highlights", "reading-with-cable", "--format", "csl-json")
	if err != nil || !strings.Contains(out, `"title": "Reading with cable"`) {
		t.Errorf("the citation of an article asked for without highlights: %q, %v", out, err)
	}
	out, err = run(t, "highlights", "--since", time.Now().Add(48*time.Hour).Format(time.DateOnly), "--format", "json")
	if err != nil || strings.TrimSpace(out) != "[]" {
		t.Errorf("--since a day to come printed %q, %v", out, err)
	}
	// Asked for an article's highlights, and it has none: said, and
	// exit status 1, as grep; JSON prints [] first.
	out, err = run(t, "highlights", "reading-with-cable")
	if out != "" || err == nil || err.Error() != "no highlights in reading-with-cable" {
		t.Errorf("the highlights of an article without: %q, %v", out, err)
	}
	out, err = run(t, "highlights", "reading-with-cable", "--format", "json")
	if strings.TrimSpace(out) != "[]" || err == nil {
		t.Errorf("the highlights of an article without, as JSON: %q, %v", out, err)
	}

	vault := t.TempDir()
	out, err = run(t, "highlights", "--to", vault)
	file := filepath.Join(vault, "how-deep-are-azerbaijan-israel-relations.md")
	if err != nil || out != "written    "+file+"\n" {
		t.Errorf("--to printed %q, %v", out, err)
	}
	mine := "\nMy own thoughts.\n"
	data, _ := os.ReadFile(file)
	os.WriteFile(file, append(data, mine...), 0o644)
	out, err = run(t, "highlights", "--to", vault)
	if err != nil || out != "unchanged  "+file+"\n" {
		t.Errorf("--to again printed %q, %v", out, err)
	}
	if now, _ := os.ReadFile(file); !strings.HasSuffix(string(now), mine) {
		t.Errorf("the reader's notes are gone:\n%s", now)
	}

	for _, bad := range [][]string{{"--format", "html"}, {"--format", "csv", "--to", vault}, {"--since", "last week"},
		{"nonexistent"}, {"--no-state"}} {
		if _, err := run(t, append([]string{"highlights"}, bad...)...); err == nil {
			t.Errorf("highlights %q was accepted", bad)
		}
	}
}

// TestTriageCommands: archive and unarchive, tag and untag by ID; an
// unknown ID among several changes nothing.
func TestTriageCommands(t *testing.T) {
	places := testHome(t)
	out, err := run(t, "archive", deskArticle, "reading-with-cable")
	if err != nil || out != deskArticle+": archived\nreading-with-cable: archived\n" {
		t.Errorf("archive printed %q, %v", out, err)
	}
	if _, err := run(t, "unarchive", "reading-with-cable", "nonexistent"); err == nil || !strings.Contains(err.Error(), `no article "nonexistent"`) {
		t.Errorf("unarchive of an unknown ID: %v", err)
	}
	out, err = run(t, "unarchive", "reading-with-cable")
	if err != nil || out != "reading-with-cable: back in the library\n" {
		t.Errorf("unarchive printed %q, %v", out, err)
	}
	out, err = run(t, "tag", deskArticle, "Iran, caucasus", "#drones")
	if err != nil || out != deskArticle+": caucasus, drones, Iran\n" {
		t.Errorf("tag printed %q, %v", out, err)
	}
	out, err = run(t, "untag", deskArticle, "iran")
	if err != nil || out != deskArticle+": caucasus, drones\n" {
		t.Errorf("untag printed %q, %v", out, err)
	}
	// "cable tag ID" alone says the article's tags and changes nothing.
	out, err = run(t, "tag", deskArticle)
	if err != nil || out != deskArticle+": caucasus, drones\n" {
		t.Errorf("tag with no tag printed %q, %v", out, err)
	}
	for _, bad := range [][]string{{"archive"}, {"tag"}, {"untag", deskArticle}, {"tag", deskArticle, ", ,"}, {"tag", "nonexistent", "x"}} {
		if _, err := run(t, bad...); err == nil {
			t.Errorf("%q was accepted", bad)
		}
	}

	store, _, err := library.Open(places.DB)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	archived, _ := store.Archived()
	if len(archived) != 1 || archived["bundled:"+deskArticle].IsZero() {
		t.Errorf("archived: %v; want the one article", archived)
	}
	marks, _ := store.Marks()
	if len(marks) != 5 { // three tags (one a tombstone), two archive marks (one a tombstone)
		t.Errorf("%d marks kept, want 5: %+v", len(marks), marks)
	}
	out, _ = run(t, "highlights", deskArticle, "--format", "csl-json")
	if !strings.Contains(out, `"keyword": "caucasus, drones"`) {
		t.Errorf("the tags are not the citation's keywords:\n%s", out)
	}
}

// TestReview: five highlights due at a time, the longest due first, each
// with its note and citation; reviewed ones come back after the next
// interval; with none due, the next day one is.
func TestReview(t *testing.T) {
	store := openTestStore(t)
	defer store.Close()
	made := time.Date(2026, 1, 1, 9, 0, 0, 0, time.Local)
	for i, place := range [][2]int{{1, 1}, {1, 2}, {2, 1}, {2, 2}, {3, 1}, {3, 2}, {4, 1}} {
		highlightSeed(t, store, place[0], place[1], fmt.Sprintf("note %d", i), made.Add(time.Duration(i)*time.Minute))
	}
	var b strings.Builder
	if err := review(&b, store, made.Add(12*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if b.String() != "Nothing to review now; the next highlight comes back on 2026-01-02.\n" {
		t.Errorf("before any is due: %q", b.String())
	}
	day := made.Add(24*time.Hour + 10*time.Minute)
	b.Reset()
	if err := review(&b, store, day); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Count(out, "\n> ")+boolInt(strings.HasPrefix(out, "> ")) != 5 || !strings.Contains(out, "  Note: note 0\n") ||
		strings.Contains(out, "note 5") || !strings.Contains(out, "— Eldar Mamedov, “How Deep Are Azerbaijan-Israel Relations?”") ||
		!strings.HasSuffix(out, "\n5 highlights reviewed.\n") {
		t.Errorf("the first review:\n%s", out)
	}
	b.Reset()
	review(&b, store, day)
	if out := b.String(); !strings.Contains(out, "note 5") || !strings.Contains(out, "note 6") || !strings.HasSuffix(out, "\n2 highlights reviewed.\n") {
		t.Errorf("the second review:\n%s", out)
	}
	b.Reset()
	review(&b, store, day)
	if want := "Nothing to review now; the next highlight comes back on 2026-01-05.\n"; b.String() != want {
		t.Errorf("after both: %q, want %q", b.String(), want)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestReviewCommand: "cable review" with no highlights says how to make
// one.
func TestReviewCommand(t *testing.T) {
	testHome(t)
	out, err := run(t, "review")
	if err != nil || out != "No highlights yet: in the reader, y highlights a passage.\n" {
		t.Errorf("review printed %q, %v", out, err)
	}
}
