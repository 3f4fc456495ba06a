package main

// The end-to-end tests run the real cable binary in a real terminal: a
// detached tmux session of a fixed size, on a tmux server of their own.
// They press keys one at a time and read the screen back as a person
// would, so they cover what unit tests cannot: the terminal set-up and
// restore, key decoding, resizing and the exit status. The harness they
// share (the builds, terminal, home and session) is e2e_harness_test.go.

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestMain gives the tests a home of their own: the in-process command
// tests open the library database and directory under $XDG_STATE_HOME and
// $XDG_DATA_HOME, and the reader keeps renderings under $XDG_CACHE_HOME,
// which must never be the developer's.
func TestMain(m *testing.M) {
	home, err := os.MkdirTemp("", "cable-test-home-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	buildEnv = os.Environ()
	if binDir, err = os.MkdirTemp("", "cable-e2e-"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	// cable's own places move, its render cache included; go build keeps
	// the environment the tests started with, and with it the toolchain's
	// caches under HOME and XDG_CACHE_HOME.
	for _, v := range []string{"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"} {
		os.Setenv(v, filepath.Join(home, strings.ToLower(v)))
	}
	code := m.Run()
	os.RemoveAll(home)
	os.RemoveAll(binDir)
	os.Exit(code)
}

// TestEndToEndReadSeedArticle reads the bundled seed article as a person
// would: section jumps, the contents, the editor's note and back, a
// narrower window, and leaving through the library.
func TestEndToEndReadSeedArticle(t *testing.T) {
	t.Parallel()
	term := startCable(t)

	term.waitFor("How Deep Are Azerbaijan-Israel Relations?", patience)
	term.waitFor("Reading with cable", patience)

	// The seed article is the first entry of the library.
	term.sendKey("Enter")
	term.waitFor("§1/8 Opening", patience)

	term.sendKey("]")
	rows := term.waitFor("§2/8 A periphery strategy", patience)
	if got, want := firstTextLine(rows), "## A periphery strategy"; got != want {
		t.Fatalf("after ] the first text line is %q, want the heading %q:\n%s", got, want, dump(rows))
	}

	term.sendKey("]")
	rows = term.waitFor("§3/8 Wary of provoking Iran", patience)
	if got, want := firstTextLine(rows), "## Wary of provoking Iran"; got != want {
		t.Fatalf("after ] the first text line is %q, want the heading %q:\n%s", got, want, dump(rows))
	}
	before := textArea(rows)

	// The editor's note is the last entry of the contents. Waiting for it,
	// not for "Contents" alone, makes sure the whole list has been drawn.
	term.sendKey("t")
	rows = term.waitUntil("the contents down to the editor’s note", patience, func(rows []string) bool {
		return strings.Contains(strings.Join(rows, "\n"), "Contents") &&
			slices.Contains(tocEntries(rows), "Editor’s note")
	})
	entries := tocEntries(rows)
	if n := len(entries); n < 2 || entries[n-1] != "Editor’s note" || entries[n-2] != "A sober assessment" {
		t.Fatalf("the contents list %q; want \"Editor’s note\" last, after \"A sober assessment\":\n%s", entries, dump(rows))
	}

	term.sendKey("Escape")
	term.waitUntil("the text again, from the heading \"## Wary of provoking Iran\"", patience, func(rows []string) bool {
		return firstTextLine(rows) == "## Wary of provoking Iran"
	})

	term.sendKey("e")
	rows = term.waitFor("§8/8", patience)
	if screen := strings.Join(rows, "\n"); !strings.Contains(screen, "Eldar Mamedov is a political adviser") {
		t.Fatalf("e shows §8/8 but not the editor's note's text:\n%s", dump(rows))
	}

	// Pressed again, e goes back to the very line it left.
	term.sendKey("e")
	rows = term.waitFor("§3/8 Wary of provoking Iran", patience)
	if after := textArea(rows); !slices.Equal(after, before) {
		t.Fatalf("e from the editor's note did not return to the same line.\nbefore:\n%s\nafter:\n%s", dump(before), dump(after))
	}

	// A narrower window keeps the place: the same section, its heading on
	// the first text line, and nothing wider than the window.
	const narrow = 70
	term.resize(narrow, termRows)
	rows = term.waitUntil("§3/8 with \"## Wary of provoking Iran\" on the first text line, re-wrapped for 70 columns", patience, func(rows []string) bool {
		return strings.Contains(statusLine(rows), "§3/8") &&
			firstTextLine(rows) == "## Wary of provoking Iran" &&
			rewrapped(rows, before)
	})
	for i, r := range rows {
		if w := ansi.StringWidth(r); w > narrow {
			t.Fatalf("row %d is %d columns wide, wider than the %d-column window:\n%s", i, w, narrow, dump(rows))
		}
	}

	term.sendKey("q")
	term.waitFor("2 articles", patience)
	term.sendKey("q")
	rows = term.waitFor(exitMarker+"0", patience)

	// The terminal is restored: the reader's screen is gone with the
	// alternate screen it was drawn on.
	if strings.Contains(strings.Join(rows, "\n"), "§") {
		t.Errorf("the reader's screen is still shown after cable exited:\n%s", dump(rows))
	}
	if term.alternateScreen() {
		t.Errorf("the terminal is still on the alternate screen after cable exited:\n%s", dump(rows))
	}
}

// TestEndToEndOpenFileDirectly starts cable on one file, which opens
// straight in the reader and joins the bundled articles in the library.
func TestEndToEndOpenFileDirectly(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "piece.md")
	article := "---\ntitle: Test piece\nauthor: A. Writer\n---\n\nLede text.\n\n## First\n\nOne.\n\n## Editor's note\n\nA note.\n"
	if err := os.WriteFile(path, []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	term := startCable(t, path)

	term.waitFor("§1/3 Opening", patience)
	term.waitFor("Test piece", patience)

	term.sendKey("e")
	term.waitFor("A note.", patience)

	term.sendKey("Escape")
	term.waitUntil("the library listing \"Test piece\" with the bundled articles", patience, func(rows []string) bool {
		screen := strings.Join(rows, "\n")
		for _, s := range []string{"3 articles", "Test piece", "How Deep Are Azerbaijan-Israel Relations?", "Reading with cable"} {
			if !strings.Contains(screen, s) {
				return false
			}
		}
		return true
	})

	// ctrl+c exits at once, with the status of a program interrupted.
	term.sendKey("C-c")
	term.waitFor(exitMarker+"130", patience)
}
