package ui

import (
	"flag"
	"os"
	"strings"
	"testing"

	"cable/articles"
	"cable/library"
	"cable/render"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// The golden files are compared at a fixed colour profile, so that they
// hold the same escape codes on every machine.
const testProfile = termenv.ANSI256

func TestMain(m *testing.M) {
	flag.Parse()
	useTheme(NewContext(render.StyleDark, testProfile, 80))
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

// testContext is a context at w×h over the bundled articles, with no
// store: nothing is saved.
func testContext(theme string, w, h int) *Context {
	ctx := newTestContext(theme)
	ctx.Width, ctx.Height = w, h
	cat, err := library.OpenCatalog(library.Options{Sources: library.Sources{Bundle: mustBundle()}})
	if err != nil {
		panic(err)
	}
	ctx.Catalog = cat
	return ctx
}

func mustBundle() []*articles.Article {
	list, err := articles.Bundle()
	if err != nil {
		panic(err)
	}
	return list
}

// storeContext is a context whose catalog keeps state in a database in a
// temporary directory, with extra files added to the library.
func storeContext(t testing.TB, w, h int, db string, files ...string) *Context {
	t.Helper()
	ctx := newTestContext(render.StyleDark)
	ctx.Width, ctx.Height = w, h
	cat, err := library.OpenCatalog(library.Options{
		Sources: library.Sources{Bundle: mustBundle(), Files: files},
		DBPath:  db,
	})
	if err != nil {
		t.Fatal(err)
	}
	if cat.Store == nil {
		t.Fatalf("no store: %s", cat.Warning)
	}
	t.Cleanup(func() { cat.Close() })
	ctx.Catalog = cat
	return ctx
}

// startModel starts a model at the context's size.
func startModel(t testing.TB, ctx *Context) Model {
	t.Helper()
	m := NewModel(ctx, Start{})
	next, _ := m.Update(tea.WindowSizeMsg{Width: ctx.Width, Height: ctx.Height})
	return next.(Model)
}

// open opens the entry with an ID and waits for its rendering.
func open(t testing.TB, m Model, id string) Model {
	t.Helper()
	e, ok := m.ctx.Catalog.Find(id)
	if !ok {
		t.Fatalf("no entry %q", id)
	}
	return settle(t, m, openEntry(e, nil))
}

// openSeed starts a model at w×h, opens the seed article and waits for
// its rendering.
func openSeed(t testing.TB, w, h int) Model {
	t.Helper()
	return open(t, startModel(t, testContext(render.StyleDark, w, h)), "azerbaijan-israel-relations")
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
	case "pgup":
		return tea.KeyMsg{Type: tea.KeyPgUp}
	case "ctrl+b":
		return tea.KeyMsg{Type: tea.KeyCtrlB}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	case "ctrl+f":
		return tea.KeyMsg{Type: tea.KeyCtrlF}
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

// catalogOf is a catalog of the bundle and one file, with no store.
func catalogOf(path string) (*library.Catalog, error) {
	return library.OpenCatalog(library.Options{Sources: library.Sources{Bundle: mustBundle(), Files: []string{path}}})
}

func ansiStrip(s string) string { return ansi.Strip(s) }

// openOverlay is the reader's open overlay as a T, if it is one.
func openOverlay[T overlay](m Model) (T, bool) {
	o, ok := m.reader.overlay.(T)
	return o, ok
}

// overlayIs reports whether the reader's open overlay is a T.
func overlayIs[T overlay](m Model) bool {
	_, ok := openOverlay[T](m)
	return ok
}

// namesOpen reports whether the reader shows the names index.
func namesOpen(m Model) bool { return overlayIs[namesList](m) }
