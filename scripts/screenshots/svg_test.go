package main

import (
	"encoding/xml"
	"io"
	"regexp"
	"strings"
	"testing"
)

func TestPalette256(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{
		{0, "#000000"},
		{1, "#cd3131"},
		{15, "#ffffff"},
		{16, "#000000"},  // the cube's first corner
		{21, "#0000ff"},  // 0,0,5
		{39, "#00afff"},  // 0,3,5: cable's heading blue
		{62, "#5f5fd7"},  // 1,1,4: the library's title bar
		{196, "#ff0000"}, // 5,0,0
		{214, "#ffaf00"}, // 5,3,0: the current search match
		{231, "#ffffff"},
		{232, "#080808"}, // the greys
		{236, "#303030"},
		{245, "#8a8a8a"},
		{252, "#d0d0d0"},
		{255, "#eeeeee"},
	} {
		if got := Palette256(tc.n).Hex(); got != tc.want {
			t.Errorf("Palette256(%d) = %s, want %s", tc.n, got, tc.want)
		}
	}
	if got := Palette256(256); got != defaultColor {
		t.Errorf("Palette256(256) = %v, want the default colour", got)
	}
}

// TestParseStyles reads one styled character after a run of SGR
// sequences and checks the style it is drawn in.
func TestParseStyles(t *testing.T) {
	for _, tc := range []struct {
		name  string
		input string
		want  Style
	}{
		{"plain", "x", plain},
		{"basic foreground", "\x1b[31mx", Style{FG: 0xcd3131, BG: defaultColor}},
		{"basic background", "\x1b[42mx", Style{FG: defaultColor, BG: 0x0dbc79}},
		{"bright foreground", "\x1b[94mx", Style{FG: 0x3b8eea, BG: defaultColor}},
		{"bright background", "\x1b[107mx", Style{FG: defaultColor, BG: 0xffffff}},
		{"256 foreground", "\x1b[38;5;39mx", Style{FG: 0x00afff, BG: defaultColor}},
		{"256 background", "\x1b[48;5;236mx", Style{FG: defaultColor, BG: 0x303030}},
		{"truecolor foreground", "\x1b[38;2;173;88;179mx", Style{FG: 0xad58b3, BG: defaultColor}},
		{"truecolor background", "\x1b[48;2;1;2;3mx", Style{FG: defaultColor, BG: 0x010203}},
		{"colon 256", "\x1b[38:5:196mx", Style{FG: 0xff0000, BG: defaultColor}},
		{"colon truecolor with colour space", "\x1b[38:2::10:20:30mx", Style{FG: 0x0a141e, BG: defaultColor}},
		{"colon truecolor without colour space", "\x1b[48:2:10:20:30mx", Style{FG: defaultColor, BG: 0x0a141e}},
		{"several in one sequence", "\x1b[1;3;38;5;214;48;2;0;0;0mx", Style{FG: 0xffaf00, BG: 0x000000, Bold: true, Italic: true}},
		{"parameters after a truecolor", "\x1b[38;2;1;2;3;4mx", Style{FG: 0x010203, BG: defaultColor, Underline: true}},
		{"default foreground", "\x1b[31;42m\x1b[39mx", Style{FG: defaultColor, BG: 0x0dbc79}},
		{"default background", "\x1b[31;42m\x1b[49mx", Style{FG: 0xcd3131, BG: defaultColor}},
		{"reset", "\x1b[1;2;3;4;7;9;31;42m\x1b[0mx", plain},
		{"empty reset", "\x1b[1;31m\x1b[mx", plain},
		{"bold", "\x1b[1mx", Style{FG: defaultColor, BG: defaultColor, Bold: true}},
		{"faint", "\x1b[2mx", Style{FG: defaultColor, BG: defaultColor, Faint: true}},
		{"22 ends bold and faint", "\x1b[1;2;3m\x1b[22mx", Style{FG: defaultColor, BG: defaultColor, Italic: true}},
		{"23 ends italic", "\x1b[3;4m\x1b[23mx", Style{FG: defaultColor, BG: defaultColor, Underline: true}},
		{"24 ends underline", "\x1b[4;7m\x1b[24mx", Style{FG: defaultColor, BG: defaultColor, Reverse: true}},
		{"27 ends reverse", "\x1b[7;1m\x1b[27mx", Style{FG: defaultColor, BG: defaultColor, Bold: true}},
		{"29 ends strike", "\x1b[9;3m\x1b[29mx", Style{FG: defaultColor, BG: defaultColor, Italic: true}},
		{"curly underline", "\x1b[4:3mx", Style{FG: defaultColor, BG: defaultColor, Underline: true}},
		{"no underline", "\x1b[4m\x1b[4:0mx", plain},
		{"other sequences ignored", "\x1b[31m\x1b[2J\x1b[?25l\x1b]8;;https://x\x1b\\x", Style{FG: 0xcd3131, BG: defaultColor}},
		{"style carries to the next row", "\x1b[32m\nx", Style{FG: 0x0dbc79, BG: defaultColor}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := Parse(tc.input, 10, 2)
			var got *Cell
			for r := range s.Cells {
				for c := range s.Cells[r] {
					if s.Cells[r][c].Text == "x" {
						got = &s.Cells[r][c]
					}
				}
			}
			if got == nil {
				t.Fatalf("no x on the screen: %q", screenText(s))
			}
			if got.Style != tc.want {
				t.Errorf("style %+v, want %+v", got.Style, tc.want)
			}
		})
	}
}

