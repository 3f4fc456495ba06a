package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"cable/render"

	"github.com/charmbracelet/x/exp/golden"
)

// TestLibraryHighlights: the library's H lists every article's
// highlights, newest first, each with its article's title, its place as
// the reader's H names it, and its note; / narrows them as the library's
// filter does, esc clears the filter, and enter opens the article at
// the highlight.
func TestLibraryHighlights(t *testing.T) {
	ctx := themedStoreContext(t, render.StyleDark, 100, 30, filepath.Join(t.TempDir(), "cable.db"))
	m := startModel(t, ctx)
	m, _ = press(t, m, "H")
	if !strings.Contains(ansiStrip(m.View()), "Gathering the highlights…") {
		t.Errorf("H, before the highlights come, shows:\n%s", ansiStrip(m.View()))
	}
	m = pressAll(t, m, "esc", "H")
	if m.screen != allHighlightsScreen || !strings.Contains(ansiStrip(m.View()), "No highlights yet") {
		t.Fatalf("H with no highlights shows:\n%s", ansiStrip(m.View()))
	}
	m = pressAll(t, m, "esc")
	// A paragraph of the seed's third section, then a sentence of the
	// guide with a note.
	m = open(t, m, seedID)
	m = pressAll(t, m, "]", "]", "y", "H")
	seedPlace := ansiStrip(m.reader.overlay.(highlightsList).row(0, 100, false))
	m = pressAll(t, m, "esc", "q")
	m = open(t, m, "reading-with-cable")
	m = pressAll(t, m, "]", "v", "enter", "c", "h", "e", "c", "k", "enter", "q")

	m = pressAll(t, m, "H")
	if m.screen != allHighlightsScreen || len(m.allHighs.shown) != 2 {
		t.Fatalf("H shows screen %d with %d rows:\n%s", m.screen, len(m.allHighs.shown), ansiStrip(m.View()))
	}
	lines := screenLines(m)
	if !strings.Contains(lines[1], "Highlights in every article  2 highlights") {
		t.Errorf("the title reads %q", lines[1])
	}
	newest, older := lines[3], lines[4]
	if !strings.Contains(newest, "1   Reading with cable · §2 ¶") || !strings.Contains(newest, "✎ check") {
		t.Errorf("the newest highlight reads %q", newest)
	}
	// The seed's row names its place as the reader's H does.
	_, place, _ := strings.Cut(seedPlace, "1   ")
	place, _, _ = strings.Cut(place, "  ")
	if !strings.Contains(older, "2   How Deep Are Azerbaijan-Israel Relations? · "+place+"  ") {
		t.Errorf("the seed's highlight reads %q, want its place %q", older, place)
	}
	golden.RequireEqualEscape(t, []byte(m.View()), true)

	m = pressAll(t, m, "/", "n", "e", "o", "c")
	if len(m.allHighs.shown) != 1 || !strings.Contains(screenLines(m)[1], "1 of 2 highlights") {
		t.Errorf("/neoc leaves %d rows:\n%s", len(m.allHighs.shown), ansiStrip(m.View()))
	}
	m = pressAll(t, m, "enter", "esc")
	if len(m.allHighs.shown) != 2 || m.screen != allHighlightsScreen {
		t.Errorf("esc after a filter kept shows %d rows, screen %d", len(m.allHighs.shown), m.screen)
	}
	m = pressAll(t, m, "/", "i", "s", "r", "a", "e", "l", "enter", "enter")
	if m.screen != readerScreen || m.reader.entry.Summary.ID != seedID || m.reader.anchor.Section != 2 {
		t.Errorf("enter opened %s at %+v", m.reader.entry.Summary.ID, m.reader.anchor)
	}
	m = pressAll(t, m, "q", "H", "esc")
	if m.screen != libraryScreen {
		t.Errorf("esc leaves screen %d", m.screen)
	}
}
