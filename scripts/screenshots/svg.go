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

// Theme is the look of the picture: the terminal's default colours, the
// font and the size of a cell.
type Theme struct {
	Background, Foreground Color
	// Window is the colour of the frame around the screen.
	Window     Color
	FontFamily string
	FontSize   float64
	// CellWidth and LineHeight are a cell's size in pixels; CellWidth
	// suits the font size (0.6em is the advance of most monospace fonts).
	CellWidth, LineHeight float64
	// Padding is the space between the frame's edge and the screen.
	Padding float64
	// TitleBar draws a window bar with three dots above the screen.
	TitleBar bool
}

// DarkTheme is a dark terminal, the look of the README's pictures.
var DarkTheme = Theme{
	Background: 0x16161e,
	Foreground: 0xd4d4d4,
	Window:     0x16161e,
	FontFamily: `ui-monospace, 'SFMono-Regular', 'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace`,
	FontSize:   14,
	CellWidth:  8.4,
	LineHeight: 18,
	Padding:    16,
	TitleBar:   true,
}

// drawn is how a cell looks once reverse video and faintness are settled:
// its real colours and what is left of its style for the text.
type drawn struct {
	fg, bg                                  Color
	bold, italic, underline, strike, hidden bool
}

func (th Theme) resolve(st Style) drawn {
	fg, bg := st.FG, st.BG
	if fg == defaultColor {
		fg = th.Foreground
	}
	if bg == defaultColor {
		bg = th.Background
	}
	if st.Reverse {
		fg, bg = bg, fg
	}
	if st.Faint {
		fg = mix(fg, bg, 0.5)
	}
	return drawn{fg: fg, bg: bg, bold: st.Bold, italic: st.Italic, underline: st.Underline, strike: st.Strike, hidden: st.Conceal}
}

// mix is a between colours a and b: a at 0, b at 1.
func mix(a, b Color, t float64) Color {
	ch := func(c Color, shift uint) float64 { return float64(int32(c) >> shift & 0xff) }
	m := func(shift uint) uint8 { return uint8(ch(a, shift)*(1-t) + ch(b, shift)*t + 0.5) }
	return rgb(m(16), m(8), m(0))
}

// blank reports whether a cell draws no ink: a space or the empty half of
// a wide character, neither underlined nor struck through.
func (d drawn) blank(c Cell) bool {
	return d.hidden || ((c.Text == " " || c.Text == "\u00a0" || c.Width == 0) && !d.underline && !d.strike)
}

// sameText reports whether two cells' text can share a <tspan>.
func (d drawn) sameText(e drawn) bool {
	return d.fg == e.fg && d.bold == e.bold && d.italic == e.italic && d.underline == e.underline && d.strike == e.strike
}

// ownSpan reports whether a cell's text goes in a <tspan> of its own,
// placed at its column: a wide character, and anything not ASCII, which
// the viewer may take from a fallback font of another advance.
func ownSpan(c Cell) bool {
	if c.Width != 1 {
		return true
	}
	for _, r := range c.Text {
		if r >= 0x80 {
			return true
		}
	}
	return false
}

