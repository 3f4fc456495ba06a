package render

import (
	"fmt"
	"strings"
	"testing"

	"cable/articles"

	"github.com/charmbracelet/x/ansi"
)

// TestCellsShowThePassage finds every sentence of the seed's paragraphs
// on screen at several widths and styles: the cells Cells gives hold the
// sentence's words, no more and no fewer, however the lines wrap.
func TestCellsShowThePassage(t *testing.T) {
	a := seed(t)
	for _, style := range []string{StyleDark, StyleNoTTY} {
		for _, width := range []int{28, 60, 100} {
			t.Run(fmt.Sprintf("%s/%d", style, width), func(t *testing.T) {
				d, err := Article(a, Options{Width: width, Style: style, Profile: testProfile, Links: LinksClean})
				if err != nil {
					t.Fatal(err)
				}
				checked := 0
				for s, sec := range a.Sections {
					for b, block := range sec.Blocks {
						if block.Heading > 0 || b == 0 && sec.Title != "" {
							continue
						}
						for _, sp := range articles.Sentences(block.Text) {
							from := a.PositionOf(articles.Anchor{Section: s, Block: b, Start: sp.Start})
							to := a.PositionOf(articles.Anchor{Section: s, Block: b, Start: sp.End})
							var shown strings.Builder
							for _, c := range d.Cells(from, to, 0, len(d.Lines)) {
								shown.WriteString(ansi.Strip(ansi.Cut(d.Lines[c.Line], c.From, c.To)))
							}
							if got, want := squeeze(shown.String()), squeeze(block.Text[sp.Start:sp.End]); got != want {
								t.Errorf("§%d block %d: the cells show %q, want %q", s+1, b, got, want)
							}
							checked++
						}
					}
				}
				if checked < 20 {
					t.Errorf("only %d sentences checked", checked)
				}
			})
		}
	}
}

// TestCellsOfNothing: a passage the rendering has no place for, or an
// empty one, has no cells.
func TestCellsOfNothing(t *testing.T) {
	d, err := Article(seed(t), Options{Width: 60, Style: StyleDark, Profile: testProfile})
	if err != nil {
		t.Fatal(err)
	}
	p := articles.Position{Section: 1, Block: 1, Offset: 10}
	for name, span := range map[string][2]articles.Position{
		"empty":         {p, p},
		"backwards":     {p, {Section: 1, Block: 1, Offset: 2}},
		"no section":    {{Section: 99}, {Section: 99, Offset: 4}},
		"no block":      {{Section: 1, Block: 999}, {Section: 1, Block: 999, Offset: 3}},
		"negative":      {{Section: -1}, p},
		"off the lines": {p, {Section: 1, Block: 2}},
	} {
		top, bottom := 0, len(d.Lines)
		if name == "off the lines" {
			top, bottom = len(d.Lines)-1, len(d.Lines)
		}
		if cells := d.Cells(span[0], span[1], top, bottom); len(cells) != 0 {
			t.Errorf("%s: cells %+v", name, cells)
		}
	}
}
