package render

import (
	"fmt"
	"strings"
	"testing"

	"cable/articles"

	"github.com/charmbracelet/x/ansi"
)

// TestBlocksEndingIn checks, at several widths, that every block ends on
// a line with text, inside its own section, and that a window just above
// that line does not count it while one holding it does.
func TestBlocksEndingIn(t *testing.T) {
	for _, a := range bundle(t) {
		for _, width := range []int{40, 80, 0} {
			t.Run(fmt.Sprintf("%s/%d", a.ID, width), func(t *testing.T) {
				d := render(t, a, width, StyleNoTTY)
				all := d.BlocksEndingIn(0, len(d.Lines))
				blocks := 0
				for _, s := range a.Sections {
					blocks += len(s.Blocks)
				}
				if len(all) != blocks {
					t.Fatalf("the whole document ends %d blocks, the article has %d", len(all), blocks)
				}
				for _, pos := range all {
					end := d.blockEnd(pos.Section, pos.Block)
					if strings.TrimSpace(ansi.Strip(d.Lines[end])) == "" && end > d.BlockStart[pos.Section][pos.Block] {
						t.Errorf("%+v ends on blank line %d", pos, end)
					}
					if d.SectionAt(end) != pos.Section {
						t.Errorf("%+v ends on line %d, in section %d", pos, end, d.SectionAt(end))
					}
					if holds(d.BlocksEndingIn(0, end), pos) {
						t.Errorf("%+v counted in lines 0–%d, above its end", pos, end-1)
					}
					if !holds(d.BlocksEndingIn(end, end+1), pos) {
						t.Errorf("%+v not counted on its last line %d", pos, end)
					}
				}
			})
		}
	}
}

func TestAFirstPaintEndsNoBlock(t *testing.T) {
	d := render(t, seed(t), 80, StyleNoTTY)
	d.Partial = true
	if got := d.BlocksEndingIn(0, len(d.Lines)); got != nil {
		t.Errorf("a partial rendering ended %v", got)
	}
}

func holds(list []articles.Position, pos articles.Position) bool {
	for _, p := range list {
		if p == pos {
			return true
		}
	}
	return false
}