// SVG draws the screen as an SVG picture. title is the picture's
// accessible name.
func (s *Screen) SVG(th Theme, title string) string {
	bar := 0.0
	if th.TitleBar {
		bar = 28
	}
	screenW := float64(s.Cols) * th.CellWidth
	screenH := float64(s.Rows) * th.LineHeight
	width := screenW + 2*th.Padding
	height := screenH + 2*th.Padding + bar
	x0, y0 := th.Padding, th.Padding+bar

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" role="img" aria-label="%s">`+"\n",
		num(width), num(height), num(width), num(height), escapeXML(title))
	fmt.Fprintf(&b, "<title>%s</title>\n", escapeXML(title))
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" rx="8" fill="%s"/>`+"\n", th.Window.Hex())
	if th.TitleBar {
		for i, c := range []string{"#ff5f57", "#febc2e", "#28c840"} {
			fmt.Fprintf(&b, `<circle cx="%s" cy="%s" r="6" fill="%s"/>`+"\n", num(th.Padding+6+float64(i)*20), num(th.Padding+4), c)
		}
	}
	if th.Window != th.Background {
		fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`+"\n", num(x0), num(y0), num(screenW), num(screenH), th.Background.Hex())
	}

	// Backgrounds: one rectangle for each run of cells of the same colour
	// other than the terminal's own.
	b.WriteString(`<g shape-rendering="crispEdges">` + "\n")
	for r, row := range s.Cells {
		for c := 0; c < len(row); {
			bg := th.resolve(row[c].Style).bg
			end := c + 1
			for end < len(row) && th.resolve(row[end].Style).bg == bg {
				end++
			}
			if bg != th.Background {
				fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`+"\n",
					num(x0+float64(c)*th.CellWidth), num(y0+float64(r)*th.LineHeight),
					num(float64(end-c)*th.CellWidth), num(th.LineHeight), bg.Hex())
			}
			c = end
		}
	}
	b.WriteString("</g>\n")

	// Text: one <text> a row, a <tspan> for each run of cells of the same
	// look, at its column. The baseline sits where a terminal puts it,
	// about four fifths down the line.
	fmt.Fprintf(&b, `<g font-family="%s" font-size="%s" fill="%s" xml:space="preserve" style="white-space:pre">`+"\n",
		escapeXML(th.FontFamily), num(th.FontSize), th.Foreground.Hex())
	baseline := (th.LineHeight-th.FontSize)/2 + th.FontSize*0.8
	for r, row := range s.Cells {
		var spans strings.Builder
		for c := 0; c < len(row); {
			d := th.resolve(row[c].Style)
			if d.blank(row[c]) {
				c++
				continue
			}
			end := c + 1
			if !ownSpan(row[c]) {
				for end < len(row) && !ownSpan(row[end]) && th.resolve(row[end].Style).sameText(d) {
					// Two blanks end the run: some viewers (Chrome) collapse
					// runs of spaces whatever xml:space says, so a gap is
					// made by placing the next run, not by spaces.
					if d.blank(row[end]) && end+1 < len(row) && d.blank(row[end+1]) {
						break
					}
					end++
				}
				// A run ends on ink: trailing blanks are not text.
				for end > c+1 && d.blank(row[end-1]) {
					end--
				}
			} else {
				end = c + max(row[c].Width, 1)
			}
			var text strings.Builder
			for _, cell := range row[c:end] {
				text.WriteString(cell.Text)
			}
			writeSpan(&spans, th, d, x0+float64(c)*th.CellWidth, end-c, row[c].Width, text.String())
			c = end
		}
		if spans.Len() > 0 {
			fmt.Fprintf(&b, `<text y="%s" xml:space="preserve">%s</text>`+"\n", num(y0+float64(r)*th.LineHeight+baseline), spans.String())
		}
	}
	b.WriteString("</g>\n</svg>\n")
	return b.String()
}

// writeSpan writes one <tspan> of text that fills cells columns from x.
// A run of several ASCII cells is given its exact length (textLength), so
// that a font whose advance is not CellWidth cannot push the next run out
// of its column.
func writeSpan(b *strings.Builder, th Theme, d drawn, x float64, cells, firstWidth int, text string) {
	fmt.Fprintf(b, `<tspan x="%s"`, num(x))
	if d.fg != th.Foreground {
		fmt.Fprintf(b, ` fill="%s"`, d.fg.Hex())
	}
	if d.bold {
		b.WriteString(` font-weight="bold"`)
	}
	if d.italic {
		b.WriteString(` font-style="italic"`)
	}
	switch {
	case d.underline && d.strike:
		b.WriteString(` text-decoration="underline line-through"`)
	case d.underline:
		b.WriteString(` text-decoration="underline"`)
	case d.strike:
		b.WriteString(` text-decoration="line-through"`)
	}
	if cells > 1 && firstWidth == 1 {
		fmt.Fprintf(b, ` textLength="%s" lengthAdjust="spacing"`, num(float64(cells)*th.CellWidth))
	}
	b.WriteString(">")
	b.WriteString(escapeXML(text))
	b.WriteString("</tspan>")
}

// escapeXML escapes text for an XML text node or attribute value, and
// drops the characters XML does not allow.
func escapeXML(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&apos;")
		case r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r != 0xfffe && r != 0xffff && !(r >= 0x7f && r < 0xa0)):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// num writes a length with at most two decimals and no trailing zeros.
func num(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}
