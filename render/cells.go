package render

import (
	"unicode"
	"unicode/utf8"

	"cable/articles"

	"github.com/charmbracelet/x/ansi"
)

// CellSpan is the part of one rendered line a passage covers: the
// columns From up to To of line Line.
type CellSpan struct{ Line, From, To int }

// flatAt is where pos stands in the document's text without white space,
// or -1 for a place the rendering does not have.
func (d *Document) flatAt(pos articles.Position) int {
	if pos.Section < 0 || pos.Section >= len(d.blockFlat) || pos.Block < 0 || pos.Block >= len(d.blockFlat[pos.Section]) {
		return -1
	}
	b := d.blockFlat[pos.Section][pos.Block]
	if b < 0 {
		return -1
	}
	return b + d.shownOffset(pos.Section, pos.Block, max(pos.Offset, 0))
}

// Cells are where the text from one position up to another stands on the
// lines top to bottom (bottom excluded), one span per line it covers. The
// positions are reading positions (their offsets count the text without
// white space), so a passage is found at every width: the wrapping moves
// only the line breaks. A passage the rendering cannot place has none.
func (d *Document) Cells(from, to articles.Position, top, bottom int) []CellSpan {
	g1, g2 := d.flatAt(from), d.flatAt(to)
	if g1 < 0 || g2 <= g1 || len(d.Lines) == 0 {
		return nil
	}
	var out []CellSpan
	for l := max(top, lineAtOffset(d.lineFlat, g1)); l < min(bottom, len(d.Lines)) && d.lineFlat[l] < g2; l++ {
		if c1, c2, ok := lineCells(d.Lines[l], g1-d.lineFlat[l], g2-d.lineFlat[l]); ok {
			out = append(out, CellSpan{Line: l, From: c1, To: c2})
		}
	}
	return out
}

// lineCells are the columns of line that show the bytes a up to b of its
// text without white space; ok is false when it shows none of them.
func lineCells(line string, a, b int) (from, to int, ok bool) {
	flat, col := 0, 0
	for _, r := range ansi.Strip(line) {
		w := max(ansi.StringWidth(string(r)), 0)
		if !unicode.IsSpace(r) {
			if flat >= a && flat < b {
				if !ok {
					from, ok = col, true
				}
				to = col + w
			}
			flat += utf8.RuneLen(r)
		}
		col += w
	}
	return from, to, ok
}
