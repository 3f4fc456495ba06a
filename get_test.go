package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"cable/articles"
	"cable/internal/testsupport"
	"cable/library"

	"golang.org/x/net/html/charset"
)

const getPage = `<!DOCTYPE html><html lang="en"><head><title>Sanctions and their limits</title></head>
<body><nav><a href="/">Home</a></nav><article><h1>Sanctions and their limits</h1>
<p>Sanctions are the tool of first resort in foreign policy, and their record is mixed at best, as the
cases of Iran, Russia and Venezuela show in different ways over two decades of use.</p>
<h2>What they were meant to do</h2>
<p>See <a href="/notes/more.html">the longer note</a> for the numbers behind this claim, which are
disputed among economists who study the matter closely and at length.</p>
</article></body></html>`

// getHome points every XDG directory at a fresh temporary home and
// returns the library directory to give --library.
func getHome(t *testing.T) (lib, sources string) {
	t.Helper()
	p := testHome(t)
	return filepath.Join(filepath.Dir(filepath.Dir(p.Sources)), "lib"), p.Sources
}

// pageServer serves a page, a Markdown file, a text and a page that
// names the page as its canonical address; anything else is a 404.
func pageServer(t *testing.T) *testsupport.Site {
	t.Helper()
	srv := testsupport.NewSite(t)
	srv.SetPage("/page.html", getPage)
	srv.SetPage("/mirror", strings.Replace(getPage, "<head>", `<head><link rel="canonical" href="`+srv.Link("/page.html")+`">`, 1))
	srv.Redirect("/moved", "/page.html?utm_medium=rss")
	enc, _ := charset.Lookup("windows-1251")
	cyrillic, _ := enc.NewEncoder().Bytes([]byte(strings.ReplaceAll(getPage, "Sanctions and their limits", "Санкции и их пределы")))
	srv.Set("/cp1251", "text/html; charset=windows-1251", string(cyrillic))
	srv.Set("/notes.md", "text/markdown; charset=utf-8", "# Deterrence notes\n\nA paragraph about deterrence in the Baltic.\n")
	srv.Set("/alliances", "text/plain; charset=utf-8", "On alliances\n\nAlliances are made and unmade, and this text says how.\n")
	return srv
}

func articleFiles(t *testing.T, dir string) []string {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	return names
}

func readMeta(t *testing.T, path string) articles.Meta {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m, ok := articles.ReadMeta(data)
	if !ok {
		t.Fatalf("%s has no front matter:\n%s", path, data)
	}
	return m
}

