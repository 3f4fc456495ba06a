package main

import (
	"fmt"
	"strings"
)

// svgwrite.go draws a parsed screen as an SVG picture in a theme's colours.

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
