package ui

import (
	"cable/render"

	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// loadingSeed starts opening the seed article as cable does when it is
// named on the command line, and returns the model before the file has
// been read and the command that reads it.
func loadingSeed(t *testing.T, w, h int) (Model, tea.Cmd) {
	t.Helper()
	ctx := testContext(render.StyleDark, w, h)
	e, ok := ctx.Catalog.Find("azerbaijan-israel-relations")
	if !ok {
		t.Fatal("no seed article")
	}
	m := NewModel(ctx, Start{Open: &e})
	next, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	m = next.(Model)
	next, load := m.Update(m.Init()())
	return next.(Model), load
}

// TestKeysTypedBeforeTheTextArriveAreApplied presses ] while the file
// loads and ] again while it renders: when the text arrives, both apply,
// in order, and the third section is at the top.
func TestKeysTypedBeforeTheTextArriveAreApplied(t *testing.T) {
	m, load := loadingSeed(t, 100, 30)
	m, _ = press(t, m, "]") // the file is still being read
	next, render := m.Update(load())
	m = next.(Model)
	if m.reader.doc != nil {
		t.Fatal("the rendering is there before it was made")
	}
	m, cmd := press(t, m, "]") // the text is still being rendered
	if cmd != nil {
		t.Error("a key pressed before the text arrived asked for work; it should wait")
	}
	m = settle(t, m, render)
	if got, want := firstTextLine(m), "## Wary of provoking Iran"; got != want {
		t.Errorf("after ] ] typed ahead the first text line is %q, want %q", got, want)
	}
}

// TestTypeAheadIsBoundedAndInOrder types more keys than are kept before
// the text arrives: the first maxTypeAhead apply, in order, the rest are
// dropped.
func TestTypeAheadIsBoundedAndInOrder(t *testing.T) {
	m, load := loadingSeed(t, 100, 30)
	next, _ := m.Update(load())
	m = next.(Model)
	m, _ = press(t, m, "G") // to the bottom first, then up: order matters
	for range maxTypeAhead + 20 {
		m, _ = press(t, m, "k")
	}
	// The whole rendering, not a first screen, so that every line the
	// keys move through is there.
	doc, err := render.Article(m.reader.article, m.ctx.renderOptions(m.reader.textRoom()))
	if err != nil {
		t.Fatal(err)
	}
	next, _ = m.Update(renderedMsg{articleID: m.reader.article.ID, options: doc.Options, doc: doc})
	m = next.(Model)
	if want := m.reader.maxTop() - (maxTypeAhead - 1); m.reader.top != want {
		t.Errorf("after G and %d k typed ahead the top line is %d, want %d (G, then %d k)",
			maxTypeAhead+20, m.reader.top, want, maxTypeAhead-1)
	}
}

// TestLeavingBeforeTheTextArrivesActsAtOnce presses q before the text
// arrives: the reader closes at once, and ctrl+c quits at once.
func TestLeavingBeforeTheTextArrivesActsAtOnce(t *testing.T) {
	m, load := loadingSeed(t, 100, 30)
	next, _ := m.Update(load())
	m = next.(Model)
	m, _ = press(t, m, "]")
	m, cmd := press(t, m, "q")
	m = settle(t, m, cmd)
	if m.screen != libraryScreen {
		t.Errorf("q before the text arrived left the screen at %v, want the library", m.screen)
	}
	if view := strings.Join(screenLines(m), "\n"); !strings.Contains(view, "Reading with cable") {
		t.Errorf("the library is not shown:\n%s", view)
	}

	m, load = loadingSeed(t, 100, 30)
	if _, cmd := press(t, m, "ctrl+c"); cmd == nil || cmd() != tea.Interrupt() {
		t.Error("ctrl+c while the article loads does not quit at once")
	}
}

// TestKeysReadTogetherCountOneByOne sends "]]" as Bubble Tea reads keys
// typed ahead, as one key of two runes: both count. A paste stays whole.
func TestKeysReadTogetherCountOneByOne(t *testing.T) {
	m := openSeed(t, 100, 30)
	next, _ := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("]]")})
	m = next.(Model)
	if got, want := firstTextLine(m), "## Wary of provoking Iran"; got != want {
		t.Errorf("after \"]]\" read together the first text line is %q, want %q", got, want)
	}
	paste := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("]]"), Paste: true}
	if got := splitRunes(paste); len(got) != 1 || string(got[0].Runes) != "]]" {
		t.Errorf("a paste was split into %v", got)
	}
}
