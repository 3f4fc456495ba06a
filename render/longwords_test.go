package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestBreakLongLines(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		width int
		want  []string
	}{
		{"fits", "  short line\n  another", 20, []string{"  short line", "  another"}},
		{"a long address", "  see\n  https://example.org/a/very/long/path\n  end", 20,
			[]string{"  see", "  https://example.or", "  g/a/very/long/path", "  end"}},
		{"no indent", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"exactly the width", "abcd", 4, []string{"abcd"}},
		{"no wrapping at width 0", "abcdefghij", 0, []string{"abcdefghij"}},
		{"wide characters", "  中文中文中文中文", 8, []string{"  中文中", "  文中文", "  中文"}},
	}
	for _, tt := range tests {
		got := strings.Split(ansi.Strip(breakLongLines(tt.in, tt.width)), "\n")
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
		for _, l := range got {
			if tt.width > 0 && ansi.StringWidth(l) > tt.width {
				t.Errorf("%s: %q is wider than %d", tt.name, l, tt.width)
			}
		}
	}
	styled := breakLongLines("  \x1b[31mhttps://example.org/averyveryverylong\x1b[0m", 20)
	for i, l := range strings.Split(styled, "\n") {
		if !strings.Contains(l, "\x1b[31m") {
			t.Errorf("piece %d lost its colour: %q", i, l)
		}
	}
}

// TestLongWordsWrapInTheReader renders a paragraph holding a word wider
// than the text: every line fits, and none of the word is lost.
func TestLongWordsWrapInTheReader(t *testing.T) {
	word := "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherung"
	a := parseArticle(t, "---\ntitle: T\n---\n\nA compound: "+word+" and a link https://example.org/"+strings.Repeat("x", 70)+" end.\n")
	for _, width := range []int{20, 40, 60} {
		doc, err := Article(a, Options{Width: width, Style: StyleNoTTY})
		if err != nil {
			t.Fatal(err)
		}
		var text strings.Builder
		for _, l := range doc.Lines {
			if ansi.StringWidth(l) > width {
				t.Errorf("width %d: %q is %d columns", width, l, ansi.StringWidth(l))
			}
			text.WriteString(strings.TrimSpace(ansi.Strip(l)))
		}
		if flat := text.String(); !strings.Contains(flat, word) || !strings.Contains(flat, strings.Repeat("x", 70)) {
			t.Errorf("width %d: the long words are not all there:\n%s", width, strings.Join(doc.Lines, "\n"))
		}
	}
}
