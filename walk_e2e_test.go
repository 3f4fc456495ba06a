package main

import (
	"strconv"
	"strings"
	"testing"
)

// TestEndToEndEveryScreen walks every screen a reader can reach from the
// library and the reader, in one run of cable at 140×40 (wide enough for
// the contents beside the text), and checks what each one shows: the
// library, its filter, its sort, full-text search, the bookmarks of every
// article, the reader, the contents over and beside the text, the links,
// the names, a bookmark's label prompt and the bookmarks list, the
// footnote peek, the help and the editor's note.
func TestEndToEndEveryScreen(t *testing.T) {
	t.Parallel()
	term := startCableIn(t, newHome(t), 140, 40)
	shows := func(what string, texts ...string) []string {
		t.Helper()
		return term.waitUntil(what, patience, func(rows []string) bool {
			screen := strings.Join(rows, "\n")
			for _, s := range texts {
				if !strings.Contains(screen, s) {
					return false
				}
			}
			return true
		})
	}
	keys := func(ks ...string) {
		for _, k := range ks {
			term.sendKey(k)
		}
	}
	// escape closes what shows gone, and waits for it to go: an escape
	// read together with the next key is that key with alt, in any
	// terminal program, so a person, and this test, sees it close first.
	escape := func(gone string) {
		t.Helper()
		term.sendKey("Escape")
		term.waitUntil(strconv.Quote(gone)+" gone", patience, func(rows []string) bool {
			return !strings.Contains(strings.Join(rows, "\n"), gone)
		})
	}

	shows("the library", "cable · 2 articles · by recently added", "How Deep Are Azerbaijan-Israel Relations?", "Reading with cable", "? more")

	// The filter, as typed, then kept with enter.
	term.sendKey("/")
	term.typeInto("Filter: ", "reading")
	keys("Enter")
	rows := shows("the filtered library", "Reading with cable")
	if strings.Contains(strings.Join(rows, "\n"), "Eldar Mamedov") {
		t.Errorf("the filter \"reading\" still lists the seed article:\n%s", dump(rows))
	}
	keys("Escape")
	shows("the whole library again", "Eldar Mamedov", "Reading with cable")

	keys("s")
	shows("the library sorted by title", "by title")

	// Full-text search across the articles.
	keys("C-f")
	term.typeInto("Search: ", "Baku")
	shows("a passage about Baku", "How Deep Are Azerbaijan-Israel Relations? · ", "Baku")
	keys("Escape")
	shows("the library after the search", "by title")

	// With no bookmark yet, ' is off: it says why, and the library stays.
	keys("'")
	shows("why ' does nothing, no bookmark yet", "No bookmarks yet: m in the reader adds one.", "by title")

	// The guide: it has links, names, a footnote and an editor's note.
	term.sendKey("/")
	term.typeInto("Filter: ", "reading")
	keys("Enter", "Enter")
	shows("the guide in the reader", "§1/8 Opening", "cable is a quiet place to read long articles")

	keys("t")
	shows("the contents", "Contents", "2  Moving through an article", "8  Editor's note", "enter go to section")
	keys("j", "Enter")
	shows("the second section, from the contents", "§2/8 Moving through an article")

	keys("T")
	rows = shows("the contents beside the text", "Contents", "Moving through an article", "§2/8")
	if !strings.Contains(rows[textTop], "Contents") && !strings.Contains(strings.Join(rows[:6], "\n"), "Contents") {
		t.Errorf("the side contents are not at the top of the screen:\n%s", dump(rows))
	}
	keys("T")

	keys("L")
	shows("the links", "Links", "Glamour", "https://github.com/charmbracelet/glamour", "enter open")
	escape("enter open")

	keys("i")
	shows("the names index", "Names in this article", "Markdown")
	escape("Names in this article")

	keys("m")
	shows("the bookmark's label prompt", "Bookmark label (enter saves, esc cancels):")
	term.typeInto("Bookmark label (enter saves, esc cancels): ", "keys")
	keys("Enter")
	shows("the bookmark saved", "Bookmarked §2.")
	keys("'")
	shows("this article's bookmarks", "Bookmarks", "keys", "§2", "d delete")
	escape("d delete")

	// The note's marker stands a few lines above the bottom screen's first.
	keys("G")
	shows("the end of the guide", "100% · end")
	keys("k", "k", "k", "k", "f")
	shows("the footnote peek", "╭", "[1] Like this one.", "╰")
	escape("╭")

	keys("?")
	shows("the help", "Keys", "next section", "editor's note", "Press any key to go back to the text.")
	keys("j")

	keys("e")
	shows("the editor's note", "§8/8 Editor's note", "e back to the text")
	keys("e")

	keys("q")
	shows("the library again, still filtered", "cable · 1 of 2 articles")
	keys("'")
	shows("the new bookmark among every article's", "Bookmarks in every article", "Reading with cable · §2")
	escape("Bookmarks in every article")
	keys("q")
	term.waitFor(exitMarker+"0", patience)
}
