package feeds

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"cable/internal/testsupport"
	"cable/library"
)

// BenchmarkUpdate100Feeds is an update that finds 20 new entries in each
// of 100 feeds, against a local server: every entry carries only a
// summary, so each page is fetched and extracted, as for most
// publications. Each iteration starts from an empty library.
func BenchmarkUpdate100Feeds(b *testing.B) {
	const nFeeds, nEntries = 100, 20
	page := testsupport.ArticlePage("%s", "Ann Author", testsupport.Words(300, "w"))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
		if len(parts) == 2 && parts[1] == "feed.xml" {
			w.Header().Set("Content-Type", "application/rss+xml")
			var items []testsupport.Item
			for i := range nEntries {
				items = append(items, testsupport.Item{fmt.Sprintf("Entry %d of %s", i, parts[0]), fmt.Sprintf("/%s/entry-%d", parts[0], i), "A summary."})
			}
			fmt.Fprint(w, testsupport.RSSFeed("Feed "+parts[0], items...))
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, strings.ReplaceAll(page, "%s", r.URL.Path))
	}))
	defer srv.Close()
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		u := testUpdater(b)
		var list []library.Feed
		for i := range nFeeds {
			f, err := u.Store.AddFeed(library.Feed{URL: fmt.Sprintf("%s/f%d/feed.xml", srv.URL, i), Title: fmt.Sprintf("Feed f%d", i)})
			if err != nil {
				b.Fatal(err)
			}
			list = append(list, f)
		}
		b.StartTimer()
		saved := 0
		for _, r := range u.Update(context.Background(), list, Events{}) {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
			saved += len(r.Saved)
		}
		if saved != nFeeds*nEntries {
			b.Fatalf("saved %d, want %d", saved, nFeeds*nEntries)
		}
	}
}
