package extract_test

import (
	"strings"
	"testing"

	"cable/extract"
)

// TestImportDropsSiteNotices imports small pages with the site's own
// notices inside the article's block, shaped as sites shape them, and
// the boxes that close an article under a heading of their own, and
// checks that they go and the text stays.
func TestImportDropsSiteNotices(t *testing.T) {
	for _, tc := range []struct {
		name, inside string
		gone, kept   []string
	}{
		{"a comment box that needs a login", `<p>Du musst eingeloggt sein, um Kommentare zu schreiben!</p>`, []string{"eingeloggt"}, nil},
		{"an English login prompt", `<p>You must be <a href="/login">logged in</a> to post a comment.</p>`, []string{"logged in"}, nil},
		{"a comment counter", `<p>Keine Kommentare (Kommentare erscheinen erst nach unserer Freigabe)</p>`, []string{"Keine Kommentare"}, nil},
		{"a share prompt", `<h4>Artikel gefallen? Vergiss nicht zu teilen!</h4>`, []string{"gefallen"}, nil},
		{"a newsletter sign-up", `<p>Never miss the latest news by signing up to our newsletter today!</p>`, []string{"newsletter"}, nil},
		{"an app promotion", `<p><strong>Get the latest news straight to your phone with the Harbour Daily app.</strong></p>`, []string{"Harbour Daily app"}, nil},
		{"an ask for support", `<p>If you enjoyed reading this post – would you consider supporting our work? Just click <a href="/s">here</a>. Thanks!</p>`,
			[]string{"supporting our work"}, nil},
		{"a placeholder for external content", `<div><p>Externer Inhalt</p><p>Klicken Sie auf den unteren Button, um den Inhalt von www.maps.example zu laden.</p></div>`,
			[]string{"Externer Inhalt", "Button"}, nil},
		{"an opinion disclaimer", `<p><em>Dieser Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise die der Redaktion.</em></p>`,
			[]string{"Meinung des Autors"}, nil},
		{"a liability disclaimer", `<p><em>(Alle Angaben ohne Gewähr)</em></p>`, []string{"Gewähr"}, nil},
		{"a suggested citation", `<p>SUGGESTED CITATION Lee, Ann: Harbour dues, HarbourBlog, 2024/4/09, https://harbour.example/dues.</p>`,
			[]string{"CITATION"}, nil},
		{"a German blog's filing line",
			`<p>Erstellt am Dienstag 6. Mai 2014 um 23:30 und abgelegt unter <a href="/c/hafen">Hafen</a>. Kommentare sind derzeit nicht erlaubt.</p>`,
			[]string{"abgelegt"}, nil},
		{"a rating widget", `<span class="post-ratings"><strong>War der Artikel nützlich?</strong><br> (Noch keine Bewertungen)</span>`,
			[]string{"nützlich", "Bewertungen"}, nil},
		{"a furniture line with an ellipsis", `<div><span>Lade weitere Inhalte ...</span></div>`, []string{"Lade weitere"}, nil},
		{"an author box under its heading",
			`<h4>Über den Autor</h4><p>Jo Marsh schreibt seit 2010 über Häfen und Schiffe.</p>`, []string{"Über den Autor", "seit 2010"}, nil},
		{"a box of further information under its heading",
			`<p><strong>Weitere Informationen:</strong></p><p><a href="/a">Die Hafenordnung</a></p>`, []string{"Weitere Informationen", "Hafenordnung"}, nil},
		{"a press contact in German", `<h2>Ansprechpartnerin zum Thema:</h2><p>Jo Marsh, jo@harbour.example</p>`, []string{"Ansprechpartnerin", "jo@"}, nil},
		{"a sentence about comments and logins is kept",
			`<p>The board would not comment on the logins that the harbour's new system asks of every pilot, nor on the cost of it, which the auditors put at two million over the five years of the contract.</p>`,
			nil, []string{"would not comment on the logins"}},
		{"a sentence about a newsletter is kept",
			`<p>The board's own newsletter, which few pilots read, said nothing of the rise until the week after the vote had been counted and the dues set for the next three years.</p>`,
			nil, []string{"The board's own newsletter"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><head><title>Harbour dues rise again</title><link rel="canonical" href="https://harbour.example/dues"></head><body><article><h1>Harbour dues rise again</h1>` +
				harbourProse + `<p>The dredger is booked for the spring, if the money comes in before the ice goes out of the channel.</p>` + tc.inside + `</article></body></html>`
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
