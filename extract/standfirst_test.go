package extract_test

import (
	"strings"
	"testing"

	"cable/articles"
	"cable/extract"
)

// TestImportStandfirst checks the standfirst: the subtitle, and the
// text's first paragraph once whether the page sets it in its header, in
// the text, or in both; a section's heading marked "subtitle" further
// down is no standfirst.
func TestImportStandfirst(t *testing.T) {
	const dek = "Ports pay for their own dredging, and ships pay for the ports."
	for _, tc := range []struct {
		name, header, text, subtitle string
		count                        int // of the standfirst in the text
		has                          []string
	}{
		{"in the header only", `<p class="standfirst">` + dek + `</p>`, harbourProse, dek, 1, nil},
		{"in the header and again in the text", `<p class="standfirst">` + dek + `</p>`, `<p>` + dek + `</p>` + harbourProse, dek, 1, nil},
		{"in the text twice", ``, `<div class="dek">` + dek + `</div><p>` + dek + `</p>` + harbourProse, dek, 1, nil},
		{"a section heading marked subtitle", ``,
			harbourProse + `<h2 class="section-subtitle">What the board said</h2><p>The board said little, and said it late, after the vote had been counted twice over.</p>`,
			"", 0, []string{"## What the board said"}},
		{"section headings marked subtitle before the text begins", ``,
			`<h2 class="article-subtitle">What the board said</h2>` + harbourProse +
				`<h2 class="article-subtitle">What the pilots said</h2><p>The pilots said more, and said it early, before the vote had been counted at all.</p>`,
			"", 0, []string{"## What the board said", "## What the pilots said"}},
		{"a standfirst under the headline set as a heading", `<h2 class="article-subtitle">` + dek + `</h2>`, harbourProse, dek, 1, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><head><title>Harbour dues rise again</title></head><body><article><header><h1>Harbour dues rise again</h1>` + tc.header +
				`</header><div class="body">` + tc.text + `<p>The dredger is booked for the spring, if the money comes in before the ice goes out of the channel.</p></div></article></body></html>`
			md, _, err := extract.ImportHTML("page.html", []byte(page))
			if err != nil {
				t.Fatal(err)
			}
			a, err := articles.Parse("page.md", md, "page")
			if err != nil {
				t.Fatal(err)
			}
			if a.Meta.Subtitle != tc.subtitle {
				t.Errorf("subtitle %q, want %q", a.Meta.Subtitle, tc.subtitle)
			}
			body := string(md)[strings.Index(string(md), "\n---\n")+5:]
			if got := strings.Count(body, dek); got != tc.count {
				t.Errorf("the standfirst is in the text %d times, want %d:\n%s", got, tc.count, md)
			}
			if tc.count == 1 && !strings.HasPrefix(strings.TrimSpace(body), dek) {
				t.Errorf("the text does not open with the standfirst:\n%s", md)
			}
			for _, h := range tc.has {
				if !strings.Contains(body, h) {
					t.Errorf("the import lacks %q:\n%s", h, md)
				}
			}
		})
	}
}
