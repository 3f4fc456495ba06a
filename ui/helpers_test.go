package ui

import (
	"flag"
	"os"
	"strings"
	"testing"

	"cable/articles"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// The golden files are compared at a fixed colour profile, so that they
// hold the same escape codes on every machine.
const testProfile = termenv.ANSI256

func TestMain(m *testing.M) {
	flag.Parse()
	useTheme(testContext(StyleDark, 80, 24))
	os.Exit(m.Run())
}

func bundle(t testing.TB) []*articles.Article {
	t.Helper()
	list, err := articles.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func seed(t testing.TB) *articles.Article { return bundle(t)[0] }

func testContext(theme string, w, h int) *Context {
	ctx := NewContext(theme, testProfile, 80)
	ctx.Width, ctx.Height = w, h
	return ctx
}

// settle runs cmd and feeds what it returns back into the model, for the
// commands that finish at once: opening an article and rendering it. Ticks
// are never run here; a test that expects one checks the command itself.
func settle(t testing.TB, m Model, cmd tea.Cmd) Model {
	t.Helper()
	for cmd != nil {
		msg := cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			for _, c := range batch {
				m = settle(t, m, c)
			}
			return m
		}
		var next tea.Model
		next, cmd = m.Update(msg)
		m = next.(Model)
	}
	return m
}

// openSeed starts a model at w×h, opens the seed article and waits for
// its rendering.
func openSeed(t testing.TB, w, h int) Model {
	t.Helper()
	ctx := testContext(StyleDark, w, h)
	m := NewModel(ctx, bundle(t), nil)
	next, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	m = next.(Model)
	return settle(t, m, openArticle(bundle(t)[0]))
}

// press sends one key and returns the model and the command it gave.
func press(t testing.TB, m Model, k string) (Model, tea.Cmd) {
	t.Helper()
	next, cmd := m.Update(keyMsg(k))
	return next.(Model), cmd
}

func keyMsg(k string) tea.KeyMsg {
	switch k {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	case "space":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	case "pgdown":
		return tea.KeyMsg{Type: tea.KeyPgDown}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	case "ctrl+d":
		return tea.KeyMsg{Type: tea.KeyCtrlD}
	case "end":
		return tea.KeyMsg{Type: tea.KeyEnd}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// screenLines is the model's view without colour, one string per line.
func screenLines(m Model) []string {
	return strings.Split(ansi.Strip(m.View()), "\n")
}

// firstTextLine is the first line of text under the reader's header.
func firstTextLine(m Model) string {
	return strings.TrimSpace(screenLines(m)[m.reader.headerHeight()])
}

func statusOf(m Model) string {
	lines := screenLines(m)
	return strings.TrimSpace(lines[len(lines)-1])
}
