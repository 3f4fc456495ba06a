package ui

import (
	"cable/render"

	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestHelpNeverCutsADescription draws the reader's help at every width
// from the narrowest cable draws at to a wide terminal, tall enough for
// any layout, and checks that each key's description is there whole and
// that no line is wider than the terminal.
func TestHelpNeverCutsADescription(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cable.db")
	for w := minWidth; w <= 160; w += 3 {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			ctx := storeContext(t, w, 80, db) // with a store, every key is on
			m := open(t, startModel(t, ctx), "azerbaijan-israel-relations")
			m, _ = press(t, m, "?")
			view := m.View()
			checkSize(t, view, w, 80)
			text := strings.Join(strings.Fields(ansiStrip(view)), " ")
			for _, group := range m.reader.keys.FullHelp() {
				for _, b := range group {
					if !b.Enabled() {
						continue
					}
					if !strings.Contains(text, b.Help().Key) || !strings.Contains(text, b.Help().Desc) {
						t.Errorf("%q (%s) is not whole in the help at %d columns:\n%s",
							b.Help().Desc, b.Help().Key, w, ansiStrip(view))
					}
				}
			}
		})
	}
}

// TestHelpLayout checks how the pure layout function breaks the help
// into columns, by the rows it takes: every key is on (9, 11, 9 and 7
// keys in the four groups).
func TestHelpLayout(t *testing.T) {
	keys := newReaderKeys()
	st := testContext(render.StyleDark, 80, 24).Styles
	tests := []struct {
		name             string
		width            int
		minRows, maxRows int
	}{
		{"the groups side by side", 200, 11, 11},
		{"the groups side by side, just", 120, 11, 11},
		{"three columns", 89, 15, 20},
		{"two columns, narrower", 62, 20, 28},
		{"one column, a blank row between groups", 40, 39, 39},
	}
	for _, tt := range tests {
		lines := helpColumns(keys.FullHelp(), tt.width, st.HelpKey, st.HelpDesc)
		if len(lines) < tt.minRows || len(lines) > tt.maxRows {
			t.Errorf("%s: at %d columns the help takes %d rows, want %d to %d:\n%s",
				tt.name, tt.width, len(lines), tt.minRows, tt.maxRows, ansiStrip(strings.Join(lines, "\n")))
		}
		for _, l := range lines {
			if w := len([]rune(ansiStrip(l))); w > tt.width {
				t.Errorf("%s: at %d columns a line is %d wide: %q", tt.name, tt.width, w, ansiStrip(l))
			}
		}
	}
	// Narrower still, each description goes under its key.
	lines := helpColumns(keys.FullHelp(), 18, st.HelpKey, st.HelpDesc)
	if got := ansiStrip(lines[0]) + "|" + ansiStrip(lines[1]); got != "j/↓|  line down" {
		t.Errorf("at 18 columns the help starts %q, want the key over its description", got)
	}
}

// TestHelpColumnsHaveNoStrays: broken into columns of its own, the help
// never leaves a key or two standing in a column apart (at 70 columns
// "g/home top" once stood alone between two long columns).
func TestHelpColumnsHaveNoStrays(t *testing.T) {
	var groups [][]helpEntry
	for _, g := range newReaderKeys().FullHelp() {
		var set []helpEntry
		for _, b := range g {
			if b.Enabled() {
				set = append(set, helpEntry{b.Help().Key, b.Help().Desc})
			}
		}
		groups = append(groups, set)
	}
	var all []helpEntry
	for i, set := range groups {
		if i > 0 {
			all = append(all, helpEntry{})
		}
		all = append(all, set...)
	}
	for width := 40; width <= 160; width++ {
		for k := 2; k <= len(groups); k++ {
			cols, ok := breakHelp(all, k, width)
			if !ok {
				continue
			}
			for _, c := range cols {
				if len(c) < minHelpColumn {
					t.Errorf("%d columns at %d: a column of %d keys, %v", k, width, len(c), c)
				}
			}
		}
	}
}

// TestReaderHelpAt70: the reader's help at 70×24, as the walk found it
// laid out badly: two columns of whole groups.
func TestReaderHelpAt70(t *testing.T) {
	ctx := storeContext(t, 70, 24, filepath.Join(t.TempDir(), "cable.db"))
	m := open(t, startModel(t, ctx), "azerbaijan-israel-relations")
	m, _ = press(t, m, "?")
	view := m.View()
	checkSize(t, view, 70, 24)
	golden.RequireEqualEscape(t, []byte(view), true)
}
