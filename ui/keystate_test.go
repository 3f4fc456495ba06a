package ui

import (
	"context"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// pressAll presses keys one at a time, running what each asks for.
func pressAll(t *testing.T, m Model, keys ...string) Model {
	t.Helper()
	for _, k := range keys {
		var cmd tea.Cmd
		m, cmd = press(t, m, k)
		m = settle(t, m, cmd)
	}
	return m
}

// TestTheNoteHintTellsTheTruth reads the reminder in the status line,
// presses e and checks that e did what the reminder said: went to the
// editor's note, came back from it, or, where the reminder leaves e
// out, said why it does nothing.
func TestTheNoteHintTellsTheTruth(t *testing.T) {
	tests := []struct {
		name   string
		resume bool // open the article again where the note was left
		keys   []string
	}{
		{"opened", false, nil},
		{"in-the-note-by-e", false, []string{"e"}},
		{"in-the-note-by-the-contents", false, []string{"t", "G", "enter"}},
		{"out-of-the-note-by-g", false, []string{"t", "G", "enter", "g"}},
		{"out-of-the-note-by-g-then-e", false, []string{"t", "G", "enter", "g", "e"}},
		{"resumed-in-the-note", true, nil},
		{"resumed-in-the-note-then-up", true, []string{"k"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := storeContext(t, 80, 24, filepath.Join(t.TempDir(), "cable.db"))
			m := open(t, startModel(t, ctx), "azerbaijan-israel-relations")
			note, _ := m.reader.article.EditorsNote()
			if tt.resume {
				m = pressAll(t, m, "e", "q")
				m = open(t, m, "azerbaijan-israel-relations")
				if m.reader.currentSection() != note {
					t.Fatalf("the article opened in §%d, not in its note", m.reader.currentSection()+1)
				}
			}
			m = pressAll(t, m, tt.keys...)
			hint := statusOf(m)
			wasInNote, top := m.reader.currentSection() == note, m.reader.top
			m = pressAll(t, m, "e")
			inNote := m.reader.currentSection() == note
			switch {
			case strings.Contains(hint, "e editor's note"):
				if !inNote || wasInNote && m.reader.top == top {
					t.Errorf("the hint said %q and e left the reader in §%d", hint, m.reader.currentSection()+1)
				}
			case strings.Contains(hint, "e back to the text"):
				if inNote || !wasInNote {
					t.Errorf("the hint said %q and e left the reader in §%d (in the note before: %v)", hint, m.reader.currentSection()+1, wasInNote)
				}
			default:
				if m.reader.top != top || m.reader.status.text == "" {
					t.Errorf("the hint %q leaves e out, and e moved the text or said nothing (status %q)", hint, statusOf(m))
				}
			}
		})
	}
}

// TestNWithoutASearchSaysHowToSearch presses n and N before any search:
// the status line says how to start one, and the help leaves them out
// until there is a search to walk.
func TestNWithoutASearchSaysHowToSearch(t *testing.T) {
	for _, k := range []string{"n", "N"} {
		m := openSeed(t, 80, 24)
		m = pressAll(t, m, k)
		if got := statusOf(m); !strings.Contains(got, "No search: / to search") {
			t.Errorf("%s without a search: the status says %q", k, got)
		}
	}
	m := openSeed(t, 100, 40)
	m = pressAll(t, m, "?")
	help := strings.Join(screenLines(m), "\n")
	if strings.Contains(help, "next/previous match") {
		t.Errorf("the help lists n before any search:\n%s", help)
	}
	m = pressAll(t, m, "esc", "/", "I", "r", "a", "n", "enter", "?")
	help = strings.Join(screenLines(m), "\n")
	if !strings.Contains(help, "next/previous match") {
		t.Errorf("the help leaves n out while a search is shown:\n%s", help)
	}
}

// TestLibraryKeysThatCannotActAreOff starts the library over a store
// with no reading, no bookmark and no feed: c, ' and u are left out of
// its help and say why when pressed. Once an article is read and
// bookmarked, c and ' are in the help and act.
func TestLibraryKeysThatCannotActAreOff(t *testing.T) {
	ctx := storeContext(t, 100, 40, filepath.Join(t.TempDir(), "cable.db"))
	ctx.UpdateFeeds = func(context.Context, func(FeedEvent)) {} // no feed is followed
	m := startModel(t, ctx)
	off := map[string]string{
		"c": "continue reading",
		"'": "all bookmarks",
		"u": "update feeds",
	}
	help := strings.Join(screenLines(pressAll(t, m, "?")), "\n")
	for k, desc := range off {
		if strings.Contains(help, desc) {
			t.Errorf("the library's help lists %s (%s), which cannot act:\n%s", k, desc, help)
		}
		next := pressAll(t, m, k)
		if next.screen != libraryScreen || next.library.status == "" || next.library.feeds.running {
			t.Errorf("%s, off: screen %v, status %q", k, next.screen, next.library.status)
		}
	}
	m = open(t, m, "azerbaijan-israel-relations")
	m = pressAll(t, m, "]", "j", "m", "enter", "q")
	help = strings.Join(screenLines(pressAll(t, m, "?")), "\n")
	for _, desc := range []string{"continue reading", "all bookmarks"} {
		if !strings.Contains(help, desc) {
			t.Errorf("with an article begun and bookmarked, the help leaves out %q:\n%s", desc, help)
		}
	}
	if help := strings.Join(screenLines(pressAll(t, m, "?")), "\n"); strings.Contains(help, "update feeds") {
		t.Errorf("the help lists u with no feed followed:\n%s", help)
	}
	if next := pressAll(t, m, "'"); next.screen != allMarksScreen {
		t.Errorf("' with a bookmark did not list them: screen %v", next.screen)
	}
}

// TestTheHelpScrollsOnAShortScreen opens the help at 40×12, where it
// cannot show every key: it says there is more, j and the other keys
// for moving scroll it to its last key, and q closes it.
func TestTheHelpScrollsOnAShortScreen(t *testing.T) {
	m := pressAll(t, openSeed(t, 40, 12), "?")
	first := strings.Join(screenLines(m), "\n")
	if !strings.Contains(first, "↓ more") {
		t.Errorf("the help does not say there is more:\n%s", first)
	}
	seen := map[string]bool{}
	see := func(m Model) {
		for _, l := range screenLines(m) {
			seen[strings.TrimSpace(l)] = true
		}
	}
	see(m)
	for range 40 {
		m = pressAll(t, m, "j")
		see(m)
	}
	if !m.reader.display.help {
		t.Fatal("j closed the help")
	}
	text := strings.Join(screenLines(m), "\n")
	for _, want := range []string{"ctrl+c", "↑ more"} {
		if !strings.Contains(text, want) {
			t.Errorf("after j to the end, no %q:\n%s", want, text)
		}
	}
	all := strings.Join(slices.Collect(maps.Keys(seen)), "\n")
	for _, group := range m.reader.keys.FullHelp() {
		for _, b := range group {
			if b.Enabled() && !strings.Contains(all, b.Help().Desc) {
				t.Errorf("scrolling through the help never showed %q", b.Help().Desc)
			}
		}
	}
	for _, k := range []string{"k", "G", "g", "space", "b"} {
		if m = pressAll(t, m, k); !m.reader.display.help {
			t.Fatalf("%s closed the help", k)
		}
	}
	if strings.Contains(strings.Join(screenLines(m), "\n"), "↑ more") {
		t.Errorf("g then space then b did not come back to the top:\n%s", strings.Join(screenLines(m), "\n"))
	}
	for _, k := range []string{"q", "esc"} {
		if next := pressAll(t, m, k); next.reader.display.help || next.screen != readerScreen {
			t.Errorf("%s did not close the help to the text", k)
		}
	}
}

// TestTheWheelScrollsALongHelp turns the wheel over the help at 40×12:
// the help scrolls, the text behind it stays.
func TestTheWheelScrollsALongHelp(t *testing.T) {
	m := pressAll(t, openSeed(t, 40, 12), "?")
	top := m.reader.top
	m, _ = update(m, tea.MouseMsg{X: 10, Y: 6, Action: tea.MouseActionPress, Button: tea.MouseButtonWheelDown})
	if m.reader.display.helpTop != 3 || m.reader.top != top || !m.reader.display.help {
		t.Errorf("the wheel over a long help: help at row %d, text top %d → %d", m.reader.display.helpTop, top, m.reader.top)
	}
	m, _ = update(m, tea.MouseMsg{X: 10, Y: 6, Action: tea.MouseActionPress, Button: tea.MouseButtonWheelUp})
	if m.reader.display.helpTop != 0 {
		t.Errorf("the wheel back up: help at row %d", m.reader.display.helpTop)
	}
}
