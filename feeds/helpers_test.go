package feeds

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"cable/fetch"
	"cable/library"
)

// site is a publication served by a test server: its feed and its
// article pages, counting the requests each path receives.
type site struct {
	mu    sync.Mutex
	pages map[string]string // path → body; a missing path is a 404
	types map[string]string // path → Content-Type
	hits  map[string]int
	// etag, when set, is the feed's ETag: a request that sends it back
	// gets a 304.
	etag, lastModified string
	// conditional records the If-None-Match and If-Modified-Since headers
	// each request sent.
	conditional []string
	srv         *httptest.Server
}

func newSite(t testing.TB) *site {
	s := &site{pages: map[string]string{}, types: map[string]string{}, hits: map[string]int{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *site) url(path string) string { return s.srv.URL + path }

func (s *site) set(path, contentType, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pages[path], s.types[path] = body, contentType
}

func (s *site) hitsOf(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *site) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	body, ok := s.pages[r.URL.Path]
	ct := s.types[r.URL.Path]
	etag, lm := s.etag, s.lastModified
	if r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != "" {
		s.conditional = append(s.conditional, r.URL.Path+" "+r.Header.Get("If-None-Match")+" "+r.Header.Get("If-Modified-Since"))
	}
	s.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	if strings.HasPrefix(r.URL.Path, "/feed") && etag != "" {
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lm)
	}
	w.Header().Set("Content-Type", ct)
	fmt.Fprint(w, body)
}

// testUpdater is an Updater over a fresh store and library directory.
func testUpdater(t testing.TB) *Updater {
	t.Helper()
	dir := t.TempDir()
	store, _, err := library.Open(filepath.Join(dir, "state", "cable.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return &Updater{Client: fetch.New(fetch.Options{Version: "test"}), Store: store, Dir: filepath.Join(dir, "articles")}
}

// follow adds the feed at url and returns it as stored.
func follow(t testing.TB, u *Updater, url string) library.Feed {
	t.Helper()
	f, err := u.Add(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// readFile returns a file's text.
func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// words is n words of prose, numbered so that no two paragraphs are the
// same.
func words(n int, tag string) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s%d", tag, i)
		if i%12 == 11 {
			b.WriteByte('.')
		}
	}
	return b.String() + "."
}

// articlePage is an article page as a publication serves it.
func articlePage(title, author, text string) string {
	return `<!DOCTYPE html><html lang="en"><head><title>` + title + ` | The Review</title>
<meta property="og:site_name" content="The Review"><meta name="author" content="` + author + `"></head>
<body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>` + title + `</h1><p class="byline">By ` + author + `</p>
<p>` + text + `</p><p>` + text + `</p><p>` + text + `</p></article>
<footer>Subscribe to our newsletter</footer></body></html>`
}

// rssFeed is an RSS 2.0 feed of items, each a title, a link and a
// description.
func rssFeed(title string, items ...[3]string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>` + title + `</title><link>http://example.org/</link>`)
	for i, it := range items {
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link><guid>guid-%d-%s</guid><pubDate>Mon, 0%d Jan 2024 10:00:00 GMT</pubDate><description><![CDATA[%s]]></description></item>",
			it[0], it[1], i, it[1], i%9+1, it[2])
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}
