package ui

import (
	"cable/render"

	"fmt"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestEditorsNoteReturnAcrossAResize(t *testing.T) {
	m := openSeed(t, 80, 24)
	m, _ = press(t, m, "]")
	m, _ = press(t, m, "]")
	for range 4 {
		m, _ = press(t, m, "j")
	}
	left := m.reader.anchor
	m, _ = press(t, m, "e")
	m = resize(t, m, 50, 24)
	m, _ = press(t, m, "e")
	if got := statusOf(m); !strings.HasPrefix(got, "§3/8 Wary of provoking Iran") {
		t.Fatalf("back from the note after a resize: status %q", got)
	}
	if got := m.reader.doc.PositionAt(m.reader.top); got.Section != left.Section || got.Block != left.Block {
		t.Errorf("back at %+v, left from %+v", got, left)
	}
	if m.reader.top != m.reader.doc.LineOf(left) {
		t.Errorf("back at line %d, want line %d", m.reader.top, m.reader.doc.LineOf(left))
	}
}

// resize gives the model a new window size and lets the size settle, so
// that a new width is rendered.
func resize(t testing.TB, m Model, w, h int) Model {
	t.Helper()
	next, cmd := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return elapse(t, settle(t, next.(Model), cmd), resizeSettle)
}

func TestResizeKeepsThePlace(t *testing.T) {
	m := openSeed(t, 80, 24)
	for range 3 {
		m, _ = press(t, m, "]")
	}
	for range 7 {
		m, _ = press(t, m, "j")
	}
	place, top := m.reader.anchor, m.reader.top
	for _, w := range []int{50, 120, 33, 64, 80} {
		m = resize(t, m, w, 24)
		got := m.reader.doc.PositionAt(m.reader.top)
		if got.Section != place.Section || got.Block != place.Block {
			t.Fatalf("at width %d the top shows %+v, want section %d block %d", w, got, place.Section, place.Block)
		}
	}
	if m.reader.top != top {
		t.Errorf("back at width 80 the top is line %d, was %d: the place drifted", m.reader.top, top)
	}
	// 120 columns set the text at the 80-column measure, as 80 do: one
	// rendering serves both.
	if n := len(m.reader.renders.docs); n != 4 {
		t.Errorf("%d renderings for 4 text widths", n)
	}
}

func TestKeysNeverRender(t *testing.T) {
	m := openSeed(t, 100, 30)
	doc := m.reader.doc
	for _, k := range []string{"j", "k", "space", "b", "ctrl+d", "u", "G", "g", "]", "[", "e", "e", "t", "j", "enter", "pgdown", "end", "?", "x"} {
		var cmd tea.Cmd
		m, cmd = press(t, m, k)
		if cmd != nil {
			if _, ok := cmd().(renderedMsg); ok {
				t.Fatalf("key %q rendered", k)
			}
		}
		if m.reader.doc != doc || len(m.reader.renders.docs) != 1 {
			t.Fatalf("key %q changed the rendering", k)
		}
	}
}

func TestStaleRenderingIsKeptNotShown(t *testing.T) {
	m := openSeed(t, 80, 24)
	a := m.reader.article
	old := render.Options{Width: 50, Style: render.StyleDark, Profile: testProfile}
	doc, err := render.Article(a, old)
	if err != nil {
		t.Fatal(err)
	}
	next, _ := m.Update(renderedMsg{articleID: a.ID, options: old, doc: doc})
	m = next.(Model)
	if m.reader.doc == doc {
		t.Fatal("a rendering for another width was shown")
	}
	if m.reader.renders.docs[old] != doc {
		t.Error("a rendering for another width was not kept")
	}
	next, _ = m.Update(renderedMsg{articleID: "another", options: m.ctx.renderOptions(m.reader.textRoom()), doc: doc})
	if next.(Model).reader.doc == doc {
		t.Error("another article's rendering was shown")
	}
}

func TestMeasureCyclesAndKeepsThePlace(t *testing.T) {
	m := openSeed(t, 120, 30)
	for range 3 {
		m, _ = press(t, m, "]")
	}
	for range 6 {
		m, _ = press(t, m, "j")
	}
	place := m.reader.doc.PositionAt(m.reader.top)
	var widths []int
	for range 5 {
		var cmd tea.Cmd
		m, cmd = press(t, m, "w")
		m = settle(t, m, cmd)
		widths = append(widths, m.reader.doc.Options.Width)
		got := m.reader.doc.PositionAt(m.reader.top)
		if got.Section != place.Section || got.Block != place.Block {
			t.Errorf("at text width %d the top shows %+v, was %+v", m.reader.doc.Options.Width, got, place)
		}
	}
	if fmt.Sprint(widths) != "[100 120 60 72 80]" {
		t.Errorf("w went through widths %v", widths)
	}
	if !strings.HasPrefix(m.reader.status.text, "Text width: 80 columns") {
		t.Errorf("status = %q", m.reader.status.text)
	}
}

// TestABurstOfResizesRendersOnlyTheLastWidth drags the window from 60 to
// 79 columns: only the last width is rendered, once, and the place is kept.
func TestABurstOfResizesRendersOnlyTheLastWidth(t *testing.T) {
	m := openSeed(t, 100, 30)
	m, _ = press(t, m, "]")
	m, _ = press(t, m, "]")
	var cmds []tea.Cmd
	for w := 60; w < 80; w++ {
		next, cmd := m.Update(tea.WindowSizeMsg{Width: w, Height: 30})
		m, cmds = next.(Model), append(cmds, cmd)
	}
	for _, cmd := range cmds {
		m = settle(t, m, cmd)
	}
	m = elapse(t, m, resizeSettle)
	var widths []int
	for opts := range m.reader.renders.docs {
		widths = append(widths, opts.Width)
	}
	slices.Sort(widths)
	if !slices.Equal(widths, []int{79, 80}) {
		t.Errorf("rendered widths %v, want the first (80) and the last (79) only", widths)
	}
	if len(m.reader.renders.pending) != 0 || m.reader.doc.Options.Width != 79 {
		t.Errorf("pending %v, on screen %d columns", m.reader.renders.pending, m.reader.doc.Options.Width)
	}
	if got := firstTextLine(m); got != "## Wary of provoking Iran" {
		t.Errorf("after the resizes the top line is %q", got)
	}
}
