package ui

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"cable/articles"
	"cable/render"

	"github.com/charmbracelet/x/exp/golden"
)

// openSample opens the generated sample article of about words words
// (23 sections at 10,000) at w×h in the dark style.
func openSample(t *testing.T, words, w, h int) Model {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sample.md")
	if err := os.WriteFile(path, articles.SampleArticle(words, 1), 0o644); err != nil {
		t.Fatal(err)
	}
	cat, err := catalogOf(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := testContext(render.StyleDark, w, h)
	ctx.Catalog = cat
	return open(t, startModel(t, ctx), "sample")
}

// sideLines are the side contents as drawn, one string per body line.
func sideLines(m Model) []string {
	var out []string
	for _, l := range screenLines(m)[m.reader.headerHeight() : len(screenLines(m))-1] {
		out = append(out, strings.TrimRight(ansiStrip(l)[:m.reader.sidePaneWidth()], " "))
	}
	return out
}

// TestTheSideContentsFollowTheSection goes deep into an article with more
// sections than the side contents have lines: the section being read stays
// in view, highlighted, and a click on a row shown goes to that row's
// section.
func TestTheSideContentsFollowTheSection(t *testing.T) {
	m := openSample(t, 10_000, 140, 24)
	m, cmd := press(t, m, "T")
	m = settle(t, m, cmd)
	if n := len(m.reader.article.Sections); n <= m.reader.bodyHeight() {
		t.Fatalf("the sample has %d sections, too few to need scrolling", n)
	}
	if m.reader.doc.Partial {
		t.Fatal("the whole rendering has not arrived")
	}
	m.reader.jumpToSection(19)
	view := m.View()
	checkSize(t, view, 140, 24)
	defer golden.RequireEqualEscape(t, []byte(view), true)
	y := -1
	for i, l := range sideLines(m) {
		if strings.HasPrefix(strings.TrimSpace(l), "20 ") {
			y = i + m.reader.headerHeight()
		}
	}
	if y < 0 {
		t.Fatalf("§20, being read, is not in the side contents:\n%s", strings.Join(sideLines(m), "\n"))
	}
	row := strings.TrimSpace(sideLines(m)[y-m.reader.headerHeight()])
	if !strings.Contains(strings.Split(view, "\n")[y], m.ctx.Styles.TOCCursor.Render(row)) {
		t.Errorf("§20's row is not highlighted: %q", strings.Split(view, "\n")[y])
	}
	for _, want := range []int{10, 21} { // rows above and below the one being read
		row := -1
		for i, l := range sideLines(m) {
			if strings.HasPrefix(strings.TrimSpace(l), strconv.Itoa(want+1)+" ") {
				row = i + m.reader.headerHeight()
			}
		}
		if row < 0 {
			t.Fatalf("§%d is not in the side contents around §20", want+1)
		}
		m, _ := click(t, m, 5, row)
		if got := m.reader.currentSection(); got != want {
			t.Errorf("a click on §%d's row went to §%d", want+1, got+1)
		}
	}
}

// TestTheSidePaneTakesWhatTheMeasureLeaves: the side contents are
// sidePane columns where the text needs the rest, wider (to
// widestSidePane) where a terminal has room to spare beside the text's
// measure, and never there below sideTOCMinWidth.
func TestTheSidePaneTakesWhatTheMeasureLeaves(t *testing.T) {
	tests := []struct{ width, measure, want int }{
		{119, 80, 0},
		{120, 80, sidePane},
		{130, 80, 42},
		{140, 80, widestSidePane},
		{200, 80, widestSidePane},
		{145, 100, 37},
		{200, 0, sidePane},
	}
	for _, tt := range tests {
		m := readerModel{ctx: &Context{Width: tt.width, Measure: tt.measure}}
		m.display.sideTOC = true
		if got := m.sidePaneWidth(); got != tt.want {
			t.Errorf("%d columns, measure %d: pane %d, want %d", tt.width, tt.measure, got, tt.want)
		}
	}
}
