package extract_test

import (
	"strings"
	"testing"

	"cable/extract"
)

// TestImportDropsFurnitureBlocks imports small pages shaped as sites
// shape their furniture inside the article's own block, and checks that
// the furniture is gone and the text around it kept.
func TestImportDropsFurnitureBlocks(t *testing.T) {
	for _, tc := range []struct {
		name, inside string
		gone         []string
		kept         []string
	}{
		{"a relative date line", `<p class="timestamp">Published 1 day ago</p>`, []string{"1 day ago"}, nil},
		{"an update time", `<div class="meta"><span>Updated 3:14 PM EST</span></div>`, []string{"3:14 PM"}, nil},
		{"a German date line", `<p>Veröffentlicht am 3. März 2021</p>`, []string{"3. März"}, nil},
		{"a Swiss date line", `<div class="date">Publiziert: 03.04.2020, 12:35</div>`, []string{"03.04.2020"}, nil},
		{"a German date line named as a release", `<p>Veröffentlichung: 2. Februar 2022</p>`, []string{"Februar 2022"}, nil},
		{"a picture credit on its own line", `<p>Photo: Harbour Board archive</p>`, []string{"Harbour Board archive"}, nil},
		{"a tag list", `<div class="post-tags">Tags: <a href="/t/ports">ports</a>, <a href="/t/trade">trade</a></div>`,
			[]string{"Tags:", "ports, trade"}, nil},
		{"an affiliate disclaimer",
			`<p><em>This post contains affiliate links: we may earn a commission when you buy through them, at no cost to you.</em></p>`,
			[]string{"affiliate"}, nil},
		{"an author's follow line", `<p>Follow Jo Marsh on Twitter <a href="https://x.example/jomarsh">@jomarsh</a></p>`,
			[]string{"@jomarsh"}, nil},
		{"the page's own address", `<p>https://harbour.example/2024/dues</p>`, []string{"https://harbour.example/2024/dues"}, nil},
		{"a promotion in capitals", `<p><strong><a href="https://app.example">GET THE HARBOUR APP ON THE GO BY CLICKING HERE</a></strong></p>`,
			[]string{"HARBOUR APP"}, nil},
		{"a list of related links under a heading",
			`<h3>You may also like</h3><ul><li><a href="/a">Cranes at dusk</a></li><li><a href="/b">The dredger's log</a></li></ul>`,
			[]string{"also like", "Cranes at dusk", "The dredger's log"}, nil},
		{"related links in capitals after a label",
			`<p><strong>SEE MORE:</strong> <a href="/a">Cranes at dusk in the old port</a></p>`, []string{"SEE MORE", "Cranes at dusk"}, nil},
		{"an advertisement label in Polish", `<div class="label">Reklama</div>`, []string{"Reklama"}, nil},
		{"a German back link", `<p><a href="/news">Zur Übersicht</a></p>`, []string{"Übersicht"}, nil},
		{"a rating question", `<h4>War der Artikel nützlich?</h4>`, []string{"nützlich"}, nil},
		{"a name's hover-card inside a sentence",
			`<p>The chair, <a href="/p/ann">Ann Lee<span class="hover-card"><span>Ann Lee is the board's chair since 2019.</span> <span>Follow</span></span></a>, voted against.</p>`,
			[]string{"since 2019", "Follow"}, []string{"The chair, [Ann Lee](https://harbour.example/p/ann), voted against."}},
		{"a copyright notice", `<p>© 2024 Harbour Media Inc. All Rights Reserved.</p>`, []string{"Rights Reserved"}, nil},
		{"a blog's filing line",
			`<p>This entry was posted in <a href="/c/ports">Ports</a> and tagged <a href="/t/dues">dues</a>. Bookmark the <a href="/p">permalink</a>.</p>`,
			[]string{"This entry", "permalink"}, nil},
		{"further links under a German heading", `<h4>Weiterführende Links</h4><ul><li><a href="/a">Hafenordnung</a></li></ul>`,
			[]string{"Weiterführende", "Hafenordnung"}, nil},
		{"comment rules", `<p class="note">Please keep comments civil and on topic: read our <a href="/rules">community guidelines</a> before you post.</p>`,
			[]string{"civil", "guidelines"}, nil},
		{"German comment rules", `<p>Bitte beachten Sie unsere Netiquette.</p>`, []string{"Netiquette"}, nil},
		{"a heading of a section is kept with its text",
			`<h2>What the board said</h2><p>The board said little, and said it late, after the vote had been counted twice.</p>`,
			nil, []string{"What the board said", "said it late"}},
		{"a sentence that begins like a date line is kept",
			`<p>Published figures show that the dues have tripled since the board first met, and that shipowners paid them.</p>`,
			nil, []string{"Published figures show"}},
		{"a caption of words in capitals that is no link is kept",
			`<p>THE OLD QUAY WAS BUILT IN 1870 AND HAS NOT CHANGED</p>`, nil, []string{"THE OLD QUAY"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><head><title>Harbour dues rise again</title><link rel="canonical" href="https://harbour.example/2024/dues"></head>` +
				`<body><article><h1>Harbour dues rise again</h1>` + harbourProse + tc.inside +
				`<p>The dredger is booked for the spring, if the money comes in before the ice goes out of the channel.</p></article></body></html>`
			md, _, err := extract.ImportHTML("page.html", []byte(page))
			if err != nil {
				t.Fatal(err)
			}
			body := string(md)[strings.Index(string(md), "\n---\n")+5:]
			for _, g := range tc.gone {
				if strings.Contains(body, g) {
					t.Errorf("the import keeps %q:\n%s", g, md)
				}
			}
			for _, k := range append(tc.kept, "The harbour board voted", "The dredger is booked") {
				if !strings.Contains(body, k) {
					t.Errorf("the import lacks %q:\n%s", k, md)
				}
			}
		})
	}
}

// TestImportDropsPressReleaseTail checks that a press release's "About
// <company>" and press contact close are left out, and that an "About"
// heading that opens most of the article is kept.
func TestImportDropsPressReleaseTail(t *testing.T) {
	tail := `<h3>About Harbourline</h3><p>Harbourline runs ferries in the northern sea. It employs 300 people.</p>` +
		`<p><strong>Media contact</strong></p><p>press@harbourline.example</p>`
	page := `<html><head><title>Harbourline orders two ferries</title></head><body><article><h1>Harbourline orders two ferries</h1>` +
		harbourProse + tail + `</article></body></html>`
	md, _, err := extract.ImportHTML("page.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range []string{"About Harbourline", "employs 300", "Media contact", "press@"} {
		if strings.Contains(string(md), g) {
			t.Errorf("the import keeps %q:\n%s", g, md)
		}
	}
	long := `<html><head><title>About Harbourline</title></head><body><article><h1>Guide</h1><h2>About Harbourline</h2>` +
		harbourProse + `</article></body></html>`
	md, _, err = extract.ImportHTML("page.html", []byte(long))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "The board answers") {
		t.Errorf("the import lost the text under an opening About heading:\n%s", md)
	}
}
