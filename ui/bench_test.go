package ui

import (
	"fmt"
	"os"
	"path/filepath"
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
				if _, err := Render(a, RenderOptions{Width: 80, Style: StyleDark, Profile: testProfile}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFirstPaint goes from an article's bytes to its first screen
// at 80×24: parse, render what the screen needs (RenderFirst, as the
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
				doc, err := RenderFirst(a, RenderOptions{Width: 80, Style: StyleDark, Profile: testProfile}, articles.Position{}, 21)
				if err != nil || len(doc.Lines) < 21 {
					b.Fatalf("first screen: %v, %d lines", err, len(doc.Lines))
				}
				_ = strings.Join(doc.Lines[:21], "\n")
			}
		})
	}
}

// BenchmarkOpen is the whole opening of an article in the reader, through
// the catalog, both renderings included.
func BenchmarkOpen(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bench.md")
	if err := os.WriteFile(path, articles.SampleArticle(10_000, 1), 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		ctx := NewContext(StyleDark, testProfile, 80)
		ctx.Width, ctx.Height = 80, 24
		cat, err := catalogOf(path)
		if err != nil {
			b.Fatal(err)
		}
		ctx.Catalog = cat
		if m := open(b, startModel(b, ctx), "bench"); m.reader.doc == nil || m.View() == "" {
			b.Fatal("nothing drawn")
		}
	}
}

// benchReader is a reader on the 50k-word sample at 200×60.
func benchReader(b *testing.B) Model {
	b.Helper()
	path := filepath.Join(b.TempDir(), "bench.md")
	if err := os.WriteFile(path, articles.SampleArticle(50_000, 1), 0o644); err != nil {
		b.Fatal(err)
	}
	ctx := NewContext(StyleDark, testProfile, 80)
	ctx.Width, ctx.Height = 200, 60
	cat, err := catalogOf(path)
	if err != nil {
		b.Fatal(err)
	}
	ctx.Catalog = cat
	return open(b, startModel(b, ctx), "bench")
}

// BenchmarkKeyScroll is one key (a line down, then a page down) and the
// screen drawn after it, on a 50k-word article at 200×60.
func BenchmarkKeyScroll(b *testing.B) {
	for _, k := range []string{"j", "space"} {
		b.Run(k, func(b *testing.B) {
			m := benchReader(b)
			b.ReportAllocs()
			for b.Loop() {
				m, _ = press(b, m, k)
				if m.reader.top >= m.reader.maxTop() {
					m, _ = press(b, m, "g")
				}
				_ = m.View()
			}
		})
	}
}

// BenchmarkKeySectionJump is "]" (or the contents opening) and the screen
// drawn after it, on a 50k-word article at 200×60.
func BenchmarkKeySectionJump(b *testing.B) {
	for _, k := range []string{"]", "t"} {
		b.Run(k, func(b *testing.B) {
			m := benchReader(b)
			b.ReportAllocs()
			for b.Loop() {
				m, _ = press(b, m, k)
				_ = m.View()
				switch {
				case k == "t":
					m, _ = press(b, m, "esc")
				case m.reader.currentSection() == len(m.reader.article.Sections)-1:
					m, _ = press(b, m, "g")
				}
			}
		})
	}
}
