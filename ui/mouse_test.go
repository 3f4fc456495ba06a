package ui

import (
	"cable/render"

	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
)

// click is a left click at column x, row y.
func click(t *testing.T, m Model, x, y int) (Model, tea.Cmd) {
	t.Helper()
	next, cmd := m.Update(tea.MouseMsg{X: x, Y: y, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	return next.(Model), cmd
}

// rowOf is the first screen row showing text.
func rowOf(t *testing.T, m Model, text string) int {
	t.Helper()
	for i, line := range screenLines(m) {
		if strings.Contains(line, text) {
			return i
		}
	}
	t.Fatalf("%q is not on screen:\n%s", text, strings.Join(screenLines(m), "\n"))
	return -1
}

func TestClickingALibraryEntryOpensIt(t *testing.T) {
	m := startModel(t, testContext(render.StyleDark, 80, 24))
	for _, offset := range []int{0, 1} { // the title row and the description row
		m := m
		m, cmd := click(t, m, 10, rowOf(t, m, "Reading with cable")+offset)
		m = settle(t, m, cmd)
		if m.screen != readerScreen || m.reader.article.ID != "reading-with-cable" {
			t.Errorf("a click on the guide's row +%d opened %v", offset, m.screen)
		}
	}
	m, cmd := click(t, m, 10, 23) // the status line
	if m.screen != libraryScreen || cmd != nil {
		t.Errorf("a click below the entries did something: screen %v", m.screen)
	}
}

func TestClickingAContentsEntryJumpsToIt(t *testing.T) {
	m := openSeed(t, 100, 30)
	m, _ = press(t, m, "t")
	m, _ = click(t, m, 20, rowOf(t, m, "Wary of provoking Iran"))
	if m.reader.overlay != nil || firstTextLine(m) != "## Wary of provoking Iran" {
		t.Errorf("a click in the contents: overlay %v, top line %q", m.reader.overlay, firstTextLine(m))
	}
}

func TestClickingTheSideContentsJumps(t *testing.T) {
	m := openSeed(t, 140, 30)
	m, cmd := press(t, m, "T")
	m = settle(t, m, cmd)
	m, _ = click(t, m, 5, rowOf(t, m, "Wary of provoking"))
	if got := firstTextLine(m); !strings.HasSuffix(got, "## Wary of provoking Iran") {
		t.Errorf("a click beside the text: top line %q", got)
	}
	m, _ = click(t, m, 90, rowOf(t, m, "A periphery strategy")) // in the text: nothing
	if got := firstTextLine(m); !strings.HasSuffix(got, "## Wary of provoking Iran") {
		t.Errorf("a click in the text moved it: top line %q", got)
	}
}

func TestClickingASearchResultOpensIt(t *testing.T) {
	db := t.TempDir() + "/cable.db"
	ctx := storeContext(t, 100, 30, db)
	m := startModel(t, ctx)
	m, cmd := press(t, m, "ctrl+f")
	m = settle(t, m, cmd)
	for _, r := range "Sneh" {
		m, cmd = press(t, m, string(r))
		m = settle(t, m, cmd)
	}
	m, cmd = click(t, m, 10, rowOf(t, m, "How Deep Are")+1)
	m = settle(t, m, cmd)
	if m.screen != readerScreen || !strings.Contains(strings.Join(screenLines(m), "\n"), "Sneh") {
		t.Errorf("a click on a result: screen %v\n%s", m.screen, strings.Join(screenLines(m), "\n"))
	}
}

// TestListsOverTheTextStandWhereTheTextDoes opens the names and the
// contents with the side contents shown: each list lines up with the
// header, and the side contents stay.
func TestListsOverTheTextStandWhereTheTextDoes(t *testing.T) {
	m := openSeed(t, 140, 30)
	m, cmd := press(t, m, "T")
	m = settle(t, m, cmd)
	titleAt := strings.Index(screenLines(m)[0], "How Deep")
	for _, k := range []string{"i", "t", "L"} {
		m, _ := press(t, m, k)
		lines := screenLines(m)
		head := lines[m.reader.headerHeight()]
		side := strings.Index(head, "Contents")
		list := strings.LastIndex(head, strings.TrimSpace(head[max(side+8, 0):]))
		if side != 1 || list != titleAt {
			t.Errorf("%s with the side contents: side pane at %d, list at %d, title at %d\n%s", k, side, list, titleAt, strings.Join(lines, "\n"))
		}
	}
}

func TestALongNamesListSaysThereIsMore(t *testing.T) {
	m := openSeed(t, 100, 20)
	m, _ = press(t, m, "i")
	head := screenLines(m)[m.reader.headerHeight()]
	if want := "1/" + strconv.Itoa(len(m.reader.lists.names.names)); !strings.Contains(head, want) {
		t.Errorf("the names' title does not say %s: %q", want, head)
	}
	m = openSeed(t, 100, 200)
	m, _ = press(t, m, "i")
	if head := screenLines(m)[m.reader.headerHeight()]; strings.Contains(head, "/") {
		t.Errorf("a list shown whole says where the cursor is: %q", head)
	}
}

// TestTheMouseUnderTheHelpActsOnNothingBehindIt shows the help over the
// text and the side contents: the wheel must not scroll the hidden text,
// and a click closes the help, as a key does, without jumping to the
// section whose row it lands where the side contents would be.
func TestTheMouseUnderTheHelpActsOnNothingBehindIt(t *testing.T) {
	m := openSeed(t, 140, 30)
	m, cmd := press(t, m, "T")
	m = settle(t, m, cmd)
	row := rowOf(t, m, "Wary of provoking")
	top := m.reader.top
	m, _ = press(t, m, "?")
	next, _ := m.Update(tea.MouseMsg{X: 60, Y: 10, Action: tea.MouseActionPress, Button: tea.MouseButtonWheelDown})
	m = next.(Model)
	if m.reader.top != top || !m.reader.display.help {
		t.Errorf("the wheel under the help: top %d → %d, help shown %v", top, m.reader.top, m.reader.display.help)
	}
	m, _ = click(t, m, 5, row)
	if m.reader.top != top || m.reader.display.help {
		t.Errorf("a click under the help: top %d → %d, help shown %v", top, m.reader.top, m.reader.display.help)
	}
	golden.RequireEqualEscape(t, []byte(m.View()), true)
}
