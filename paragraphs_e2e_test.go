package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// headinglessOpenings begin the paragraphs of an article without a
// single heading, as many saved pages are.
var headinglessOpenings = []string{
	"Azerbaijan and Israel are pragmatic partners", "Their ties go back to the early nineties",
	"Oil flows west through Georgia and Turkey", "But officials in Baku are wary of provoking Iran",
	"Arms sales grew after the war of 2016", "Drones changed the balance in Karabakh",
	"Tehran watches the border with suspicion", "Washington has encouraged the partnership",
	"Moscow remains the region's arbiter", "The diaspora lobbies on both sides",
	"Caspian shipping adds another strand", "What comes next depends on Iran",
}

// headinglessArticle writes an article of twelve paragraphs and no heading.
func headinglessArticle(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("---\ntitle: A Long Partnership\nauthor: Jane Doe\n---\n")
	for _, o := range headinglessOpenings {
		fmt.Fprintf(&b, "\n%s. %s\n", o, strings.Repeat("The delegations agree on free passage but not on who pays for the pilots. ", 4))
	}
	path := filepath.Join(t.TempDir(), "partnership.md")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestEndToEndParagraphsWithoutHeadings reads an article without headings
// in the real binary: ] goes from paragraph to paragraph, the status line
// counts them, t lists them by their opening words, a pick from the list
// goes there, and [ goes back one.
func TestEndToEndParagraphsWithoutHeadings(t *testing.T) {
	t.Parallel()
	s := startCableIn(t, newHome(t), 80, 24, headinglessArticle(t))
	s.waitUntil("the article's first paragraph", patience, func(rows []string) bool {
		return strings.HasPrefix(strings.TrimSpace(statusLine(rows)), "¶1/12 · ")
	})
	s.sendKey("]")
	s.sendKey("]")
	at := func(n int) {
		t.Helper()
		s.waitUntil(fmt.Sprintf("paragraph %d at the top", n), patience, func(rows []string) bool {
			return strings.HasPrefix(strings.TrimSpace(statusLine(rows)), fmt.Sprintf("¶%d/12 · ", n)) &&
				strings.HasPrefix(firstTextLine(rows), headinglessOpenings[n-1][:20])
		})
	}
	at(3)
	s.sendKey("t")
	rows := s.waitUntil("the paragraphs in the contents", patience, func(rows []string) bool {
		screen := strings.Join(rows, "\n")
		return strings.Contains(screen, "› ¶3  Oil flows west") && strings.Contains(screen, "¶12 What comes next")
	})
	if strings.Contains(strings.Join(rows, "\n"), "§") {
		t.Errorf("the contents of an article without headings speak of sections:\n%s", dump(rows))
	}
	s.sendKey("j")
	s.sendKey("j")
	s.sendKey("Enter")
	at(5)
	s.sendKey("[")
	at(4)
}
