package ui

import (
	"cable/render"

	"testing"

	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"
)

// fuzzKeys are the keys the reader and its screens answer to, and a few
// they do not.
var fuzzKeys = []string{"j", "k", "space", "b", "ctrl+d", "u", "g", "G", "]", "[", "t", "e", "e",
	"backspace", "enter", "esc", "q", "?", "/", "x", "pgdown", "end", "tab", "}", "{", "z", "T"}

// FuzzReader drives the whole program with random keys and window sizes,
// from 0×0 to 400×120, and draws every screen: nothing may panic, and
// every view must fit its terminal.
func FuzzReader(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
	f.Add([]byte{14, 200, 9, 9, 10, 11, 255, 3, 12, 14})
	f.Add([]byte{255, 0, 0, 14, 255, 1, 1, 10, 10, 10})
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx := testContext(render.StyleDark, 80, 24)
		m := startModel(t, ctx)
		for i := 0; i < len(data); i++ {
			b := data[i]
			if b == 255 && i+2 < len(data) {
				// A resize: the next two bytes are the new size.
				w, h := int(data[i+1])*400/254, int(data[i+2])*120/254
				m = resize(t, m, w, h)
				i += 2
			} else {
				k := fuzzKeys[int(b)%len(fuzzKeys)]
				opens := k == "enter" && m.screen == libraryScreen && m.library.list.FilterState() != list.Filtering
				var cmd tea.Cmd
				if m, cmd = press(t, m, k); opens && cmd != nil {
					m = settle(t, m, cmd)
				}
			}
			view := m.View()
			if m.ctx.Width > 0 && m.ctx.Height > 0 {
				checkSize(t, view, m.ctx.Width, m.ctx.Height)
			}
		}
	})
}
