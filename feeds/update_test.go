package feeds

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cable/articles"
	"cable/internal/testsupport"
	"cable/library"
)

// parseSaved parses an article file as cable reads it.
func parseSaved(t *testing.T, path string) *articles.Article {
	t.Helper()
	a, err := articles.Parse(path, []byte(readFile(t, path)), "x")
	if err != nil {
		t.Fatalf("%s does not parse: %v", path, err)
	}
	if len(a.Warnings) > 0 {
		t.Errorf("%s: warnings %v", path, a.Warnings)
	}
	return a
}

// TestUpdateFullText: an entry whose feed carries the whole article is
// saved from the feed, without fetching its page; one with a summary is
// saved from its page; one whose page is gone is saved from the summary,
// marked summary_only. All three record their feed, address, author and
// day, in a folder named after the feed.
func TestUpdateFullText(t *testing.T) {
	s := testsupport.NewSite(t)
	full := "<p>" + testsupport.Words(200, "full") + "</p>"
	s.Set("/feed.xml", "application/rss+xml", `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>The Review</title>
<item><title>Whole in the Feed</title><link>`+s.Link("/whole")+`</link><guid>1</guid><dc:creator>Ann Author</dc:creator><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate>
<description>A summary.</description><content:encoded><![CDATA[`+full+`]]></content:encoded></item>
<item><title>Only a Summary</title><link>`+s.Link("/page")+`</link><guid>2</guid><dc:creator>Bo Writer</dc:creator><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate>
<description>The gist of it.</description></item>
<item><title>Page Gone</title><link>`+s.Link("/gone")+`</link><guid>3</guid><pubDate>Wed, 03 Jan 2024 10:00:00 GMT</pubDate>
<description><![CDATA[<p>What the feed says of the piece that is gone.</p>]]></description></item>
</channel></rss>`)
	s.Set("/page", "text/html; charset=utf-8", testsupport.ArticlePage("Only a Summary", "Bo Writer", testsupport.Words(120, "page")))
	u := testUpdater(t)
	f := follow(t, u, s.Link("/feed.xml"))
	if f.Name != "the-review" || f.Title != "The Review" {
		t.Fatalf("feed stored as %+v", f)
	}
	res := u.Update(context.Background(), []library.Feed{f}, Events{})
	if res[0].Err != nil || len(res[0].Saved) != 3 {
		t.Fatalf("result %+v", res[0])
	}
	if got := res[0].Line(); got != "The Review: 3 new (1 only a summary; its page is tried again daily)" {
		t.Errorf("line %q", got)
	}
	if s.Hits("/whole") != 0 {
		t.Error("the page of an entry whose feed carries the whole article was fetched")
	}
	if s.Hits("/page") != 1 {
		t.Errorf("the summarised entry's page was fetched %d times, want 1", s.Hits("/page"))
	}
	byTitle := map[string]*articles.Article{}
	for _, p := range res[0].Saved {
		if filepath.Dir(p) != filepath.Join(u.Dir, "the-review") {
			t.Errorf("%s is not in the feed's folder", p)
		}
		a := parseSaved(t, p)
		byTitle[a.Meta.Title] = a
	}
	whole, page, gone := byTitle["Whole in the Feed"], byTitle["Only a Summary"], byTitle["Page Gone"]
	if whole == nil || page == nil || gone == nil {
		t.Fatalf("saved %v", res[0].Saved)
	}
	if whole.Meta.Feed != "The Review" || whole.Meta.Author != "Ann Author" || whole.Meta.Published != "2024-01-01" || whole.Meta.URL != s.Link("/whole") || whole.Meta.SummaryOnly {
		t.Errorf("whole: %+v", whole.Meta)
	}
	if whole.Words() < 200 {
		t.Errorf("whole: %d words, want the feed's 200", whole.Words())
	}
	if page.Meta.Feed != "The Review" || page.Meta.Author != "Bo Writer" || page.Meta.URL != s.Link("/page") || page.Meta.SummaryOnly || page.Words() < 300 {
		t.Errorf("page: %+v, %d words", page.Meta, page.Words())
	}
	if strings.Contains(readFile(t, res[0].Saved[1]), "newsletter") {
		t.Error("the page's furniture was saved with the article")
	}
	if !gone.Meta.SummaryOnly || gone.Meta.Published != "2024-01-03" || !strings.Contains(readFile(t, res[0].Saved[0]), "piece that is gone") {
		t.Errorf("gone: %+v", gone.Meta)
	}
	if got := gone.Summarise(); !got.SummaryOnly || got.Feed != "The Review" {
		t.Errorf("gone's summary: %+v", got)
	}
	// Nothing but the three articles: no temporary file is left behind.
	entries, _ := os.ReadDir(filepath.Join(u.Dir, "the-review"))
	if len(entries) != 3 {
		t.Errorf("the folder holds %d files, want 3", len(entries))
	}
}

