package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"cable/config"
	"cable/library"
	"cable/render"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

const (
	seedID  = "azerbaijan-israel-relations"
	seedKey = "bundled:" + seedID // as the catalog keeps it
)

// themedStoreContext is storeContext in a theme: dark, or notty, where
// marks stand for the colours.
func themedStoreContext(t *testing.T, theme string, w, h int, db string) *Context {
	t.Helper()
	ctx := newTestContext(theme)
	ctx.Width, ctx.Height = w, h
	cat, err := library.OpenCatalog(library.Options{Sources: library.Sources{Bundle: mustBundle()}, DBPath: db})
	if err != nil || cat.Store == nil {
		t.Fatalf("no store: %v", err)
	}
	t.Cleanup(func() { cat.Close() })
	ctx.Catalog = cat
	return ctx
}

// TestSelectionScreens draws a selection of two sentences, made with v
// and ")", at 60 and 100 columns, in colour and without.
func TestSelectionScreens(t *testing.T) {
	for _, theme := range []string{render.StyleDark, render.StyleNoTTY} {
		for _, w := range []int{60, 100} {
			t.Run(fmt.Sprintf("%s-%d", theme, w), func(t *testing.T) {
				ctx := themedStoreContext(t, theme, w, 24, filepath.Join(t.TempDir(), "cable.db"))
				m := open(t, startModel(t, ctx), seedID)
				m = pressAll(t, m, "]", "v", ")")
				view := m.View()
				checkSize(t, view, w, 24)
				golden.RequireEqualEscape(t, []byte(view), true)
			})
		}
	}
}

// TestSelectionKeys moves a selection's end by sentence and paragraph
// and back, cancels one, and saves one with a note.
func TestSelectionKeys(t *testing.T) {
	ctx := themedStoreContext(t, render.StyleDark, 100, 30, filepath.Join(t.TempDir(), "cable.db"))
	m := open(t, startModel(t, ctx), seedID)
	m = pressAll(t, m, "]", "v")
	sel := m.reader.sel
	text := m.reader.blockText(sel.blocks[sel.first])
	first := text[sel.start:sel.end]
	if !sel.on || sel.start != 0 || !strings.HasSuffix(first, ".") || len(first) == len(text) {
		t.Fatalf("v selects %q (on %v), want the paragraph's first sentence", first, sel.on)
	}
	m = pressAll(t, m, ")")
	two := m.reader.sel.end
	if two <= sel.end || m.reader.sel.last != sel.first {
		t.Errorf(") moved the end from %d to %d", sel.end, two)
	}
	m = pressAll(t, m, "(")
	if m.reader.sel.end != sel.end {
		t.Errorf("( after ) leaves the end at %d, want %d", m.reader.sel.end, sel.end)
	}
	m = pressAll(t, m, "(")
	if m.reader.sel.end != sel.end || !strings.Contains(statusOf(m), "cannot go further") {
		t.Errorf("( on one sentence: end %d, status %q", m.reader.sel.end, statusOf(m))
	}
	m = pressAll(t, m, "}")
	if m.reader.sel.end != len(strings.TrimSpace(text)) || m.reader.sel.last != sel.first {
		t.Errorf("} ends the selection at %d of %d", m.reader.sel.end, len(text))
	}
	m = pressAll(t, m, "}")
	if m.reader.sel.last != sel.first+1 {
		t.Errorf("} at a paragraph's end goes to block %d, want the next (%d)", m.reader.sel.last, sel.first+1)
	}
	m = pressAll(t, m, "{", "{")
	if m.reader.sel.last != sel.first || m.reader.sel.end != sel.end {
		t.Errorf("{ { comes back to block %d end %d, want %d end %d", m.reader.sel.last, m.reader.sel.end, sel.first, sel.end)
	}
	m = pressAll(t, m, "esc")
	if m.reader.sel.on || m.reader.article == nil {
		t.Fatalf("esc leaves the selection on (%v) or the reader (%v)", m.reader.sel.on, m.reader.article == nil)
	}
	if hs, _ := ctx.Catalog.Store.Highlights(seedKey); len(hs) != 0 {
		t.Fatalf("a cancelled selection saved %d highlights", len(hs))
	}
	m = pressAll(t, m, "v", ")", "enter")
	if !overlayIs[notePrompt](m) {
		t.Fatal("enter opens no note prompt")
	}
	m = pressAll(t, m, "w", "h", "y", "enter")
	hs, err := ctx.Catalog.Store.Highlights(seedKey)
	if err != nil || len(hs) != 1 {
		t.Fatalf("highlights: %+v, %v", hs, err)
	}
	if hs[0].Text() != text[:two] || hs[0].Note != "why" {
		t.Errorf("saved %q with note %q, want %q with \"why\"", hs[0].Text(), hs[0].Note, text[:two])
	}
	if len(m.reader.highs) != 1 || !m.reader.highs[0].found {
		t.Errorf("the reader holds %+v", m.reader.highs)
	}
	// esc at the note prompt of a new highlight keeps it, without a
	// note, and says so as enter with nothing typed does.
	m = pressAll(t, m, "]", "v", "enter", "x", "esc")
	if hs, _ := ctx.Catalog.Store.Highlights(seedKey); len(hs) != 2 || hs[0].Note != "" && hs[1].Note != "" || !strings.Contains(statusOf(m), "Highlighted §3 ¶1.") {
		t.Errorf("esc at the note prompt: %d highlights, status %q", len(hs), statusOf(m))
	}
	m = pressAll(t, m, "[")
	// The same passage again: not saved twice.
	m = pressAll(t, m, "v", ")", "enter", "enter")
	if hs, _ := ctx.Catalog.Store.Highlights(seedKey); len(hs) != 2 || !strings.Contains(statusOf(m), "Already highlighted") {
		t.Errorf("the same passage twice: %d highlights, status %q", len(hs), statusOf(m))
	}
}

