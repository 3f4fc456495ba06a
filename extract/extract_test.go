package extract_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"cable/articles"
	"cable/extract"
	"cable/internal/testsupport"
	"cable/library"
)

// importDir holds the import fixtures.
const importDir = "testdata/import"

// fixture is the path of an import fixture.
func fixture(name string) string { return filepath.Join(importDir, name) }

// mustImport imports a file that must import, and parses the result as
// cable will, failing on any error or warning.
func mustImport(t *testing.T, path string) (*articles.Article, string, string) {
	t.Helper()
	c, name, err := library.ImportFile(path)
	if err != nil {
		t.Fatalf("library.ImportFile(%s): %v", path, err)
	}
	if len(c.Warnings) > 0 {
		t.Fatalf("library.ImportFile(%s) warns: %v", path, c.Warnings)
	}
	return testsupport.MustParseCleanly(t, path, c.Markdown), string(c.Markdown), name
}

// sectionTitles lists the titles as the table of contents shows them.
func sectionTitles(a *articles.Article) []string {
	titles := make([]string, len(a.Sections))
	for i := range a.Sections {
		titles[i] = a.SectionTitle(i)
	}
	return titles
}

// paragraphs lists the text of every block that is not a heading, in
// reading order, with the editor's note apart.
func paragraphs(a *articles.Article) (body, note []string) {
	for _, s := range a.Sections {
		blocks := s.Blocks
		if s.Kind != articles.Lede && len(blocks) > 0 {
			blocks = blocks[1:] // block 0 is the heading
		}
		for _, b := range blocks {
			if s.Kind == articles.EditorsNote {
				note = append(note, b.Text)
			} else {
				body = append(body, b.Text)
			}
		}
	}
	return body, note
}

// TestImportSeedMatchesBundledArticle imports the raw text of the first
// bundled article and compares it with the article cable ships.
func TestImportSeedMatchesBundledArticle(t *testing.T) {
	bundle, err := articles.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	want := bundle[0]
	got, _, name := mustImport(t, "../testdata/seed.txt")
	if got.Meta.Title != want.Meta.Title || got.Meta.Title != "How Deep Are Azerbaijan-Israel Relations?" {
		t.Errorf("title = %q, want %q", got.Meta.Title, want.Meta.Title)
	}
	gotBody, gotNote := paragraphs(got)
	wantBody, wantNote := paragraphs(want)
	if len(gotBody) != 11 {
		t.Errorf("got %d paragraphs, want 11", len(gotBody))
	}
	testsupport.CheckList(t, "paragraphs", gotBody, wantBody)
	testsupport.CheckList(t, "editor's note", gotNote, wantNote)
	testsupport.CheckList(t, "editor's note", gotNote, []string{
		"Eldar Mamedov is a political adviser to the Socialists & Democrats Group in the European Parliament, who writes in his personal capacity.",
	})
	testsupport.CheckList(t, "sections", sectionTitles(got), []string{"Opening", "Editor’s note"})
	c, _, _ := library.ImportFile("../testdata/seed.txt")
	md := c.Markdown
	for _, gone := range []string{"Updated on", "Originally published by", "Leave a Comment"} {
		if strings.Contains(string(md), gone) {
			t.Errorf("the import still contains %q", gone)
		}
	}
	// Block texts fold white space; the Markdown paragraphs themselves,
	// no-break spaces included, are byte for byte those of the bundled file.
	bundled, err := os.ReadFile("../articles/bundle/azerbaijan-israel-relations.md")
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := strings.Cut(string(md), "---\n\n")
	raw := strings.Split(strings.TrimSpace(body), "\n\n")
	if len(raw) != 11+2 || !strings.Contains(body, "\u00a0") {
		t.Fatalf("expected 11 paragraphs, a heading and the note, with no-break spaces:\n%s", body)
	}
	for _, p := range raw {
		if !strings.Contains(string(bundled), "\n"+p+"\n") {
			t.Errorf("paragraph not found byte for byte in the bundled article: %q", p)
		}
	}
	if name != "how-deep-are-azerbaijan-israel-relations.md" {
		t.Errorf("name = %q", name)
	}
}

