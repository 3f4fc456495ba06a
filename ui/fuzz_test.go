package ui

import (
	"cable/render"

	"path/filepath"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// fuzzKeys are the keys the reader and its screens answer to, and a few
// they do not.
var fuzzKeys = []string{"j", "k", "space", "b", "ctrl+d", "u", "g", "G", "]", "[", "t", "e", "e",
	"backspace", "enter", "esc", "q", "?", "/", "x", "pgdown", "end", "tab", "}", "{", "z", "T",
	"v", ")", "(", "H", "y", "d", "n", "o", "D", "a", "A", "+", "F", "pgup"}

// FuzzReader drives the whole program with random keys and window sizes,
// from 0×0 to 400×120, and draws every screen: nothing may panic, and
// every view must fit its terminal. The library is kept in a database, so
// that selections, highlights and their notes are saved, listed, edited
// and deleted as the keys say; what the keys ask of the store is done
// before the next key.
func FuzzReader(f *testing.F) {
	cat := storeContext(f, 80, 24, filepath.Join(f.TempDir(), "cable.db")).Catalog
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
	f.Add([]byte{14, 200, 9, 9, 10, 11, 255, 3, 12, 14})
	f.Add([]byte{255, 0, 0, 14, 255, 1, 1, 10, 10, 10})
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx := newTestContext(render.StyleDark)
		ctx.Width, ctx.Height, ctx.Catalog = 80, 24, cat
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
				var cmd tea.Cmd
				if m, cmd = press(t, m, k); cmd != nil {
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
