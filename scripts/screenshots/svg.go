package main

// The converter: a terminal screen captured with colours (tmux
// capture-pane -e) becomes an SVG picture of that screen. Parse reads the
// capture into a grid of cells, each with its text and its style; SVG draws
// the grid: background colours as rectangles, the text as one <text> per
// row whose <tspan>s carry colour, weight, slant and decoration. Every
// <tspan> is placed at its own column, so the columns line up whatever
// monospace font the viewer falls back to.

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Color is a colour of the screen: defaultColor, or 0xRRGGBB.
type Color int32

// defaultColor is the terminal's own foreground or background colour.
const defaultColor Color = -1

func rgb(r, g, b uint8) Color { return Color(int32(r)<<16 | int32(g)<<8 | int32(b)) }

// Hex is the colour as #rrggbb.
func (c Color) Hex() string { return fmt.Sprintf("#%06x", int32(c)) }

// ansi16 are the 16 basic colours (SGR 30–37, 90–97 and indices 0–15 of
// the 256-colour palette). They are those of a common dark terminal theme
// (VS Code's), brighter and easier to read than xterm's.
var ansi16 = [16]Color{
	0x000000, 0xcd3131, 0x0dbc79, 0xe5e510, 0x2472c8, 0xbc3fbc, 0x11a8cd, 0xe5e5e5,
	0x666666, 0xf14c4c, 0x23d18b, 0xf5f543, 0x3b8eea, 0xd670d6, 0x29b8db, 0xffffff,
}

// Palette256 is colour n of the xterm 256-colour palette: the 16 basic
// colours, a 6×6×6 cube and 24 greys.
func Palette256(n int) Color {
	switch {
	case n < 0 || n > 255:
		return defaultColor
	case n < 16:
		return ansi16[n]
	case n < 232:
		n -= 16
		level := func(v int) uint8 {
			if v == 0 {
				return 0
			}
			return uint8(55 + 40*v)
		}
		return rgb(level(n/36), level(n/6%6), level(n%6))
	default:
		g := uint8(8 + 10*(n-232))
		return rgb(g, g, g)
	}
}

// Style is how a cell is drawn, as the SGR sequences before it set it.
type Style struct {
	FG, BG                                  Color
	Bold, Faint, Italic, Underline, Reverse bool
	Strike, Conceal                         bool
}

var plain = Style{FG: defaultColor, BG: defaultColor}

// Cell is one column of a row. A wide character fills its own cell, with
// Width 2, and the next, which is left empty with Width 0.
type Cell struct {
	Text  string
	Width int
	Style Style
}

// Screen is a captured terminal screen.
type Screen struct {
	Cols, Rows int
	Cells      [][]Cell
}

func blankCell() Cell { return Cell{Text: " ", Width: 1, Style: plain} }

// Parse reads a capture of a cols×rows screen: rows separated by
// newlines, text and SGR sequences. The style carries over from one row to
// the next, as tmux writes it. Text past the last column or row is dropped;
// other escape sequences and control characters are ignored.
func Parse(capture string, cols, rows int) *Screen {
	s := &Screen{Cols: cols, Rows: rows, Cells: make([][]Cell, rows)}
	for r := range s.Cells {
		s.Cells[r] = make([]Cell, cols)
		for c := range s.Cells[r] {
			s.Cells[r][c] = blankCell()
		}
	}
	style := plain
	row, col := 0, 0
	p := ansi.NewParser()
	var state byte
	for len(capture) > 0 {
		seq, width, n, newState := ansi.DecodeSequence(capture, state, p)
		state = newState
		capture = capture[n:]
		switch {
		case seq == "\n":
			row, col = row+1, 0
		case seq == "\t":
			col = min((col/8+1)*8, cols)
		case strings.HasPrefix(seq, "\x1b["):
			if cmd := ansi.Cmd(p.Command()); cmd.Final() == 'm' && cmd.Prefix() == 0 && cmd.Intermediate() == 0 {
				style = applySGR(style, p.Params())
			}
		case width == 0 && row < rows && col > 0 && col <= cols && printable(seq):
			// A combining mark the decoder did not join to its letter.
			c := col - 1
			for c > 0 && s.Cells[row][c].Width == 0 {
				c--
			}
			s.Cells[row][c].Text += seq
		case width > 0:
			if row < rows && col+width <= cols {
				s.Cells[row][col] = Cell{Text: seq, Width: width, Style: style}
				for i := 1; i < width; i++ {
					s.Cells[row][col+i] = Cell{Width: 0, Style: style}
				}
			}
			col += width
		}
	}
	return s
}