// TestImportEveryFixtureParsesCleanly imports every fixture that should
// import and parses the result.
func TestImportEveryFixtureParsesCleanly(t *testing.T) {
	entries, err := os.ReadDir(importDir)
	if err != nil {
		t.Fatal(err)
	}
	failing := []string{"no-article.html", "bad-front-matter.md"}
	for _, e := range entries {
		if slices.Contains(failing, e.Name()) {
			continue
		}
		t.Run(e.Name(), func(t *testing.T) {
			mustImport(t, fixture(e.Name()))
		})
	}
}

// TestRenderArticleQuotesValues writes hostile values into front matter
// and reads them back unchanged.
func TestRenderArticleQuotesValues(t *testing.T) {
	for _, v := range []string{
		`Iran: "maximum pressure" #2`, "null", "~", "true", "no", "2013-05-01", "- item", "[a, b]", "{a: b}",
		"&anchor", "*alias", "!tag", "%YAML", "@at", "`tick`", "'single'", "a\\b", "back\\", "tab\there",
		"line\u2028separator", "bom\ufeff", "no\u00a0break", "emoji 😀", "ends with colon:", "| literal", "> folded",
		"key: value # comment", "\u200bzero width", "\U000e0001tag",
	} {
		m := articles.Meta{Title: v, Author: v, Source: v, URL: v, Summary: v, Topics: []string{v, "x"}}
		md := extract.RenderArticle(m, "Text.")
		a := testsupport.MustParseCleanly(t, "q.md", md)
		want := extract.OneLine(v)
		if a.Meta.Title != want || a.Meta.Author != want || a.Meta.Summary != want || a.Meta.Topics[0] != want {
			t.Errorf("%q read back as %+v from\n%s", v, a.Meta, md)
		}
	}
}

// fuzzSeeds are the fixtures, made small: text lines and HTML text runs
// longer than limit bytes are cut short, so that they keep their structure
// (titles, bylines, notes, furniture, tags) but the fuzzer, which minimises
// every new input it finds, spends its time on new inputs rather than on
// shortening long paragraphs.
func fuzzSeeds(f *testing.F, limit int, names ...string) {
	longText := regexp.MustCompile(`[^<>\n]{` + strconv.Itoa(limit) + `,}`)
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(longText.ReplaceAllFunc(data, func(run []byte) []byte {
			cut := limit
			for cut > 0 && !utf8.RuneStart(run[cut]) {
				cut--
			}
			return run[:cut]
		}))
	}
}

// FuzzImportText feeds arbitrary text to the text import: it either fails
// with an error naming the file, or gives an article that parses without
// errors or warnings and keeps its title.
func FuzzImportText(f *testing.F) {
	fuzzSeeds(f, 60, "../testdata/seed.txt", fixture("hard-wrapped.txt"), fixture("inline-note.txt"))
	f.Add([]byte("Title\n\n# heading\n\n- item\n\n1) x\n\n> q\n\n<!--\n\n[a]: b\n\n: d\n\nEditor's note: x\n"))
	f.Add([]byte("null\nBy \"Q\" #1\nPublished on 31 Feb 2020\n\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		md, title, err := extract.ImportText("fuzz.txt", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.txt: ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		a := testsupport.MustParseCleanly(t, "fuzz.txt", md)
		if a.Meta.Title != title {
			t.Fatalf("title %q read back as %q", title, a.Meta.Title)
		}
	})
}

// FuzzImportHTML feeds arbitrary pages to the HTML import: it either fails
// with an error naming the file, or gives an article that parses without
// errors or warnings and keeps its title. A panic inside the HTML libraries,
// which importHTML turns into an error, fails the fuzz test too.
func FuzzImportHTML(f *testing.F) {
	fuzzSeeds(f, 40, fixture("news-page.html"), fixture("minimal-page.html"), fixture("no-article.html"))
	f.Add([]byte("<title>T</title><h2>A</h2><p>x</p><h2>a</h2><h1>Editor's note</h1><p>y</p><h2>Editors note</h2>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		md, title, err := extract.ImportHTML("fuzz.html", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.html: ") || strings.Contains(err.Error(), "internal error") {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		a := testsupport.MustParseCleanly(t, "fuzz.html", md)
		if a.Meta.Title != title {
			t.Fatalf("title %q read back as %q", title, a.Meta.Title)
		}
	})
}

