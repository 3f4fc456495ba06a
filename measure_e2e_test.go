package main

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestEndToEndTheWidthChosenIsKept: w in the reader sets the text wider,
// says it is kept, and the next start sets the text at that width; a
// width given with --width beats it, and w then says it is for now.
func TestEndToEndTheWidthChosenIsKept(t *testing.T) {
	t.Parallel()
	h := newHome(t)
	widest := func(rows []string) int {
		n := 0
		for _, r := range rows[:len(rows)-1] { // not the status line
			n = max(n, ansi.StringWidth(strings.TrimSpace(ansi.Strip(r))))
		}
		return n
	}
	first := startCableIn(t, h, 130, 30)
	first.openSeed()
	if w := widest(first.waitFor("§1/8", patience)); w > 84 {
		t.Fatalf("the text is %d columns wide at first; want the default 80", w)
	}
	first.sendKey("w")
	first.waitFor("kept for next time", patience)
	first.quitFromReader()

	again := startCableIn(t, h, 130, 30)
	again.openSeed()
	if w := widest(again.waitFor("§1/8", patience)); w <= 84 {
		t.Errorf("after a new start the text is %d columns wide; want the 100 chosen with w", w)
	}
	again.quitFromReader()

	given := startCableIn(t, h, 130, 30, "--width", "72")
	given.openSeed()
	if w := widest(given.waitFor("§1/8", patience)); w > 76 {
		t.Errorf("with --width 72 the text is %d columns wide", w)
	}
	given.sendKey("w")
	given.waitFor("for now", patience)
	given.quitFromReader()
}
