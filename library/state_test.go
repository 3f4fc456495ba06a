package library

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"cable/articles"
)

func TestReadingRoundTrip(t *testing.T) {
	s, _ := newTestStore(t)
	when := time.Date(2025, 6, 1, 9, 30, 15, 123456789, time.UTC)
	in := Reading{Key: "/lib/a.md", Position: articles.Position{Section: 3, Block: 7, Offset: 120}, Progress: 42, LastRead: when}
	if err := s.SaveReading(in); err != nil {
		t.Fatal(err)
	}
	out, ok, err := s.Reading(in.Key)
	if err != nil || !ok {
		t.Fatalf("Reading: %v, %v", ok, err)
	}
	if out.Key != in.Key || out.Position != in.Position || out.Progress != 42 || out.Finished || !out.LastRead.Equal(when) {
		t.Errorf("round trip: %+v, want %+v", out, in)
	}
	if _, ok, err := s.Reading("/lib/never.md"); ok || err != nil {
		t.Errorf("a reading for an article never opened: %v, %v", ok, err)
	}
	all, err := s.Readings()
	if err != nil || len(all) != 1 || all[in.Key].Position != in.Position {
		t.Errorf("Readings: %+v, %v", all, err)
	}
	if err := s.SaveReading(Reading{}); err == nil {
		t.Error("a reading without a key was saved")
	}
}

func TestProgressNeverGoesDown(t *testing.T) {
	type save struct {
		progress int
		finished bool
		unread   bool // MarkUnread before saving
	}
	cases := []struct {
		name         string
		saves        []save
		wantProgress int
		wantFinished bool
	}{
		{"forward", []save{{progress: 10}, {progress: 50}}, 50, false},
		{"back again", []save{{progress: 60}, {progress: 20}}, 60, false},
		{"finished sticks", []save{{progress: 100, finished: true}, {progress: 30}}, 100, true},
		{"clamped", []save{{progress: 250}}, 100, false},
		{"negative", []save{{progress: -5}}, 0, false},
		{"unread resets", []save{{progress: 90, finished: true}, {unread: true, progress: 5}}, 5, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, _ := newTestStore(t)
			for i, sv := range c.saves {
				if sv.unread {
					if err := s.MarkUnread("k"); err != nil {
						t.Fatal(err)
					}
				}
				pos := articles.Position{Section: i}
				if err := s.SaveReading(Reading{Key: "k", Position: pos, Progress: sv.progress, Finished: sv.finished}); err != nil {
					t.Fatal(err)
				}
			}
			r, _, _ := s.Reading("k")
			if r.Progress != c.wantProgress || r.Finished != c.wantFinished {
				t.Errorf("progress %d finished %v; want %d %v", r.Progress, r.Finished, c.wantProgress, c.wantFinished)
			}
			if r.Position.Section != len(c.saves)-1 {
				t.Errorf("position %+v; want the last one saved", r.Position)
			}
		})
	}
}

func TestMarkFinishedAndUnread(t *testing.T) {
	s, _ := newTestStore(t)
	if err := s.MarkFinished("never-opened"); err != nil {
		t.Fatal(err)
	}
	if r, ok, _ := s.Reading("never-opened"); !ok || !r.Finished || r.Progress != 100 {
		t.Errorf("MarkFinished on an unopened article: %+v, %v", r, ok)
	}
	pos := articles.Position{Section: 2, Block: 1, Offset: 9}
	s.SaveReading(Reading{Key: "k", Position: pos, Progress: 30})
	s.MarkFinished("k")
	if r, _, _ := s.Reading("k"); !r.Finished || r.Progress != 100 || r.Position != pos {
		t.Errorf("MarkFinished: %+v; want finished at 100%% and the position kept", r)
	}
	s.AddBookmark(Bookmark{Key: "k", Label: "kept"})
	if err := s.MarkUnread("k"); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Reading("k"); ok {
		t.Error("MarkUnread left the reading")
	}
	if bm, _ := s.Bookmarks("k"); len(bm) != 1 {
		t.Error("MarkUnread took the bookmarks")
	}
}

func TestLastReadingIsInTheIndex(t *testing.T) {
	s, _ := newTestStore(t)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md")
	put(t, a, article("A", "Text."))
	put(t, b, article("B", "Text."))
	mustSync(t, s, Sources{Dirs: []string{dir}})
	if _, ok, err := s.LastReading(); ok || err != nil {
		t.Fatalf("LastReading with nothing read: %v, %v", ok, err)
	}
	now := time.Now()
	s.SaveReading(Reading{Key: a, Progress: 10, LastRead: now.Add(-time.Hour)})
	s.SaveReading(Reading{Key: b, Progress: 10, LastRead: now})
	s.SaveReading(Reading{Key: "/elsewhere/gone.md", Progress: 10, LastRead: now.Add(time.Hour)})
	if r, ok, _ := s.LastReading(); !ok || r.Key != b {
		t.Errorf("LastReading = %+v; want b.md (gone.md is not in the index)", r)
	}
	os.Remove(b)
	mustSync(t, s, Sources{Dirs: []string{dir}})
	if r, ok, _ := s.LastReading(); !ok || r.Key != a {
		t.Errorf("after b.md is deleted, LastReading = %+v; want a.md", r)
	}
	if _, ok, _ := s.Reading(b); !ok {
		t.Error("deleting the file took its reading")
	}
}

