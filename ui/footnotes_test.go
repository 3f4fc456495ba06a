package ui

import (
	"strings"
	"testing"

	"cable/articles"
	"cable/render"

	"github.com/charmbracelet/x/ansi"
)

// openGuideAtNotes opens the bundled guide at the screen whose last line
// has its footnote's marker.
func openGuideAtNotes(t *testing.T, w, h int) Model {
	t.Helper()
	m := open(t, startModel(t, testContext(render.StyleDark, w, h)), "reading-with-cable")
	a := m.reader.article
	if len(a.Footnotes) != 1 || len(a.Footnotes[0].Refs) != 1 {
		t.Fatalf("the guide's footnotes: %+v", a.Footnotes)
	}
	line := m.reader.doc.LineOf(a.Footnotes[0].Refs[0])
	m.reader.top = max(line-m.reader.bodyHeight()+1, 0)
	return m
}

func TestPeekShowsTheNoteMarkedOnScreen(t *testing.T) {
	m := openGuideAtNotes(t, 100, 30)
	m, _ = press(t, m, "f")
	screen := strings.Join(screenLines(m), "\n")
	if !overlayIs[footnotePeek](m) || !strings.Contains(screen, "[1] Like this one.") {
		t.Fatalf("f did not show the note:\n%s", screen)
	}
	// The marker is on the last row of text, so the box stands at the top
	// and the marker stays in view.
	lines := screenLines(m)
	if !strings.Contains(lines[m.reader.headerHeight()], "╭") || !strings.Contains(lines[len(lines)-2], "note.[1]") {
		t.Errorf("the box hides the marker:\n%s", screen)
	}
	top := m.reader.top
	m, _ = press(t, m, "esc")
	if m.reader.overlay != nil || m.reader.top != top {
		t.Errorf("esc: overlay %v, top %d → %d", m.reader.overlay, top, m.reader.top)
	}
}

func TestPeekWithoutAMarkerOnScreenSaysWhereTheNotesAre(t *testing.T) {
	m := open(t, startModel(t, testContext(render.StyleDark, 100, 30)), "reading-with-cable")
	m, _ = press(t, m, "f")
	if m.reader.overlay != nil || !strings.Contains(statusOf(m), "No footnote marker on screen") {
		t.Errorf("f with no marker on screen: overlay %v, status %q", m.reader.overlay, statusOf(m))
	}
}

func TestFPagesDownInAnArticleWithoutFootnotes(t *testing.T) {
	m := openSeed(t, 100, 30)
	m, _ = press(t, m, "f")
	if want := m.reader.bodyHeight() - 1; m.reader.top != want {
		t.Errorf("f in an article without footnotes: top %d, want %d as a page down", m.reader.top, want)
	}
}

func TestPeekBoxScrollsLongNotes(t *testing.T) {
	ctx := testContext(render.StyleDark, 60, 12)
	p := footnotePeek{ctx: ctx, notes: []articles.Footnote{{Number: 1, Text: strings.Repeat("word ", 80)}}}
	box := p.box(40, 6)
	if len(box) != 6 || !strings.Contains(ansi.Strip(box[4]), "j/k for more") {
		t.Fatalf("a long note in a 6-line box:\n%s", strings.Join(box, "\n"))
	}
	p.scroll(100, 40, 6)
	last := p.box(40, 6)
	if strings.Contains(ansi.Strip(last[1]), "[1]") || strings.Contains(ansi.Strip(last[4]), "j/k") && p.first == 0 {
		t.Errorf("scrolling did not move the note:\n%s", strings.Join(last, "\n"))
	}
	for _, row := range append(box, last...) {
		if w := ansi.StringWidth(row); w != 40 {
			t.Errorf("a row of the box is %d columns, not 40: %q", w, ansi.Strip(row))
		}
	}
}

func TestInTheNoteTheReminderSaysEGoesBack(t *testing.T) {
	m := openSeed(t, 100, 30)
	if !strings.Contains(statusOf(m), "e editor's note") {
		t.Fatalf("status %q", statusOf(m))
	}
	m, _ = press(t, m, "e")
	if !strings.Contains(statusOf(m), "e back to the text") {
		t.Errorf("in the note, the status says %q", statusOf(m))
	}
	m, _ = press(t, m, "e")
	if !strings.Contains(statusOf(m), "e editor's note") {
		t.Errorf("back from the note, the status says %q", statusOf(m))
	}
}
