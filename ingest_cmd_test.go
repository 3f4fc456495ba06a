package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cable/articles"
	"cable/config"
	"cable/internal/testsupport"
	"cable/library"
)

// The saving pipeline as the commands use it: one article per piece,
// whichever way it came in, binary input refused, summaries growing up.

// longPage is a page with enough text for its print to tell it.
func longPage(title string) string {
	para := strings.Repeat("The delegations met again in the old port town and agreed on the order of the talks but on little else. ", 6)
	return `<!DOCTYPE html><html lang="en"><head><title>` + title + `</title></head><body><nav>Home</nav><article><h1>` + title +
		`</h1><p>` + para + `</p><p>` + para + `</p></article></body></html>`
}

// newPublication serves a feed of one entry, /talks, linked with a
// tracking parameter; its page is set when up.
func newPublication(t *testing.T, up bool) *testsupport.Site {
	p := testsupport.NewSite(t)
	p.SetFeed("/feed.xml", testsupport.RSSFeed("Port Review", testsupport.Item{"Talks resume", p.Link("/talks?utm_source=rss"), "The talks resume."}), "", "")
	if up {
		p.SetPage("/talks", longPage("Talks resume"))
	}
	return p
}

// TestImportTwiceSaysWhereItIs: a page imported twice is saved once; the
// second import says where it is and exits 0; --again keeps a copy.
func TestImportTwiceSaysWhereItIs(t *testing.T) {
	lib, _ := getHome(t)
	page := writeFile(t, filepath.Join(t.TempDir(), "talks.html"), longPage("Talks resume"))
	first, _, err := runSplit(t, "import", page, "--library", lib)
	if err != nil {
		t.Fatal(err)
	}
	saved := strings.TrimSpace(first)
	out, _, err := runSplit(t, "import", page, "--library", lib)
	want := page + ": already in the library: talks-resume (" + saved + ")\n"
	if err != nil || out != want {
		t.Errorf("second import: %v\n%q\nwant %q", err, out, want)
	}
	if files := libraryFiles(t, lib); len(files) != 1 {
		t.Errorf("library holds %v", files)
	}
	if _, _, err := runSplit(t, "import", "--again", page, "--library", lib); err != nil {
		t.Fatal(err)
	}
	if files := libraryFiles(t, lib); len(files) != 2 {
		t.Errorf("with --again the library holds %v, want two copies", files)
	}
}

// TestImportRefusesBinary: a program renamed .md is refused with the
// reason "cable read" gives, exit 1, and nothing is written.
func TestImportRefusesBinary(t *testing.T) {
	lib, _ := getHome(t)
	elf := filepath.Join(t.TempDir(), "notes.md")
	if err := os.WriteFile(elf, append([]byte("\x7fELF\x02\x01\x01"), make([]byte, 64)...), 0o755); err != nil {
		t.Fatal(err)
	}
	_, stderr, err := runSplit(t, "import", elf, "--library", lib)
	if err == nil || !strings.Contains(err.Error(), elf+":1: "+articles.BinaryMsg) {
		t.Errorf("import: %v (stderr %q)", err, stderr)
	}
	_, _, rerr := runSplit(t, "read", elf)
	if rerr == nil || !strings.Contains(rerr.Error(), articles.BinaryMsg) {
		t.Errorf("read gives %v; import must give the same reason", rerr)
	}
	if files := libraryFiles(t, lib); len(files) != 0 {
		t.Errorf("written: %v", files)
	}
}

// TestGetThenFeedSavesOnce: a page got, then carried by a feed under a
// tracking parameter, is one article; and the other way round.
func TestGetThenFeedSavesOnce(t *testing.T) {
	for _, getFirst := range []bool{true, false} {
		t.Run(fmt.Sprintf("get first %v", getFirst), func(t *testing.T) {
			lib, _ := getHome(t)
			p := newPublication(t, true)
			get := func() string {
				out, err := run(t, "get", p.URL+"/talks", "--library", lib)
				if err != nil {
					t.Fatal(err)
				}
				return out
			}
			if _, err := run(t, "feeds", "add", p.URL+"/feed.xml", "--library", lib); err != nil {
				t.Fatal(err)
			}
			if getFirst {
				get()
			}
			out, err := run(t, "feeds", "update", "--library", lib)
			if err != nil {
				t.Fatal(err)
			}
			wantNew := "1 new"
			if getFirst {
				wantNew = "0 new"
			}
			if !strings.Contains(out, wantNew) {
				t.Errorf("feeds update: %q, want %q", out, wantNew)
			}
			if !getFirst {
				if out := get(); !strings.Contains(out, "already in the library") {
					t.Errorf("get after the feed: %q", out)
				}
			}
			if files := libraryFiles(t, lib); len(files) != 1 {
				t.Errorf("library holds %v, want one article", files)
			}
		})
	}
}

