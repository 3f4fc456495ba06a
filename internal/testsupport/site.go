// Package testsupport is what cable's tests share: a publication served
// on the loopback, whose pages and feeds a test sets, for the feed
// updates, "cable get" and the commands alike. Nothing in it reaches
// beyond 127.0.0.1.
package testsupport

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// Site is a publication a test serves: each path answers what the test
// set for it (a page, a feed, a redirect), and any other path is a 404.
// It counts the requests each path receives and keeps their conditional
// headers; a path with an ETag answers a request that sends it back with
// a 304; a held path answers only once the test releases it.
type Site struct {
	*httptest.Server

	mu       sync.Mutex
	answers  map[string]answer
	requests map[string][]Request
	held     map[string]chan struct{}
}

// answer is what a path answers.
type answer struct {
	contentType, body  string
	etag, lastModified string
	redirect           string
}

// Request is one request a path received: its conditional headers.
type Request struct {
	IfNoneMatch, IfModifiedSince string
}

// NewSite serves a new publication until the test ends.
func NewSite(t testing.TB) *Site {
	s := &Site{answers: map[string]answer{}, requests: map[string][]Request{}, held: map[string]chan struct{}{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// Link is the address of path on the site.
func (s *Site) Link(path string) string { return s.URL + path }

// Set makes path answer body, served as contentType.
func (s *Site) Set(path, contentType, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.answers[path] = answer{contentType: contentType, body: body}
}

// SetPage makes path answer an HTML page.
func (s *Site) SetPage(path, html string) { s.Set(path, "text/html; charset=utf-8", html) }

// SetFeed makes path answer an RSS feed with validators: a request that
// sends the ETag back gets a 304. Empty validators are not sent.
func (s *Site) SetFeed(path, feed, etag, lastModified string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.answers[path] = answer{contentType: "application/rss+xml", body: feed, etag: etag, lastModified: lastModified}
}

// Redirect makes path answer a permanent redirect to another address.
func (s *Site) Redirect(path, to string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.answers[path] = answer{redirect: to}
}

// Remove makes path a 404 again.
func (s *Site) Remove(path string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.answers, path)
}

// Hold keeps the answers to path waiting until release is called, so
// that a test can see what happens while a request is under way.
func (s *Site) Hold(path string) (release func()) {
	gate := make(chan struct{})
	s.mu.Lock()
	s.held[path] = gate
	s.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			s.mu.Lock()
			delete(s.held, path)
			s.mu.Unlock()
			close(gate)
		})
	}
}

// Hits is how many requests path received.
func (s *Site) Hits(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.requests[path])
}

// HitsBut is how many requests every path but those named received: the
// pages, when the feed is named.
func (s *Site) HitsBut(paths ...string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for p, rs := range s.requests {
		skip := false
		for _, q := range paths {
			skip = skip || p == q
		}
		if !skip {
			n += len(rs)
		}
	}
	return n
}

// Requests are the requests path received, in order.
func (s *Site) Requests(path string) []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests[path]...)
}

func (s *Site) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.requests[r.URL.Path] = append(s.requests[r.URL.Path], Request{r.Header.Get("If-None-Match"), r.Header.Get("If-Modified-Since")})
	a, ok := s.answers[r.URL.Path]
	gate := s.held[r.URL.Path]
	s.mu.Unlock()
	if gate != nil {
		<-gate
	}
	switch {
	case !ok:
		http.NotFound(w, r)
		return
	case a.redirect != "":
		http.Redirect(w, r, a.redirect, http.StatusMovedPermanently)
		return
	case a.etag != "" && r.Header.Get("If-None-Match") == a.etag:
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if a.etag != "" {
		w.Header().Set("ETag", a.etag)
	}
	if a.lastModified != "" {
		w.Header().Set("Last-Modified", a.lastModified)
	}
	w.Header().Set("Content-Type", a.contentType)
	fmt.Fprint(w, a.body)
}

// Words is n words of prose, numbered from tag so that no two texts made
// with different tags are the same.
func Words(n int, tag string) string {
	var b strings.Builder
	for i := range n {
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

// ArticlePage is an article's page as a publication serves it, with its
// navigation and footer around the article: three paragraphs of text.
func ArticlePage(title, author, text string) string {
	return `<!DOCTYPE html><html lang="en"><head><title>` + title + ` | The Review</title>
<meta property="og:site_name" content="The Review"><meta name="author" content="` + author + `"></head>
<body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>` + title + `</h1><p class="byline">By ` + author + `</p>
<p>` + text + `</p><p>` + text + `</p><p>` + text + `</p></article>
<footer>Subscribe to our newsletter</footer></body></html>`
}

// Item is one entry of a feed: its title, link and description.
type Item [3]string

// RSSFeed is an RSS 2.0 feed of items, each with a GUID of its own and a
// date.
func RSSFeed(title string, items ...Item) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>` + title + `</title><link>http://example.org/</link>`)
	for i, it := range items {
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link><guid>guid-%d-%s</guid><pubDate>Mon, 0%d Jan 2024 10:00:00 GMT</pubDate><description><![CDATA[%s]]></description></item>",
			it[0], it[1], i, it[1], i%9+1, it[2])
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}
