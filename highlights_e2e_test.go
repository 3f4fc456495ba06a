package main

import (
	"strings"
	"testing"
)

// TestEndToEndHighlightWithANote walks a highlight as a reader makes it:
// in the seed, v selects the first sentence of "A periphery strategy", )
// adds the next, enter saves it and a note is typed; cable is started
// again at another width, without colour, and the highlight is drawn
// there, its note's mark after it; H lists it with its note; cable
// highlights prints it as Markdown.
func TestEndToEndHighlightWithANote(t *testing.T) {
	h := newHome(t)
	s := startCableIn(t, h, 100, 30)
	s.openSeed()
	s.sendKey("]")
	s.waitFor("§2/8 A periphery strategy", patience)
	s.sendKey("v")
	s.sendKey(")")
	s.sendKey("Enter")
	s.waitFor("Note (", patience)
	s.typeInto("", "Turkey-compare")
	s.sendKey("Enter")
	s.waitFor("Note saved.", patience)
	s.sendKey("q")
	s.waitUntil("the library", patience, libraryShown)
	s.sendKey("q")
	s.waitFor(exitMarker+"0", patience)

	s = startCableIn(t, h, 60, 30, "--style", "notty")
	s.waitUntil("the library", patience, libraryShown)
	s.sendKey("Enter") // continue reading, where the highlight was made
	rows := s.waitFor("⟦We must keep in mind", patience)
	screen := strings.Join(rows, "\n")
	if !strings.Contains(screen, "the other. From the") || !strings.Contains(screen, "⟧✎") {
		t.Errorf("at 60 columns the highlight is not drawn whole with its note's mark:\n%s", dump(rows))
	}
	s.sendKey("H")
	rows = s.waitFor("Highlights", patience)
	if screen := strings.Join(rows, "\n"); !strings.Contains(screen, "Turkey-compare") || !strings.Contains(screen, "§2") {
		t.Errorf("H does not list the highlight with its note and place:\n%s", dump(rows))
	}
	s.sendKey("q") // closes the list
	s.waitFor("⟦We must keep in mind", patience)
	s.sendKey("q")
	s.waitUntil("the library", patience, libraryShown)
	s.sendKey("q")
	s.waitFor(exitMarker+"0", patience)

	out := runIn(t, h, "highlights")
	for _, want := range []string{"> We must keep in mind that neither country is an essential strategic asset for the other.", "Turkey-compare", "§2"} {
		if !strings.Contains(out, want) {
			t.Errorf("cable highlights does not print %q:\n%s", want, out)
		}
	}
}
