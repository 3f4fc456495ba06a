package extract_test

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"cable/articles"
	"cable/extract"
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
	return mustParseCleanly(t, path, c.Markdown), string(c.Markdown), name
}

// mustParseCleanly parses an import as cable will, failing on any error
// or warning: every import must read without complaint.
func mustParseCleanly(t *testing.T, path string, md []byte) *articles.Article {
	t.Helper()
	a, err := articles.Parse(path, md, "imported")
	if err != nil {
		t.Fatalf("%s imports to an article that does not parse: %v\n%s", path, err, md)
	}
	if len(a.Warnings) > 0 {
		t.Fatalf("%s imports to an article with warnings: %v\n%s", path, a.Warnings, md)
	}
	return a
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

// TestImportNewsPage imports a saved news page full of furniture and
// checks the front matter, the sections, the links, and that none of the
// furniture came through.
func TestImportNewsPage(t *testing.T) {
	a, md, name := mustImport(t, fixture("news-page.html"))
	want := articles.Meta{
		Title:     "The Harbour Question: Why Small Black Sea Ports Matter Again",
		Author:    "Jane Q. Analyst",
		Source:    "The Meridian Review",
		URL:       "https://www.meridian-review.example/analysis/2024/03/black-sea-harbours",
		Published: "2024-03-14",
		Language:  "en",
	}
	if !reflect.DeepEqual(a.Meta, want) {
		t.Errorf("front matter:\n got %+v\nwant %+v", a.Meta, want)
	}
	if name != "the-harbour-question-why-small-black-sea-ports-matter-again.md" {
		t.Errorf("name = %q", name)
	}
	check(t, "sections", sectionTitles(a), []string{
		"Opening", "From backwater to bottleneck", "Who pays for the cranes", "What Brussels and Ankara should do",
	})
	for _, banned := range []string{
		"cookie", "Cookie", "Share on", "Subscribe", "Related articles", "Danube corridor, mile by mile",
		"HarbourWatcher", "Fascinating piece", "Petra from Varna", "customs office really does close",
		"Comments", "<script", "function(", "dataLayer", "Sign in", "Search the Review", "All rights reserved",
		"Podcasts", "Morning Brief", "Email address", "Container cranes on a quay at dusk",
		"Jane Q. Analyst\n", "By Jane", "14 March 2024", "](/", "](..",
	} {
		if strings.Contains(md, banned) {
			t.Errorf("the import contains %q:\n%s", banned, md)
		}
	}
	for _, wanted := range []string{
		"[the Danube corridor](https://www.meridian-review.example/analysis/2023/11/danube-corridor)",
		"[Commission’s connectivity strategy](https://www.meridian-review.example/analysis/policy/connectivity)",
		"> “We were designed to move timber",
		"- Chinese lenders, whose interest has cooled but not disappeared;",
		// The figure is one image, its caption its text.
		"\n![Container cranes on the quay at Constanța.](https://www.meridian-review.example/images/constanta-cranes.jpg)\n",
	} {
		if !strings.Contains(md, wanted) {
			t.Errorf("the import lacks %q:\n%s", wanted, md)
		}
	}
	if n := strings.Count(md, want.Title); n != 1 {
		t.Errorf("the title appears %d times; the <h1> must not be repeated in the body:\n%s", n, md)
	}
	if words := a.Words(); words < 550 || words > 650 {
		t.Errorf("the article has %d words; the fixture's text has about 600", words)
	}
}

// TestImportMinimalPage checks that a page with no metadata gets a title
// and nothing invented.
func TestImportMinimalPage(t *testing.T) {
	a, _, name := mustImport(t, fixture("minimal-page.html"))
	if want := (articles.Meta{Title: "Notes on the Arctic Council after the Pause"}); !reflect.DeepEqual(a.Meta, want) {
		t.Errorf("front matter: got %+v, want only the title", a.Meta)
	}
	body, note := paragraphs(a)
	if len(body) != 3 || note != nil {
		t.Errorf("got %d paragraphs and note %q, want 3 and none", len(body), note)
	}
	if !strings.HasPrefix(body[1], "The pause in the council’s work after 2022") {
		t.Errorf("second paragraph = %q", body[1])
	}
	if name != "notes-on-the-arctic-council-after-the-pause.md" {
		t.Errorf("name = %q", name)
	}
}

// TestImportPageWithoutArticleFails checks that a page with only a form
// fails with an error naming the file.
func TestImportPageWithoutArticleFails(t *testing.T) {
	path := fixture("no-article.html")
	_, _, err := library.ImportFile(path)
	want := path + ": no article found in the page"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("err = %v, want it to start with %q", err, want)
	}
}

