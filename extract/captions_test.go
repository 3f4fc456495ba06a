package extract_test

import (
	"strings"
	"testing"

	"cable/extract"
)

// TestImportCaptions checks figures' captions as sites set them: a
// caption's toggle button left as words, the same caption under every
// picture, and a caption repeated as a paragraph of the text.
func TestImportCaptions(t *testing.T) {
	fig := func(src, caption string) string {
		return `<figure><img src="https://harbour.example/` + src + `"><figcaption>` + caption + `</figcaption></figure>`
	}
	for _, tc := range []struct {
		name, inside string
		want         []string // lines of the Markdown
		count        map[string]int
	}{
		{"toggle words of a caption", fig("a.jpg", `Cranes on the quay at dusk. <span class="toggle">Caption</span> <span>Close</span>`),
			[]string{"![Cranes on the quay at dusk.](https://harbour.example/a.jpg)"}, nil},
		{"the same caption under every picture",
			fig("a.jpg", "Harbour Board pictures") + fig("b.jpg", "Harbour Board pictures") + fig("c.jpg", "Harbour Board pictures"),
			[]string{"![Harbour Board pictures](https://harbour.example/a.jpg)", "![](https://harbour.example/b.jpg)", "![](https://harbour.example/c.jpg)"},
			map[string]int{"Harbour Board pictures": 1}},
		{"a caption repeated as text", fig("a.jpg", "Cranes on the quay at dusk.") + `<p>Cranes on the quay at dusk.</p>`,
			[]string{"![Cranes on the quay at dusk.](https://harbour.example/a.jpg)"}, map[string]int{"Cranes on the quay at dusk.": 1}},
		{"a credit at a caption's end", fig("a.jpg", "Cranes on the quay at dusk. Foto: Hagen Immel") + fig("b.jpg", "The dredger at work (REUTERS/Ann Lee)"),
			[]string{"![Cranes on the quay at dusk.](https://harbour.example/a.jpg)", "![The dredger at work](https://harbour.example/b.jpg)"}, nil},
		{"a caption that only names a photograph's place is kept whole", fig("a.jpg", "Photo booth on the quay at dusk"),
			[]string{"![Photo booth on the quay at dusk](https://harbour.example/a.jpg)"}, nil},
		{"different captions are all kept", fig("a.jpg", "Cranes at dusk") + fig("b.jpg", "The dredger at work"),
			[]string{"![Cranes at dusk](https://harbour.example/a.jpg)", "![The dredger at work](https://harbour.example/b.jpg)"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><head><title>Harbour dues rise again</title><link rel="canonical" href="https://harbour.example/dues"></head><body><article><h1>Harbour dues rise again</h1>` +
				harbourProse + tc.inside + `<p>The dredger is booked for the spring, if the money comes in before the ice goes out of the channel.</p></article></body></html>`
			md, _, err := extract.ImportHTML("page.html", []byte(page))
			if err != nil {
				t.Fatal(err)
			}
			lines := "\n" + string(md) + "\n"
			for _, w := range tc.want {
				if !strings.Contains(lines, "\n"+w+"\n") {
					t.Errorf("the import lacks the line %q:\n%s", w, md)
				}
			}
			for s, n := range tc.count {
				if got := strings.Count(string(md), s); got != n {
					t.Errorf("%q is in the import %d times, want %d:\n%s", s, got, n, md)
				}
			}
			if strings.Contains(string(md), "Close") {
				t.Errorf("the import keeps a caption's toggle:\n%s", md)
			}
		})
	}
}
