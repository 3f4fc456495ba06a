package render

import (
	"fmt"
	"strings"
	"testing"

	"cable/articles"
)

var benchSizes = []int{1_000, 10_000, 50_000}

func sample(b *testing.B, words int) *articles.Article {
	b.Helper()
	a, err := articles.Parse("bench.md", articles.SampleArticle(words, 1), "bench")
	if err != nil {
		b.Fatal(err)
	}
	return a
}

// BenchmarkRenderFull renders whole articles at 80 columns, every section,
// as the reader does the first time it shows an article.
func BenchmarkRenderFull(b *testing.B) {
	for _, words := range benchSizes {
		a := sample(b, words)
		b.Run(fmt.Sprintf("%dk", words/1000), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Article(a, Options{Width: 80, Style: StyleDark, Profile: testProfile}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFirstPaint goes from an article's bytes to its first screen
// at 80×24: parse, render what the screen needs (FirstScreen, as the
// reader does before the whole rendering arrives), cut the screen.
func BenchmarkFirstPaint(b *testing.B) {
	for _, words := range benchSizes {
		data := articles.SampleArticle(words, 1)
		b.Run(fmt.Sprintf("%dk", words/1000), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				a, err := articles.Parse("bench.md", data, "bench")
				if err != nil {
					b.Fatal(err)
				}
				doc, err := FirstScreen(a, Options{Width: 80, Style: StyleDark, Profile: testProfile}, articles.Position{}, 21)
				if err != nil || len(doc.Lines) < 21 {
					b.Fatalf("first screen: %v, %d lines", err, len(doc.Lines))
				}
				_ = strings.Join(doc.Lines[:21], "\n")
			}
		})
	}
}