// screenText is a screen's text, rows joined by newlines, wide characters
// once, with trailing spaces.
func screenText(s *Screen) string {
	var rows []string
	for _, row := range s.Cells {
		var b strings.Builder
		for _, c := range row {
			b.WriteString(c.Text)
		}
		rows = append(rows, b.String())
	}
	return strings.Join(rows, "\n")
}

func TestParseLayout(t *testing.T) {
	for _, tc := range []struct {
		name       string
		input      string
		cols, rows int
		want       string
	}{
		{"short rows are padded", "ab\nc", 4, 3, "ab  \nc   \n    "},
		{"long rows are cut", "abcdef\n", 3, 1, "abc"},
		{"extra rows are dropped", "a\nb\nc\n", 2, 2, "a \nb "},
		{"trailing spaces kept", "a  \x1b[41m  \x1b[0m\n", 6, 1, "a     "},
		{"wide characters take two cells", "漢字x\n", 6, 1, "漢字x "},
		{"emoji takes two cells", "🙂x\n", 4, 1, "🙂x "},
		{"a wide character that does not fit is dropped", "abc漢\n", 4, 1, "abc "},
		{"combining marks stay with their letter", "e\u0301x\n", 3, 1, "e\u0301x "},
		{"tab", "a\tb\n", 10, 1, "a       b "},
		{"carriage return ignored", "ab\r\n", 2, 1, "ab"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := Parse(tc.input, tc.cols, tc.rows)
			if got := screenText(s); got != tc.want {
				t.Errorf("screen\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

func TestParseWideCellColumns(t *testing.T) {
	s := Parse("漢x", 4, 1)
	row := s.Cells[0]
	if row[0].Text != "漢" || row[0].Width != 2 {
		t.Errorf("cell 0 is %+v, want 漢 of width 2", row[0])
	}
	if row[1].Width != 0 || row[1].Text != "" {
		t.Errorf("cell 1 is %+v, want the empty half of 漢", row[1])
	}
	if row[2].Text != "x" {
		t.Errorf("cell 2 is %+v, want x", row[2])
	}
}

// testTheme has round numbers, so that positions can be checked by eye.
var testTheme = Theme{
	Background: 0x000000,
	Foreground: 0xcccccc,
	Window:     0x000000,
	FontFamily: "monospace",
	FontSize:   10,
	CellWidth:  10,
	LineHeight: 20,
}

// span is one <tspan> of a picture.
type span struct {
	X, Fill, Weight, Style, Decoration, Length, Text string
}

// rect is one <rect> of a picture other than the window.
type rect struct {
	X, Y, Width, Fill string
}

// parseSVG reads back a picture's text runs and background rectangles; it
// fails the test if the picture is not well-formed XML.
func parseSVG(t *testing.T, svg string) (spans []span, rects []rect) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(svg))
	var cur *span
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed: %v\n%s", err, svg)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			attr := func(name string) string {
				for _, a := range tok.Attr {
					if a.Name.Local == name {
						return a.Value
					}
				}
				return ""
			}
			switch tok.Name.Local {
			case "tspan":
				cur = &span{X: attr("x"), Fill: attr("fill"), Weight: attr("font-weight"), Style: attr("font-style"),
					Decoration: attr("text-decoration"), Length: attr("textLength")}
			case "rect":
				if attr("width") != "100%" {
					rects = append(rects, rect{X: attr("x"), Y: attr("y"), Width: attr("width"), Fill: attr("fill")})
				}
			}
		case xml.CharData:
			if cur != nil {
				cur.Text += string(tok)
			}
		case xml.EndElement:
			if tok.Name.Local == "tspan" && cur != nil {
				spans = append(spans, *cur)
				cur = nil
			}
		}
	}
	return spans, rects
}