func TestGetSavesPagesMarkdownAndText(t *testing.T) {
	lib, sources := getHome(t)
	srv := pageServer(t)
	out, err := run(t, "get", "--library", lib, srv.URL+"/page.html", srv.URL+"/notes.md", srv.URL+"/alliances")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	want := []struct{ file, id, title, url string }{
		{"sanctions-and-their-limits.md", "sanctions-and-their-limits", "Sanctions and their limits", srv.URL + "/page.html"},
		{"deterrence-notes.md", "deterrence-notes", "Deterrence notes", srv.URL + "/notes.md"},
		{"on-alliances.md", "on-alliances", "On alliances", srv.URL + "/alliances"},
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(want) {
		t.Fatalf("printed:\n%s", out)
	}
	for i, w := range want {
		path := filepath.Join(lib, w.file)
		if lines[i] != path+" ("+w.id+")" {
			t.Errorf("line %d: %q, want %q", i+1, lines[i], path+" ("+w.id+")")
		}
		if m := readMeta(t, path); m.Title != w.title || m.URL != w.url {
			t.Errorf("%s: title %q, url %q", w.file, m.Title, m.URL)
		}
	}
	body, _ := os.ReadFile(filepath.Join(lib, want[0].file))
	if !strings.Contains(string(body), "]("+srv.URL+"/notes/more.html)") {
		t.Errorf("the page's relative link is not made absolute:\n%s", body)
	}
	kept, _ := filepath.Glob(filepath.Join(sources, "*.gz"))
	if len(kept) != 3 {
		t.Errorf("sources kept: %v, want 3", kept)
	}
	if strings.HasPrefix(sources, lib) {
		t.Errorf("the sources %s are inside the library %s", sources, lib)
	}
}

// The same page is not saved twice, whatever the address says of it:
// the case of its scheme and host, a fragment, tracking parameters, a
// redirect, or another address whose page names it as canonical.
func TestGetDoesNotSaveAnArticleTwice(t *testing.T) {
	lib, _ := getHome(t)
	srv := pageServer(t)
	if out, err := run(t, "get", "--library", lib, srv.URL+"/page.html"); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	saved := filepath.Join(lib, "sanctions-and-their-limits.md")
	same := []string{
		strings.Replace(srv.URL, "http://", "HTTP://", 1) + "/page.html/?utm_source=feed#top",
		srv.URL + "/moved",
		srv.URL + "/mirror",
	}
	for _, address := range same {
		out, err := run(t, "get", "--library", lib, address)
		want := address + ": already in the library: sanctions-and-their-limits (" + saved + ")\n"
		if err != nil || out != want {
			t.Errorf("get %s: %v\n%s\nwant %s", address, err, out, want)
		}
	}
	if files := articleFiles(t, lib); len(files) != 1 {
		t.Errorf("the library holds %v", files)
	}
}

// A URL given twice on one command line is saved once.
func TestGetSameAddressTwiceInOneRun(t *testing.T) {
	lib, _ := getHome(t)
	srv := pageServer(t)
	out, err := run(t, "get", "--library", lib, srv.URL+"/page.html", srv.URL+"/page.html#again")
	if err != nil || !strings.Contains(out, "#again: already in the library") {
		t.Errorf("%v\n%s", err, out)
	}
	if files := articleFiles(t, lib); len(files) != 1 {
		t.Errorf("the library holds %v", files)
	}
}

func TestGetNotFound(t *testing.T) {
	lib, sources := getHome(t)
	srv := pageServer(t)
	out, err := run(t, "get", "--library", lib, srv.URL+"/gone", srv.URL+"/notes.md")
	if err == nil || err.Error() != srv.URL+"/gone: the server answered 404 Not Found" {
		t.Errorf("error %v, want the address and its 404", err)
	}
	if !strings.Contains(out, "deterrence-notes.md (deterrence-notes)") {
		t.Errorf("the address that worked is not saved:\n%s", out)
	}
	if files := articleFiles(t, lib); len(files) != 1 {
		t.Errorf("the library holds %v", files)
	}
	if kept, _ := filepath.Glob(filepath.Join(sources, "*.gz")); len(kept) != 1 {
		t.Errorf("sources kept: %v", kept)
	}
}

// Offline, every address gets a line that says the server cannot be
// reached, and nothing is saved.
func TestGetOffline(t *testing.T) {
	lib, sources := getHome(t)
	srv := httptest.NewServer(http.NotFoundHandler())
	srv.Close()
	a, b := srv.URL+"/one.html", srv.URL+"/two.html"
	_, err := run(t, "get", "--library", lib, a, b)
	if err == nil {
		t.Fatal("no error offline")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], a+": ") || !strings.HasPrefix(lines[1], b+": ") {
		t.Fatalf("error:\n%v\nwant a line per address", err)
	}
	for _, l := range lines {
		if !strings.Contains(l, "the server is down, or you are offline") {
			t.Errorf("%q does not say the server cannot be reached", l)
		}
	}
	if files := articleFiles(t, lib); len(files) != 0 {
		t.Errorf("saved %v offline", files)
	}
	if kept, _ := filepath.Glob(filepath.Join(sources, "*")); len(kept) != 0 {
		t.Errorf("kept %v offline", kept)
	}
}

