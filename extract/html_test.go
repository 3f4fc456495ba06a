// html_test.go tests the import of saved web pages.

package extract_test

import (
	"reflect"
	"strings"
	"testing"

	"cable/articles"
	"cable/extract"
	"cable/internal/testsupport"
	"cable/library"
)

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
	testsupport.CheckList(t, "sections", sectionTitles(a), []string{
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
	testsupport.CheckList(t, "sections", sectionTitles(a), []string{"Opening", "History", "Ports", "Notes"})
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
	testsupport.CheckList(t, "sections", sectionTitles(a), []string{"Opening", "The route", "The insurers", "Notes"})
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
			a := testsupport.MustParseCleanly(t, "page.html", md)
			if title != a.Meta.Title || !reflect.DeepEqual(a.Meta, tt.meta) {
				t.Errorf("front matter: got %+v (title %q), want %+v", a.Meta, title, tt.meta)
			}
			if tt.sections != nil {
				testsupport.CheckList(t, "sections", sectionTitles(a), tt.sections)
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
