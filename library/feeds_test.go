package library

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestFeedsStore: feeds are named after their titles, uniquely; found by
// name, address or title; removed without forgetting their entries.
func TestFeedsStore(t *testing.T) {
	s, _ := newTestStore(t)
	a, err := s.AddFeed(Feed{URL: "https://a.example/feed", Title: "Foreign Affairs"})
	if err != nil || a.Name != "foreign-affairs" {
		t.Fatalf("first feed: %+v, %v", a, err)
	}
	b, err := s.AddFeed(Feed{URL: "https://b.example/feed", Title: "Foreign  Affairs!"})
	if err != nil || b.Name != "foreign-affairs-2" {
		t.Fatalf("second feed of the same title: %+v, %v", b, err)
	}
	c, err := s.AddFeed(Feed{URL: "https://c.example/rss", Title: "../../etc"})
	if err != nil || c.Name != "etc" {
		t.Fatalf("a hostile title: %+v, %v", c, err)
	}
	if _, err := s.AddFeed(Feed{URL: "https://a.example/feed"}); !errors.Is(err, ErrFeedFollowed) {
		t.Errorf("the same address again: %v", err)
	}
	for _, key := range []string{"foreign-affairs", "https://a.example/feed", "FOREIGN AFFAIRS"} {
		if f, ok, err := s.FindFeed(key); !ok || err != nil || f.URL != a.URL {
			t.Errorf("FindFeed(%q) = %+v, %v, %v", key, f, ok, err)
		}
	}
	if err := s.RecordEntry(a.URL, "g1", "https://a.example/1", "/lib/foreign-affairs/one.md"); err != nil {
		t.Fatal(err)
	}
	// The same article under its entry's address, and an entry found
	// saved already: neither is another article.
	if err := s.RecordEntry(a.URL, "link:https://a.example/one", "https://a.example/one", "/lib/foreign-affairs/one.md"); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordEntry(a.URL, "g2", "https://b.example/elsewhere", ""); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordEntry(a.URL, "g3", "https://a.example/tagged?utm_source=rss&utm_medium=feed", "/lib/foreign-affairs/tagged.md"); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		feed, guid, url string
		want            bool
	}{
		{a.URL, "g1", "", true},
		{a.URL, "", "https://a.example/1", true},
		{b.URL, "g1", "", false},                      // a GUID is its feed's own
		{b.URL, "other", "https://a.example/1", true}, // an address is anyone's
		{a.URL, "", "", false},
		// Two feeds tag the same link each with its own utm_source.
		{b.URL, "other", "https://a.example/tagged?utm_source=newsletter", true},
		{b.URL, "other", "https://A.example/tagged/#top", true},
		{b.URL, "other", "https://a.example/tagged?page=2", false},
	} {
		if got, err := s.EntrySeen(tt.feed, tt.guid, tt.url); got != tt.want || err != nil {
			t.Errorf("EntrySeen(%q, %q, %q) = %v, %v", tt.feed, tt.guid, tt.url, got, err)
		}
	}
	a.ETag, a.LastError = `"x"`, "unreachable"
	if err := s.SaveFeedState(a); err != nil {
		t.Fatal(err)
	}
	list, err := s.Feeds()
	if err != nil || len(list) != 3 || list[1].Name != "foreign-affairs" || list[1].ETag != `"x"` || list[1].Articles != 2 || list[1].LastError != "unreachable" {
		t.Fatalf("Feeds() = %+v, %v", list, err)
	}
	if err := s.RemoveFeed(a.URL); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.FindFeed(a.URL); ok {
		t.Error("the feed removed is still found")
	}
	if seen, _ := s.EntrySeen(a.URL, "g1", ""); !seen {
		t.Error("removing a feed forgot its entries")
	}
}

// TestSaveArticle writes through a temporary name, never over a file, and
// leaves nothing else behind.
func TestSaveArticle(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "feed")
	first, err := SaveFile(dir, "piece.md", []byte("one"))
	if err != nil || first != filepath.Join(dir, "piece.md") {
		t.Fatalf("first: %s, %v", first, err)
	}
	second, err := SaveFile(dir, "piece.md", []byte("two"))
	if err != nil || second != filepath.Join(dir, "piece-2.md") {
		t.Fatalf("second: %s, %v", second, err)
	}
	if b, _ := os.ReadFile(first); string(b) != "one" {
		t.Errorf("the first file was overwritten: %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("%d files, want 2 (no temporary file left)", len(entries))
	}
}
