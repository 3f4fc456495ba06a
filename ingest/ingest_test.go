package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cable/articles"
	"cable/extract"
	"cable/internal/testsupport"
	"cable/library"
)

// page is an article's page: its title, and text made of tag.
func page(title, tag string) string {
	var b strings.Builder
	for i := range 90 {
		fmt.Fprintf(&b, "%s%d ", tag, i)
	}
	text := b.String()
	return `<!DOCTYPE html><html lang="en"><head><title>` + title + `</title></head><body><nav>Home</nav>
<article><h1>` + title + `</h1><p>` + text + `.</p><p>` + text + `.</p><p>` + text + `.</p></article></body></html>`
}

// route is one way in, as a test drives it: it saves a piece through s.
type route func(t *testing.T, s *Saver, srv *testsupport.Site, piece string) (Saved, error)

// byImport saves the piece's page as a file saved from a browser.
func byImport(t *testing.T, s *Saver, srv *testsupport.Site, piece string) (Saved, error) {
	file := filepath.Join(t.TempDir(), piece+".html")
	resp, err := http.Get(srv.Link("/" + piece))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	html, _ := io.ReadAll(resp.Body)
	if err := os.WriteFile(file, html, 0o644); err != nil {
		t.Fatal(err)
	}
	return s.SaveFile(file)
}

// byGet fetches the piece's page, under a tracking parameter.
func byGet(t *testing.T, s *Saver, srv *testsupport.Site, piece string) (Saved, error) {
	got := s.Get(context.Background(), []string{srv.URL + "/" + piece + "?utm_source=x"})
	if len(got) != 1 {
		t.Fatalf("Get: %v", got)
	}
	return got[0].Saved, got[0].Err
}

// byFeed saves the piece as a feed update does when the feed carries only
// its link: the page fetched, with what the feed says of it.
func byFeed(feed string) route {
	return func(t *testing.T, s *Saver, srv *testsupport.Site, piece string) (Saved, error) {
		in, err := s.Fetch(context.Background(), srv.URL+"/"+piece)
		if err != nil {
			return Saved{}, err
		}
		m := articles.Meta{Title: strings.ToUpper(piece[:1]) + piece[1:], URL: srv.URL + "/" + piece, Feed: feed, Source: feed}
		in.Source.Meta, in.Folder, in.New = &m, feed, true
		return s.Save(in)
	}
}

// TestOnePiecePerRoutePair: a piece saved by one way in is found, not
// saved again, by every other, and by the same one again.
func TestOnePiecePerRoutePair(t *testing.T) {
	routes := map[string]route{"import": byImport, "get": byGet, "feed A": byFeed("feed-a"), "feed B": byFeed("feed-b")}
	pairs := [][2]string{
		{"import", "import"}, {"get", "feed A"}, {"feed A", "get"}, {"feed A", "feed B"}, {"import", "get"}, {"get", "import"}, {"get", "get"},
	}
	for _, p := range pairs {
		t.Run(p[0]+" then "+p[1], func(t *testing.T) {
			srv := testsupport.NewSite(t)
			srv.SetPage("/talks", page("Talks resume", "talk"))
			dir := t.TempDir()
			s := New(Options{Dir: dir})
			first, err := routes[p[0]](t, s, srv, "talks")
			if err != nil || first.Already {
				t.Fatalf("first save: %+v, %v", first, err)
			}
			second, err := routes[p[1]](t, s, srv, "talks")
			if err != nil {
				t.Fatal(err)
			}
			if !second.Already || second.Path != first.Path {
				t.Errorf("second save %+v, want the first's article, %s, found", second, first.Path)
			}
			if files := articleFiles(t, dir); len(files) != 1 {
				t.Errorf("library holds %v, want one article", files)
			}
		})
	}
}

