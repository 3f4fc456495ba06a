package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cable/internal/testsupport"
)

const feedLastModified = "Mon, 01 Jan 2024 10:00:00 GMT"

// newFeedServer is a publication whose feed, with an ETag and a
// Last-Modified, carries a summary of each title, and whose pages hold
// each piece whole.
func newFeedServer(t *testing.T, titles ...string) *testsupport.Site {
	s := testsupport.NewSite(t)
	para := strings.Repeat("The talks over the straits went on for another round, and the delegations agreed on little but the date of the next. ", 8)
	var items []testsupport.Item
	for _, title := range titles {
		slug := strings.ToLower(strings.ReplaceAll(title, " ", "-"))
		items = append(items, testsupport.Item{title, s.Link("/" + slug), "A summary of " + title + "."})
		s.SetPage("/"+slug, fmt.Sprintf(`<!DOCTYPE html><html lang="en"><head><title>%s</title></head><body><nav>Home</nav><article><h1>%s</h1><p>This is the report called %s.</p><p>%s</p><p>%s</p><p>%s</p></article></body></html>`, slug, slug, slug, para, para, para))
	}
	s.SetFeed("/feed.xml", testsupport.RSSFeed("The Straits Review", items...), `"feed-v1"`, feedLastModified)
	return s
}

// feedsHome gives a test its own state directory and library.
func feedsHome(t *testing.T) string {
	testHome(t)
	return t.TempDir()
}

