package pdf

import (
	"sort"
	"strings"
	"unicode"
)

// A page's characters become lines: runs of characters side by side on
// one baseline. A gap wider than a word space ends a line too, so that
// the two columns of a page, or the cells of a table, are lines of their
// own. Characters set smaller and raised above the baseline are a note's
// marker.

// line is one line of text on a page, in points from the page's bottom.
type line struct {
	page           int
	x0, y0, x1, y1 float64
	base           float64 // the baseline: where most characters sit
	size           float64 // the size most of its characters are set in
	bold           bool    // most of its letters are bold
	text           string  // its text, markers as stand-ins
	right          float64 // where the lines that start where it starts end, at most
	row            []*line // the cells of a table row this line stands for
}

// Stand-ins for a marker's label in a line's text.
const (
	markOpen  = "\ue032"
	markClose = "\ue033"
)

// ligatures are unfolded into their letters.
var ligatures = strings.NewReplacer("\ufb00", "ff", "\ufb01", "fi", "\ufb02", "fl", "\ufb03", "ffi", "\ufb04", "ffl", "\ufb05", "st", "\ufb06", "st")

// pageLines cuts a page's characters into lines.
func pageLines(n int, p page) []*line {
	var out []*line
	var cur []glyph
	flush := func() {
		if l := makeLine(n, cur); l != nil {
			out = append(out, l)
		}
		cur = nil
	}
	for _, g := range p.glyphs {
		if len(cur) > 0 && !sameLine(cur, g) {
			flush()
		}
		cur = append(cur, g)
	}
	flush()
	return out
}

// sameLine reports whether g continues the line of run: it stands to the
// right of the last character, near it, and overlaps the line's height.
func sameLine(run []glyph, g glyph) bool {
	last := run[len(run)-1]
	size := max(last.size, g.size, 1)
	if g.r == ' ' {
		return g.x0 >= last.x1-size && g.x0-last.x1 < size
	}
	var lo, hi float64 = run[0].y0, run[0].y1
	for _, c := range run {
		if c.r != ' ' {
			lo, hi = min(lo, c.y0), max(hi, c.y1)
		}
	}
	overlap := min(hi, g.y1) - max(lo, g.y0)
	if overlap < 0.3*min(hi-lo, g.y1-g.y0) && !(g.y1 == g.y0) {
		return false
	}
	prev := last
	for i := len(run) - 1; i >= 0 && prev.r == ' '; i-- {
		prev = run[i]
	}
	gap := g.x0 - prev.x1
	return gap > -size && gap < 1.6*size
}

// makeLine makes a line of a run of characters.
func makeLine(n int, run []glyph) *line {
	for len(run) > 0 && run[len(run)-1].r == ' ' {
		run = run[:len(run)-1]
	}
	for len(run) > 0 && run[0].r == ' ' {
		run = run[1:]
	}
	if len(run) == 0 {
		return nil
	}
	l := &line{page: n, x0: run[0].x0, x1: run[0].x1, y0: run[0].y0, y1: run[0].y1}
	sizes := map[float64]int{}
	var bases []float64
	bold, letters := 0, 0
	for _, g := range run {
		l.x0, l.x1, l.y0, l.y1 = min(l.x0, g.x0), max(l.x1, g.x1), min(l.y0, g.y0), max(l.y1, g.y1)
		if g.r == ' ' {
			continue
		}
		sizes[round(g.size)]++
		if unicode.IsLetter(g.r) {
			letters++
			if g.bold {
				bold++
			}
		}
	}
	best := 0
	for s, c := range sizes {
		if c > best || c == best && s > l.size {
			l.size, best = s, c
		}
	}
	for _, g := range run {
		if g.r != ' ' && round(g.size) == l.size {
			bases = append(bases, g.y0)
		}
	}
	sort.Float64s(bases)
	l.base = bases[len(bases)/2]
	l.bold = letters > 0 && bold*2 > letters
	l.text = lineText(run, l)
	if strings.TrimSpace(strings.NewReplacer(markOpen, "", markClose, "").Replace(l.text)) == "" {
		return nil
	}
	return l
}

// round is a size to the half point.
func round(v float64) float64 { return float64(int(v*2+0.5)) / 2 }

// lineText is the text of a line's characters: a space where the engine
// put one or where a gap says there is one, ligatures unfolded, and each
// run of small raised digits or symbols made a marker.
func lineText(run []glyph, l *line) string {
	var b strings.Builder
	inMark := false
	for i, g := range run {
		mark := isMarker(g, l)
		if mark && !inMark {
			b.WriteString(markOpen)
		} else if !mark && inMark {
			b.WriteString(markClose)
		}
		inMark = mark
		if i > 0 && g.r != ' ' && run[i-1].r != ' ' && g.x0-run[i-1].x1 > 0.25*max(l.size, 1) {
			b.WriteByte(' ')
		}
		b.WriteString(ligatures.Replace(string(g.r)))
	}
	if inMark {
		b.WriteString(markClose)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// isMarker reports a note marker's character: a digit or note symbol set
// smaller than the line and raised above its baseline.
func isMarker(g glyph, l *line) bool {
	if !unicode.IsDigit(g.r) && !strings.ContainsRune("*†‡§", g.r) {
		return false
	}
	return g.size < 0.85*l.size && g.y0 > l.base+0.2*l.size
}