// TestGetGrowsASummary: a feed entry whose page failed is saved as a
// summary; "cable get" of its address once the page is back replaces it
// in place: same path, same ID, whole text; reimport can redo it.
func TestGetGrowsASummary(t *testing.T) {
	lib, _ := getHome(t)
	p := newPublication(t, false)
	if _, err := run(t, "feeds", "add", p.URL+"/feed.xml", "--library", lib); err != nil {
		t.Fatal(err)
	}
	if out, err := run(t, "feeds", "update", "--library", lib); err != nil || !strings.Contains(out, "1 new") {
		t.Fatalf("update: %v %q", err, out)
	}
	files := libraryFiles(t, lib)
	if len(files) != 1 || !readMeta(t, files[0]).SummaryOnly {
		t.Fatalf("want one summary, have %v", files)
	}
	if out, err := run(t, "read", files[0]); err != nil || !strings.Contains(out, "Summary only:") || !strings.Contains(out, "the page could not be fetched") {
		t.Errorf("read of a summary does not say it is one: %v\n%s", err, out)
	}
	// The summary was opened and read to its end: finished, its place kept.
	places, _ := config.ResolvePlaces("")
	store, _, err := library.Open(places.DB)
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(files[0])
	place := articles.Position{Section: 0, Block: 0, Offset: 4}
	if err := store.SaveReading(library.Reading{Key: abs, Position: place, Progress: 100, Finished: true, LastRead: time.Now()}); err != nil {
		t.Fatal(err)
	}
	store.ClearNew(abs)
	store.Close()
	p.SetPage("/talks", longPage("Talks resume"))
	out, err := run(t, "get", p.URL+"/talks", "--library", lib)
	if err != nil || !strings.Contains(out, files[0]) || !strings.Contains(out, "in place of its summary") {
		t.Fatalf("get: %v\n%s", err, out)
	}
	if now := libraryFiles(t, lib); len(now) != 1 || now[0] != files[0] {
		t.Errorf("library holds %v, want %s", now, files[0])
	}
	if m := readMeta(t, files[0]); m.SummaryOnly || m.Feed != "Port Review" {
		t.Errorf("the article is still a summary, or lost its feed: %+v", m)
	}
	if out, err := run(t, "reimport", "--library", lib); err != nil || !strings.Contains(out, "1 unchanged") {
		t.Errorf("reimport: %v\n%s", err, out)
	}
	// Nothing of the whole article has been read: not finished, new, and
	// the place where the reader was.
	var listed []struct {
		Progress int  `json:"progress"`
		Finished bool `json:"finished"`
		New      bool `json:"new"`
	}
	out, _ = run(t, "list", "--json", "--library", lib)
	if err := json.Unmarshal([]byte(out), &listed); err != nil {
		t.Fatal(err)
	}
	last := listed[len(listed)-1]
	if last.Finished || last.Progress != 0 || !last.New {
		t.Errorf("the grown article is listed %+v; want unread and new", last)
	}
	store, _, _ = library.Open(places.DB)
	defer store.Close()
	if r, ok, _ := store.Reading(abs); !ok || r.Position != place {
		t.Errorf("the place was lost: %+v, %v", r, ok)
	}
}

// libraryFiles are the articles in the library, in its folders too.
func libraryFiles(t *testing.T, lib string) []string {
	t.Helper()
	top := articleFiles(t, lib)
	inFolders, _ := filepath.Glob(filepath.Join(lib, "*", "*.md"))
	return append(top, inFolders...)
}
