package extract

import (
	"strings"
	"testing"
)

func TestTitleAsHeaded(t *testing.T) {
	tests := []struct{ title, h1, want string }{
		{"Syr Darya Water Compact - Wikipedia", "Syr Darya Water Compact", "Syr Darya Water Compact"},
		{"The straits | The Review", "The straits", "The straits"},
		{"The straits", "The straits", "The straits"},
		{"The straits and the ports", "The straits", "The straits and the ports"}, // no separator: a longer title
		{"Straits - a history", "", "Straits - a history"},
		{"Short", "A much longer heading than the title", "Short"},
	}
	for _, tt := range tests {
		if got := titleAsHeaded(tt.title, tt.h1); got != tt.want {
			t.Errorf("titleAsHeaded(%q, %q) = %q, want %q", tt.title, tt.h1, got, tt.want)
		}
	}
}

// TestImportPageShapes: the shapes of real pages that the import reads
// as a reader would: a lead picture beside the headline, a picture that
// stands alone in the text, Wikipedia's fact box and "Jump to content"
// link, a title repeated as a line of text, and a title carrying the
// site's name.
func TestImportPageShapes(t *testing.T) {
	prose := strings.Repeat("The ministers met again in the capital and agreed on nothing of substance. ", 6)
	tests := []struct {
		name       string
		page       string
		has, lacks []string
		title      string
	}{
		{
			name: "a lead picture beside the headline",
			page: `<html><head><title>Ports</title></head><body><main><article><header><h1>Ports</h1><p class="dek">A standfirst.</p></header>` +
				`<figure class="hero"><img src="https://img.example/hero.jpg" alt="Cranes"><figcaption>Cranes at the terminal at dusk.</figcaption></figure>` +
				`<div class="body"><p>` + prose + `</p><p>` + prose + `</p></div></article></main></body></html>`,
			has:   []string{"![Cranes at the terminal at dusk.](https://img.example/hero.jpg)"},
			title: "Ports",
		},
		{
			name: "an article header's kicker and credit line leave the text, the standfirst heads it, then the lead picture",
			page: `<html><head><title>Harbours</title><meta name="author" content="Hana Gebremedhin"></head><body><article><header>` +
				`<p class="kicker">Photo report</p><h1>Harbours</h1><p class="dek">Foreign money is reshaping the coast.</p>` +
				`<p class="credit">Words and photographs by <a href="/c/hana" rel="author">Hana Gebremedhin</a></p></header>` +
				`<figure class="hero"><img src="https://img.example/hero.jpg" alt="Cranes"><figcaption>Cranes at dusk.</figcaption></figure>` +
				`<div class="body"><p>` + prose + `</p><p>` + prose + `</p></div></article></body></html>`,
			has: []string{"subtitle: \"Foreign money is reshaping the coast.\"",
				"---\n\nForeign money is reshaping the coast.\n\n![Cranes at dusk.](https://img.example/hero.jpg)\n\nThe ministers"},
			lacks: []string{"Photo report", "Words and photographs", "coast.\n\nForeign money"},
			title: "Harbours",
		},
		{
			name: "a credit line for the article's authors goes, one naming someone else stays",
			page: `<html><head><title>Ports</title><meta name="author" content="Ann Lee, Bo Chan"></head><body><article><h1>Ports</h1>` +
				`<p>Reporting by Ann Lee and Bo Chan</p><p>` + prose + `</p><p>Photographs by Cy Dee</p><p>` + prose + `</p>` +
				`<p>Text by the committee is quoted below.</p></article></body></html>`,
			has:   []string{"Photographs by Cy Dee", "Text by the committee is quoted below."},
			lacks: []string{"Reporting by"},
			title: "Ports",
		},
		{
			name: "a described picture alone; logos, avatars and dividers go",
			page: `<html><head><title>Ports</title></head><body><article><p>` + prose + `</p>` +
				`<img src="https://img.example/road.jpg" alt="Trucks queue on the corridor road">` +
				`<img src="https://img.example/divider.svg" width="120" height="12">` +
				`<img src="https://img.example/ann.jpg" alt="Ann Writer">` +
				`<p>` + prose + `</p></article></body></html>`,
			has:   []string{"![Trucks queue on the corridor road](https://img.example/road.jpg)"},
			lacks: []string{"divider", "ann.jpg"},
			title: "Ports",
		},
		{
			name: "wikipedia's fact box and jump link, and the site in the title",
			page: `<html><head><title>Water Compact - Wikipedia</title></head><body><a class="mw-jump-link" href="#content">Jump to content</a>` +
				`<div class="mw-parser-output"><h1>Water Compact</h1><table class="infobox"><tr><th>Water Compact</th></tr><tr><th>Signed</th><td>1998</td></tr></table>` +
				`<p>` + prose + `</p><p>` + prose + `</p></div></body></html>`,
			lacks: []string{"Jump to content", "Signed", "## Water Compact"},
			title: "Water Compact",
		},
		{
			name: "the title repeated as a line of its own",
			page: `<html><head><title>The quiet art</title></head><body><table><tr><td><div class="article"><div class="article-title">The quiet art</div>` +
				`<div class="text"><p>` + prose + `</p><p>` + prose + `</p></div></div></td></tr></table></body></html>`,
			lacks: []string{"\nThe quiet art\n"},
			title: "The quiet art",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			md, title, err := importHTML("page.html", []byte(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if title != tt.title {
				t.Errorf("title %q, want %q", title, tt.title)
			}
			body := string(md)
			for _, want := range tt.has {
				if !strings.Contains(body, want) {
					t.Errorf("no %q in\n%s", want, body)
				}
			}
			for _, unwanted := range tt.lacks {
				if strings.Contains(body, unwanted) {
					t.Errorf("%q in\n%s", unwanted, body)
				}
			}
		})
	}
}