// TestUpdateConditional: the second update sends the validators the
// first received, gets a 304 and saves nothing.
func TestUpdateConditional(t *testing.T) {
	s := testsupport.NewSite(t)
	const lastModified = "Mon, 01 Jan 2024 10:00:00 GMT"
	s.SetFeed("/feed.xml", testsupport.RSSFeed("Conditional", testsupport.Item{"One", s.Link("/one"), "<p>" + testsupport.Words(200, "one") + "</p>"}), `"v1"`, lastModified)
	u := testUpdater(t)
	f := follow(t, u, s.Link("/feed.xml"))
	first := u.Update(context.Background(), []library.Feed{f}, Events{})
	if len(first[0].Saved) != 1 || first[0].Err != nil {
		t.Fatalf("first update: %+v", first[0])
	}
	f, _, _ = u.Store.FindFeed(f.Name)
	if f.ETag != `"v1"` || f.LastModified != lastModified || f.LastUpdate.IsZero() || f.Articles != 1 {
		t.Fatalf("feed after the first update: %+v", f)
	}
	second := u.Update(context.Background(), []library.Feed{f}, Events{})
	if !second[0].NotModified || len(second[0].Saved) != 0 || second[0].Line() != "Conditional: 0 new" {
		t.Errorf("second update: %+v", second[0])
	}
	if got := s.Requests("/feed.xml"); len(got) != 3 || got[2] != (testsupport.Request{IfNoneMatch: `"v1"`, IfModifiedSince: lastModified}) {
		t.Errorf("requests for the feed %q, want the third conditional", got)
	}
}

// TestUpdateDeduplicates: an entry is saved once, however often its feed
// lists it, and once for two feeds that carry the same address.
func TestUpdateDeduplicates(t *testing.T) {
	s := testsupport.NewSite(t)
	body := "<p>" + testsupport.Words(200, "dup") + "</p>"
	s.Set("/feed-a.xml", "application/rss+xml", testsupport.RSSFeed("A", testsupport.Item{"Shared", s.Link("/shared"), body}, testsupport.Item{"Shared", s.Link("/shared#again"), body}))
	s.Set("/feed-b.xml", "application/rss+xml", testsupport.RSSFeed("B", testsupport.Item{"Shared elsewhere", s.Link("/shared"), body}))
	u := testUpdater(t)
	a, b := follow(t, u, s.Link("/feed-a.xml")), follow(t, u, s.Link("/feed-b.xml"))
	res := u.Update(context.Background(), []library.Feed{a}, Events{})
	if len(res[0].Saved) != 1 {
		t.Errorf("feed A saved %d, want 1", len(res[0].Saved))
	}
	res = u.Update(context.Background(), []library.Feed{a, b}, Events{})
	if len(res[0].Saved)+len(res[1].Saved) != 0 {
		t.Errorf("saved again: %v %v", res[0].Saved, res[1].Saved)
	}
}

// TestUpdateDeduplicatesTaggedLinks: two feeds that carry the same link,
// each tagged with its own utm_source, save it once.
func TestUpdateDeduplicatesTaggedLinks(t *testing.T) {
	s := testsupport.NewSite(t)
	body := "<p>" + testsupport.Words(200, "tag") + "</p>"
	s.Set("/feed-a.xml", "application/rss+xml", testsupport.RSSFeed("A", testsupport.Item{"Tagged", s.Link("/tagged?utm_source=rss"), body}))
	s.Set("/feed-b.xml", "application/rss+xml", testsupport.RSSFeed("B", testsupport.Item{"Tagged too", s.Link("/tagged?utm_source=newsletter"), body}))
	u := testUpdater(t)
	a, b := follow(t, u, s.Link("/feed-a.xml")), follow(t, u, s.Link("/feed-b.xml"))
	if res := u.Update(context.Background(), []library.Feed{a}, Events{}); len(res[0].Saved) != 1 {
		t.Fatalf("feed A saved %v, want 1 (%v)", res[0].Saved, res[0].Err)
	}
	if res := u.Update(context.Background(), []library.Feed{b}, Events{}); len(res[0].Saved) != 0 {
		t.Errorf("feed B saved %v again", res[0].Saved)
	}
}

