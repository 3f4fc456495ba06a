package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"cable/library"

	tea "github.com/charmbracelet/bubbletea"
)

// TestMatchedWords: the reader finds the first run of words a result's
// snippet marks, in lower case.
func TestMatchedWords(t *testing.T) {
	mark := func(w string) string { return library.SnippetStart + w + library.SnippetEnd }
	tests := []struct{ snippet, want string }{
		{"… the " + mark("Karabakh") + " war …", "karabakh"},
		{mark("shadow") + " " + mark("fleet") + " sails, the " + mark("shadow") + " again", "shadow fleet"},
		{"a " + mark("drone") + " and a " + mark("drones"), "drone"},
		{"美国对" + mark("半") + mark("导") + mark("体") + "出口", "半导体"},
		{"nothing marked", ""},
		{"broken " + library.SnippetStart + "mark", ""},
	}
	for _, tt := range tests {
		if got := matchedWords(tt.snippet); got != tt.want {
			t.Errorf("matchedWords(%q) = %q, want %q", tt.snippet, got, tt.want)
		}
	}
}

// TestSearchResultOpensWithItsMatchesShown: enter on a result opens the
// article at the passage with the search's words found as "/" finds them:
// highlighted, counted in the status line, and n walks them.
func TestSearchResultOpensWithItsMatchesShown(t *testing.T) {
	ctx := storeContext(t, 90, 24, filepath.Join(t.TempDir(), "cable.db"))
	m := startModel(t, ctx)
	m, _ = press(t, m, "ctrl+f")
	var cmd tea.Cmd
	for _, r := range "karabakh" {
		m, cmd = press(t, m, string(r))
	}
	m = settle(t, m, cmd)
	m, cmd = press(t, m, "enter")
	m = settle(t, m, cmd)
	if m.screen != readerScreen {
		t.Fatal("enter did not open the article")
	}
	if !m.reader.find.active() || len(m.reader.find.matches) < 2 {
		t.Fatalf("find %q with %d matches; want the search's word found", m.reader.find.query, len(m.reader.find.matches))
	}
	want := fmt.Sprintf("match %d/%d", m.reader.find.current+1, len(m.reader.find.matches))
	if status := statusOf(m); !strings.Contains(status, want) {
		t.Errorf("status %q; want %q", status, want)
	}
	if m.reader.find.query != "karabakh" {
		t.Errorf("found %q; want the search's word", m.reader.find.query)
	}
	first := m.reader.find.current
	m, _ = press(t, m, "n")
	if m.reader.find.current != (first+1)%len(m.reader.find.matches) {
		t.Errorf("n went from match %d to %d", first, m.reader.find.current)
	}
}
