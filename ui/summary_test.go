package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// summaryArticle is what a feed update saves when the page could not be
// fetched: the feed's summary, marked so.
const summaryArticle = `---
title: Talks resume in the port town
url: https://example.org/talks
feed: Port Review
summary_only: true
---

The delegations met again and agreed on the order of the talks.
`

// TestSummaryOnlyIsSaid: an article that is only a feed's summary says
// so under its title, with how to get the whole, on every screen tall
// enough for a byline; L lists the page's address, after the text's own
// links and without a number. An article with a page of its own lists it
// the same way, and says nothing of a summary.
func TestSummaryOnlyIsSaid(t *testing.T) {
	file := filepath.Join(t.TempDir(), "talks.md")
	if err := os.WriteFile(file, []byte(summaryArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}, {60, 14}} {
		ctx := storeContext(t, size[0], size[1], filepath.Join(t.TempDir(), "cable.db"), file)
		m := open(t, startModel(t, ctx), "talks")
		screen := strings.Join(screenLines(m), "\n")
		notice := "Summary only; the page could not be fetched. L gives its address."
		if size[0] < 80 {
			notice = "Summary only; the page could not be fetched." // cut, as a long title is
		}
		if !strings.Contains(screen, notice) {
			t.Errorf("%v: no notice under the title:\n%s", size, screen)
		}
		if !strings.Contains(screen, "The delegations met again") {
			t.Errorf("%v: the notice pushed the text off:\n%s", size, screen)
		}
		m, _ = press(t, m, "L")
		list := strings.Join(screenLines(m), "\n")
		if !overlayIs[linksList](m) || !strings.Contains(list, "https://example.org/talks") {
			t.Errorf("%v: L does not list the page:\n%s", size, list)
		}
	}

	m := open(t, startModel(t, testContext("dark", 100, 30)), "reading-with-cable")
	if screen := strings.Join(screenLines(m), "\n"); strings.Contains(screen, "Summary only") {
		t.Errorf("a whole article says it is a summary:\n%s", screen)
	}
}
