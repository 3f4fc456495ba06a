package ui

import (
	"os"
	"path/filepath"
	"testing"

	"cable/articles"
	"cable/render"
)

// BenchmarkOpen is the whole opening of an article in the reader, through
// the catalog, both renderings included.
func BenchmarkOpen(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bench.md")
	if err := os.WriteFile(path, articles.SampleArticle(10_000, 1), 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		ctx := newTestContext(render.StyleDark)
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
	ctx := newTestContext(render.StyleDark)
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

// BenchmarkFirstFindKey is the first key typed after "/" in a 50k-word
// article just opened, and the screen drawn after it: what the reader
// waits for, the text's index built (or not) meanwhile.
func BenchmarkFirstFindKey(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		m := benchReader(b)
		m, _ = press(b, m, "/")
		b.StartTimer()
		m, _ = press(b, m, "s")
		_ = m.View()
	}
}

// BenchmarkKeyScrollHighlighted is BenchmarkKeyScroll's "j" with the
// first sentence of every paragraph highlighted, each with a note, and a
// selection on screen: what drawing highlights over the text costs a key.
func BenchmarkKeyScrollHighlighted(b *testing.B) {
	m := benchReader(b)
	a := m.reader.article
	for _, p := range textBlocks(a) {
		text := a.Sections[p.Section].Blocks[p.Block].Text
		sp := articles.SentenceAt(text, 0)
		from := a.PositionOf(articles.Anchor{Section: p.Section, Block: p.Block, Start: sp.Start})
		to := a.PositionOf(articles.Anchor{Section: p.Section, Block: p.Block, Start: sp.End})
		sh := shownHighlight{found: true, from: from, to: to}
		sh.h.Note = "a note"
		m.reader.highs = append(m.reader.highs, sh)
	}
	m.reader.startSelection() // v, which needs no store to draw
	m.reader.sel.more(m.reader.sentences, true)
	b.ReportMetric(float64(len(m.reader.highs)), "highlights")
	b.ReportAllocs()
	for b.Loop() {
		m, _ = press(b, m, "j")
		if m.reader.top >= m.reader.maxTop() {
			m, _ = press(b, m, "g")
		}
		_ = m.View()
	}
}
