package feeds

import (
	"context"
	"database/sql"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"cable/fetch"
	"cable/internal/testsupport"
	"cable/library"

	_ "modernc.org/sqlite"
)

// TestUnrecordedSaveIsTakenBack: when the entry cannot be recorded after
// its article was written, the article is removed, so that the next
// update saves it once rather than a second time as name-2.md.
func TestUnrecordedSaveIsTakenBack(t *testing.T) {
	s := testsupport.NewSite(t)
	s.Set("/feed.xml", "application/rss+xml", testsupport.RSSFeed("Refused", testsupport.Item{"Refused", s.Link("/refused"), "<p>" + testsupport.Words(200, "no") + "</p>"}))
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "cable.db")
	store, _, err := library.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	u := &Updater{Client: fetch.New(fetch.Options{Version: "test"}), Store: store, Dir: filepath.Join(dir, "articles")}
	f := follow(t, u, s.Link("/feed.xml"))
	// A second connection makes every record of an entry fail, as a
	// full disk would.
	db, err := sql.Open("sqlite", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TRIGGER refuse BEFORE INSERT ON feed_entries BEGIN SELECT RAISE(ABORT, 'disk full'); END`); err != nil {
		t.Fatal(err)
	}
	res := u.Update(context.Background(), []library.Feed{f}, Events{})
	if len(res[0].Saved) != 0 || len(res[0].Skipped) != 1 {
		t.Errorf("result %+v, want one entry skipped", res[0])
	}
	left, _ := filepath.Glob(filepath.Join(u.Dir, f.Name, "*"))
	if len(left) != 0 {
		t.Errorf("articles saved but not recorded: %v", left)
	}
}

// cancelsAfter is a context whose Err turns to context.Canceled after it
// was asked once: the update is cancelled while the first article is
// being saved.
type cancelsAfter struct {
	context.Context
	asked int
}

func (c *cancelsAfter) Err() error {
	c.asked++
	if c.asked > 1 {
		return context.Canceled
	}
	return nil
}

// TestSavedJustBeforeACancelIsTold: an article saved and recorded while
// the update was being cancelled is in the result and told to onSaved,
// though the update then stops.
func TestSavedJustBeforeACancelIsTold(t *testing.T) {
	// The feed carries the whole article: no page is fetched, and the
	// context is asked only before and after the article is saved.
	feed := `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Late</title>
<item><title>Late</title><link>https://example.org/late</link><guid>1</guid><description>A summary.</description>
<content:encoded><![CDATA[<p>` + testsupport.Words(200, "late") + `</p>]]></content:encoded></item></channel></rss>`
	u := testUpdater(t)
	f, err := u.Store.AddFeed(library.Feed{URL: "https://example.org/feed.xml", Title: "Late"})
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := Parse(f.URL, []byte(feed))
	if err != nil {
		t.Fatal(err)
	}
	var told []string
	saved, _, err := u.saveEntries(&cancelsAfter{Context: context.Background()}, f, parsed, func(p string, _ bool) { told = append(told, p) })
	if err == nil {
		t.Error("no error from a cancelled update")
	}
	if len(saved) != 1 || len(told) != 1 {
		t.Fatalf("saved %v, told %v; want the one article in both", saved, told)
	}
	if _, err := os.Stat(saved[0]); err != nil {
		t.Error(err)
	}
}

// TestEntryPageAccept: an entry's page is asked for with the same Accept
// header as "cable get" asks for a page.
func TestEntryPageAccept(t *testing.T) {
	accepts := make(chan string, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case accepts <- r.Header.Get("Accept"):
		default:
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, testsupport.ArticlePage("A Page", "Ann", testsupport.Words(120, "page")))
	}))
	defer srv.Close()
	e := Entry{Title: "A Page", Link: srv.URL + "/page", Description: "The gist."}
	u := testUpdater(t)
	if _, err := u.saveArticle(context.Background(), library.Feed{Name: "feed", Title: "Feed"}, e); err != nil {
		t.Fatal(err)
	}
	if got := <-accepts; got != fetch.AcceptPages {
		t.Errorf("Accept %q, want %q", got, fetch.AcceptPages)
	}
}
