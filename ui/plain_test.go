package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"cable/render"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"
)

// plainContext is a context in the notty style at w×h, as NO_COLOR and a
// terminal without colour get it: no escape code reaches the screen. With
// db, the catalog keeps state there.
func plainContext(t *testing.T, w, h int, db string) *Context {
	t.Helper()
	ctx := testContext(render.StyleNoTTY, w, h)
	if db != "" {
		ctx = storeContext(t, w, h, db)
	}
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.Ascii)
	ctx.Theme, ctx.Profile, ctx.Styles = render.StyleNoTTY, termenv.Ascii, NewStyles(r, render.StyleNoTTY)
	// The library's list draws with lipgloss's default renderer.
	useTheme(ctx)
	t.Cleanup(func() { useTheme(NewContext(render.StyleDark, testProfile, 80)) })
	return ctx
}

// TestPlainViewsMarkTheCursorAndMatches draws every list, and the text
// with a search's matches, in the notty style, where reverse video and
// colour do not show: the row under the cursor must be marked with a
// character before it, the section being read in the contents with
// another, and the matches with characters around them.
func TestPlainViewsMarkTheCursorAndMatches(t *testing.T) {
	const seedID, guideID = "azerbaijan-israel-relations", "reading-with-cable"
	tests := []struct {
		name    string
		w, h    int
		article string // "" stays in the library
		store   bool
		keys    []string
		marked  string // in the row marked as the cursor's
		also    string // elsewhere on screen
	}{
		{"library", 80, 24, "", false, []string{"j"}, "Reading with cable", ""},
		{"contents", 80, 24, seedID, false, []string{"]", "]", "t", "j"}, "4  Arms and Karabakh", "•  3  Wary of provoking Iran"},
		{"links", 100, 30, guideID, false, []string{"L", "j"}, "Figure: cable's reader", ""},
		{"names", 80, 24, seedID, false, []string{"i", "j"}, "Israel", ""},
		{"bookmarks", 80, 24, seedID, true, []string{"]", "m", "enter", "'"}, "A periphery strategy", ""},
		{"side-contents", 140, 30, seedID, false, []string{"T", "]", "]"}, "3 Wary of provoking", ""},
		{"find", 100, 30, guideID, false, []string{"/", "t", "h", "e", "enter", "n"}, "", "[the]"},
		{"library-search", 100, 30, "", true, []string{"ctrl+f", "S", "n", "e", "h"}, "How Deep Are", "‹Sneh"},
		{"all-bookmarks", 100, 30, seedID, true, []string{"]", "m", "enter", "q", "'"}, "How Deep Are", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := ""
			if tt.store {
				db = filepath.Join(t.TempDir(), "cable.db")
			}
			m := startModel(t, plainContext(t, tt.w, tt.h, db))
			if tt.article != "" {
				m = open(t, m, tt.article)
			}
			for _, k := range tt.keys {
				var cmd tea.Cmd
				m, cmd = press(t, m, k)
				if tt.store || k == "T" {
					m = settle(t, m, cmd)
				}
			}
			view := m.View()
			checkSize(t, view, tt.w, tt.h)
			if strings.Contains(view, "\x1b[") {
				t.Errorf("the notty style drew escape codes")
			}
			lines := screenLines(m)
			if tt.marked != "" {
				var rows []string
				for _, l := range lines {
					if strings.HasPrefix(strings.TrimSpace(l), "›") {
						rows = append(rows, l)
					}
				}
				if len(rows) != 1 || !strings.Contains(rows[0], tt.marked) {
					t.Errorf("rows marked as the cursor's: %q, want one showing %q\n%s", rows, tt.marked, strings.Join(lines, "\n"))
				}
			}
			if tt.also != "" && !strings.Contains(strings.Join(lines, "\n"), tt.also) {
				t.Errorf("%q is not on screen:\n%s", tt.also, strings.Join(lines, "\n"))
			}
			golden.RequireEqualEscape(t, []byte(view), true)
		})
	}
}
