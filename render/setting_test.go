package render

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// listArticle has bulleted, nested and numbered items long enough to wrap.
const listArticle = `---
title: Lists
---
# Lists

- This is a rather long bulleted item that must wrap over several lines at any of the widths we test here, and then some more.
- Short one.
  - A nested item that is also long enough to wrap over two or three lines at fifty columns, and more.

1. A numbered item that is long enough to wrap over two or three lines at fifty columns wide, and at eighty.
2. Another.

A paragraph after the list, which keeps its own margin as it wraps over the lines at every width.
`

// checkPositions checks that every line with text maps to a position
// that maps back to it.
func checkPositions(t *testing.T, d *Document) {
	t.Helper()
	for line, text := range d.Lines {
		if strings.TrimSpace(ansi.Strip(text)) == "" {
			continue
		}
		if back := d.LineOf(d.PositionAt(line)); back != line {
			t.Errorf("line %d %q maps back to line %d", line, text, back)
		}
	}
}

// TestListItemsHangUnderTheirText checks that every wrapped line of a list
// item starts at the column of the item's text, not under its bullet.
func TestListItemsHangUnderTheirText(t *testing.T) {
	item := regexp.MustCompile(`^( *)(• |[0-9]+\. )`)
	a := parseArticle(t, listArticle)
	for _, width := range []int{50, 60, 80} {
		for _, style := range []string{StyleNoTTY, StyleDark} {
			t.Run(fmt.Sprintf("%s/%d", style, width), func(t *testing.T) {
				d := render(t, a, width, style)
				hang, items, wrapped := -1, 0, 0
				for _, line := range d.Lines {
					plain := strings.TrimRight(ansi.Strip(line), " ")
					if ansi.StringWidth(plain) > width {
						t.Errorf("line wider than %d: %q", width, plain)
					}
					if plain == "" || strings.HasPrefix(plain, "  A paragraph") {
						hang = -1
						continue
					}
					if m := item.FindString(plain); m != "" {
						hang = ansi.StringWidth(m)
						items++
						continue
					}
					if hang < 0 {
						continue
					}
					wrapped++
					if indent := len(plain) - len(strings.TrimLeft(plain, " ")); indent != hang {
						t.Errorf("wrapped line %q starts at column %d, the item's text at %d", plain, indent, hang)
					}
				}
				if items != 5 || wrapped == 0 {
					t.Fatalf("%d items, %d wrapped lines: %q", items, wrapped, textOf(d.Lines))
				}
				checkPositions(t, d)
			})
		}
	}
}
