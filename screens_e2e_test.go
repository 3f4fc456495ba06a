package main

// End-to-end tests of flows across cable's screens: what a screen shows
// after another has been on show, and keys typed before a screen is ready.

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// selectedTitle is the title of the library entry under the cursor: the
// one drawn with a bar in front of it.
func selectedTitle(rows []string) string {
	for _, r := range rows[1 : len(rows)-1] {
		t := strings.TrimSpace(r)
		if strings.HasPrefix(t, "│") {
			return strings.TrimSpace(strings.TrimPrefix(t, "│"))
		}
	}
	return ""
}

// TestEndToEndFilterKeptAfterReading filters the library, opens the
// article it found and comes back with q: the list is still filtered,
// shows the article, and has it selected.
func TestEndToEndFilterKeptAfterReading(t *testing.T) {
	t.Parallel()
	s := startCableIn(t, newHome(t), termCols, termRows)
	s.waitUntil("the library with both bundled articles", patience, libraryShown)
	s.sendKey("/")
	s.waitFor("Filter:", patience)
	s.typeInto("Filter: ", "Azerbaijan")
	s.sendKey("Enter")
	s.waitUntil("the filter applied", patience, func(rows []string) bool {
		return !strings.Contains(strings.Join(rows, "\n"), "Filter:") && selectedTitle(rows) == seedTitle
	})
	s.sendKey("Enter")
	s.waitFor("§1/8 Opening", patience)
	s.sendKey("q")
	rows, ok := s.poll(patience, func(rows []string) bool {
		return strings.Contains(rows[0], "cable ·") && selectedTitle(rows) == seedTitle &&
			strings.Contains(strings.Join(rows, "\n"), continuePrefix+seedTitle)
	})
	if !ok {
		t.Fatalf("back from the reader, the filtered library does not show the article selected:\n%s", dump(rows))
	}
	if strings.Contains(strings.Join(rows, "\n"), guideTitle) {
		t.Errorf("the filter was dropped: the library shows %q:\n%s", guideTitle, dump(rows))
	}
}

// TestEndToEndAllBookmarksShowsANewOne bookmarks a section in the reader,
// goes back to the library and lists every article's bookmarks with ':
// the new bookmark is there.
func TestEndToEndAllBookmarksShowsANewOne(t *testing.T) {
	t.Parallel()
	s := startCableIn(t, newHome(t), termCols, termRows)
	s.openSeed()
	s.nextSections(2, "A periphery strategy")
	s.sendKey("m")
	s.waitFor("Bookmark label", patience)
	s.typeInto("Bookmark label (enter saves, esc cancels): ", "allies")
	s.sendKey("Enter")
	s.waitFor("Bookmarked §2.", patience)
	s.sendKey("q")
	s.waitUntil("the library", patience, libraryShown)
	s.sendKey("'")
	s.waitFor("Bookmarks in every article", patience)
	rows, ok := s.poll(patience, func(rows []string) bool {
		return strings.Contains(strings.Join(rows, "\n"), seedTitle+" · §2 · allies")
	})
	if !ok {
		t.Fatalf("the bookmark just added is not among every article's bookmarks:\n%s", dump(rows))
	}
}

// longArticle writes an article of sections sections, each of paragraphs
// paragraphs of about a hundred words, long enough that its rendering
// takes a while.
func longArticle(t *testing.T, sections, paragraphs int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("---\ntitle: A Long Report\nauthor: A. Writer\n---\n\n")
	sentence := "The delegations agree on free passage but not on who pays for the pilots and the tugs. "
	for s := 1; s <= sections; s++ {
		fmt.Fprintf(&b, "## Part %d\n\n", s)
		for range paragraphs {
			b.WriteString(strings.Repeat(sentence, 6) + "\n\n")
		}
	}
	path := filepath.Join(t.TempDir(), "long.md")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestEndToEndKeysTypedAheadOfTheText starts cable on a long article and
// presses ] ] at once, before the text can be on screen: both keys count,
// as in less, and the third section opens.
func TestEndToEndKeysTypedAheadOfTheText(t *testing.T) {
	t.Parallel()
	path := longArticle(t, 40, 30)
	s := startCableIn(t, newHome(t), termCols, termRows, path)
	s.sendKey("]")
	s.sendKey("]")
	// The first screen comes first, the other sections standing as their
	// titles; the whole text follows.
	rows, ok := s.poll(patience, func(rows []string) bool {
		return strings.Contains(statusLine(rows), "§3/40 Part 3") && firstTextLine(rows) == "## Part 3"
	})
	if !ok {
		t.Fatalf("after ] ] typed ahead the third section is not at the top:\n%s", dump(rows))
	}
}
