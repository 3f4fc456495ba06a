package extract_test

import (
	"os"
	"testing"

	"cable/extract"
)

// BenchmarkImportHTML imports the saved pages of the fixtures (a news
// page, a blog page, an encyclopedia page) as `cable import` does: one
// iteration is the three.
func BenchmarkImportHTML(b *testing.B) {
	var pages [][]byte
	for _, name := range []string{"news-page.html", "blog-page.html", "encyclopedia-page.html"} {
		data, err := os.ReadFile(fixture(name))
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, data)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			if _, err := extract.Article("page.html", p); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkImportRefused imports the fixture page that holds no article,
// which every strategy is asked about before the page is refused.
func BenchmarkImportRefused(b *testing.B) {
	data, err := os.ReadFile(fixture("no-article.html"))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := extract.Article("page.html", data); err == nil {
			b.Fatal("a page without an article was imported")
		}
	}
}