// TestFoundAcrossRuns: the library a Saver starts from is what the index
// holds, so a piece saved by one command is found by the next.
func TestFoundAcrossRuns(t *testing.T) {
	srv := testsupport.NewSite(t)
	srv.SetPage("/talks", page("Talks resume", "talk"))
	srv.SetPage("/mirror", page("Talks resume, again", "talk")) // the same text elsewhere
	dir := t.TempDir()
	first, err := byGet(t, New(Options{Dir: dir}), srv, "talks")
	if err != nil {
		t.Fatal(err)
	}
	store, entries := openLibrary(t, dir)
	s := New(Options{Dir: dir, Entries: entries, Store: store})
	if key, ok := s.Known(srv.URL + "/talks#top"); !ok || key != first.Path {
		t.Errorf("Known = %q, %v; want %s", key, ok, first.Path)
	}
	for _, piece := range []string{"talks", "mirror"} {
		got, err := byGet(t, s, srv, piece)
		if err != nil || !got.Already || got.Path != first.Path {
			t.Errorf("get %s: %+v, %v; want %s found", piece, got, err, first.Path)
		}
	}
}

// TestAgainKeepsASecondCopy: --again saves a piece the library has.
func TestAgainKeepsASecondCopy(t *testing.T) {
	srv := testsupport.NewSite(t)
	srv.SetPage("/talks", page("Talks resume", "talk"))
	dir := t.TempDir()
	s := New(Options{Dir: dir, Again: true})
	a, err1 := byImport(t, s, srv, "talks")
	b, err2 := byImport(t, s, srv, "talks")
	if err1 != nil || err2 != nil || a.Already || b.Already || a.Path == b.Path {
		t.Errorf("two imports with Again: %+v %v, %+v %v; want two articles", a, err1, b, err2)
	}
}

// TestShortTextsAreNotTakenForEachOther: two different pieces whose text
// is too short to tell apart by print are both saved.
func TestShortTextsAreNotTakenForEachOther(t *testing.T) {
	dir := t.TempDir()
	s := New(Options{Dir: dir})
	for _, title := range []string{"One teaser", "Another teaser"} {
		m := articles.Meta{Title: title, SummaryOnly: true}
		got, err := s.Save(Input{Name: title, Source: library.KeptSource{Kind: extract.KindHTML, Fragment: true, Meta: &m}, Body: []byte("<p>Subscribe to read.</p>")})
		if err != nil || got.Already {
			t.Errorf("%s: %+v, %v", title, got, err)
		}
	}
}

