package extract

import (
	"strings"
	"testing"

	"cable/articles"
)

// TestPageResolvesLinksAgainstItsAddress: a page fetched from the web
// that names no canonical address has its relative links made absolute
// from the address it came from, which becomes its url; adjust completes
// the front matter before it is written.
func TestPageResolvesLinksAgainstItsAddress(t *testing.T) {
	para := strings.Repeat("The negotiations over the straits went on for another round without agreement. ", 6)
	page := `<html><head><title>Straits</title></head><body><article><h1>Straits</h1><p>` + para +
		`<a href="/background">the background</a>.</p><p>` + para + `</p></article></body></html>`
	c, err := Page("https://review.example/2024/straits", "text/html", []byte(page), func(m *articles.Meta) {
		m.Feed, m.Author = "The Review", "Ann Author"
	})
	if err != nil {
		t.Fatal(err)
	}
	md := string(c.Markdown)
	for _, want := range []string{`url: "https://review.example/2024/straits"`, `feed: "The Review"`, `author: "Ann Author"`, "(https://review.example/background)"} {
		if !strings.Contains(md, want) {
			t.Errorf("no %s in\n%s", want, md)
		}
	}
}

// TestFragment: a feed's HTML becomes an article with the front matter
// given, summary_only included; a fragment without text is an error.
func TestFragment(t *testing.T) {
	c, err := Fragment("entry", `<p>What the <a href="/x">feed</a> says.</p><script>alert(1)</script>`, "https://r.example/a",
		articles.Meta{Title: "A piece", Feed: "The Review", SummaryOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	md := string(c.Markdown)
	if !strings.Contains(md, "summary_only: true\n") || !strings.Contains(md, "[feed](https://r.example/x)") || strings.Contains(md, "alert") {
		t.Errorf("fragment article:\n%s", md)
	}
	if _, err := Fragment("entry", "<div><img src=x></div>", "", articles.Meta{Title: "Empty"}); err == nil {
		t.Error("a fragment without text made an article")
	}
}