// TestHighlightsListKeys: H lists the highlights; enter jumps, e edits
// the note, d deletes after asking, leaving a tombstone.
func TestHighlightsListKeys(t *testing.T) {
	ctx := themedStoreContext(t, render.StyleDark, 100, 30, filepath.Join(t.TempDir(), "cable.db"))
	m := open(t, startModel(t, ctx), seedID)
	m = pressAll(t, m, "H")
	if !strings.Contains(statusOf(m), "No highlights") {
		t.Errorf("H without highlights says %q", statusOf(m))
	}
	m = pressAll(t, m, "]", "]", "y", "g", "H")
	l, ok := openOverlay[highlightsList](m)
	if !ok || len(l.highs) != 1 {
		t.Fatalf("H lists %+v (open %v)", l.highs, ok)
	}
	if !strings.Contains(ansiStrip(m.View()), "§3") {
		t.Errorf("the list does not name the place:\n%s", ansiStrip(m.View()))
	}
	m = pressAll(t, m, "enter")
	if overlayIs[highlightsList](m) || m.reader.anchor.Section != l.highs[0].from.Section || m.reader.top == 0 {
		t.Errorf("enter leaves the list open or goes to %+v, want %+v", m.reader.anchor, l.highs[0].from)
	}
	m = pressAll(t, m, "H", "e", "n", "o", "t", "e", "enter")
	if hs, _ := ctx.Catalog.Store.Highlights(seedKey); len(hs) != 1 || hs[0].Note != "note" {
		t.Fatalf("e then note: %+v", hs)
	}
	// d asks first: any key but y keeps the highlight.
	m = pressAll(t, m, "H", "d")
	if !strings.Contains(ansiStrip(m.View()), "Delete this highlight and its note (1)? y/n") {
		t.Errorf("d does not ask:\n%s", ansiStrip(m.View()))
	}
	m = pressAll(t, m, "n")
	if hs, _ := ctx.Catalog.Store.Highlights(seedKey); len(hs) != 1 || !strings.Contains(statusOf(m), "Not deleted.") {
		t.Errorf("n after d: %d highlights, status %q", len(hs), statusOf(m))
	}
	m = pressAll(t, m, "d", "y")
	if hs, _ := ctx.Catalog.Store.Highlights(seedKey); len(hs) != 0 {
		t.Errorf("d leaves %d highlights", len(hs))
	}
	all, _ := ctx.Catalog.Store.AllHighlights(library.HighlightFilter{Deleted: true})
	if len(all) != 1 || all[0].Deleted.IsZero() {
		t.Errorf("d leaves no tombstone: %+v", all)
	}
	if len(m.reader.highs) != 0 {
		t.Errorf("the reader still draws %d highlights", len(m.reader.highs))
	}
}

// TestHighlightDrawnAtAnotherWidth saves a highlight at 100 columns and
// finds it drawn, whole, at 60: it is kept by the text, not the screen.
func TestHighlightDrawnAtAnotherWidth(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cable.db")
	ctx := themedStoreContext(t, render.StyleNoTTY, 100, 30, db)
	m := open(t, startModel(t, ctx), seedID)
	m = pressAll(t, m, "]", "v", ")", ")", "enter", "x", "enter")
	hs, _ := ctx.Catalog.Store.Highlights(seedKey)
	if len(hs) != 1 {
		t.Fatalf("%d highlights saved", len(hs))
	}
	ctx.Catalog.Close()
	narrow := themedStoreContext(t, render.StyleNoTTY, 60, 40, db)
	m = open(t, startModel(t, narrow), seedID)
	m = pressAll(t, m, "]")
	view := ansiStrip(m.View())
	open, shut := strings.Index(view, "⟦"), strings.LastIndex(view, "⟧")
	if open < 0 || shut < open {
		t.Fatalf("no highlight drawn at 60 columns:\n%s", view)
	}
	drawn := strings.Join(strings.Fields(strings.NewReplacer("⟦", "", "⟧", "", "✎", "").Replace(view[open:shut])), "")
	if want := strings.Join(strings.Fields(hs[0].Text()), ""); drawn != want {
		t.Errorf("drawn at 60 columns: %q\nwant %q", drawn, want)
	}
	if !strings.Contains(view[shut:], "✎") {
		t.Errorf("the note's mark is not at the highlight's end:\n%s", view)
	}
}

