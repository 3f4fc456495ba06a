package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/list"
)

// readerMessages are the passing messages the reader says, with values
// as long as real ones get.
var readerMessages = []string{
	"The side contents need 120 columns.",
	"No search: / to search.",
	"Not found: periphery strategy of the outer ring",
	"This is the first section.",
	"This is the last paragraph.",
	"No earlier jump to go back to.",
	"No later jump to go forward to.",
	"Text width: the terminal's width.",
	"This article has no editor's note.",
	"Nowhere to go back to from the note: g goes to the top.",
	"Nothing to go back to: backspace returns from the note.",
	"This article has no links.",
	"No names found in this article.",
	`No footnote marker on screen; the notes are in "Notes and sources".`,
	"Nagorno-Karabakh: match 1/12 (n and N walk them, esc clears)",
	"No bookmarks in this article yet: m adds one.",
	"No bookmarks or highlights: the library database is not available.",
	"Bookmarked §3 ¶12.",
	"Bookmark deleted.",
	"Highlighted §3 ¶12.",
	"Already highlighted: §3 ¶12.",
	"No highlights in this article yet: v selects a passage, y highlights a paragraph.",
	"The selection cannot go further that way.",
	"This highlight is not found in the text any more.",
	"Nothing to quote here.",
	"Opened https://responsiblestatecraft.org/2024/03/azerbaijan-israel-relations-arms/",
	"Copied to the clipboard: https://responsiblestatecraft.org/2024/03/azerbaijan-israel-relations-arms/",
	"library: saving the reading of azerbaijan-israel-relations: database is locked (SQLITE_BUSY)",
}

// libraryMessages are the library's.
var libraryMessages = []string{
	`No match for "peripheral strategy".`,
	"Nothing to continue: every article opened is finished.",
	"Nothing to continue: no article opened yet.",
	"No bookmarks yet: m in the reader adds one.",
	"No feeds followed: cable feeds add URL follows one.",
	"No reading state: the library database is not available.",
	"No feeds: the library database is not available.",
	"The feeds are being updated; esc stops.",
	"Marked as finished.",
	"Cannot open: /home/reader/articles/assessing-a-decade-of-pressure.md:3: front matter is not valid YAML: mapping value is not allowed in this context",
}

// shownWhole reports whether msg reads whole in the last lines of a
// screen, over one line or two. A word wider than a line (an address)
// is broken where the line ends, and read across the break.
func shownWhole(lines []string, msg string, width int) bool {
	last := lines[max(len(lines)-2, 0):]
	if slices.ContainsFunc(strings.Fields(msg), func(w string) bool { return len([]rune(w)) > width-2 }) {
		squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
		return strings.Contains(squeeze(strings.Join(last, "")), squeeze(msg))
	}
	// A line may also end after a hyphen, as the text's lines do.
	flat := func(s string) string { return strings.ReplaceAll(strings.Join(strings.Fields(s), " "), "- ", "-") }
	return strings.Contains(flat(strings.Join(last, " ")), flat(msg))
}

// TestMessagesShowWhole says every message the reader and the library
// can say, at 80 and 100 columns, in the reader over a long place
// ("§3/8 Wary of provoking Iran · 43% · 2 min left"): each reads whole,
// beside the place, in its stead, or on two lines; and the screen keeps
// its size.
func TestMessagesShowWhole(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {100, 30}} {
		for _, msg := range readerMessages {
			t.Run(fmt.Sprintf("reader-%d/%s", size[0], msg), func(t *testing.T) {
				m := pressAll(t, openSeed(t, size[0], size[1]), "]", "]")
				m.reader.say("%s", msg)
				checkSize(t, m.View(), size[0], size[1])
				if lines := screenLines(m); !shownWhole(lines, msg, size[0]) {
					t.Errorf("at %d columns the message is not whole:\n%s", size[0], strings.Join(lines[len(lines)-2:], "\n"))
				}
			})
		}
		for _, msg := range libraryMessages {
			t.Run(fmt.Sprintf("library-%d/%s", size[0], msg), func(t *testing.T) {
				m := startModel(t, testContext("dark", size[0], size[1]))
				m.library.warn(msg)
				checkSize(t, m.View(), size[0], size[1])
				if lines := screenLines(m); !shownWhole(lines, msg, size[0]) {
					t.Errorf("at %d columns the message is not whole:\n%s", size[0], strings.Join(lines[len(lines)-2:], "\n"))
				}
			})
		}
	}
}

