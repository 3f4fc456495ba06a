package feeds

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"cable/articles"
	"cable/internal/testsupport"
	"cable/library"
)

// TestSummariesGrowUp: an entry whose page failed is saved as the feed's
// summary; later updates fetch its page again, at most once a day and for
// two weeks, and when it comes the summary is replaced, at the same path,
// by the whole article. The feed itself is unchanged (a 304 would do), so
// only the retry can bring the article.
func TestSummariesGrowUp(t *testing.T) {
	s := testsupport.NewSite(t)
	s.Set("/feed.xml", "application/rss+xml", testsupport.RSSFeed("Review", testsupport.Item{"Talks resume", s.Link("/talks"), "The talks resumed today."}))
	u := testUpdater(t)
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	u.Now = func() time.Time { return now }
	f := follow(t, u, s.Link("/feed.xml"))
	var grown []string
	ev := Events{Grown: func(p string) { grown = append(grown, p) }}

	res := u.Update(context.Background(), []library.Feed{f}, ev)
	if len(res[0].Saved) != 1 {
		t.Fatalf("first update: %+v", res[0])
	}
	path := res[0].Saved[0]
	if m, _ := articles.ReadMeta([]byte(readFile(t, path))); !m.SummaryOnly {
		t.Fatalf("saved without its page, but not as a summary:\n%s", readFile(t, path))
	}

	s.Set("/talks", "text/html; charset=utf-8", testsupport.ArticlePage("Talks resume", "Ann Lee", testsupport.Words(150, "talk")))
	steps := []struct {
		after   time.Duration
		fetched int // page requests by then
		grown   bool
	}{
		{time.Hour, 1, false},      // tried within the day: not again
		{25 * time.Hour, 2, true},  // a day later: fetched, and grown
		{50 * time.Hour, 2, false}, // grown: never again
	}
	for _, st := range steps {
		now = now.Add(st.after)
		grown = nil
		u.Update(context.Background(), []library.Feed{f}, ev)
		if got := s.Hits("/talks"); got != st.fetched {
			t.Errorf("after %v: the page was asked for %d times, want %d", st.after, got, st.fetched)
		}
		if (len(grown) == 1 && grown[0] == path) != st.grown {
			t.Errorf("after %v: grown %v, want %v", st.after, grown, st.grown)
		}
	}
	a, err := articles.Parse(path, []byte(readFile(t, path)), "x")
	if err != nil || a.Meta.SummaryOnly || a.Words() < 300 || a.Meta.Feed != "Review" {
		t.Errorf("the summary did not become the whole article, with its feed: %v\n%s", err, readFile(t, path))
	}
	if files, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*.md")); len(files) != 1 {
		t.Errorf("the feed's folder holds %v, want the one article", files)
	}
}

// TestSummariesAreGivenUpAfterTwoWeeks: a page still failing two weeks on
// is no longer asked for.
func TestSummariesAreGivenUpAfterTwoWeeks(t *testing.T) {
	s := testsupport.NewSite(t)
	s.Set("/feed.xml", "application/rss+xml", testsupport.RSSFeed("Review", testsupport.Item{"Gone", s.Link("/gone"), "A summary of what is gone."}))
	u := testUpdater(t)
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	u.Now = func() time.Time { return now }
	f := follow(t, u, s.Link("/feed.xml"))
	for range 20 {
		u.Update(context.Background(), []library.Feed{f}, Events{})
		now = now.Add(24*time.Hour + time.Minute)
	}
	// The first update, then one a day until the fourteenth day.
	if got := s.Hits("/gone"); got < 13 || got > 15 {
		t.Errorf("the page was asked for %d times over 20 days, want about 14", got)
	}
}
