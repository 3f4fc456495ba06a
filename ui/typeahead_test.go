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

// TestKeysTypedAheadWaitForTheWholeText: G typed while the file loads is
// kept while the first screen's rendering is shown, whose later sections
// are one-line stand-ins, and applied when the whole text arrives: the
// reader lands at the true end, not at the stand-in's.
func TestKeysTypedAheadWaitForTheWholeText(t *testing.T) {
	m, load := loadingSeed(t, 100, 30)
	m, _ = press(t, m, "G")
	next, _ := m.Update(load())
	m = next.(Model)
	opts := m.ctx.renderOptions(m.reader.textRoom())
	first, err := render.FirstScreen(m.reader.article, opts, m.reader.anchor, m.reader.bodyHeight())
	if err != nil {
		t.Fatal(err)
	}
	next, _ = m.Update(renderedMsg{articleID: m.reader.article.ID, options: opts, doc: first})
	m = next.(Model)
	if m.reader.top != 0 {
		t.Errorf("G was applied to the first screen's rendering (top %d)", m.reader.top)
	}
	m, _ = press(t, m, "j") // kept too, after G
	whole, err := render.Article(m.reader.article, opts)
	if err != nil {
		t.Fatal(err)
	}
	next, _ = m.Update(renderedMsg{articleID: m.reader.article.ID, options: opts, doc: whole})
	m = next.(Model)
	if m.reader.top != m.reader.maxTop() {
		t.Errorf("after G typed ahead the top line is %d, want the end, %d", m.reader.top, m.reader.maxTop())
	}
}

// TestIndexFold finds a match ignoring case as a byte offset into the
// text as it is, where lowering the text would change its length.
func TestIndexFold(t *testing.T) {
	tests := []struct {
		s, sub string
		want   int
	}{
		{"The Karabakh war", "karabakh", 4},
		{"ȺȺȺ and Iran", "iran", len("ȺȺȺ and ")},
		{"ȺȺȺ and Iran", "ⱥⱥ", 0},
		{"Baku", "tehran", -1},
		{"", "x", -1},
	}
	for _, tt := range tests {
		if got := indexFold(tt.s, tt.sub); got != tt.want {
			t.Errorf("indexFold(%q, %q) = %d, want %d", tt.s, tt.sub, got, tt.want)
		}
	}
	// The sentence around a match found so is cut inside the text.
	if got := sentenceAround("ȺȺȺȺȺȺȺȺ. Iran talks.", indexFold("ȺȺȺȺȺȺȺȺ. Iran talks.", "iran")); got != "Iran talks." {
		t.Errorf("the sentence is %q", got)
	}
}