// shownOrCutBetweenWords reports whether msg reads whole in the last
// two lines of a screen, or its start does, cut between two words with
// "…" (a word wider than the line may be broken where the line ends).
func shownOrCutBetweenWords(lines []string, msg string, width int) bool {
	if shownWhole(lines, msg, width) {
		return true
	}
	flat := func(s string) string { return strings.ReplaceAll(strings.Join(strings.Fields(s), " "), "- ", "-") }
	shown := flat(strings.Join(lines[len(lines)-2:], " "))
	first := strings.Fields(msg)[0]
	at := strings.Index(shown, first)
	if at < 0 || !strings.HasSuffix(shown, "…") {
		return false
	}
	cut := strings.TrimSuffix(shown[at:], "…")
	whole := flat(msg)
	if strings.HasPrefix(whole, cut) && strings.HasPrefix(whole[len(cut):], " ") {
		return true
	}
	// Broken inside a word wider than a line, the break read as a space.
	squeezed := strings.ReplaceAll(cut, " ", "")
	return strings.HasPrefix(strings.ReplaceAll(whole, " ", ""), squeezed)
}

// TestMessagesOnANarrowScreen says every message at 40 columns: each
// reads whole over two lines, or is cut between words.
func TestMessagesOnANarrowScreen(t *testing.T) {
	for _, msg := range readerMessages {
		m := pressAll(t, openSeed(t, 40, 12), "]", "]")
		m.reader.say("%s", msg)
		checkSize(t, m.View(), 40, 12)
		if lines := screenLines(m); !shownOrCutBetweenWords(lines, msg, 40) {
			t.Errorf("at 40 columns the message %q reads:\n%s", msg, strings.Join(lines[len(lines)-2:], "\n"))
		}
	}
	for _, msg := range libraryMessages {
		m := startModel(t, testContext("dark", 40, 12))
		m.library.warn(msg)
		checkSize(t, m.View(), 40, 12)
		if lines := screenLines(m); !shownOrCutBetweenWords(lines, msg, 40) {
			t.Errorf("at 40 columns the message %q reads:\n%s", msg, strings.Join(lines[len(lines)-2:], "\n"))
		}
	}
}

// TestMessagesSaidByKeysShowWhole presses the keys whose messages were
// cut at 100 columns: T (the side contents need a wider terminal) and y
// (a quote saved) over a long place, and, in the library, an article
// with a long title and byline marked finished, whose row is cut between
// words.
func TestMessagesSaidByKeysShowWhole(t *testing.T) {
	ctx := storeContext(t, 100, 30, filepath.Join(t.TempDir(), "cable.db"))
	m := pressAll(t, open(t, startModel(t, ctx), "azerbaijan-israel-relations"), "]", "]", "T")
	if lines := screenLines(m); !shownWhole(lines, "The side contents need 120 columns.", 100) {
		t.Errorf("T at 100 columns:\n%s", lines[len(lines)-1])
	}
	m = pressAll(t, m, "y")
	if lines := screenLines(m); !shownWhole(lines, "Highlighted §3.", 100) && !shownWhole(lines, "Highlighted §3 ¶1.", 100) {
		t.Errorf("y at 100 columns:\n%s", strings.Join(lines[len(lines)-2:], "\n"))
	}

	file := filepath.Join(t.TempDir(), "corridor.md")
	const title = "The Corridor: Assessing a Decade of Pressure on the Caspian Energy Corridor and the Routes Around It"
	article := "---\ntitle: \"" + title + "\"\nauthor: Carrie Arnold, Jeff Foust and Anna Moneymaker\nsource: The Regional Review of Energy and Security\n---\n\n" +
		strings.Repeat("## A section\n\nThe corridor carried more gas.\n\n", 12)
	if err := os.WriteFile(file, []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, w := range []int{80, 100} {
		ctx := storeContext(t, w, 30, filepath.Join(t.TempDir(), "cable.db"), file)
		m := startModel(t, ctx)
		for m.library.list.SelectedItem().(list.DefaultItem).Title() != title {
			m = pressAll(t, m, "j")
		}
		m = pressAll(t, m, "F")
		for _, l := range screenLines(m) {
			if row := strings.TrimSpace(strings.TrimLeft(l, "│ ")); strings.HasPrefix(row, "The Corridor:") {
				if cut := strings.TrimSuffix(row, "…"); cut != title && !strings.HasPrefix(title, cut+" ") {
					t.Errorf("at %d columns the title is cut mid-word: %q", w, row)
				}
			}
			if !strings.Contains(l, "Carrie Arnold") {
				continue
			}
			row := strings.TrimSpace(strings.TrimLeft(l, "│ "))
			if !strings.HasSuffix(row, "…") {
				continue // whole
			}
			full := "Carrie Arnold, Jeff Foust and Anna Moneymaker · The Regional Review of Energy and Security · 1 min · 12 sections · finished"
			cut := strings.TrimSuffix(row, "…")
			if !strings.HasPrefix(full, cut) || !strings.HasPrefix(full[len(cut):], " ") {
				t.Errorf("at %d columns the row is cut mid-word: %q", w, row)
			}
		}
	}
}