// TestSelectionKeysRebind: selection_keys in config.yaml rebinds the
// selection's keys, which may be keys the reader has (n is next_match,
// } next_subsection) without a conflict, and the help shows them.
func TestSelectionKeysRebind(t *testing.T) {
	c, err := config.Load(writeConfig(t, "selection_keys:\n  next_sentence: n\n  save: s\nkeys:\n  select: V\n"), Keymaps())
	if err != nil {
		t.Fatal(err)
	}
	ctx := themedStoreContext(t, render.StyleDark, 100, 30, filepath.Join(t.TempDir(), "cable.db"))
	ctx.Keys, ctx.SelectionKeys = c.Keys, c.SelectionKeys
	m := open(t, startModel(t, ctx), seedID)
	m = pressAll(t, m, "]", "V")
	one := m.reader.sel.end
	m = pressAll(t, m, "n", ")")
	if !m.reader.sel.on || m.reader.sel.end <= one {
		t.Fatalf("V n: selection on %v, end %d, want past %d", m.reader.sel.on, m.reader.sel.end, one)
	}
	two := m.reader.sel.end
	m = pressAll(t, m, "s", "enter")
	hs, _ := ctx.Catalog.Store.Highlights(seedKey)
	if len(hs) != 1 || len(hs[0].Text()) != two {
		t.Errorf("s saved %+v, want the two sentences", hs)
	}
	m = pressAll(t, m, "?")
	if help := strings.Join(screenLines(m), "\n"); !strings.Contains(help, "n/(") || !strings.Contains(help, "V ") {
		t.Errorf("the help does not show the new keys:\n%s", help)
	}
}

// TestOverlappingHighlights draws two highlights that share a sentence:
// the text reads whole and in order under the marks, each highlight is
// opened and closed once, and the screen keeps its size, in colour and
// without.
func TestOverlappingHighlights(t *testing.T) {
	for _, theme := range []string{render.StyleDark, render.StyleNoTTY} {
		t.Run(theme, func(t *testing.T) {
			ctx := themedStoreContext(t, theme, 80, 24, filepath.Join(t.TempDir(), "cable.db"))
			m := open(t, startModel(t, ctx), seedID)
			// The first two sentences of §2, then the second and third.
			m = pressAll(t, m, "]", "v", ")", "enter", "enter")
			m = pressAll(t, m, "/", "h", "o", "s", "t", "i", "l", "e", "enter", "v", ")", "enter", "enter", "esc")
			hs, _ := ctx.Catalog.Store.Highlights(seedKey)
			if len(hs) != 2 {
				t.Fatalf("%d highlights saved, want 2", len(hs))
			}
			view := m.View()
			checkSize(t, view, 80, 24)
			text := ansiStrip(view)
			if n, o := strings.Count(text, "⟦"), strings.Count(text, "⟧"); theme == render.StyleNoTTY && (n != 2 || o != 2) {
				t.Errorf("%d opening and %d closing marks, want 2 of each:\n%s", n, o, text)
			}
			body := strings.Split(strings.NewReplacer("⟦", "", "⟧", "", "✎", "").Replace(text), "\n")
			shown := strings.Join(strings.Fields(strings.Join(body[3:len(body)-1], " ")), " ")
			whole := strings.Join(strings.Fields(ansiStrip(strings.Join(m.reader.doc.Lines, " "))), " ")
			if !strings.Contains(whole, shown) {
				t.Errorf("the text under the highlights reads\n%s\nwhich is not the article's text", shown)
			}
			golden.RequireEqualEscape(t, []byte(view), true)
		})
	}
}

// TestALongNoteScrollsAsItIsTyped: a note longer than the status line
// shows its end, where the cursor is, not its start cut at the edge.
func TestALongNoteScrollsAsItIsTyped(t *testing.T) {
	ctx := themedStoreContext(t, render.StyleNoTTY, 70, 24, filepath.Join(t.TempDir(), "cable.db"))
	m := open(t, startModel(t, ctx), seedID)
	m = pressAll(t, m, "]", "v", "enter")
	note := "a fairly long note about the alliance and the exit from the regional bloc, ending here"
	for _, r := range note {
		m = pressAll(t, m, string(r))
	}
	status := statusOf(m)
	if !strings.Contains(status, "ending here") || ansi.StringWidth(status) > 70 {
		t.Errorf("typing a long note, the status line reads %q", status)
	}
	m = pressAll(t, m, "enter")
	hs, _ := ctx.Catalog.Store.Highlights(seedKey)
	if len(hs) != 1 || hs[0].Note != note {
		t.Errorf("saved %+v", hs)
	}
}
