package ui

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"cable/render"
)

// painter draws passages over the lines of text on screen, [top,
// top+len(lines)) of the rendering: saved highlights, the selection being
// made, the search's matches. Where marks stand for the styles, they make
// a line wider: a passage later on the line is moved along by the marks
// drawn before it, and the line gives back as much of its padding. It
// works on lines already rendered, and maps nothing but columns.
type painter struct {
	lines []string
	top   int
	// inserts are the marks drawn on each line so far: their column in
	// the line as rendered, and their width.
	inserts [][]insert
}

type insert struct{ at, width int }

func newPainter(lines []string, top int) *painter {
	return &painter{lines: lines, top: top, inserts: make([][]insert, len(lines))}
}

// stroke is one passage to draw: its cells in the rendering, its style,
// the marks that open and close it, and what follows its end (a note's
// mark). A passage over several lines is opened on its first and closed
// on its last: begin and end say whether they are on screen. The search's
// matches, a line's words at most, are marked on every line.
type stroke struct {
	cells      []render.CellSpan
	style      lipgloss.Style
	marks      [2]string
	after      string
	begin, end bool
	eachLine   bool
}

// draw paints a stroke on the lines it covers on screen.
func (p *painter) draw(s stroke) {
	for i, c := range s.cells {
		k := c.Line - p.top
		if k < 0 || k >= len(p.lines) || c.To <= c.From {
			continue
		}
		first, last := s.eachLine || s.begin && i == 0, s.eachLine || s.end && i == len(s.cells)-1
		opening, closing, tail := "", "", ""
		if first {
			opening = s.marks[0]
		}
		if last {
			closing = s.marks[1]
			if s.end && i == len(s.cells)-1 {
				tail = s.after
			}
		}
		open, shut := ansi.StringWidth(opening), ansi.StringWidth(closing)
		mark := func(text ...string) string {
			t := opening
			for _, x := range text {
				t += x
			}
			return s.style.Render(t+closing) + tail
		}
		from, to := p.shift(k, c.From, true), p.shift(k, c.To, false)
		p.lines[k] = highlight(p.lines[k], lineSpan{from: from, to: to}, mark)
		if open > 0 {
			p.inserts[k] = append(p.inserts[k], insert{at: c.From, width: open})
		}
		if w := shut + ansi.StringWidth(tail); w > 0 {
			p.inserts[k] = append(p.inserts[k], insert{at: c.To, width: w})
		}
	}
}

// shift is where column col of line k of the rendering stands now: past
// every mark drawn before it. A passage's start moves past the marks
// drawn at its column, its end does not.
func (p *painter) shift(k, col int, start bool) int {
	moved := col
	for _, in := range p.inserts[k] {
		if in.at < col || start && in.at == col {
			moved += in.width
		}
	}
	return moved
}

// done gives back the lines drawn on, each without as much of its
// padding as its marks took.
func (p *painter) done() []string {
	for k, ins := range p.inserts {
		n := 0
		for _, in := range ins {
			n += in.width
		}
		if n > 0 {
			p.lines[k] = dropPadding(p.lines[k], n)
		}
	}
	return p.lines
}