// TestBinaryIsRefused: bytes that are no text are refused on the way in
// with the reason reading gives, and nothing is written.
func TestBinaryIsRefused(t *testing.T) {
	src := t.TempDir()
	elf := filepath.Join(src, "notes.md")
	if err := os.WriteFile(elf, []byte("\x7fELF\x02\x01\x01\x00\x00\x00text\nmore"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	_, err := New(Options{Dir: dir}).SaveFile(elf)
	want := elf + ":1: " + articles.BinaryMsg
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
	if _, rerr := articles.Parse(elf, []byte("\x7fELF\x02\x01\x01\x00"), "x"); rerr == nil || !strings.Contains(rerr.Error(), articles.BinaryMsg) {
		t.Errorf("reading says %v; the way in must give the same reason", rerr)
	}
	if files := articleFiles(t, dir); len(files) != 0 {
		t.Errorf("written: %v", files)
	}
	// A page in UTF-16 holds NUL bytes and is text all the same.
	if err := library.CheckText("page.html", []byte{0xff, 0xfe, '<', 0}); err != nil {
		t.Errorf("UTF-16 page refused: %v", err)
	}
}

// TestSummaryGrowsUpInPlace: a summary saved when its page failed is
// replaced, at the same path, by the whole article when the page is got;
// its source is kept, so that the article can be extracted again; a
// summary edited by hand is left alone.
func TestSummaryGrowsUpInPlace(t *testing.T) {
	srv := testsupport.NewSite(t)
	dir := t.TempDir()
	kept := library.KeptSources{Dir: t.TempDir()}
	s := New(Options{Dir: dir, Kept: kept})
	m := articles.Meta{Title: "Talks resume", URL: srv.URL + "/talks", Feed: "feed-a", SummaryOnly: true}
	summary, err := s.Save(Input{Name: m.URL, Source: library.KeptSource{URL: m.URL, Kind: extract.KindHTML, Fragment: true, Meta: &m},
		Body: []byte("<p>The talks resumed today.</p>"), Folder: "feed-a"})
	if err != nil || !summary.SummaryOnly {
		t.Fatalf("summary: %+v, %v", summary, err)
	}
	if _, ok := s.Known(m.URL); ok {
		t.Error("a summary is known, so its page would never be fetched again")
	}
	srv.SetPage("/talks", page("Talks resume", "talk"))
	got, err := byGet(t, s, srv, "talks")
	if err != nil || !got.Grown || got.Path != summary.Path {
		t.Fatalf("get of the summary's page: %+v, %v; want %s grown", got, err, summary.Path)
	}
	data, _ := os.ReadFile(got.Path)
	if a, err := articles.Parse(got.Path, data, "x"); err != nil || a.Meta.SummaryOnly || a.Words() < 200 {
		t.Errorf("the article is not the whole one: %v\n%s", err, data)
	}
	if r, err := kept.Reimport(got.Path); err != nil || r != library.Unchanged {
		t.Errorf("reimport of the grown article: %v, %v", r, err)
	}
	if files := articleFiles(t, dir); len(files) != 1 {
		t.Errorf("library holds %v, want the one article", files)
	}

	// A summary edited by hand is not written over.
	m2 := m
	m2.URL, m2.Title = srv.URL+"/ports", "Ports wait"
	edited, err := s.Save(Input{Name: m2.URL, Source: library.KeptSource{URL: m2.URL, Kind: extract.KindHTML, Fragment: true, Meta: &m2},
		Body: []byte("<p>The ports wait.</p>")})
	if err != nil {
		t.Fatal(err)
	}
	mine := []byte("---\ntitle: Ports wait\nurl: " + m2.URL + "\nsummary_only: true\n---\n\nMy own notes.\n")
	os.WriteFile(edited.Path, mine, 0o644)
	srv.SetPage("/ports", page("Ports wait", "port"))
	got, err = byGet(t, s, srv, "ports")
	if err != nil || got.Grown || !got.Already {
		t.Errorf("get over an edited summary: %+v, %v", got, err)
	}
	if now, _ := os.ReadFile(edited.Path); string(now) != string(mine) {
		t.Errorf("the reader's edit was overwritten:\n%s", now)
	}
}

// TestFeedArticlesKeepTheirSource: an article made from a feed's content
// or from a page with what the feed said is kept, and a reimport makes
// the same article again.
func TestFeedArticlesKeepTheirSource(t *testing.T) {
	srv := testsupport.NewSite(t)
	srv.SetPage("/talks", page("Talks resume", "talk"))
	kept := library.KeptSources{Dir: t.TempDir()}
	s := New(Options{Dir: t.TempDir(), Kept: kept})
	fromPage, err := byFeed("feed-a")(t, s, srv, "talks")
	if err != nil {
		t.Fatal(err)
	}
	m := articles.Meta{Title: "Inline piece", Feed: "feed-a", URL: srv.URL + "/inline"}
	fromContent, err := s.Save(Input{Name: "inline", Source: library.KeptSource{URL: m.URL, Kind: extract.KindHTML, Fragment: true, Meta: &m},
		Body: []byte("<p>" + strings.Repeat("The whole piece, carried by the feed. ", 30) + "</p>")})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{fromPage.Path, fromContent.Path} {
		if r, err := kept.Reimport(p); err != nil || r != library.Unchanged {
			t.Errorf("reimport of %s: %v, %v; want it unchanged", p, r, err)
		}
		data, _ := os.ReadFile(p)
		if !strings.Contains(string(data), `feed: "feed-a"`) {
			t.Errorf("%s lost what the feed said:\n%s", p, data)
		}
	}
}

// TestFetchFailureSavesNothing: an address that cannot be fetched is an
// error naming it.
func TestFetchFailureSavesNothing(t *testing.T) {
	srv := testsupport.NewSite(t)
	dir := t.TempDir()
	got := New(Options{Dir: dir}).Get(context.Background(), []string{srv.URL + "/missing"})
	var ae interface{ Error() string }
	if len(got) != 1 || got[0].Err == nil || !errors.As(got[0].Err, &ae) || !strings.Contains(got[0].Err.Error(), "/missing") {
		t.Errorf("got %+v", got)
	}
	if files := articleFiles(t, dir); len(files) != 0 {
		t.Errorf("written: %v", files)
	}
}

// articleFiles lists the articles below dir.
func articleFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
			out = append(out, path)
		}
		return nil
	})
	return out
}