func TestBookmarks(t *testing.T) {
	s, _ := newTestStore(t)
	base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	long := "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three twenty-four twenty-five twenty-six"
	add := []Bookmark{
		{Key: "a", Position: articles.Position{Section: 3}, Label: "late", Excerpt: "Short.", Created: base},
		{Key: "b", Position: articles.Position{Section: 1}, Label: "other", Created: base.Add(time.Minute)},
		{Key: "a", Position: articles.Position{Section: 1, Block: 2, Offset: 5}, Label: "early", Excerpt: long, Created: base.Add(2 * time.Minute)},
	}
	ids := map[string]int64{}
	for _, b := range add {
		id, err := s.AddBookmark(b)
		if err != nil || id == 0 {
			t.Fatalf("AddBookmark: %d, %v", id, err)
		}
		ids[b.Label] = id
	}
	ofA, _ := s.Bookmarks("a")
	if len(ofA) != 2 || ofA[0].Label != "early" || ofA[1].Label != "late" {
		t.Fatalf("Bookmarks(a) = %+v; want early, late (text order)", ofA)
	}
	early := ofA[0]
	if early.ID != ids["early"] || early.Position != add[2].Position || !early.Created.Equal(add[2].Created) {
		t.Errorf("round trip: %+v", early)
	}
	if want := long[:len(long)-len(" twenty-five twenty-six")] + " …"; early.Excerpt != want {
		t.Errorf("excerpt %q, want %q", early.Excerpt, want)
	}
	all, _ := s.Bookmarks("")
	if len(all) != 3 || all[0].Label != "early" || all[1].Label != "other" || all[2].Label != "late" {
		t.Errorf("Bookmarks(\"\") = %+v; want newest first", all)
	}
	if err := s.DeleteBookmark(ids["late"]); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteBookmark(ids["late"]); err != nil {
		t.Errorf("deleting a deleted bookmark: %v", err)
	}
	if ofA, _ := s.Bookmarks("a"); len(ofA) != 1 {
		t.Errorf("after delete: %+v", ofA)
	}
	if _, err := s.AddBookmark(Bookmark{}); err == nil {
		t.Error("a bookmark without a key was added")
	}
}

// A quote is self-contained: it outlives its article's file.
func TestQuotesSurviveTheirFile(t *testing.T) {
	s, _ := newTestStore(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "essay.md")
	put(t, path, article("Essay", "A sentence worth keeping."))
	entries, _ := mustSync(t, s, Sources{Dirs: []string{dir}})
	id := entries[0].Summary.ID
	q := Quote{
		Key: path, ArticleID: id, Title: "Essay", Author: "Test Author", Source: "The Review", Published: "2024-02-03",
		URL: "https://example.org/essay", SectionTitle: "Opening", Text: "A sentence worth keeping.",
		Position: articles.Position{Section: 0, Block: 0, Offset: 2}, Created: time.Date(2025, 5, 5, 5, 5, 5, 5, time.UTC),
	}
	qid, err := s.AddQuote(q)
	if err != nil {
		t.Fatal(err)
	}
	s.AddQuote(Quote{Key: "/other.md", ArticleID: "other", Text: "Another.", Created: q.Created.Add(time.Second)})
	os.Remove(path)
	if _, stats := mustSync(t, s, Sources{Dirs: []string{dir}}); stats.Removed != 1 {
		t.Fatalf("the file was not removed from the index: %+v", stats)
	}
	got, err := s.Quotes(id)
	if err != nil || len(got) != 1 {
		t.Fatalf("Quotes(%q) = %+v, %v", id, got, err)
	}
	q.ID = qid
	if !got[0].Created.Equal(q.Created) {
		t.Errorf("created %v, want %v", got[0].Created, q.Created)
	}
	got[0].Created = q.Created
	if got[0] != q {
		t.Errorf("quote after its file was deleted:\n got %+v\nwant %+v", got[0], q)
	}
	all, _ := s.Quotes("")
	if len(all) != 2 || all[0].ID != qid {
		t.Errorf("Quotes(\"\") = %+v; want both, oldest first", all)
	}
	if _, err := s.AddQuote(Quote{Key: path}); err == nil {
		t.Error("a quote without text was added")
	}
}

// Two stores on one file, as two cable processes would have, each writing
// from its own goroutine while one of them also indexes a library: nothing
// either writes may be lost.
func TestTwoStoresOnOneFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cable.db")
	stores := []*Store{mustOpen(t, path), mustOpen(t, path)}
	const n = 200
	var wg sync.WaitGroup
	errs := make(chan error, 2*n+1)
	dir := t.TempDir()
	writeArticles(t, dir, 150, 3)
	wg.Add(1)
	go func() {
		defer wg.Done()
		if _, _, err := stores[1].Sync(Sources{Dirs: []string{dir}}); err != nil {
			errs <- err
		}
	}()
	for w, s := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range n {
				key := fmt.Sprintf("/store%d/article%03d.md", w, i)
				if err := s.SaveReading(Reading{Key: key, Progress: i % 101, Position: articles.Position{Block: i}}); err != nil {
					errs <- err
					return
				}
				if _, err := s.AddBookmark(Bookmark{Key: key, Label: fmt.Sprint(i)}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	check := mustOpen(t, path)
	readings, err := check.Readings()
	if err != nil || len(readings) != 2*n {
		t.Fatalf("%d readings, %v; want %d", len(readings), err, 2*n)
	}
	for w := range stores {
		for i := range n {
			key := fmt.Sprintf("/store%d/article%03d.md", w, i)
			if r := readings[key]; r.Position.Block != i || r.Progress != i%101 {
				t.Errorf("%s: %+v", key, r)
			}
		}
	}
	if bm, _ := check.Bookmarks(""); len(bm) != 2*n {
		t.Errorf("%d bookmarks; want %d", len(bm), 2*n)
	}
	if _, stats := mustSync(t, check, Sources{Dirs: []string{dir}}); stats.Unchanged != 150 {
		t.Errorf("the library indexed alongside: %+v", stats)
	}
}