// TestImportEncyclopediaShapedPage imports a page shaped like a Wikipedia
// article: its contents box, the "[edit]" links in its headings, the
// empty References heading and the "^ a b" ways back from its notes go;
// its links are made absolute from its canonical address.
func TestImportEncyclopediaShapedPage(t *testing.T) {
	a, md, _ := mustImport(t, fixture("encyclopedia-page.html"))
	check(t, "sections", sectionTitles(a), []string{"Opening", "History", "Ports", "Notes"})
	for _, s := range []string{
		"[Caspian Sea](https://en.freepedia.example/wiki/Caspian_Sea \"Caspian Sea\")",
		"[the history above](https://en.freepedia.example/wiki/Caspian_Sea_shipping#History)",
		"[^2]: Karimov, T. \"Locks and limits\".",
		"[^1]: Ivanova, M. (2011).",
	} {
		if !strings.Contains(md, s) {
			t.Errorf("lacks %q:\n%s", s, md)
		}
	}
	for _, s := range []string{"Contents", "edit", "^ ", "]: ^", "References", "file:", "Main page", "Categories"} {
		if strings.Contains(md, s) {
			t.Errorf("contains %q:\n%s", s, md)
		}
	}
}

// TestImportBlogShapedPage imports a page shaped like a blog post saved
// from a static site, which gives no address of its own: its relative
// links, one in a heading, are dropped and their text kept, its
// "Contents" list goes, and so do the "↩" links back from its notes.
func TestImportBlogShapedPage(t *testing.T) {
	a, md, _ := mustImport(t, fixture("blog-page.html"))
	check(t, "sections", sectionTitles(a), []string{"Opening", "The route", "The insurers", "Notes"})
	for _, s := range []string{
		"promises made to the Secretary-General and to Turkey",
		"described in the joint centre's notice, and the inspections in an earlier note.[^2]",
		"[London market](https://lloyds.example/market)",
		"[^1]: The memorandum was signed in Istanbul in July 2022.\n",
		"[^2]: See also the inspection log, kept by the author.\n",
		"\n## The route\n",
	} {
		if !strings.Contains(md, s) {
			t.Errorf("lacks %q:\n%s", s, md)
		}
	}
	for _, s := range []string{"Contents", "file:", ".html", "](#", "↩", "About"} {
		if strings.Contains(md, s) {
			t.Errorf("contains %q:\n%s", s, md)
		}
	}
}