// TestAuthorFromByline checks what a byline gives as the author: several
// names kept as written, staff and agency bylines kept, placeholders
// that name no one never shown.
func TestAuthorFromByline(t *testing.T) {
	tests := map[string]string{
		"By Jane Doe":                      "Jane Doe",
		"Jane Doe and John Roe":            "Jane Doe and John Roe",
		"By Jane Doe and John Roe":         "Jane Doe and John Roe",
		"by Ana Silva, Li Wei and Sam Poe": "Ana Silva, Li Wei and Sam Poe",
		"Jane Doe & John Roe":              "Jane Doe & John Roe",
		"By Our Foreign Staff":             "Our Foreign Staff",
		"Reuters":                          "Reuters",
		"AP":                               "AP",
		"By Staff Reporter":                "Staff Reporter",
		"Author unknown":                   "",
		"Unknown":                          "",
		"unknown author":                   "",
		"By Anonymous":                     "",
		"Anonymous.":                       "",
		"(Unknown)":                        "",
		"By admin":                         "",
		"N/A":                              "",
		"  ":                               "",
		"By " + strings.Repeat("very long sentence ", 8): "",
		"Carrie ArnoldNovember 15, 2019":                 "Carrie Arnold",
		"Jeff FoustMonday, November 18, 2019":            "Jeff Foust",
		"By Ana Silva · Sept. 3, 2024":                   "Ana Silva",
		"Li Wei 2024-03-01T10:00":                        "Li Wei",
		"By":                                             "",
		"Bradley M. Kuhn (http://ebb.org/bkuhn/)":        "Bradley M. Kuhn",
		"Sam Poe <sam@example.org>":                      "Sam Poe",
		"May Smith":                                      "May Smith",
	}
	for in, want := range tests {
		if got := extract.AuthorFromByline(in); got != want {
			t.Errorf("AuthorFromByline(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestImportBylines checks the author of imported pages whose byline is
// in the page's metadata or text.
func TestImportBylines(t *testing.T) {
	prose := strings.Repeat("The ministry said the talks would resume within a year. ", 6)
	page := func(head, byline string) string {
		return `<html><head><title>Straits</title>` + head + `</head><body><article><h1>Straits</h1>` + byline +
			`<p>` + prose + `</p><p>` + prose + `</p></article></body></html>`
	}
	tests := []struct {
		name, page, want string
	}{
		{"two authors in a meta tag", page(`<meta name="author" content="Jane Doe and John Roe">`, ""), "Jane Doe and John Roe"},
		{"three authors in a byline", page("", `<p class="byline">By Ana Silva, Li Wei and Sam Poe</p>`), "Ana Silva, Li Wei and Sam Poe"},
		{"an agency in a meta tag", page(`<meta name="author" content="AP">`, ""), "AP"},
		{"a placeholder in a meta tag", page(`<meta name="author" content="Author unknown">`, ""), ""},
		{"a placeholder byline", page("", `<p class="byline">By Unknown</p>`), ""},
		{"an anonymous byline in the text", page("", `<p>By Anonymous</p>`), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			md, _, err := extract.ImportHTML("page.html", []byte(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			a := testsupport.MustParseCleanly(t, "page.html", md)
			if a.Meta.Author != tt.want {
				t.Errorf("author = %q, want %q\n%s", a.Meta.Author, tt.want, md)
			}
		})
	}
}

// TestStaffBylineFromTheMetadata: a page whose byline is only in its
// metadata (a staff byline the Telegraph marks in <meta name="DCSext.author">
// and itemprop="author") keeps it as the author.
func TestStaffBylineFromTheMetadata(t *testing.T) {
	page := `<!DOCTYPE html><html lang="en"><head><title>Talks resume</title>
<meta name="DCSext.author" content="Our Foreign Staff"></head><body>
<article><h1>Talks resume</h1><p>` + strings.Repeat("The delegations met again and agreed on little but the date of the next round. ", 12) + `</p>
<p>` + strings.Repeat("Officials said the talks would go on for as long as it took. ", 10) + `</p></article></body></html>`
	for _, p := range []string{page, strings.Replace(page, `<meta name="DCSext.author" content="Our Foreign Staff">`, "", 1) + `<span itemprop="author">Our Foreign Staff</span>`} {
		c, err := extract.Article("talks.html", []byte(p))
		if err != nil {
			t.Fatal(err)
		}
		m, _ := articles.ReadMeta(c.Markdown)
		if m.Author != "Our Foreign Staff" {
			t.Errorf("author %q; want the staff byline the page's metadata gives\n%s", m.Author, c.Markdown)
		}
	}
}

// TestFurnitureLeftOut: an author box's links, pull quotes (which repeat
// a line of the text, set large) and a table's footer that repeats its
// header are no part of the article.
func TestFurnitureLeftOut(t *testing.T) {
	quote := "The ports will not wait for the talks to end."
	body := strings.Repeat("The delegations met again and agreed on little but the date of the next round. ", 10)
	page := `<!DOCTYPE html><html lang="en"><head><title>Ports wait</title></head><body><article><h1>Ports wait</h1>
<p>` + body + `</p><p>` + quote + ` ` + body + `</p>
<blockquote class="pull-quote">` + quote + `</blockquote>
<table><tr><td class="pullquote">` + quote + `</td></tr></table>
<p>` + body + `</p>
<table><thead><tr><th>Port</th><th>Ships</th></tr></thead><tbody><tr><td>Odesa</td><td>12</td></tr><tr><td>Izmail</td><td>7</td></tr></tbody>
<tfoot><tr><th>Port</th><th>Ships</th></tr></tfoot></table>
<p>• View author archive</p><p>• email the author</p><p>• follow on twitter</p>
</article></body></html>`
	c, err := extract.Article("ports.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	md := string(c.Markdown)
	if n := strings.Count(md, quote); n != 1 {
		t.Errorf("the pulled line stands %d times; want once, in the text:\n%s", n, md)
	}
	if n := strings.Count(md, "Port"); n != 2 { // the title's "Ports", and the header once
		t.Errorf("the table's header stands %d times:\n%s", n-1, md)
	}
	for _, line := range []string{"author archive", "email the author", "follow on twitter"} {
		if strings.Contains(strings.ToLower(md), line) {
			t.Errorf("%q is left in the article:\n%s", line, md)
		}
	}
}

// TestCaptionWithoutItsCredit: a figure's caption leaves out the credit a
// page sets beside it, with no space between.
func TestCaptionWithoutItsCredit(t *testing.T) {
	body := strings.Repeat("The delegations met again and agreed on little but the date of the next round. ", 12)
	page := `<!DOCTYPE html><html lang="en"><head><title>Talks</title><link rel="canonical" href="https://example.org/talks"></head><body><article><h1>Talks</h1>
<p>` + body + `</p><figure><img src="https://example.org/a.jpg" alt=""><figcaption><span>The delegations met this week.</span><span class="css-credit"><span class="visually-hidden">Credit...</span>Anna Moneymaker for The Times</span></figcaption></figure>
<p>` + body + `</p></article></body></html>`
	c, err := extract.Article("talks.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	md := string(c.Markdown)
	if !strings.Contains(md, "![The delegations met this week.](https://example.org/a.jpg)") || strings.Contains(md, "Credit") {
		t.Errorf("the figure:\n%s", md)
	}
}

// TestTitleFromTheArticlesHeading: a page whose <title> is the article's
// heading and its rubric ("Turkey's Balancing Act | Policy Brief") takes
// the heading for its title, though the site's logo is the page's first
// <h1>; the article's own subheads make its sections.
func TestTitleFromTheArticlesHeading(t *testing.T) {
	body := strings.Repeat("Turkey balances its ties with Russia and the West, buying gas from one and selling drones to the other. ", 8)
	page := `<!DOCTYPE html><html lang="en"><head><title>Turkey's Balancing Act | Policy Brief</title><meta property="og:site_name" content="Meridian Institute"></head><body>
<header><div class="logo"><h1>Meridian Institute</h1></div></header>
<main><article><h1>Turkey's Balancing Act</h1><p>` + body + `</p><h3>Energy</h3><p>` + body + `</p><h3>Defence</h3><p>` + body + `</p></article></main></body></html>`
	c, err := extract.Article("brief.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	a := testsupport.MustParseCleanly(t, "brief.md", c.Markdown)
	if a.Meta.Title != "Turkey's Balancing Act" {
		t.Errorf("title %q; want the article's heading", a.Meta.Title)
	}
	var titles []string
	for i := range a.Sections {
		titles = append(titles, a.SectionTitle(i))
	}
	if !slices.Contains(titles, "Energy") || !slices.Contains(titles, "Defence") || slices.Contains(titles, "Turkey's Balancing Act") {
		t.Errorf("sections %q; want Energy and Defence, and not the title again", titles)
	}
}
