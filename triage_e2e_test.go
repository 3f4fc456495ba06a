package main

import (
	"strings"
	"testing"
)

// TestEndToEndTriage walks the library's triage as a person would: + tags
// the seed "x", the filter tag:x finds it alone, a archives it and it is
// gone from the filter and the library, A finds it in the archive; after
// quitting, cable list leaves it out, and lists it with --archived --tag x.
func TestEndToEndTriage(t *testing.T) {
	h := newHome(t)
	s := startCableIn(t, h, 100, 30)
	s.waitUntil("the library", patience, libraryShown)
	s.sendKey("+")
	s.waitFor("Tags, comma-separated (tab completes", patience)
	s.typeInto("esc cancels): ", "x")
	s.sendKey("Enter")
	s.waitFor(`Tagged x: "`+seedTitle+`".`, patience)
	s.waitFor("[x] · Eldar Mamedov", patience)

	s.sendKey("/")
	s.typeInto("Filter: ", "tag:x")
	s.sendKey("Enter")
	rows := s.waitFor("cable · 1 of 2 articles", patience)
	if screen := strings.Join(rows, "\n"); !strings.Contains(screen, seedTitle) || strings.Contains(screen, guideTitle) {
		t.Fatalf("tag:x does not list the seed alone:\n%s", dump(rows))
	}
	s.sendKey("a")
	rows = s.waitFor("A shows the archive; a there takes it out.", patience)
	if screen := strings.Join(rows, "\n"); !strings.Contains(screen, "0 of 1 article") || strings.Contains(screen, "\n│ "+seedTitle) {
		t.Errorf("after a the filter still lists the seed:\n%s", dump(rows))
	}
	s.sendKey("Escape")
	rows = s.waitFor("cable · 1 article", patience)
	for _, e := range libraryEntries(rows) {
		if strings.Contains(e.title, seedTitle) {
			t.Errorf("the archived seed is still in the library:\n%s", dump(rows))
		}
	}
	s.sendKey("A")
	rows = s.waitFor("Archive · 1 article", patience)
	if screen := strings.Join(rows, "\n"); !strings.Contains(screen, seedTitle) || strings.Contains(screen, guideTitle) {
		t.Errorf("A does not show the seed alone:\n%s", dump(rows))
	}
	s.sendKey("q")
	s.waitFor(exitMarker+"0", patience)

	if out := runIn(t, h, "list"); strings.Contains(out, deskArticle) || !strings.Contains(out, "1 archived not listed") {
		t.Errorf("cable list after archiving:\n%s", out)
	}
	if out := runIn(t, h, "list", "--archived", "--tag", "x"); !strings.Contains(out, deskArticle) || strings.Contains(out, "reading-with-cable") {
		t.Errorf("cable list --archived --tag x:\n%s", out)
	}
}
