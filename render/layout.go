package render

import (
	"sort"
	"strings"
	"unicode"

	"cable/articles"

	"github.com/charmbracelet/x/ansi"
)

// flatten joins rendered lines into their visible text with every space
// removed, and says where each line starts in it. Without spaces the text
// is the same however Glamour wrapped or hyphen-broke it.
func flatten(lines []string) (string, []int) {
	var b strings.Builder
	starts := make([]int, len(lines))
	for i, line := range lines {
		starts[i] = b.Len()
		b.WriteString(squeeze(ansi.Strip(line)))
	}
	return b.String(), starts
}

// squeeze removes all white space from s.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// lineAtOffset is the line whose text holds offset, given where each line
// starts in the flattened text.
func lineAtOffset(starts []int, offset int) int {
	i := sort.Search(len(starts), func(i int) bool { return starts[i] > offset })
	return max(i-1, 0)
}

// SectionAt is the section that line belongs to: the last one starting at
// or above it.
func (d *Document) SectionAt(line int) int {
	return max(lineAtOffset(d.SectionStart, line), 0)
}

// PositionAt is the place in the text shown on line: its section, the
// block that line belongs to, and how far into that block it is.
func (d *Document) PositionAt(line int) articles.Position {
	if len(d.Lines) == 0 {
		return articles.Position{}
	}
	line = clamp(line, 0, len(d.Lines)-1)
	s := d.SectionAt(line)
	pos := articles.Position{Section: s}
	at := d.lineFlat[line]
	for j, off := range d.blockFlat[s] {
		// A block belongs to this line when it starts on it or above, or
		// when nothing of this line comes before it: a blank line above a
		// paragraph is the paragraph's place.
		if d.BlockStart[s][j] > line && (off < 0 || off > at) {
			break
		}
		if off >= 0 {
			pos.Block, pos.Offset = j, d.textOffset(s, j, max(at-off, 0))
		}
	}
	return pos
}

// LineOf is the line showing pos: the line holding its offset within its
// block, never past the block's own lines.
func (d *Document) LineOf(pos articles.Position) int {
	if len(d.SectionStart) == 0 {
		return 0
	}
	s := clamp(pos.Section, 0, len(d.SectionStart)-1)
	blocks := d.blockFlat[s]
	if len(blocks) == 0 {
		return d.SectionStart[s]
	}
	b := clamp(pos.Block, 0, len(blocks)-1)
	if pos.Offset <= 0 {
		return d.BlockStart[s][b]
	}
	if blocks[b] < 0 {
		return d.BlockStart[s][b] // not found: its offsets mean nothing
	}
	target := blocks[b] + d.shownOffset(s, b, pos.Offset)
	line := max(lineAtOffset(d.lineFlat, target), d.BlockStart[s][b])
	if b+1 < len(blocks) && blocks[b+1] > blocks[b] && d.BlockStart[s][b+1] > d.BlockStart[s][b] {
		line = min(line, d.BlockStart[s][b+1])
	} else if s+1 < len(d.SectionStart) {
		line = min(line, d.SectionStart[s+1]-1)
	}
	return line
}

// TextWidth is the width the text is wrapped to: the measure, or the
// terminal's width when that is narrower.
func TextWidth(termWidth, measure int) int {
	if measure <= 0 || termWidth < measure {
		return max(termWidth, 1)
	}
	return measure
}

// Margin is the left margin of Glamour's dark, light and notty styles, in
// columns: the text starts this far right of the rendered lines' start.
const Margin = 2

func clamp(v, lo, hi int) int {
	return max(lo, min(v, hi))
}

// BlocksEndingIn are the blocks whose last line of text lies between top
// and bottom (bottom excluded): the blocks a reader looking at those lines
// has read to the end. A first paint, whose sections are not all rendered,
// has none.
func (d *Document) BlocksEndingIn(top, bottom int) []articles.Position {
	if d.Partial || len(d.Lines) == 0 {
		return nil
	}
	var seen []articles.Position
	for s := d.SectionAt(top); s < len(d.BlockStart) && d.SectionStart[s] < bottom; s++ {
		for j := range d.BlockStart[s] {
			if end := d.blockEnd(s, j); end >= top && end < bottom {
				seen = append(seen, articles.Position{Section: s, Block: j})
			}
		}
	}
	return seen
}

// blockEnd is the last line of block j of section i that is not blank:
// the line before the next block that starts below it, or before the next
// section, or the document's last line.
func (d *Document) blockEnd(s, j int) int {
	start := d.BlockStart[s][j]
	next := len(d.Lines)
	if s+1 < len(d.SectionStart) {
		next = d.SectionStart[s+1]
	}
	for _, l := range d.BlockStart[s][j+1:] {
		if l > start {
			next = min(next, l)
			break
		}
	}
	end := min(next, len(d.Lines)) - 1
	for end > start && strings.TrimSpace(ansi.Strip(d.Lines[end])) == "" {
		end--
	}
	return max(end, start)
}