// TestUpdateFailures: a feed that answers 500, one that is broken XML and
// one that cannot be reached each fail with their own error, and the good
// one beside them is saved.
func TestUpdateFailures(t *testing.T) {
	s := testsupport.NewSite(t)
	s.Set("/feed-good.xml", "application/rss+xml", testsupport.RSSFeed("Good", testsupport.Item{"Fine", s.Link("/fine"), "<p>" + testsupport.Words(200, "ok") + "</p>"}))
	s.Set("/feed-broken.xml", "application/rss+xml", `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>`)
	u := testUpdater(t)
	good := follow(t, u, s.Link("/feed-good.xml"))
	add := func(url, title string) library.Feed {
		f, err := u.Store.AddFeed(library.Feed{URL: url, Title: title})
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	broken := add(s.Link("/feed-broken.xml"), "Broken")
	missing := add(s.Link("/feed-missing.xml"), "Missing")
	dead := add("http://127.0.0.1:1/feed.xml", "Dead")
	res := u.Update(context.Background(), []library.Feed{good, broken, missing, dead}, Events{})
	if res[0].Err != nil || len(res[0].Saved) != 1 {
		t.Errorf("good: %+v", res[0])
	}
	for i, want := range map[int]string{1: "not a feed cable can read", 2: "404", 3: "unreachable"} {
		if res[i].Err == nil || !strings.Contains(res[i].Line(), want) {
			t.Errorf("%s: %q, want an error with %q", res[i].Feed.Name, res[i].Line(), want)
		}
		f, _, _ := u.Store.FindFeed(res[i].Feed.Name)
		if f.LastError == "" {
			t.Errorf("%s: no last error stored", f.Name)
		}
	}
}

// TestUpdateCancelled: an update whose context ends saves no half
// article and keeps no validators, so that the next update reads the
// feed whole and saves what was left.
func TestUpdateCancelled(t *testing.T) {
	s := testsupport.NewSite(t)
	var items []testsupport.Item
	for _, n := range []string{"/a", "/b", "/c"} {
		items = append(items, testsupport.Item{"Entry " + n[1:], s.Link(n), "<p>" + testsupport.Words(200, n[1:]) + "</p>"})
	}
	s.SetFeed("/feed.xml", testsupport.RSSFeed("Cancelled", items...), `"v1"`, "")
	u := testUpdater(t)
	f := follow(t, u, s.Link("/feed.xml"))
	ctx, cancel := context.WithCancel(context.Background())
	res := u.Update(ctx, []library.Feed{f}, Events{Saved: func(library.Feed, string) { cancel() }})
	if !errors.Is(res[0].Err, context.Canceled) || len(res[0].Saved) != 1 {
		t.Fatalf("cancelled update: %+v", res[0])
	}
	entries, _ := os.ReadDir(filepath.Join(u.Dir, f.Name))
	if len(entries) != 1 {
		t.Errorf("%d files after cancelling, want the one saved", len(entries))
	}
	f, _, _ = u.Store.FindFeed(f.Name)
	if f.ETag != "" {
		t.Errorf("validators kept after a cancelled update: %q", f.ETag)
	}
	res = u.Update(context.Background(), []library.Feed{f}, Events{})
	if len(res[0].Saved) != 2 || res[0].Err != nil {
		t.Errorf("the next update: %+v", res[0])
	}
}

// TestAddDiscovers: a page URL whose head names its feed follows the feed.
func TestAddDiscovers(t *testing.T) {
	s := testsupport.NewSite(t)
	s.Set("/feed.atom", "application/atom+xml", atomFeed)
	s.Set("/blog", "text/html", `<html><head><title>Blog</title><link rel="alternate" type="application/atom+xml" href="/feed.atom"></head><body>Hi</body></html>`)
	s.Set("/plain", "text/html", `<html><head><title>Nothing</title></head><body>Hi</body></html>`)
	u := testUpdater(t)
	f := follow(t, u, s.Link("/blog"))
	if f.URL != s.Link("/feed.atom") || f.Title != "War on the Rocks" || f.Name != "war-on-the-rocks" {
		t.Errorf("followed %+v", f)
	}
	if _, err := u.Add(context.Background(), s.Link("/feed.atom")); !errors.Is(err, library.ErrFeedFollowed) {
		t.Errorf("adding it again: %v", err)
	}
	if _, err := u.Add(context.Background(), s.Link("/plain")); err == nil || !strings.Contains(err.Error(), "neither a feed nor a page") {
		t.Errorf("a page without a feed: %v", err)
	}
}

// TestFailedUpdateKeepsLastUpdate: "feeds list" says when a feed was last
// updated; an update that fails records its error and leaves that time
// where the last good update put it.
func TestFailedUpdateKeepsLastUpdate(t *testing.T) {
	s := testsupport.NewSite(t)
	s.Set("/feed.xml", "application/rss+xml", testsupport.RSSFeed("Flaky", testsupport.Item{"One", s.Link("/one"), "<p>" + testsupport.Words(200, "one") + "</p>"}))
	u := testUpdater(t)
	good := time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC)
	u.Now = func() time.Time { return good }
	f := follow(t, u, s.Link("/feed.xml"))
	if res := u.Update(context.Background(), []library.Feed{f}, Events{}); res[0].Err != nil {
		t.Fatal(res[0].Err)
	}
	s.Set("/feed.xml", "application/rss+xml", `<?xml version="1.0"?><rss version="2.0"><channel><title>Flaky`)
	u.Now = func() time.Time { return good.Add(24 * time.Hour) }
	f, _, _ = u.Store.FindFeed(f.URL)
	if res := u.Update(context.Background(), []library.Feed{f}, Events{}); res[0].Err == nil {
		t.Fatal("a broken feed updated without error")
	}
	f, _, _ = u.Store.FindFeed(f.URL)
	if !f.LastUpdate.Equal(good) || f.LastError == "" {
		t.Errorf("after a failed update: last update %v, error %q; want %v and the error", f.LastUpdate, f.LastError, good)
	}
}

