package ui

import (
	"cable/render"

	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestSectionJumpPutsHeadingOnTheTopLine(t *testing.T) {
	for _, size := range [][2]int{{40, 12}, {60, 20}, {80, 24}, {100, 30}, {200, 60}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m := openSeed(t, size[0], size[1])
			a := m.reader.article
			if got := statusOf(m); !strings.HasPrefix(got, "§1/8 Opening") {
				t.Fatalf("status on opening = %q", got)
			}
			for i := 1; i < len(a.Sections); i++ {
				var cmd tea.Cmd
				m, cmd = press(t, m, "]")
				if cmd != nil {
					t.Fatalf("] to section %d returned a command", i+1)
				}
				want := "## " + a.Sections[i].Title
				if got := firstTextLine(m); got != want {
					t.Fatalf("after ] to section %d the top line is %q, want %q", i+1, got, want)
				}
				if got, want := statusOf(m), fmt.Sprintf("§%d/8 %s", i+1, a.SectionTitle(i)); !strings.HasPrefix(got, want) {
					t.Fatalf("status = %q, want it to start with %q", got, want)
				}
			}
			m, cmd := press(t, m, "]")
			if cmd == nil || m.reader.status.text != "This is the last section." {
				t.Errorf("] on the last section: status %q", m.reader.status.text)
			}
		})
	}
}

func TestPreviousSectionGoesToTheStartFirst(t *testing.T) {
	m := openSeed(t, 80, 24)
	m, _ = press(t, m, "]")
	m, _ = press(t, m, "]")
	m, _ = press(t, m, "j")
	m, _ = press(t, m, "j")
	m, _ = press(t, m, "[")
	if got := firstTextLine(m); got != "## Wary of provoking Iran" {
		t.Fatalf("[ inside section 3: top line %q", got)
	}
	m, _ = press(t, m, "[")
	if got := firstTextLine(m); got != "## A periphery strategy" {
		t.Fatalf("[ at the start of section 3: top line %q", got)
	}
	m, _ = press(t, m, "[")
	m, cmd := press(t, m, "[")
	if m.reader.top != 0 || cmd == nil || m.reader.status.text != "This is the first section." {
		t.Errorf("[ at the top: top %d, status %q", m.reader.top, m.reader.status.text)
	}
}

func TestEditorsNoteAndBackToTheSameLine(t *testing.T) {
	for _, back := range []string{"e", "backspace"} {
		t.Run(back, func(t *testing.T) {
			m := openSeed(t, 80, 24)
			m, _ = press(t, m, "]")
			m, _ = press(t, m, "]")
			for range 5 {
				m, _ = press(t, m, "j")
			}
			before, top := screenLines(m), m.reader.top
			m, _ = press(t, m, "e")
			if got := firstTextLine(m); got != "## Editor’s note" {
				t.Fatalf("e: top line %q", got)
			}
			if !strings.Contains(strings.Join(screenLines(m), "\n"), "Eldar Mamedov is a political adviser") {
				t.Fatal("e: the note's text is not on screen")
			}
			m, _ = press(t, m, back)
			if m.reader.top != top || strings.Join(screenLines(m), "\n") != strings.Join(before, "\n") {
				t.Fatalf("%s: back at line %d, want %d", back, m.reader.top, top)
			}
			m, cmd := press(t, m, "backspace")
			if cmd == nil || !strings.HasPrefix(m.reader.status.text, "Nothing to go back to") {
				t.Errorf("second backspace: status %q", m.reader.status.text)
			}
		})
	}
}

func TestNoEditorsNoteDisablesTheKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.md")
	if err := os.WriteFile(path, []byte("---\ntitle: X\n---\nText.\n\n## A\n\nMore.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := storeContext(t, 80, 24, filepath.Join(t.TempDir(), "cable.db"), path)
	m := open(t, startModel(t, ctx), "x")
	m, cmd := press(t, m, "e")
	if cmd == nil || m.reader.status.text != "This article has no editor's note." {
		t.Fatalf("e without a note: status %q", m.reader.status.text)
	}
	if !strings.Contains(statusOf(m), "This article has no editor's note.") {
		t.Errorf("status line does not say so: %q", statusOf(m))
	}
	if strings.Contains(m.reader.status.help.FullHelpView(m.reader.keys.FullHelp()), "editor's note") {
		t.Error("the help still offers the editor's note")
	}
}

func TestScrollingStaysInBounds(t *testing.T) {
	m := openSeed(t, 80, 24)
	m, _ = press(t, m, "G")
	maxTop := m.reader.maxTop()
	if m.reader.top != maxTop {
		t.Fatalf("G: top %d, want %d", m.reader.top, maxTop)
	}
	m, _ = press(t, m, "j")
	if m.reader.top != maxTop {
		t.Errorf("j at the end moved to %d", m.reader.top)
	}
	if got := statusOf(m); !strings.Contains(got, "100% · end") {
		t.Errorf("status at the end = %q", got)
	}
	m, _ = press(t, m, "e") // the note is short: its heading goes past maxTop
	noteTop := m.reader.top
	if noteTop <= maxTop {
		t.Fatalf("the note's heading at %d is not past the end of scrolling (%d)", noteTop, maxTop)
	}
	m, _ = press(t, m, "space")
	if m.reader.top != noteTop {
		t.Errorf("space past the end moved from %d to %d", noteTop, m.reader.top)
	}
	m, _ = press(t, m, "k")
	if m.reader.top != noteTop-1 {
		t.Errorf("k from %d went to %d", noteTop, m.reader.top)
	}
	m, _ = press(t, m, "g")
	m, _ = press(t, m, "k")
	if m.reader.top != 0 {
		t.Errorf("k at the top moved to %d", m.reader.top)
	}
}

func TestPagingMovesByAScreen(t *testing.T) {
	m := openSeed(t, 80, 24)
	page := m.reader.bodyHeight()
	for _, tt := range []struct {
		key  string
		want int
	}{{"space", page - 1}, {"pgdown", 2 * (page - 1)}, {"b", page - 1}, {"ctrl+d", page - 1 + page/2}, {"u", page - 1}, {"g", 0}} {
		m, _ = press(t, m, tt.key)
		if m.reader.top != tt.want {
			t.Errorf("%s: top %d, want %d", tt.key, m.reader.top, tt.want)
		}
	}
}

func TestContentsJump(t *testing.T) {
	m := openSeed(t, 80, 24)
	m, _ = press(t, m, "]")
	m, _ = press(t, m, "t")
	if contents, ok := openOverlay[contentsList](m); !ok || contents.list.cursor != 1 {
		t.Fatalf("t: contents shown %v, cursor %d", ok, contents.list.cursor)
	}
	view := strings.Join(screenLines(m), "\n")
	if !strings.Contains(view, "›  2  A periphery strategy") {
		t.Errorf("the section being read is not marked:\n%s", view)
	}
	m, _ = press(t, m, "j")
	m, _ = press(t, m, "j")
	m, _ = press(t, m, "enter")
	if overlayIs[contentsList](m) || firstTextLine(m) != "## Arms and Karabakh" {
		t.Fatalf("enter on entry 4: contents %v, top line %q", overlayIs[contentsList](m), firstTextLine(m))
	}
	m, _ = press(t, m, "t")
	m, _ = press(t, m, "G")
	m, _ = press(t, m, "esc")
	if overlayIs[contentsList](m) || firstTextLine(m) != "## Arms and Karabakh" {
		t.Errorf("esc moved the reader: %q", firstTextLine(m))
	}
	if m.screen != readerScreen {
		t.Error("esc in the contents left the reader")
	}
}

func TestMouseWheelScrolls(t *testing.T) {
	m := openSeed(t, 80, 24)
	next, _ := m.Update(tea.MouseMsg{Action: tea.MouseActionPress, Button: tea.MouseButtonWheelDown})
	m = next.(Model)
	if m.reader.top != 3 {
		t.Errorf("wheel down: top %d, want 3", m.reader.top)
	}
	next, _ = m.Update(tea.MouseMsg{Action: tea.MouseActionPress, Button: tea.MouseButtonWheelUp})
	if next.(Model).reader.top != 0 {
		t.Errorf("wheel up: top %d, want 0", next.(Model).reader.top)
	}
}

func TestLeavingAndQuitting(t *testing.T) {
	m := openSeed(t, 80, 24)
	m, cmd := press(t, m, "q")
	m = settle(t, m, cmd)
	if m.screen != libraryScreen {
		t.Fatal("q in the reader did not go back to the library")
	}
	if _, cmd = press(t, m, "q"); cmd == nil || cmd() != tea.Quit() {
		t.Error("q in the library does not quit")
	}
	if _, cmd = press(t, m, "ctrl+c"); cmd == nil {
		t.Fatal("ctrl+c gave no command")
	} else if _, ok := cmd().(tea.InterruptMsg); !ok {
		t.Error("ctrl+c does not interrupt")
	}
}

func TestLibraryOpensTheSelectedArticle(t *testing.T) {
	m := startModel(t, testContext(render.StyleDark, 80, 24))
	m, _ = press(t, m, "j")
	m, cmd := press(t, m, "enter")
	m = settle(t, m, cmd)
	if m.screen != readerScreen || m.reader.article.ID != "reading-with-cable" {
		t.Fatalf("enter on the second entry opened %v", m.reader.article)
	}
	if !strings.HasPrefix(statusOf(m), "§1/8 Opening") {
		t.Errorf("status = %q", statusOf(m))
	}
}

func TestAnyJumpIntoTheNoteCanGoBack(t *testing.T) {
	for _, via := range [][]string{{"t", "G", "enter"}, {"]", "]", "]", "]", "]", "]", "]"}} {
		t.Run(strings.Join(via, ""), func(t *testing.T) {
			m := openSeed(t, 80, 24)
			m, _ = press(t, m, "j")
			m, _ = press(t, m, "j")
			top := m.reader.top
			for _, k := range via {
				m, _ = press(t, m, k)
			}
			if !strings.HasPrefix(statusOf(m), "§8/8") {
				t.Fatalf("not in the note: %q", statusOf(m))
			}
			if via[0] == "]" {
				top = m.reader.doc.SectionStart[6] // the last jump left section 7's heading
			}
			m, _ = press(t, m, "backspace")
			if m.reader.top != top {
				t.Errorf("backspace went to line %d, want %d", m.reader.top, top)
			}
		})
	}
}

func TestJumpHistoryKeys(t *testing.T) {
	m := openSeed(t, 80, 24)
	m, _ = press(t, m, "j")
	start := m.reader.top
	m, _ = press(t, m, "]")
	m, _ = press(t, m, "]")
	m, _ = press(t, m, "t")
	m, _ = press(t, m, "G")
	m, _ = press(t, m, "enter") // the note
	var walk []string
	for _, k := range []string{"ctrl+o", "ctrl+o", "ctrl+o", "tab", "tab", "tab"} {
		next, _ := m.Update(ctrlKey(k))
		m = next.(Model)
		walk = append(walk, strings.SplitN(statusOf(m), " ", 2)[0])
	}
	want := []string{"§3/8", "§2/8", "§1/8", "§2/8", "§3/8", "§8/8"}
	if strings.Join(walk, " ") != strings.Join(want, " ") {
		t.Errorf("ctrl+o ×3, tab ×3 went through %v, want %v", walk, want)
	}
	for range 3 {
		next, _ := m.Update(ctrlKey("ctrl+o"))
		m = next.(Model)
	}
	if m.reader.top != start {
		t.Errorf("back at line %d, the jumps started at %d", m.reader.top, start)
	}
	next, cmd := m.Update(ctrlKey("ctrl+o"))
	if m = next.(Model); cmd == nil || !strings.HasPrefix(m.reader.status.text, "No earlier jump") {
		t.Errorf("ctrl+o at the start of history: %q", m.reader.status.text)
	}
}

func ctrlKey(k string) tea.KeyMsg {
	if k == "tab" {
		return tea.KeyMsg{Type: tea.KeyTab}
	}
	return tea.KeyMsg{Type: tea.KeyCtrlO}
}

func TestSideContentsFollowScrolling(t *testing.T) {
	m := openSeed(t, 140, 30)
	m, cmd := press(t, m, "T")
	m = settle(t, m, cmd)
	if m.reader.sidePaneWidth() != widestSidePane || m.reader.doc.Options.Width != 80 {
		t.Fatalf("T at 140 columns: pane %d, text %d wide", m.reader.sidePaneWidth(), m.reader.doc.Options.Width)
	}
	current := func() string {
		for _, line := range strings.Split(m.View(), "\n") {
			if strings.Contains(line, "\x1b[7m") && strings.Contains(ansiStrip(line), "  ") {
				return strings.TrimSpace(ansiStrip(line)[:sidePane])
			}
		}
		return ""
	}
	if got := current(); got != "1 Opening" {
		t.Errorf("at the top the side contents mark %q", got)
	}
	for range 3 {
		m, _ = press(t, m, "]")
	}
	if got := current(); got != "4 Arms and Karabakh" {
		t.Errorf("after ]×3 the side contents mark %q", got)
	}
	checkSize(t, m.View(), 140, 30)
	if first := firstTextLine(m); !strings.HasSuffix(first, "## Arms and Karabakh") {
		t.Errorf("the text beside the contents starts %q", first)
	}
	narrow := openSeed(t, 100, 30)
	narrow, cmd = press(t, narrow, "T")
	if cmd == nil || narrow.reader.display.sideTOC {
		t.Errorf("T at 100 columns: %q", narrow.reader.status.text)
	}
}
