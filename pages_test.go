package main

// The fixtures in testdata/pages are saved pages in the shapes real sites
// use (a Wikipedia article, a news story, a think-tank brief, a blog post,
// a photo report, an essay without headings), each with the text a reader
// should get from it (NAME.expected.txt) and a few expectations
// (NAME.expect.json). These tests import each one as "cable import" does
// and print it as "cable read" does, and measure the result with the same
// functions as the corpus checker (go run ./scripts/corpus testdata/pages).

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"cable/articles"
	"cable/scripts/corpus/pagecheck"
)

// readPage is a fixture imported and printed.
type readPage struct {
	name     string
	html     string // the saved page
	expect   pagecheck.Expect
	expected []string // NAME.expected.txt, one paragraph a line
	entry    pagecheck.Entry
	path     string   // the imported article
	markdown string   // its text
	body     []string // "cable read --style notty --width 0", without the header
	body80   []string // the same at 80 columns
}

// pageFixtures are the saved pages in testdata/pages.
func pageFixtures(t *testing.T) []string {
	t.Helper()
	pages, err := filepath.Glob(filepath.Join("testdata", "pages", "*.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no fixtures in testdata/pages: %v", err)
	}
	return pages
}

// importPage imports one fixture into a library of its own and prints it,
// through cable's commands.
func importPage(t *testing.T, page string) readPage {
	t.Helper()
	base := strings.TrimSuffix(page, filepath.Ext(page))
	p := readPage{name: filepath.Base(base)}
	saved, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	p.html = string(saved)
	if p.expect, err = pagecheck.ReadExpect(base + ".expect.json"); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(base + ".expected.txt")
	if err != nil {
		t.Fatal(err)
	}
	p.expected = strings.Split(strings.TrimSpace(string(data)), "\n")

	lib := t.TempDir()
	out, errOut, err := runSplit(t, "import", page, "--library", lib)
	if err != nil {
		t.Fatalf("cable import %s: %v\n%s", page, err, errOut)
	}
	p.path = strings.TrimSpace(out)
	md, err := os.ReadFile(p.path)
	if err != nil {
		t.Fatalf("cable import %s printed %q: %v", page, out, err)
	}
	p.markdown = string(md)

	out, errOut, err = runSplit(t, "list", "--json", "--library", lib)
	if err != nil {
		t.Fatalf("cable list --json: %v\n%s", err, errOut)
	}
	var entries []pagecheck.Entry
	if err := json.Unmarshal([]byte(out), &entries); err != nil {
		t.Fatalf("cable list --json: %v\n%s", err, out)
	}
	i := slices.IndexFunc(entries, func(e pagecheck.Entry) bool { return e.Origin == p.path })
	if i < 0 {
		t.Fatalf("cable list --json does not list %s:\n%s", p.path, out)
	}
	p.entry = entries[i]
	if p.entry.Error != "" {
		t.Fatalf("cable list: %s: %s", p.path, p.entry.Error)
	}

	for _, width := range []string{"0", "80"} {
		out, errOut, err = runSplit(t, "read", p.entry.ID, "--library", lib, "--style", "notty", "--width", width)
		if err != nil {
			t.Fatalf("cable read %s --width %s: %v\n%s", p.entry.ID, width, err, errOut)
		}
		body := pagecheck.Body(strings.Split(out, "\n"), p.entry.HeaderBlocks())
		if width == "0" {
			p.body = body
		} else {
			p.body80 = body
		}
	}
	return p
}

// TestPagesImport: every fixture imports without an error, and "cable
// read" prints at least nine in ten of the words a reader should get
// (recall against NAME.expected.txt). Precision is held at a floor it
// already passes with link addresses still in the prose, so that no page
// can start printing its menus or comments unnoticed.
func TestPagesImport(t *testing.T) {
	for _, page := range pageFixtures(t) {
		t.Run(filepath.Base(page), func(t *testing.T) {
			p := importPage(t, page)
			recall, precision := pagecheck.Overlap(pagecheck.Words(p.expected), pagecheck.Words(p.body))
			if recall < 0.9 {
				t.Errorf("recall %.3f < 0.9: cable read lost the page's text\n%s", recall, strings.Join(p.body, "\n"))
			}
			if precision < 0.5 {
				t.Errorf("precision %.3f < 0.5: cable read printed much that is not the article\n%s", precision, strings.Join(p.body, "\n"))
			}
		})
	}
}

// strictCheck is one property every fixture should have.
type strictCheck struct {
	name  string
	check func(t *testing.T, p readPage)
}