// TestShortPieceWholeInTheFeed: a short piece carried whole in
// content:encoded (fewer than articleWords words), whose page is gone, is
// saved from the feed's content and not marked summary_only: the content
// is more than the description. A description alone still is a summary.
func TestShortPieceWholeInTheFeed(t *testing.T) {
	s := testsupport.NewSite(t)
	short := "<p>" + testsupport.Words(100, "short") + "</p>"
	s.Set("/feed.xml", "application/rss+xml", `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Shorts</title>
<item><title>A Short Piece</title><link>`+s.Link("/gone-short")+`</link><guid>1</guid><description>`+testsupport.Words(30, "gist")+`</description><content:encoded><![CDATA[`+short+`]]></content:encoded></item>
<item><title>Only a Gist</title><link>`+s.Link("/gone-gist")+`</link><guid>2</guid><description>`+testsupport.Words(30, "only")+`</description></item>
<item><title>Same Twice</title><link>`+s.Link("/gone-same")+`</link><guid>3</guid><description>`+testsupport.Words(30, "twice")+`</description><content:encoded><![CDATA[<p>`+testsupport.Words(30, "twice")+`</p>]]></content:encoded></item>
</channel></rss>`)
	u := testUpdater(t)
	f := follow(t, u, s.Link("/feed.xml"))
	res := u.Update(context.Background(), []library.Feed{f}, Events{})
	if res[0].Err != nil || len(res[0].Saved) != 3 {
		t.Fatalf("result %+v", res[0])
	}
	want := map[string]bool{"A Short Piece": false, "Only a Gist": true, "Same Twice": true}
	for _, p := range res[0].Saved {
		a := parseSaved(t, p)
		if a.Meta.SummaryOnly != want[a.Meta.Title] {
			t.Errorf("%s: summary_only %v, want %v", a.Meta.Title, a.Meta.SummaryOnly, want[a.Meta.Title])
		}
	}
}
