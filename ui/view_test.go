package ui

import (
	"cable/render"

	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	tea "github.com/charmbracelet/bubbletea"
)

// TestViews compares whole screens with golden files in testdata/, at
// fixed sizes and a fixed colour profile. Refresh them after a deliberate
// change with: go test ./ui -run TestViews -update
func TestViews(t *testing.T) {
	tests := []struct {
		name string
		w, h int
		keys []string
	}{
		{"library", 80, 24, nil},
		{"library-filtered", 80, 24, []string{"/", "g", "u", "i", "d", "e", "enter"}},
		{"reader-opening", 80, 24, []string{"enter"}},
		{"reader-section-3", 100, 30, []string{"enter", "]", "]"}},
		{"reader-narrow", 44, 16, []string{"enter", "]"}},
		{"reader-wide-centred", 140, 30, []string{"enter", "]"}},
		{"reader-contents", 80, 24, []string{"enter", "]", "]", "t", "j"}},
		{"reader-editors-note", 80, 24, []string{"enter", "e"}},
		{"reader-help", 80, 24, []string{"enter", "?"}},
		{"reader-help-60", 60, 30, []string{"enter", "?"}},
		{"reader-help-100", 100, 30, []string{"enter", "?"}},
		{"reader-help-140", 140, 30, []string{"enter", "?"}},
		{"reader-help-40x12", 40, 12, []string{"enter", "?"}},
		{"reader-help-40x12-scrolled", 40, 12, []string{"enter", "?", "j", "j", "j"}},
		{"reader-end", 80, 10, []string{"enter", "G"}},
		{"too-small", 19, 5, []string{"enter"}},
		{"reader-search", 80, 24, []string{"enter", "/", "K", "a", "r", "a", "b", "a", "k", "h", "enter", "n"}},
		{"reader-search-typing", 80, 24, []string{"enter", "/", "p", "e", "r", "i", "p", "h", "e", "r", "y", " ", "s"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := testContext(render.StyleDark, tt.w, tt.h)
			m := startModel(t, ctx)
			for _, k := range tt.keys {
				var cmd tea.Cmd
				m, cmd = press(t, m, k)
				if k == "enter" && m.screen == libraryScreen && m.library.list.FilterState() != 1 {
					m = settle(t, m, cmd)
				}
			}
			view := m.View()
			checkSize(t, view, tt.w, tt.h)
			golden.RequireEqualEscape(t, []byte(view), true)
		})
	}
}

// checkSize makes sure a view fills the terminal exactly: as many lines as
// it is high, none wider than it is wide, so nothing wraps or scrolls.
func checkSize(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Errorf("view has %d lines for a terminal %d high", len(lines), h)
	}
	for i, l := range lines {
		if width := ansi.StringWidth(l); width > w {
			t.Errorf("line %d is %d wide in a terminal %d wide: %q", i, width, w, ansi.Strip(l))
		}
	}
}

// TestEveryScreenFitsAtEverySize draws every screen at sizes from tiny to
// huge and checks that nothing overflows.
func TestEveryScreenFitsAtEverySize(t *testing.T) {
	sizes := [][2]int{{1, 1}, {19, 4}, {20, 5}, {24, 8}, {33, 11}, {80, 24}, {123, 41}, {400, 120}}
	for _, size := range sizes {
		for _, keys := range [][]string{nil, {"enter"}, {"enter", "t"}, {"enter", "?"}, {"enter", "e"}} {
			t.Run(fmt.Sprintf("%dx%d/%s", size[0], size[1], strings.Join(keys, "-")), func(t *testing.T) {
				ctx := testContext(render.StyleDark, size[0], size[1])
				m := startModel(t, ctx)
				for _, k := range keys {
					var cmd tea.Cmd
					m, cmd = press(t, m, k)
					if k == "enter" {
						m = settle(t, m, cmd)
					}
				}
				checkSize(t, m.View(), size[0], size[1])
			})
		}
	}
}

// TestReadingSession runs the whole program as Bubble Tea runs it, with
// teatest: library, reader, contents, editor's note and back, quit.
func TestReadingSession(t *testing.T) {
	ctx := testContext(render.StyleDark, 100, 30)
	ctx.Clock = wallClock{} // Bubble Tea runs the commands, timers too
	tm := teatest.NewTestModel(t, NewModel(ctx, Start{}), teatest.WithInitialTermSize(100, 30))
	waitFor := func(text string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			return bytes.Contains(b, []byte(text))
		}, teatest.WithDuration(5*time.Second))
	}
	waitFor("Reading with cable")
	tm.Send(keyMsg("enter"))
	waitFor("§1/8 Opening")
	tm.Send(keyMsg("]"))
	waitFor("§2/8 A periphery strategy")
	tm.Send(keyMsg("t"))
	waitFor("Contents")
	tm.Send(keyMsg("G"))
	tm.Send(keyMsg("enter"))
	waitFor("§8/8 Editor’s note")
	tm.Send(keyMsg("e"))
	waitFor("§2/8 A periphery strategy")
	tm.Send(keyMsg("q"))
	waitFor("2 articles")
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if final.screen != libraryScreen || final.reader.article.ID != "azerbaijan-israel-relations" {
		t.Errorf("final screen %v, last article %v", final.screen, final.reader.article.ID)
	}
}