// strictChecks are the properties issue 14 asks of real pages, measured
// as the corpus checker measures them.
var strictChecks = []strictCheck{
	{"no link address inside prose", func(t *testing.T, p readPage) {
		if n := pagecheck.ProseAddresses(p.body); n > 0 {
			t.Errorf("%d addresses inside prose:\n%s", n, strings.Join(p.body, "\n"))
		}
	}},
	{"no one-word line inside a paragraph at 80 columns", func(t *testing.T, p readPage) {
		if n := pagecheck.Stranded(p.body80); n > 0 {
			t.Errorf("%d one-word lines:\n%s", n, strings.Join(p.body80, "\n"))
		}
	}},
	{"precision of at least 0.95 once addresses are out", func(t *testing.T, p readPage) {
		if _, precision := pagecheck.Overlap(pagecheck.Words(p.expected), pagecheck.Words(p.body)); precision < 0.95 {
			t.Errorf("precision %.3f < 0.95\n%s", precision, strings.Join(p.body, "\n"))
		}
	}},
	{"no site furniture in section titles or headings", func(t *testing.T, p readPage) {
		for _, title := range append(slices.Clone(p.entry.Sections), pagecheck.HeadingLines(p.body)...) {
			if pagecheck.Furniture(title) {
				t.Errorf("furniture in %q", title)
			}
		}
		for _, title := range pagecheck.TopHeadings(p.markdown).Titles {
			if pagecheck.Furniture(title) {
				t.Errorf("the imported Markdown keeps furniture in the heading %q", title)
			}
		}
	}},
	{"no section is a heading with nothing under it", func(t *testing.T, p readPage) {
		a, err := articles.Parse(p.path, []byte(p.markdown), "imported")
		if err != nil {
			t.Fatal(err)
		}
		for i, s := range a.Sections {
			if s.Kind != articles.Lede && len(s.Blocks) < 2 {
				t.Errorf("section %d %q is empty", i+1, a.SectionTitle(i))
			}
		}
	}},
	{"the top heading level makes the sections", func(t *testing.T, p readPage) {
		got, want := p.entry.ContentSections(), p.expect.Sections
		if p.entry.HasNotes() { // the notes section stands for "References"
			got, want = pagecheck.WithoutNotes(got), pagecheck.WithoutNotes(want)
		}
		if !slices.Equal(got, want) {
			t.Errorf("sections %q, want %q (all: %q)", got, want, p.entry.Sections)
		}
	}},
	{"every heading of the article is printed", func(t *testing.T, p readPage) {
		for _, h := range pagecheck.BodyHeadings(p.html, p.body) {
			if !h.Printed && (len(pagecheck.WithoutNotes([]string{h.Title})) > 0 || !p.entry.HasNotes()) {
				t.Errorf("the h%d %q is missing from the printed text", h.Level, h.Title)
			}
		}
	}},
	{"the byline as written, and no \"Author unknown\"", func(t *testing.T, p readPage) {
		if !pagecheck.SameAuthors(p.entry.Author, p.expect.Author) {
			t.Errorf("author %q, want %q", p.entry.Author, p.expect.Author)
		}
	}},
	{"every picture one [Figure: …] line", func(t *testing.T, p readPage) {
		if p.expect.Figures == nil {
			return
		}
		if n := pagecheck.Figures(p.body); n != *p.expect.Figures {
			t.Errorf("%d [Figure…] lines, want %d\n%s", n, *p.expect.Figures, strings.Join(p.body, "\n"))
		}
	}},
}

// TestPagesReadCleanly holds the fixtures to what issue 14 asks of real
// pages: no address inside prose, no furniture in titles, sections from
// the top heading level in use (h3 in the think-tank brief), bylines as
// written and figures as one line each.
func TestPagesReadCleanly(t *testing.T) {
	for _, page := range pageFixtures(t) {
		p := importPage(t, page)
		for _, c := range strictChecks {
			t.Run(p.name+"/"+c.name, func(t *testing.T) { c.check(t, p) })
		}
	}
}

// paragraphStatus is the status line of an article read paragraph by
// paragraph: "¶4/11 · 42% · 2 min left".
var paragraphStatus = regexp.MustCompile(`¶(\d+)/(\d+)`)

// TestPagesWithoutHeadingsWalkByParagraph: a page without headings opens
// in the reader with the status "¶1/N", N its paragraphs, and "]" moves to
// the next paragraph. It runs the real binary in tmux.
func TestPagesWithoutHeadingsWalkByParagraph(t *testing.T) {
	for _, page := range pageFixtures(t) {
		p := importPage(t, page)
		if !p.expect.Headingless {
			continue
		}
		// No subtests: a tmux session is named after its test, and a
		// subtest's name holds a "/".
		if got := p.entry.ContentSections(); len(got) != 0 {
			t.Errorf("%s: a page without headings has the sections %q", p.name, got)
		}
		term := startCable(t, p.path)
		rows := term.waitUntil(p.name+" with the status ¶1/N", patience, func(rows []string) bool {
			m := paragraphStatus.FindStringSubmatch(statusLine(rows))
			return m != nil && m[1] == "1"
		})
		n := paragraphStatus.FindStringSubmatch(statusLine(rows))[2]
		if p.name == "noheadings" && n != "13" {
			t.Errorf("status %q: the essay has 13 paragraphs", statusLine(rows))
		}
		term.sendKey("]")
		term.waitFor("¶2/"+n, patience)
	}
}
