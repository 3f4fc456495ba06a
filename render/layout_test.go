package render

import (
	"fmt"
	"strings"
	"testing"

	"cable/articles"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

func render(t testing.TB, a *articles.Article, width int, style string) *Document {
	t.Helper()
	d, err := Article(a, Options{Width: width, Style: style, Profile: termenv.ANSI256})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestPositionsRoundTrip checks, at several widths, that every line with
// text maps to a position that maps back to that same line, and that every
// block's position maps to the line where the block starts.
func TestPositionsRoundTrip(t *testing.T) {
	for _, a := range bundle(t) {
		for _, width := range []int{24, 40, 57, 80, 100, 0} {
			t.Run(fmt.Sprintf("%s/%d", a.ID, width), func(t *testing.T) {
				d := render(t, a, width, StyleNoTTY)
				for line, text := range d.Lines {
					if strings.TrimSpace(text) == "" {
						continue
					}
					pos := d.PositionAt(line)
					if back := d.LineOf(pos); back != line {
						t.Fatalf("line %d %q → %+v → line %d %q", line, text, pos, back, d.Lines[back])
					}
				}
				for s := range a.Sections {
					if got := d.LineOf(articles.Position{Section: s}); got != d.SectionStart[s] {
						t.Errorf("section %d starts at %d, LineOf says %d", s, d.SectionStart[s], got)
					}
					for b := 1; b < len(a.Sections[s].Blocks); b++ {
						line := d.LineOf(articles.Position{Section: s, Block: b})
						if pos := d.PositionAt(line); pos.Section != s || pos.Block != b || pos.Offset != 0 {
							t.Errorf("block %d.%d at line %d maps back to %+v", s, b, line, pos)
						}
					}
				}
			})
		}
	}
}

// TestBlocksAreFoundWhereTheirTextIs checks that each block's line shows
// the block's first words, at every width.
func TestBlocksAreFoundWhereTheirTextIs(t *testing.T) {
	a := seed(t)
	for _, width := range []int{30, 80, 140} {
		d := render(t, a, width, StyleDark)
		for s, sec := range a.Sections {
			for b, block := range sec.Blocks {
				first := strings.Fields(block.Text)[0]
				line := strings.TrimSpace(ansi.Strip(d.Lines[d.BlockStart[s][b]]))
				if !strings.Contains(line, first) {
					t.Errorf("width %d: block %d.%d starts %q but its line is %q", width, s, b, first, line)
				}
			}
		}
	}
}

// TestPositionCarriesAcrossWidths follows one place in the text from a
// wide rendering to a narrow one: the narrow line must hold the words that
// began the wide line.
func TestPositionCarriesAcrossWidths(t *testing.T) {
	a := seed(t)
	wide, narrow := render(t, a, 100, StyleNoTTY), render(t, a, 36, StyleNoTTY)
	for line := range wide.Lines {
		words := strings.Fields(wide.Lines[line])
		if len(words) == 0 || strings.HasPrefix(words[0], "#") {
			continue
		}
		pos := wide.PositionAt(line)
		got := narrow.Lines[narrow.LineOf(pos)]
		if !strings.Contains(squeeze(got), squeeze(words[0])) {
			t.Errorf("wide line %d %q → %+v → narrow %q", line, wide.Lines[line], pos, got)
		}
	}
}