// printable reports whether a decoded sequence is text, not a control
// character or an escape sequence.
func printable(seq string) bool {
	r, _ := utf8.DecodeRuneInString(seq)
	return r >= 0x20 && r != 0x7f && !(r >= 0x80 && r < 0xa0)
}

// applySGR returns st changed by the parameters of one SGR sequence.
func applySGR(st Style, params ansi.Params) Style {
	if len(params) == 0 {
		return plain
	}
	for i := 0; i < len(params); i++ {
		p := params[i].Param(0)
		switch {
		case p == 0:
			st = plain
		case p == 1:
			st.Bold = true
		case p == 2:
			st.Faint = true
		case p == 3:
			st.Italic = true
		case p == 4:
			// 4:0 is "no underline"; 4:1 to 4:5 are its kinds.
			st.Underline = true
			if params[i].HasMore() && i+1 < len(params) {
				i++
				st.Underline = params[i].Param(1) != 0
			}
		case p == 7:
			st.Reverse = true
		case p == 8:
			st.Conceal = true
		case p == 9:
			st.Strike = true
		case p == 21:
			st.Underline = true // double underline
		case p == 22:
			st.Bold, st.Faint = false, false
		case p == 23:
			st.Italic = false
		case p == 24:
			st.Underline = false
		case p == 27:
			st.Reverse = false
		case p == 28:
			st.Conceal = false
		case p == 29:
			st.Strike = false
		case p >= 30 && p <= 37:
			st.FG = ansi16[p-30]
		case p >= 40 && p <= 47:
			st.BG = ansi16[p-40]
		case p >= 90 && p <= 97:
			st.FG = ansi16[p-90+8]
		case p >= 100 && p <= 107:
			st.BG = ansi16[p-100+8]
		case p == 39:
			st.FG = defaultColor
		case p == 49:
			st.BG = defaultColor
		case p == 38 || p == 48 || p == 58:
			var c Color
			c, i = extendedColor(params, i)
			switch p {
			case 38:
				st.FG = c
			case 48:
				st.BG = c
			}
		}
	}
	return st
}

// extendedColor reads the colour of a 38, 48 or 58 parameter at params[i],
// in the form 38;5;n, 38;2;r;g;b or their colon forms (38:5:n,
// 38:2::r:g:b, 38:2:r:g:b), and returns it with the index of its last
// parameter. A colour it cannot read is the default colour.
func extendedColor(params ansi.Params, i int) (Color, int) {
	colon := params[i].HasMore()
	var args []int
	if colon {
		// The sub-parameters, up to the one without HasMore.
		for j := i + 1; j < len(params); j++ {
			args = append(args, params[j].Param(-1))
			if !params[j].HasMore() {
				break
			}
		}
		last := i + len(args)
		if len(args) > 0 && args[0] == 2 && len(args) >= 5 {
			args = append(args[:1], args[2:]...) // drop the colour space
		}
		return colorOf(args), last
	}
	if i+1 >= len(params) {
		return defaultColor, i
	}
	switch params[i+1].Param(0) {
	case 5:
		if i+2 < len(params) {
			return Palette256(params[i+2].Param(0)), i + 2
		}
		return defaultColor, len(params) - 1
	case 2:
		if i+4 < len(params) {
			return colorOf([]int{2, params[i+2].Param(0), params[i+3].Param(0), params[i+4].Param(0)}), i + 4
		}
		return defaultColor, len(params) - 1
	}
	return defaultColor, i + 1
}

func colorOf(args []int) Color {
	clamp := func(v int) uint8 { return uint8(max(0, min(255, v))) }
	switch {
	case len(args) >= 2 && args[0] == 5:
		return Palette256(args[1])
	case len(args) >= 4 && args[0] == 2:
		return rgb(clamp(args[1]), clamp(args[2]), clamp(args[3]))
	}
	return defaultColor
}
