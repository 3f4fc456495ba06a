package extract_test

import (
	"strings"
	"testing"

	"cable/extract"
)

// TestImportDropsRelatedLists imports small pages with the lists of
// links to a site's other articles as sites set them, and checks that
// the heading and its links go and the text around them stays.
func TestImportDropsRelatedLists(t *testing.T) {
	for _, tc := range []struct {
		name, inside string
		gone, kept   []string
	}{
		{"a German heading and a run of link paragraphs",
			`<h3>Mehr lesen:</h3><p><a href="/a">Kräne in der Dämmerung am alten Kai</a></p><p><a href="/b">Das Logbuch des Baggers</a></p>`,
			[]string{"Mehr lesen", "Kräne", "Logbuch"}, nil},
		{"a lead set in arrows with its link",
			`<p><strong>&gt;&gt; Mehr lesen: <a href="/a">Was ihr im Winter am Hafen erleben könnt</a></strong></p>`,
			[]string{"Mehr lesen", "im Winter"}, nil},
		{"a lead with an exclamation mark",
			`<h3>Das könnte Sie auch interessieren!</h3><ul><li><a href="/a">Kräne am Kai</a></li></ul>`,
			[]string{"interessieren", "Kräne"}, nil},
		{"a lead as a bare span over a list",
			`<section><span class="headline">Mehr zum Thema</span><ul><li><a href="/a">» Grundwissen Hafen</a></li><li><a href="/b">» Bagger</a></li></ul></section>`,
			[]string{"Mehr zum Thema", "Grundwissen", "Bagger"}, nil},
		{"a lead and its links on one line",
			`<p>Siehe auch<br><a href="/a">Die dümmste aller Hafenlegenden</a><br><a href="/b">Immer mehr Bagger</a></p>`,
			[]string{"Siehe auch", "Hafenlegenden", "Immer mehr Bagger"}, nil},
		{"a Spanish lead inside a sentence's line",
			`<p>Le puede interesar: <a href="/a">El puerto abrirá tres nuevos muelles</a></p>`,
			[]string{"interesar", "muelles"}, nil},
		{"a lead in its own box heading the next box",
			`<div class="box-title"><h4>Relacionadas</h4></div><div><p><a href="/a">Polícia faz operação no porto</a></p></div>`,
			[]string{"Relacionadas", "Polícia"}, nil},
		{"the articles' headings under a lead heading",
			`<h2>Weitere Beiträge zum Thema</h2><h3><a href="/a">The Motor Chain: Respekt vor dem Klassiker</a></h3><h3><a href="/b">Erinnerung an den Sohn</a></h3>`,
			[]string{"Weitere Beiträge", "Motor Chain", "Sohn"}, nil},
		{"a question that is a lead", `<p><strong>Schon gelesen?</strong></p><ul><li><a href="/a">Kräne am Kai</a></li></ul>`,
			[]string{"Schon gelesen", "Kräne"}, nil},
		{"a heading that opens with a lead's words and heads prose is kept",
			`<h2>Mehr lesen lernen</h2><p>Reading more is what the board asks of its pilots, who must know the new rules of the channel by the spring.</p>`,
			nil, []string{"Mehr lesen lernen", "Reading more is what the board asks"}},
		{"a sentence that opens with a lead's words is kept",
			`<p>Weiterlesen konnte der Kapitän nicht: <a href="/a">der Bericht</a> endete mitten im Satz, und die Seite danach fehlte ganz.</p>`,
			nil, []string{"Weiterlesen konnte der Kapitän nicht"}},
		{"a lead over prose keeps the prose",
			`<h3>Siehe auch</h3><p>The board's own report of last year, which found the dues too low to pay for the dredging of the channel.</p>`,
			[]string{"Siehe auch"}, []string{"The board's own report of last year"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><head><title>Harbour dues rise again</title><link rel="canonical" href="https://harbour.example/dues"></head><body><article><h1>Harbour dues rise again</h1>` +
				harbourProse + tc.inside + `<p>The dredger is booked for the spring, if the money comes in before the ice goes out of the channel.</p></article></body></html>`
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

// TestImportDropsTailTeasers checks what follows an article's last
// paragraph of prose: links to the site's own articles, titled as
// headlines, go with the heading over them; links elsewhere, lists of
// names, in-page links and headings over no links stay.
func TestImportDropsTailTeasers(t *testing.T) {
	for _, tc := range []struct {
		name, tail string
		gone, kept []string
	}{
		{"a teaser line linking to the site", `<p><a href="/forum/alkohol">Alkohol beim Angeln – Diskussion im Forum</a></p>`,
			[]string{"Alkohol"}, nil},
		{"a headed list of the site's articles",
			`<h3>Weitere Beiträge aus der Kolumne:</h3><ul><li><a href="https://www.harbour.example/a">Why the pilots left the old quay</a></li>` +
				`<li><a href="https://harbour.example/b">The dredger that never came back</a></li></ul>`,
			[]string{"Kolumne", "pilots left", "never came back"}, nil},
		{"links to other sites stay", `<h3>Sources</h3><ul><li><a href="https://stats.example/dues">Port statistics for the northern sea</a></li></ul>`,
			nil, []string{"Sources", "Port statistics"}},
		{"a list of names stays", `<h2>See also</h2><ul><li><a href="/wiki/Quay">Quay</a></li><li><a href="/wiki/Dredging">Dredging</a></li></ul>`,
			nil, []string{"See also", "Dredging"}},
		{"in-page links stay", `<ul><li><a href="#dues">Back to the dues and what they pay for</a></li></ul>`,
			nil, []string{"Back to the dues"}},
		{"headings over no links stay", `<h2>Secondary header</h2><h3>Third header</h3>`, nil, []string{"Secondary header", "Third header"}},
		{"a heading over text that stays is kept",
			`<h3>Next week</h3><p><a href="/c">The cranes and the pilots in a longer piece</a></p><p>The board meets again.</p>`,
			nil, []string{"Next week", "The board meets again"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><head><title>Harbour dues rise again</title><link rel="canonical" href="https://harbour.example/dues"></head><body><article><h1>Harbour dues rise again</h1>` +
				harbourProse + `<p>The dredger is booked for the spring, if the money comes in before the ice goes out of the channel.</p>` + tc.tail + `</article></body></html>`
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