// TestFeedsUpdateTwice: "cable feeds add" then "cable feeds update"
// saves every entry's article; a second update sends the validators the
// first received, gets a 304, and saves nothing.
func TestFeedsUpdateTwice(t *testing.T) {
	lib := feedsHome(t)
	srv := newFeedServer(t, "Talks Resume", "Ports Wait", "Pilots Strike")
	out, err := run(t, "feeds", "add", srv.URL+"/feed.xml", "--library", lib)
	if err != nil || !strings.Contains(out, "Following The Straits Review") {
		t.Fatalf("add: %v\n%s", err, out)
	}
	out, err = run(t, "feeds", "update", "--library", lib)
	if err != nil || out != "The Straits Review: 3 new\n" {
		t.Fatalf("first update: %v\n%q", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(lib, "the-straits-review", "*.md"))
	if len(files) != 3 {
		t.Fatalf("saved %v", files)
	}
	out, err = run(t, "feeds", "update", "--library", lib)
	if err != nil || out != "The Straits Review: 0 new\n" {
		t.Fatalf("second update: %v\n%q", err, out)
	}
	if again, _ := filepath.Glob(filepath.Join(lib, "the-straits-review", "*.md")); len(again) != 3 {
		t.Errorf("the second update saved more: %v", again)
	}
	// add fetches the feed once, unconditionally, and so does the first update.
	want := [][2]string{{"", ""}, {"", ""}, {`"feed-v1"`, feedLastModified}}
	var got [][2]string
	for _, r := range srv.Requests("/feed.xml") {
		got = append(got, [2]string{r.IfNoneMatch, r.IfModifiedSince})
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("conditional headers %q, want %q", got, want)
	}
	if n := srv.HitsBut("/feed.xml"); n != 3 {
		t.Errorf("%d page requests, want 3 (one per entry, once)", n)
	}
}

// TestFeedsListRemoveAndJSON: the feed is listed with its articles; an
// entry whose page is gone is saved from its summary and says so in
// "cable list --json"; removing the feed keeps its articles.
func TestFeedsListRemoveAndJSON(t *testing.T) {
	lib := feedsHome(t)
	srv := newFeedServer(t, "Talks Resume", "Ports Wait")
	srv.Remove("/ports-wait")
	if out, err := run(t, "feeds", "add", srv.URL+"/feed.xml", "--library", lib); err != nil {
		t.Fatalf("add: %v\n%s", err, out)
	}
	if out, err := run(t, "feeds", "update", "--library", lib); err != nil || out != "The Straits Review: 2 new (1 only a summary; its page is tried again daily)\n" {
		t.Fatalf("update: %v\n%q", err, out)
	}
	out, err := run(t, "feeds", "list", "--library", lib)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "NAME") || !strings.Contains(lines[1], "the-straits-review") ||
		!strings.Contains(lines[1], srv.URL+"/feed.xml") || !strings.Contains(lines[1], "  2") {
		t.Errorf("feeds list:\n%s", out)
	}
	out, err = run(t, "list", "--json", "--library", lib)
	if err != nil {
		t.Fatal(err)
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	found := map[string]map[string]any{}
	for _, a := range list {
		found[a["title"].(string)] = a
	}
	if a := found["Ports Wait"]; a == nil || a["summary_only"] != true || a["feed"] != "The Straits Review" {
		t.Errorf("the summarised entry: %v", a)
	}
	if a := found["Talks Resume"]; a == nil || a["summary_only"] != nil || a["feed"] != "The Straits Review" {
		t.Errorf("the whole entry: %v", a)
	}
	if out, err := run(t, "feeds", "remove", "the-straits-review", "--library", lib); err != nil || !strings.Contains(out, "its 2 articles stay") {
		t.Errorf("remove: %v\n%s", err, out)
	}
	if files, _ := filepath.Glob(filepath.Join(lib, "the-straits-review", "*.md")); len(files) != 2 {
		t.Errorf("after remove: %v", files)
	}
	if _, err := run(t, "feeds", "remove", "the-straits-review", "--library", lib); err == nil {
		t.Error("removing a feed not followed succeeded")
	}
}

// TestFeedsUpdateFailureExitsOne: a feed that cannot be reached says so
// in its line, and the command fails after updating the others.
func TestFeedsUpdateFailureExitsOne(t *testing.T) {
	lib := feedsHome(t)
	good := newFeedServer(t, "Talks Resume")
	dead := newFeedServer(t, "Never Seen")
	for _, s := range []*testsupport.Site{good, dead} {
		if out, err := run(t, "feeds", "add", s.URL+"/feed.xml", "--library", lib); err != nil {
			t.Fatalf("add: %v\n%s", err, out)
		}
	}
	dead.Close()
	out, err := run(t, "feeds", "update", "--library", lib)
	if err == nil || !strings.Contains(err.Error(), "1 of 2 feeds could not be updated") {
		t.Errorf("update: err %v", err)
	}
	if !strings.Contains(out, "The Straits Review: 1 new") || !strings.Contains(out, "The Straits Review-2: unreachable") && !strings.Contains(out, ": unreachable") {
		t.Errorf("update printed:\n%s", out)
	}
}

// TestFeedsOPML: an OPML file of nested folders is imported, and the
// export lists the same feeds as valid OPML 2.0.
func TestFeedsOPML(t *testing.T) {
	lib := feedsHome(t)
	opml := filepath.Join(t.TempDir(), "subs.opml")
	os.WriteFile(opml, []byte(`<?xml version="1.0"?><opml version="1.0"><head><title>Subs</title></head><body>
<outline text="Journals"><outline text="Foreign Affairs" type="rss" xmlUrl="https://fa.example/rss"/>
<outline text="Deep"><outline text="War on the Rocks" xmlUrl="https://wotr.example/feed"/></outline></outline>
<outline text="Local file" xmlUrl="file:///etc/passwd"/>
</body></opml>`), 0o644)
	out, err := run(t, "feeds", "import", opml, "--library", lib)
	if err != nil || !strings.Contains(out, "2 feeds added, 0 already followed") {
		t.Fatalf("import: %v\n%s", err, out)
	}
	if !strings.Contains(out, "1 outline skipped: their xmlUrl is not an http or https address") {
		t.Errorf("the file: outline was not reported as skipped:\n%s", out)
	}
	out, err = run(t, "feeds", "import", opml, "--library", lib)
	if err != nil || !strings.Contains(out, "0 feeds added, 2 already followed") {
		t.Errorf("import again: %v\n%s", err, out)
	}
	out, err = run(t, "feeds", "export", "--library", lib)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<?xml version="1.0" encoding="UTF-8"?>`, `<opml version="2.0">`, `xmlUrl="https://fa.example/rss"`, `text="War on the Rocks"`} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, "passwd") {
		t.Error("a file: address was followed")
	}
}

// TestFeedsMessages: a feed given to "feeds import" instead of an OPML
// list is told to use "feeds add"; "feeds add" without an address says
// how it is used.
func TestFeedsMessages(t *testing.T) {
	lib := feedsHome(t)
	rss := filepath.Join(t.TempDir(), "feed.xml")
	os.WriteFile(rss, []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>A feed</title><item><title>One</title><link>https://a.example/1</link></item></channel></rss>`), 0o644)
	_, err := run(t, "feeds", "import", rss, "--library", lib)
	if err == nil || !strings.Contains(err.Error(), `is a feed, not an OPML list of feeds: "cable feeds add URL"`) {
		t.Errorf("import of a feed: %v", err)
	}
	_, err = run(t, "feeds", "add", "--library", lib)
	if err == nil || err.Error() != "usage: cable feeds add URL (the address of a feed, or of a page that names one)" {
		t.Errorf("add without an address: %v", err)
	}
}

// TestLibraryDirAndUpdater: every command finds the library directory in
// one place (--library, or the default one), and the feeds commands and
// the library's u build their updater in one place, over an absolute
// directory.
func TestLibraryDirAndUpdater(t *testing.T) {
	getHome(t)
	if dir, err := (&env{library: "mine"}).libraryDir(); err != nil || dir != "mine" {
		t.Errorf("with --library: %q, %v", dir, err)
	}
	def := testHome(t).Library
	if dir, err := (&env{}).libraryDir(); err != nil || dir != def {
		t.Errorf("without --library: %q, %v; want %q", dir, err, def)
	}
	u := newFeedUpdater(&env{}, nil, nil, "mine")
	if !filepath.IsAbs(u.Dir) || filepath.Base(u.Dir) != "mine" || u.Client == nil {
		t.Errorf("updater %+v", u)
	}
}