func TestSVG(t *testing.T) {
	for _, tc := range []struct {
		name  string
		input string
		cols  int
		spans []span
		rects []rect
	}{
		{
			name:  "plain text in the default colour",
			input: "hello world",
			cols:  12,
			spans: []span{{X: "0", Length: "110", Text: "hello world"}},
		},
		{
			name:  "trailing and leading spaces are not text",
			input: "   ab   ",
			cols:  10,
			spans: []span{{X: "30", Length: "20", Text: "ab"}},
		},
		{
			name:  "colours split runs",
			input: "a\x1b[31mbc\x1b[38;5;39md\x1b[38;2;1;2;3me\x1b[39mf",
			cols:  6,
			spans: []span{
				{X: "0", Text: "a"},
				{X: "10", Fill: "#cd3131", Length: "20", Text: "bc"},
				{X: "30", Fill: "#00afff", Text: "d"},
				{X: "40", Fill: "#010203", Text: "e"},
				{X: "50", Text: "f"},
			},
		},
		{
			name:  "bold italic underline strike",
			input: "\x1b[1mb\x1b[22;3mi\x1b[23;4mu\x1b[24;9ms\x1b[0mn",
			cols:  5,
			spans: []span{
				{X: "0", Weight: "bold", Text: "b"},
				{X: "10", Style: "italic", Text: "i"},
				{X: "20", Decoration: "underline", Text: "u"},
				{X: "30", Decoration: "line-through", Text: "s"},
				{X: "40", Text: "n"},
			},
		},
		{
			name:  "faint is the colour halfway to the background",
			input: "\x1b[2;38;2;200;100;0mf",
			cols:  1,
			spans: []span{{X: "0", Fill: "#643200", Text: "f"}},
		},
		{
			name:  "reverse video swaps the default colours",
			input: "a\x1b[7mrv\x1b[27mb",
			cols:  4,
			spans: []span{{X: "0", Text: "a"}, {X: "10", Fill: "#000000", Length: "20", Text: "rv"}, {X: "30", Text: "b"}},
			rects: []rect{{X: "10", Y: "0", Width: "20", Fill: "#cccccc"}},
		},
		{
			name:  "reverse video swaps set colours",
			input: "\x1b[7;31;42mx",
			cols:  1,
			spans: []span{{X: "0", Fill: "#0dbc79", Text: "x"}},
			rects: []rect{{X: "0", Y: "0", Width: "10", Fill: "#cd3131"}},
		},
		{
			name:  "background runs, trailing spaces included",
			input: "ab\x1b[48;5;236m cd  \x1b[49m",
			cols:  10,
			// The text runs across the change of background.
			spans: []span{{X: "0", Length: "50", Text: "ab cd"}},
			rects: []rect{{X: "20", Y: "0", Width: "50", Fill: "#303030"}},
		},
		{
			name:  "erase sequences do not paint",
			input: "\x1b[44mx\x1b[K",
			cols:  3,
			spans: []span{{X: "0", Text: "x"}},
			rects: []rect{{X: "0", Y: "0", Width: "10", Fill: "#2472c8"}},
		},
		{
			name:  "two spaces or more split a run",
			input: "a b  c   d",
			cols:  10,
			spans: []span{{X: "0", Length: "30", Text: "a b"}, {X: "50", Text: "c"}, {X: "90", Text: "d"}},
		},
		{
			name:  "xml special characters are escaped",
			input: `<a href="x">&'`,
			cols:  20,
			spans: []span{{X: "0", Length: "140", Text: `<a href="x">&'`}},
		},
		{
			name:  "wide characters advance two cells",
			input: "a漢字b🙂c",
			cols:  10,
			spans: []span{
				{X: "0", Text: "a"},
				{X: "10", Text: "漢"},
				{X: "30", Text: "字"},
				{X: "50", Text: "b"},
				{X: "60", Text: "🙂"},
				{X: "80", Text: "c"},
			},
		},
		{
			name:  "non-ASCII text is placed at its own column",
			input: "a’s │ b",
			cols:  8,
			spans: []span{{X: "0", Text: "a"}, {X: "10", Text: "’"}, {X: "20", Text: "s"}, {X: "40", Text: "│"}, {X: "60", Text: "b"}},
		},
		{
			name:  "underlined spaces are drawn",
			input: "\x1b[4ma b \x1b[24m ",
			cols:  6,
			spans: []span{{X: "0", Decoration: "underline", Length: "40", Text: "a b "}},
		},
		{
			name:  "concealed text is not drawn",
			input: "\x1b[8msecret\x1b[28mx",
			cols:  8,
			spans: []span{{X: "60", Text: "x"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svg := Parse(tc.input, tc.cols, 1).SVG(testTheme, "test")
			spans, rects := parseSVG(t, svg)
			if !equalSlices(spans, tc.spans) {
				t.Errorf("spans\n%+v\nwant\n%+v\n%s", spans, tc.spans, svg)
			}
			if !equalSlices(rects, tc.rects) {
				t.Errorf("rects\n%+v\nwant\n%+v\n%s", rects, tc.rects, svg)
			}
		})
	}
}

func equalSlices[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestSVGRows(t *testing.T) {
	svg := Parse("one\n\nthree", 5, 3).SVG(testTheme, "rows")
	ys := regexp.MustCompile(`<text y="([^"]+)"`).FindAllStringSubmatch(svg, -1)
	var got []string
	for _, m := range ys {
		got = append(got, m[1])
	}
	// Baselines 20 pixels apart; the blank row has no <text>.
	if want := []string{"13", "53"}; !equalSlices(got, want) {
		t.Errorf("text rows at y %v, want %v\n%s", got, want, svg)
	}
	if !strings.Contains(svg, `width="50" height="60"`) {
		t.Errorf("the picture is not 5×3 cells of 10×20 pixels:\n%s", svg)
	}
}

func TestSVGTitleEscaped(t *testing.T) {
	svg := Parse("x", 1, 1).SVG(testTheme, `a <b> & "c"`)
	if !strings.Contains(svg, `<title>a &lt;b&gt; &amp; &quot;c&quot;</title>`) {
		t.Errorf("the title is not escaped:\n%s", svg)
	}
	parseSVG(t, svg)
}

func TestEscapeXML(t *testing.T) {
	if got, want := escapeXML(`<a b="c">&'`), "&lt;a b=&quot;c&quot;&gt;&amp;&apos;"; got != want {
		t.Errorf("escapeXML = %q, want %q", got, want)
	}
}

func TestEscapeXMLDropsControls(t *testing.T) {
	if got, want := escapeXML("a\x00b\x1bc\u0085d"), "abcd"; got != want {
		t.Errorf("escapeXML = %q, want %q", got, want)
	}
}