func TestImportKeepsItsSource(t *testing.T) {
	lib, sources := getHome(t)
	page := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(page, []byte(getPage), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := run(t, "import", "--library", lib, page); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	kept, _ := filepath.Glob(filepath.Join(sources, "*.html.gz"))
	if len(kept) != 1 {
		t.Errorf("sources kept: %v", kept)
	}
	out, err := run(t, "reimport", "--library", lib, "sanctions-and-their-limits")
	if err != nil || !strings.Contains(out, "sanctions-and-their-limits.md (sanctions-and-their-limits): unchanged") {
		t.Errorf("reimport: %v\n%s", err, out)
	}
}

// makeOlder makes an article look as an older cable would have extracted
// it: another text, recorded as what cable wrote.
func makeOlder(t *testing.T, sources, path string) {
	t.Helper()
	kept := library.KeptSources{Dir: sources}
	s, err := kept.Find(path)
	if err != nil {
		t.Fatal(err)
	}
	data, err := kept.Data(s)
	if err != nil {
		t.Fatal(err)
	}
	old := "---\ntitle: \"Sanctions\"\n---\n\nAn older, poorer extraction.\n"
	if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := kept.Keep(s, data, []byte(old)); err != nil {
		t.Fatal(err)
	}
}

func TestReimport(t *testing.T) {
	lib, sources := getHome(t)
	srv := pageServer(t)
	if out, err := run(t, "get", "--library", lib, srv.URL+"/page.html", srv.URL+"/notes.md"); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	page := filepath.Join(lib, "sanctions-and-their-limits.md")
	notes := filepath.Join(lib, "deterrence-notes.md")
	fresh, _ := os.ReadFile(page)
	makeOlder(t, sources, page)
	before := listedIDs(t, "--library", lib)
	srv.Close() // reimport is offline

	out, err := run(t, "reimport", "--library", lib)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, want := range []string{
		page + " (sanctions-and-their-limits): extracted again",
		notes + " (deterrence-notes): unchanged",
		"2 articles: 1 extracted again, 1 unchanged, 0 edited by hand and left alone",
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("reimport printed:\n%s\nwant a line %q", out, want)
		}
	}
	if now, _ := os.ReadFile(page); string(now) != string(fresh) {
		t.Errorf("the article is not extracted again:\n%s", now)
	}
	after := listedIDs(t, "--library", lib)
	if after["Sanctions and their limits"] != before["Sanctions"] {
		t.Errorf("the article's ID changed: %v → %v", before, after)
	}

	edited := "---\ntitle: \"My notes\"\n---\n\nMy own words.\n"
	if err := os.WriteFile(notes, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err = run(t, "reimport", "--library", lib, "deterrence-notes")
	if err != nil || !strings.Contains(out, notes+" (deterrence-notes): edited since cable wrote it; left as it is\n") {
		t.Errorf("reimport of an edited article: %v\n%s", err, out)
	}
	if now, _ := os.ReadFile(notes); string(now) != edited {
		t.Errorf("the edited article was overwritten:\n%s", now)
	}
}

func TestReimportRefusals(t *testing.T) {
	lib, _ := getHome(t)
	if err := os.MkdirAll(lib, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(lib, "mine.md"), []byte("---\ntitle: Mine\n---\n\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := run(t, "reimport", "--library", lib, "mine", "azerbaijan-israel-relations", "no-such-id")
	want := []string{
		"no-such-id: no such article",
		"azerbaijan-israel-relations: is bundled with cable",
		filepath.Join(lib, "mine.md") + " (mine): no source was kept for it",
	}
	if err == nil {
		t.Fatal("no error")
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error:\n%v\nwant %q", err, w)
		}
	}
}

// A page in another charset, named only by its Content-Type, is decoded
// by it when it is saved, and again when it is reimported from its kept
// bytes.
func TestGetAndReimportDecodeTheServedCharset(t *testing.T) {
	lib, sources := getHome(t)
	srv := pageServer(t)
	if out, err := run(t, "get", "--library", lib, srv.URL+"/cp1251"); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	path := filepath.Join(lib, "санкции-и-их-пределы.md")
	if m := readMeta(t, path); m.Title != "Санкции и их пределы" {
		t.Fatalf("title %q", m.Title)
	}
	fresh, _ := os.ReadFile(path)
	makeOlder(t, sources, path)
	out, err := run(t, "reimport", "--library", lib)
	if err != nil || !strings.Contains(out, "extracted again") {
		t.Fatalf("%v\n%s", err, out)
	}
	if now, _ := os.ReadFile(path); string(now) != string(fresh) {
		t.Errorf("reimported as\n%s", now)
	}
}

// Pages are fetched at the same time, not one after the other: each
// page here is held until two requests are under way at once. The
// articles are still printed in the order given.
func TestGetFetchesAtTheSameTime(t *testing.T) {
	lib, _ := getHome(t)
	var mu sync.Mutex
	inFlight := 0
	both := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		if inFlight++; inFlight == 2 {
			close(both)
		}
		mu.Unlock()
		select {
		case <-both:
		case <-r.Context().Done():
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprintf(w, "Page %s\n\nThe text of page %s.\n", r.URL.Path[1:], r.URL.Path[1:])
	}))
	defer srv.Close()
	out, err := run(t, "get", "--library", lib, srv.URL+"/b", srv.URL+"/a")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	want := filepath.Join(lib, "page-b.md") + " (page-b)\n" + filepath.Join(lib, "page-a.md") + " (page-a)\n"
	if out != want {
		t.Errorf("printed\n%s\nwant\n%s", out, want)
	}
}

// TestReimportTargetsOnlyThisLibrary: "cable reimport" with no IDs
// reimports the articles of the library it was given, not those of
// another library whose sources are kept in the same directory.
func TestReimportTargetsOnlyThisLibrary(t *testing.T) {
	mine, other := t.TempDir(), t.TempDir()
	kept := library.KeptSources{Dir: t.TempDir()}
	text := "---\ntitle: A\n---\n\nText.\n"
	var paths []string
	for _, dir := range []string{mine, other} {
		p := filepath.Join(dir, "a.md")
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := kept.Keep(library.KeptSource{Article: p, Kind: ".md", File: p}, []byte(text), []byte(text)); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	cat := &library.Catalog{Entries: []library.Entry{{Key: paths[0], Source: library.SourceLibrary}}}
	got, errs := reimportTargets(cat, kept, nil)
	if len(errs) > 0 || len(got) != 1 || got[0] != paths[0] {
		t.Errorf("targets %v (%v), want only %s", got, errs, paths[0])
	}
}
