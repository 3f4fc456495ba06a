package extract_test

import (
	"strings"
	"testing"

	"cable/extract"
)

// TestImportDropsPictureCredits imports small pages with a picture's
// credit set as sites set it: at a caption's end in agencies' forms, in
// the picture's alternative text, glued to the caption, in an element
// named as the credit, and as a line of its own. The credit goes; what
// the caption says stays.
func TestImportDropsPictureCredits(t *testing.T) {
	fig := func(caption string) string {
		return `<figure><img src="https://harbour.example/a.jpg"><figcaption>` + caption + `</figcaption></figure>`
	}
	for _, tc := range []struct {
		name, inside string
		gone, kept   []string
	}{
		{"a copyright sign and its holder", fig("Cranes on the quay at dusk © Noah Addis"),
			[]string{"Noah Addis", "©"}, []string{"![Cranes on the quay at dusk](https://harbour.example/a.jpg)"}},
		{"a bar before the sign", fig("Cranes on the quay at dusk. | © Harbour Board/Getty Images"),
			[]string{"Getty", "|"}, []string{"![Cranes on the quay at dusk.](https://harbour.example/a.jpg)"}},
		{"an agency after a slash", fig("Cranes on the quay / Shutterstock"),
			[]string{"Shutterstock"}, []string{"![Cranes on the quay](https://harbour.example/a.jpg)"}},
		{"a photographer and an agency's files", fig("Cranes on the quay at dusk. Mike Blake/Reuters files"),
			[]string{"Reuters", "Mike Blake"}, []string{"![Cranes on the quay at dusk.](https://harbour.example/a.jpg)"}},
		{"a credit with dots in it", fig("The new pier. Quelle: jorisvo / Fotolia.com"),
			[]string{"Fotolia", "jorisvo"}, []string{"![The new pier.](https://harbour.example/a.jpg)"}},
		{"a Finnish credit", fig("Satama illalla. Kuva: ALEXANDER BECHER"),
			[]string{"BECHER"}, []string{"![Satama illalla.](https://harbour.example/a.jpg)"}},
		{"a credit glued to the caption", fig("Die Kräne am KaiBild: AFP/SID/PASCAL GUYOT"),
			[]string{"AFP"}, []string{"![Die Kräne am Kai](https://harbour.example/a.jpg)"}},
		{"a credit in the picture's alternative text",
			`<figure><img src="https://harbour.example/a.jpg" alt="The old quay. Foto: ccnull/Marco Verch/cc by sa 2.0"></figure>`,
			[]string{"ccnull"}, []string{"![The old quay.](https://harbour.example/a.jpg)"}},
		{"a credit element left beside a caption with no picture",
			`<div class="figure"><span class="figure__text">Cranes on the quay at dusk</span> <span class="figure__copyright">© Noah Addis</span></div>`,
			[]string{"Noah Addis"}, []string{"Cranes on the quay at dusk"}},
		{"a credit after a caption set as text",
			`<div class="caption">Lee Elder at the quay in 1975. | © Augusta National/Getty Images</div>`,
			[]string{"Augusta", "©"}, []string{"Lee Elder at the quay in 1975."}},
		{"a credit line in parentheses", `<p><em>(Credit: Clayton Aldern / Grist)</em></p>`, []string{"Clayton"}, nil},
		{"a German title picture's credit", `<p><em>Titelbild: Geyres Christophe/ABACA/picture-alliance</em></p>`, []string{"ABACA"}, nil},
		{"a French credit with a space before the colon", `<p>Crédits photos : Bestimage</p>`, []string{"Bestimage"}, nil},
		{"an advertisement's picture", `<figure><img src="https://ads.example/b.jpg" alt="Reklama"></figure>`, []string{"Reklama", "ads.example"}, nil},
		{"the site's promotion as a picture",
			`<p><img src="https://harbour.example/shop.jpg" alt="Jetzt neu! Besuchen Sie unseren Fan-Shop!"></p>`, []string{"Fan-Shop", "shop.jpg"}, nil},
		{"a sentence with a copyright sign inside is kept",
			`<p>The board's logo, marked ©, was registered in 1902. It shows a crane and an anchor, and has not changed since.</p>`,
			nil, []string{"marked ©, was registered"}},
		{"a caption naming a place after a slash is kept", fig("The quay / the old town"),
			nil, []string{"![The quay / the old town](https://harbour.example/a.jpg)"}},
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
