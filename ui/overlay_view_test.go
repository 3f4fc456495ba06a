package ui

import (
	"path/filepath"
	"testing"

	"cable/render"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
)

// TestOverlayViews compares the reader's overlays with golden files: every
// list over the text (alone, scrolled, and beside the side contents), the
// footnote peek, and the prompts in the status line. Refresh them after a
// deliberate change with: go test ./ui -run TestOverlayViews -update
func TestOverlayViews(t *testing.T) {
	const seedID, guideID = "azerbaijan-israel-relations", "reading-with-cable"
	tests := []struct {
		name    string
		w, h    int
		article string
		store   bool
		atNote  bool // f is pressed on the screen whose last line has the guide's footnote marker
		keys    []string
	}{
		{"names", 80, 24, seedID, false, false, []string{"i"}},
		{"names-scrolled", 80, 24, seedID, false, false, []string{"i", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j"}},
		{"names-short", 100, 14, seedID, false, false, []string{"i", "G"}},
		{"names-beside", 140, 30, seedID, false, false, []string{"T", "i", "j"}},
		{"contents-short", 80, 12, seedID, false, false, []string{"t", "G"}},
		{"contents-beside", 140, 30, seedID, false, false, []string{"T", "]", "t", "j"}},
		{"links", 100, 30, guideID, false, false, []string{"L", "j", "j"}},
		{"links-short", 80, 12, guideID, false, false, []string{"L", "G"}},
		{"links-beside", 140, 30, guideID, false, false, []string{"T", "L"}},
		{"peek", 100, 30, guideID, false, true, []string{"f"}},
		{"peek-beside", 140, 30, guideID, false, true, []string{"T", "f"}},
		{"peek-narrow", 44, 16, guideID, false, true, []string{"f", "j"}},
		{"find-prompt-beside", 140, 30, seedID, false, false, []string{"T", "/", "I", "r"}},
		{"label-prompt", 80, 24, seedID, true, false, []string{"]", "m", "w", "a"}},
		{"bookmarks", 80, 24, seedID, true, false, []string{"]", "m", "w", "enter", "]", "m", "enter", "g", "'", "j"}},
		{"bookmarks-beside", 140, 30, seedID, true, false, []string{"T", "]", "m", "enter", "'"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := testContext(render.StyleDark, tt.w, tt.h)
			if tt.store {
				ctx = storeContext(t, tt.w, tt.h, filepath.Join(t.TempDir(), "cable.db"))
			}
			m := open(t, startModel(t, ctx), tt.article)
			for _, k := range tt.keys {
				if tt.atNote && k == "f" {
					line := m.reader.doc.LineOf(m.reader.article.Footnotes[0].Refs[0])
					m.reader.top = max(line-m.reader.bodyHeight()+1, 0)
				}
				var cmd tea.Cmd
				m, cmd = press(t, m, k)
				if k == "enter" || k == "T" {
					m = settle(t, m, cmd)
				}
			}
			view := m.View()
			checkSize(t, view, tt.w, tt.h)
			golden.RequireEqualEscape(t, []byte(view), true)
		})
	}
}

// TestOverlaysHoldTheTextStill checks that while a list stands over the
// text the wheel does not scroll it, and that a click on a row of a list
// other than the contents leaves the list open and the place as it was.
func TestOverlaysHoldTheTextStill(t *testing.T) {
	m := openSeed(t, 100, 30)
	m, _ = press(t, m, "i")
	top := m.reader.top
	next, _ := m.Update(tea.MouseMsg{X: 20, Y: 10, Action: tea.MouseActionPress, Button: tea.MouseButtonWheelDown})
	m = next.(Model)
	if m.reader.top != top {
		t.Errorf("the wheel scrolled the text under the names: top %d → %d", top, m.reader.top)
	}
	m, _ = click(t, m, 20, rowOf(t, m, "Azerbaijan"))
	if m.reader.top != top || !namesOpen(m) {
		t.Errorf("a click on a name: top %d → %d, names open %v", top, m.reader.top, namesOpen(m))
	}
}

// TestListsOpenAgainWhereTheyWereLeft checks that the links and the names
// reopen on the row they were closed on, and the contents on the section
// being read.
func TestListsOpenAgainWhereTheyWereLeft(t *testing.T) {
	m := open(t, startModel(t, testContext(render.StyleDark, 100, 30)), "reading-with-cable")
	for _, k := range []string{"L", "j", "esc", "L"} {
		m, _ = press(t, m, k)
	}
	if links, ok := openOverlay[linksList](m); !ok || links.list.cursor != 1 {
		t.Errorf("the links reopened on row %d (open %v), want 1", links.list.cursor, ok)
	}
	m = openSeed(t, 100, 30)
	for _, k := range []string{"i", "j", "j", "enter", "i"} {
		m, _ = press(t, m, k)
	}
	if names, ok := openOverlay[namesList](m); !ok || names.list.cursor != 2 {
		t.Errorf("the names reopened on row %d (open %v), want 2", names.list.cursor, ok)
	}
	for _, k := range []string{"esc", "t", "j", "j", "esc", "]", "t"} {
		m, _ = press(t, m, k)
	}
	if contents, ok := openOverlay[contentsList](m); !ok || contents.list.cursor != 1 {
		t.Errorf("the contents reopened on row %d (open %v), want the section being read, 1", contents.list.cursor, ok)
	}
}
