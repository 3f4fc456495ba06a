package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEndToEndHostileArticle opens an article whose title and body carry
// escape sequences meant for the terminal: setting the window title (OSC
// 2), writing the clipboard (OSC 52) and clearing the screen (CSI 2J).
// cable must show the text and leave the terminal alone.
func TestEndToEndHostileArticle(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "hostile.md")
	article := "---\ntitle: \"Harmless \x1b]2;PWNED-TITLE\x07title\"\n---\n\n" +
		"Before\x1b[2J\x1b[Hafter the clear. \x1b]52;c;cHduZWQ=\x07Clipboard untouched.\n\n" +
		"## Second\n\nA \x1b]8;;http://evil.example\x1b\\fake link\x1b]8;;\x1b\\ here.\n"
	if err := os.WriteFile(path, []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	term := startCable(t, path)
	titleBefore := strings.TrimSpace(term.tmux("display-message", "-p", "-t", term.session, "#{pane_title}"))

	rows := term.waitFor("Beforeafter the clear. Clipboard untouched.", patience)
	screen := strings.Join(rows, "\n")
	if !strings.Contains(screen, "Harmless title") {
		t.Errorf("the title is not shown cleaned:\n%s", dump(rows))
	}
	term.sendKey("]")
	rows = term.waitFor("A fake link here.", patience)
	if title := strings.TrimSpace(term.tmux("display-message", "-p", "-t", term.session, "#{pane_title}")); title != titleBefore || strings.Contains(title, "PWNED") {
		t.Errorf("the window title changed from %q to %q", titleBefore, title)
	}
	if buffers := term.tmux("list-buffers"); strings.Contains(buffers, "pwned") {
		t.Errorf("the clipboard was written: %q", buffers)
	}
	term.sendKey("q")
	term.waitFor("cable · ", patience)
	term.sendKey("q")
	term.waitFor(exitMarker+"0", patience)
}