// TestImportHTMLDetails covers the HTML rules one at a time.
func TestImportHTMLDetails(t *testing.T) {
	tests := []struct {
		name, page string
		meta       articles.Meta
		sections   []string
		has, lacks []string
	}{
		{
			name: "headings used twice and a second editor's note become sub-headings",
			page: `<html lang="fr-CA"><head><title>Deux notes</title></head><body><article>` +
				`<h1>Deux notes</h1><p>` + prose + `</p><h2>Notes</h2><p>Un.</p><h2>Notes</h2><p>Deux.</p>` +
				`<h2>Editor's note</h2><p>A.</p><h2>Editor’s Note</h2><p>B.</p></article></body></html>`,
			meta:     articles.Meta{Title: "Deux notes", Language: "fr"},
			sections: []string{"Opening", "Notes", "Editor's note"},
			has:      []string{"### Notes", "### Editor’s Note"},
		},
		{
			name: "site name stripped from the title, og:url as the URL, author from meta",
			page: `<html><head><title>x</title><meta property="og:title" content="On Straits - The Review">` +
				`<meta property="og:site_name" content="The Review"><meta name="author" content="By Ann Lee and Bo Chan">` +
				`<meta property="og:url" content="https://review.example/straits"></head><body>` +
				`<p>` + prose + ` See <a href="notes/1">the notes</a>.</p></body></html>`,
			meta: articles.Meta{Title: "On Straits", Author: "Ann Lee and Bo Chan", Source: "The Review", URL: "https://review.example/straits"},
			has:  []string{"[the notes](https://review.example/notes/1)"},
		},
		{
			name: "without the page's address, relative links are dropped and their text kept",
			page: `<html><head><title>Local links</title></head><body><article><p>` + prose +
				` See <a href="notes.html">the notes</a>, <a href="/about">us</a>, <a href="#part">below</a>, <a href="file:///home/me/x.html">my copy</a>,` +
				` <a href="javascript:void(0)">a script</a>, <a href="//cdn.example/a">that</a> and <a href="https://x.example/a">this</a>.</p>` +
				`<h2 id="part"><a href="#part">The part</a></h2><p>` + prose + `</p></article></body></html>`,
			meta:     articles.Meta{Title: "Local links"},
			sections: []string{"Opening", "The part"},
			has:      []string{"See the notes, us, below, my copy, a script, [that](https://cdn.example/a) and [this](https://x.example/a).", "## The part\n"},
			lacks:    []string{"file:", "notes.html", "](#", "](/", "javascript"},
		},
		{
			name: "with a canonical URL, relative and in-page links are made absolute from it",
			page: `<html><head><title>Linked</title><link rel="canonical" href="https://review.example/2024/straits"></head><body><article><p>` + prose +
				` See <a href="notes.html">the notes</a>, <a href="/about">us</a> and <a href="#part">below</a>.</p></article></body></html>`,
			meta: articles.Meta{Title: "Linked", URL: "https://review.example/2024/straits"},
			has:  []string{"[the notes](https://review.example/2024/notes.html)", "[us](https://review.example/about)", "[below](https://review.example/2024/straits#part)"},
		},
		{
			name: "a contents box, marked or under a Contents heading, is no section",
			page: `<html><head><title>Boxes</title></head><body><article><p>` + prose + `</p>` +
				`<div id="toc"><h2>Contents</h2><ul><li><a href="#a">1 Alpha</a></li></ul></div>` +
				`<div class="toc"><h2>Contents</h2><ul><li><a href="#a">Alpha</a></li></ul></div>` +
				`<nav id="toc"><h2>Contents</h2><ol><li><a href="#a">Alpha</a></li></ol></nav>` +
				`<h2>Table of contents</h2><ol><li><a href="#a"><span>1</span> Alpha</a><ol><li><a href="#b">1.1 Beta</a></li></ol></li></ol>` +
				`<p><strong>Contents:</strong></p><ul><li><a href="#a">Alpha</a></li></ul>` +
				`<h2 id="a">Alpha</h2><p>` + prose + `</p><h2>Contents</h2><ul><li><a href="https://x.example/hold">The hold</a></li><li>Cargo</li></ul></article></body></html>`,
			meta:     articles.Meta{Title: "Boxes"},
			sections: []string{"Opening", "Alpha", "Contents"},
			has:      []string{"[The hold](https://x.example/hold)"},
			lacks:    []string{"Table of contents", "1 Alpha", "Beta", "Contents:"},
		},
		{
			name: "the ways back from notes go: ^ a b, ↩ in or out of a link, to this page's address",
			page: `<html><head><title>Back</title><link rel="canonical" href="https://blog.example/back"></head><body><article><p>` + prose +
				`<sup><a href="#n1">[1]</a></sup> More.<sup><a href="#n2">2</a></sup> And.<sup><a href="#n3">3</a></sup> End.<sup><a href="#n4">4</a></sup></p>` +
				`<ol><li id="n1"><span class="mw-cite-backlink">^ <a href="#r1a"><sup>a</sup></a> <a href="#r1b"><sup>b</sup></a></span> <span>Ivanova 2011.</span></li>` +
				`<li id="n2"><p>Karimov 2012. <a href="https://blog.example/back#r2">↩︎</a></p></li>` +
				`<li id="n3"><p>Lee 2013. ↩</p></li>` +
				`<li id="n4"><b><a href="#r4">^</a></b> Chan 2014.</li></ol></article></body></html>`,
			meta:  articles.Meta{Title: "Back", URL: "https://blog.example/back"},
			has:   []string{"[^1]: Ivanova 2011.\n", "[^2]: Karimov 2012.\n", "[^3]: Lee 2013.\n", "[^4]: Chan 2014.\n"},
			lacks: []string{"^ ", "↩", "#r", "\\^"},
		},
		{
			name:  "images become nothing, a linked image leaves no empty link",
			page:  `<html><head><title>Pictures of ports</title></head><body><p>` + prose + `</p><p><a href="https://x.example/big.png"><img src="small.png" alt="A port"></a></p><p>More text here.</p></body></html>`,
			meta:  articles.Meta{Title: "Pictures of ports"},
			lacks: []string{"png", "[]", "A port"},
		},
		{
			name: "a figure becomes an image with its caption as its text",
			page: `<html><head><title>Harare</title><link rel="canonical" href="https://news.example/2017/harare"></head><body><article><p>` + prose + `</p>` +
				`<figure><img src="/img/soldiers.jpg" alt="Soldiers"><figcaption>Soldiers on the streets of Harare, 15 November 2017</figcaption></figure>` +
				`<p>More text here.</p></article></body></html>`,
			meta:  articles.Meta{Title: "Harare", URL: "https://news.example/2017/harare"},
			has:   []string{"![Soldiers on the streets of Harare, 15 November 2017](https://news.example/img/soldiers.jpg)"},
			lacks: []string{"data-cable", "![Soldiers]"},
		},
		{
			name: "a figure without a caption takes its picture's alternative text, or none",
			page: `<html><head><title>Maps</title></head><body><article><p>` + prose + `</p>` +
				`<figure><picture><source srcset="https://maps.example/a.webp"><img src="https://maps.example/a.png" alt="The corridor"></picture></figure>` +
				`<p>` + prose + `</p><figure><img data-src="https://maps.example/b.png" src="data:image/gif;base64,R0lGOD"></figure><p>More text here.</p></article></body></html>`,
			meta: articles.Meta{Title: "Maps"},
			has:  []string{"![The corridor](https://maps.example/a.png)", "![](https://maps.example/b.png)"},
		},
		{
			name:  "a figure whose picture has no address to follow keeps only its caption",
			page:  `<html><head><title>Local</title></head><body><article><p>` + prose + `</p><figure><img src="pics/a.png" alt="A"><figcaption>The port at night</figcaption></figure><p>More text here.</p></article></body></html>`,
			meta:  articles.Meta{Title: "Local"},
			has:   []string{"The port at night"},
			lacks: []string{"![", "a.png"},
		},
		{
			name: "a windows-1252 page is decoded",
			page: "<html><head><meta charset=\"windows-1252\"><title>Quotes</title></head><body><p>\x93Quoted\x94 \x96 " +
				prose + "</p></body></html>",
			meta: articles.Meta{Title: "Quotes"},
			has:  []string{"“Quoted” – "},
		},
		{
			name: "footnotes in superscripts become Markdown footnotes, the notes list and back links go",
			page: `<html><head><title>Noted</title></head><body><article><p>` + prose +
				`<sup id="r1"><a href="#fn1" class="footnote-ref">1</a></sup> More.<sup><a href="#fn2">[2]</a></sup> Again.<sup><a href="#fn1">1</a></sup></p>` +
				`<section class="footnotes"><h2>Notes</h2><ol><li id="fn1"><p>See <a href="https://x.example/r">the report</a>. <a href="#r1">↩</a></p></li>` +
				`<li id="fn2"><a href="#r2">2.</a> SIPRI, 2020.</li></ol></section></article></body></html>`,
			meta:     articles.Meta{Title: "Noted"},
			sections: []string{"Opening", "Notes"},
			has:      []string{"a year.[^1] More.[^2] Again.[^1]", "[^1]: See [the report](https://x.example/r).\n", "[^2]: SIPRI, 2020."},
			lacks:    []string{"#fn", "↩", "#r1", "## Notes", "2."},
		},
		{
			name: "a notes heading left with nothing under it goes, with a style and wrappers between it and its list",
			page: `<html><head><title>Cited</title></head><body><article><p>` + prose + `<sup><a href="#cite-1">[1]</a></sup></p>` +
				`<h2>See also</h2><ul><li><a href="https://x.example/aral">Aral Sea</a></li></ul>` +
				`<h2><span id="References">References</span></h2><style>.reflist{margin:0}</style><div class="reflist"><div class="wrap"><ol class="references">` +
				`<li id="cite-1"><span class="reference-text">Karimova 2004, p. 41.</span></li></ol></div></div>` +
				`<div class="navbox-styles"><style>.navbox{clear:both}</style></div></article></body></html>`,
			meta:     articles.Meta{Title: "Cited"},
			sections: []string{"Opening", "See also", "Notes"},
			has:      []string{"[^1]: Karimova 2004, p. 41."},
			lacks:    []string{"References"},
		},
		{
			name: "a notes heading with text of its own under it stays",
			page: `<html><head><title>Cited</title></head><body><article><p>` + prose + `<sup><a href="#cite-1">[1]</a></sup></p>` +
				`<h2>References</h2><p>Further reading: the ministry's yearbooks.</p><ol><li id="cite-1">Karimova 2004, p. 41.</li></ol></article></body></html>`,
			meta:     articles.Meta{Title: "Cited"},
			sections: []string{"Opening", "References", "Notes"},
			has:      []string{"the ministry's yearbooks", "[^1]: Karimova 2004, p. 41."},
		},
		{
			name:  "a link into the page that is not a note stays text",
			page:  `<html><head><title>Anchors</title></head><body><p>` + prose + ` See <a href="#part2">part two</a>.</p><p id="part2">` + prose + `</p></body></html>`,
			meta:  articles.Meta{Title: "Anchors"},
			lacks: []string{"[^"},
		},
		{
			name: "an agency or staff byline in JSON-LD is the author",
			page: `<html><head><title>Straits</title><script type="application/ld+json">` +
				`{"@context":"https://schema.org","@type":"NewsArticle","headline":"Straits","author":{"@type":"Organization","name":"Reuters"}}` +
				`</script></head><body><article><h1>Straits</h1><p>` + prose + `</p></article></body></html>`,
			meta:  articles.Meta{Title: "Straits", Author: "Reuters"},
			lacks: []string{"schema.org", "NewsArticle"},
		},
		{
			name: "an unmarked byline before the text is the author, and leaves the text",
			page: `<html><head><title>Straits</title></head><body><article><h1>Straits</h1>` +
				`<p>By Our Foreign Staff</p><p>` + prose + `</p></article></body></html>`,
			meta:  articles.Meta{Title: "Straits", Author: "Our Foreign Staff"},
			lacks: []string{"By Our Foreign Staff"},
		},
		{
			name: "a byline marked as such is the author, whoever it names",
			page: `<html><head><title>Straits</title></head><body><article><h1>Straits</h1>` +
				`<p class="byline">Our Foreign Staff</p><p>` + prose + `</p></article></body></html>`,
			meta: articles.Meta{Title: "Straits", Author: "Our Foreign Staff"},
		},
		{
			name: "a \"By\" sentence in the text is not a byline",
			page: `<html><head><title>Straits</title></head><body><article><h1>Straits</h1><p>` + prose +
				`</p><p>By Tuesday</p><p>` + prose + `</p></article></body></html>`,
			meta: articles.Meta{Title: "Straits"},
			has:  []string{"By Tuesday"},
		},
		{
			name:  "escape sequences are removed",
			page:  "<html><head><title>Esc\x1b]0;pwned\x07</title></head><body><p>" + prose + "&#27;[31m red</p></body></html>",
			meta:  articles.Meta{Title: "Esc"},
			lacks: []string{"\x1b", "pwned", "[31m"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			md, title, err := extract.ImportHTML("page.html", []byte(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			a := mustParseCleanly(t, "page.html", md)
			if title != a.Meta.Title || !reflect.DeepEqual(a.Meta, tt.meta) {
				t.Errorf("front matter: got %+v (title %q), want %+v", a.Meta, title, tt.meta)
			}
			if tt.sections != nil {
				check(t, "sections", sectionTitles(a), tt.sections)
			}
			for _, s := range tt.has {
				if !strings.Contains(string(md), s) {
					t.Errorf("lacks %q:\n%s", s, md)
				}
			}
			for _, s := range tt.lacks {
				if strings.Contains(string(md), s) {
					t.Errorf("contains %q:\n%s", s, md)
				}
			}
		})
	}
}

// prose is enough text for readability to take a page for an article.
const prose = "The negotiations over the straits have lasted longer than anyone expected, " +
	"and each round has ended with a communiqué that promised more talks. The delegations " +
	"agree on the principle of free passage but not on who should pay for the pilots, the " +
	"tugs and the insurance that make passage possible in practice, and that question, more " +
	"than any grand strategy, decides how much traffic the waterway can carry in a year."

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
	check(t, "paragraphs", gotBody, wantBody)
	check(t, "editor's note", gotNote, wantNote)
	check(t, "editor's note", gotNote, []string{
		"Eldar Mamedov is a political adviser to the Socialists & Democrats Group in the European Parliament, who writes in his personal capacity.",
	})
	check(t, "sections", sectionTitles(got), []string{"Opening", "Editor’s note"})
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

// TestImportTextFixtures imports the hard-wrapped and inline-note texts.
func TestImportTextFixtures(t *testing.T) {
	a, md, _ := mustImport(t, fixture("hard-wrapped.txt"))
	want := articles.Meta{Title: "Water Diplomacy on the Nile: Beyond the Dam", Author: "Samira K. Haddad", Published: "2021-06-03"}
	if !reflect.DeepEqual(a.Meta, want) {
		t.Errorf("hard-wrapped.txt front matter: got %+v, want %+v", a.Meta, want)
	}
	body, _ := paragraphs(a)
	check(t, "hard-wrapped.txt paragraph starts", firstWords(body, 4), []string{
		"The long dispute over", "That fear is reasonable.", "Three lessons follow for",
		"1. Share data before", "2. Agree on what", "- Keep the lawyers", "None of this will",
	})
	if !strings.Contains(md, "\n1\\. Share data before sharing water. A joint hydrological office, with real-time access") {
		t.Errorf("hard-wrapped lines are not joined with a space, or the number is not escaped:\n%s", md)
	}
	for _, gone := range []string{"Share this", "Print", "Email", "By Samira", "Published on"} {
		if strings.Contains(md, gone) {
			t.Errorf("hard-wrapped.txt import contains %q", gone)
		}
	}

	a, md, _ = mustImport(t, fixture("inline-note.txt"))
	if want := (articles.Meta{Title: "Why Mongolia Courts Its “Third Neighbours”", Updated: "2022-05-12"}); !reflect.DeepEqual(a.Meta, want) {
		t.Errorf("inline-note.txt front matter: got %+v, want %+v", a.Meta, want)
	}
	_, note := paragraphs(a)
	check(t, "inline note", note, []string{
		"Tomas Brandt is a former diplomat who writes in a personal capacity. An earlier version of this essay appeared in his newsletter.",
	})
	check(t, "inline-note.txt sections", sectionTitles(a), []string{"Opening", "Editor’s note"})
	if strings.Contains(md, "Share this article") || strings.Contains(md, "Leave a comment") {
		t.Errorf("furniture left in:\n%s", md)
	}
}

// firstWords gives the first n words of each paragraph.
func firstWords(paras []string, n int) []string {
	out := make([]string, len(paras))
	for i, p := range paras {
		words := strings.Fields(p)
		out[i] = strings.Join(words[:min(n, len(words))], " ")
	}
	return out
}

// TestImportTextRules covers the text rules one at a time, with the exact
// Markdown each gives.
func TestImportTextRules(t *testing.T) {
	tests := []struct {
		name string
		text string
		meta articles.Meta
		body string // the Markdown after the front matter
	}{
		{
			name: "furniture in the middle of a paragraph is text",
			text: "Title\n\nThe ports lost their\nshare\nof the trade.\n\nShare\n",
			meta: articles.Meta{Title: "Title"},
			body: "The ports lost their share of the trade.",
		},
		{
			name: "a byline only right below the title",
			text: "Title\n\nBy Jane Doe\n\nText.\n\nBy John Roe\n",
			meta: articles.Meta{Title: "Title", Author: "Jane Doe"},
			body: "Text.\n\nBy John Roe",
		},
		{
			name: "a sentence starting with By is not a byline",
			text: "Title\nBy 2030, the alliance will have changed.\n",
			meta: articles.Meta{Title: "Title"},
			body: "By 2030, the alliance will have changed.",
		},
		{
			name: "dates in several layouts; unreadable short dates dropped; prose kept",
			text: "Title\nPublished on March 5th, 2013 at 10:00\nUpdated on 07/08/13\n\nPublished on the eve of the war, the report argued for restraint.\n\nUpdated on 2014-01-02T10:00:00Z\n",
			meta: articles.Meta{Title: "Title", Published: "2013-03-05", Updated: "2014-01-02"},
			body: "Published on the eve of the war, the report argued for restraint.",
		},
		{
			name: "originally published by a name is the source",
			text: "Title\n\nText.\n\nOriginally published by The Caspian Letter\n",
			meta: articles.Meta{Title: "Title", Source: "The Caspian Letter"},
			body: "Text.",
		},
		{
			name: "a standalone note takes what follows, with a straight apostrophe",
			text: "Title\n\nText.\n\nEDITORS' NOTE\n\nWho.\n\nWhy.\n\nPrint\n",
			meta: articles.Meta{Title: "Title"},
			body: "Text.\n\n## Editor's note\n\nWho.\n\nWhy.",
		},
		{
			name: "an inline note at the top moves to the end alone",
			text: "Title\n\nEditor’s note: this essay was updated.\n\nText.\n",
			meta: articles.Meta{Title: "Title"},
			body: "Text.\n\n## Editor’s note\n\nthis essay was updated.",
		},
		{
			name: "note from the editor",
			text: "Title\n\nText.\n\nNote from the editor:\nWho.\n",
			meta: articles.Meta{Title: "Title"},
			body: "Text.\n\n## Editor's note\n\nWho.",
		},
		{
			name: "typography, CRLF, a byte-order mark and control characters",
			text: "\ufeffTitle\r\n\r\n“Quoted” – it’s\u00a010\u00a0km\x07.\x1b[2J\r\n",
			meta: articles.Meta{Title: "Title"},
			body: "“Quoted” – it’s\u00a010\u00a0km.",
		},
		{
			name: "furniture before the title is skipped",
			text: "Share\n\nTitle\nText.\n",
			meta: articles.Meta{Title: "Title"},
			body: "Text.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			md, title, err := extract.ImportText("t.txt", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			a := mustParseCleanly(t, "t.txt", md)
			if title != tt.meta.Title || !reflect.DeepEqual(a.Meta, tt.meta) {
				t.Errorf("front matter: got %+v, want %+v", a.Meta, tt.meta)
			}
			_, body, _ := strings.Cut(string(md), "---\n\n")
			if body != tt.body+"\n" {
				t.Errorf("body:\n got %q\nwant %q", body, tt.body+"\n")
			}
		})
	}
}

// TestImportTextFailures checks the errors for texts with nothing to read.
func TestImportTextFailures(t *testing.T) {
	for text, want := range map[string]string{
		"":                        "t.txt: has no text to import",
		" \n\u00a0\n\t\n":         "t.txt: has no text to import",
		"Share\nPrint\n":          "t.txt: has no text to import",
		"Only a title\n\nShare\n": `t.txt: has a title ("Only a title") but no text after it`,
	} {
		_, _, err := extract.ImportText("t.txt", []byte(text))
		if err == nil || err.Error() != want {
			t.Errorf("importText(%q): err = %v, want %q", text, err, want)
		}
	}
}

// TestEscapeParagraphStart checks each escape, that prose is left alone,
// and that every escaped paragraph reads back as one paragraph.
func TestEscapeParagraphStart(t *testing.T) {
	tests := map[string]string{
		"# Not a heading":            `\# Not a heading`,
		"###### Six":                 `\###### Six`,
		"#hashtag diplomacy":         "#hashtag diplomacy",
		"- not a list":               `\- not a list`,
		"+ plus":                     `\+ plus`,
		"* star":                     `\* star`,
		"1. First point":             `1\. First point`,
		"2019) a year":               `2019\) a year`,
		"1.5 million people":         "1.5 million people",
		"> not a quote":              `\> not a quote`,
		"---":                        `\---`,
		"* * *":                      `\* * *`,
		"___":                        `\___`,
		"```go":                      "\\```go",
		"~~~":                        `\~~~`,
		"<div>raw</div>":             `\<div>raw</div>`,
		"[1]: https://example.org":   `\[1]: https://example.org`,
		`[a\]]: https://x.example`:   `\[a\]]: https://x.example`,
		": a definition":             `\: a definition`,
		"*Emphasis* stays markup":    "*Emphasis* stays markup",
		"A # in the middle, a - too": "A # in the middle, a - too",
		"Plain prose.":               "Plain prose.",
	}
	for in, want := range tests {
		got := extract.EscapeParagraphStart(in)
		if got != want {
			t.Errorf("escapeParagraphStart(%q) = %q, want %q", in, got, want)
			continue
		}
		// Each must read back as one paragraph of text after another one.
		a := mustParseCleanly(t, "e.md", []byte("---\ntitle: T\n---\n\nFirst.\n\n"+got+"\n"))
		if len(a.Sections) != 1 || len(a.Sections[0].Blocks) != 2 {
			t.Errorf("%q is not read as one paragraph: %+v", got, a.Sections)
		}
	}
}

// TestImportMarkdown checks that an article is kept as it is and that a
// plain Markdown file gets front matter.
func TestImportMarkdown(t *testing.T) {
	src, err := os.ReadFile(fixture("with-front-matter.md"))
	if err != nil {
		t.Fatal(err)
	}
	a, md, name := mustImport(t, fixture("with-front-matter.md"))
	if md != string(src) {
		t.Errorf("an article with front matter is not kept as it is:\n%s", md)
	}
	if name != "sanctions-fatigue-notes-from-a-briefing.md" || a.Meta.Author != "Ana Petrović" {
		t.Errorf("name %q, meta %+v", name, a.Meta)
	}

	a, md, name = mustImport(t, fixture("no-front-matter.md"))
	if a.Meta.Title != "The Caspian Shipping Lanes" || name != "the-caspian-shipping-lanes.md" {
		t.Errorf("title %q, name %q", a.Meta.Title, name)
	}
	if strings.Contains(md, "# The Caspian") || !strings.HasPrefix(md, "---\ntitle: \"The Caspian Shipping Lanes\"\n---\n\nTrade across") {
		t.Errorf("the heading line is not replaced by front matter:\n%s", md)
	}
	check(t, "sections", sectionTitles(a), []string{"Opening", "Why it matters"})

	c, err := extract.ImportMarkdown("/notes/Talks in Vienna.markdown", []byte("```\n# not a title\n```\n\nText.\n"))
	if err != nil || c.Title != "Talks in Vienna" {
		t.Fatalf("title %q, err %v", c.Title, err)
	}
	mustParseCleanly(t, "x.md", c.Markdown)
}

// TestImportMarkdownWithWarnings: a reader's own Markdown file whose only
// problems are warnings (a typo in a field's name, a section title used
// twice) is imported as cable reads it, and the warnings come back with
// the file's own lines, marked as warnings.
func TestImportMarkdownWithWarnings(t *testing.T) {
	for src, want := range map[string]string{
		"---\ntitle: T\nautor: A\n---\n\nText.\n": `n.md:3: unknown field "autor" (did you mean "author"?) (warning)`,
		"# Title\n\n## A\n\nx\n\n## A\n\ny\n":     `n.md:7: section title "A" is used twice (first on line 3) (warning)`,
	} {
		c, err := extract.Article("n.md", []byte(src))
		if err != nil {
			t.Errorf("Article(%q): %v, want it imported", src, err)
			continue
		}
		if c.Warnings.Error() != want || !c.Warnings[0].Warning {
			t.Errorf("Article(%q): warnings %v, want %q", src, c.Warnings, want)
		}
		if a, err := articles.Parse("n.md", c.Markdown, "n"); err != nil || len(a.Warnings) != 1 {
			t.Errorf("Article(%q) wrote an article that reads with %v, %v", src, err, a)
		}
	}
}

// TestImportMarkdownFailures checks that a Markdown file with errors is
// refused with its own file:line messages.
func TestImportMarkdownFailures(t *testing.T) {
	_, _, err := library.ImportFile(fixture("bad-front-matter.md"))
	want := fixture("bad-front-matter.md") + `:3: published "5 March 2013" is not a date of the form YYYY-MM-DD`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
	for src, want := range map[string]string{
		"# Only a title\n": `n.md: has a title ("Only a title") but no text after it`,
		"\n \n":            "n.md: is empty",
	} {
		_, err := extract.ImportMarkdown("n.md", []byte(src))
		if err == nil || err.Error() != want {
			t.Errorf("importMarkdown(%q): err = %v, want %q", src, err, want)
		}
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
		a := mustParseCleanly(t, "q.md", md)
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
		a := mustParseCleanly(t, "fuzz.txt", md)
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
		a := mustParseCleanly(t, "fuzz.html", md)
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
			a := mustParseCleanly(t, "page.html", md)
			if a.Meta.Author != tt.want {
				t.Errorf("author = %q, want %q\n%s", a.Meta.Author, tt.want, md)
			}
		})
	}
}
