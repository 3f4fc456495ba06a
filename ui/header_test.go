package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// longTitleArticle has a title longer than a narrow screen's line, and a
// subtitle and byline under it.
const longTitleArticle = `---
title: Assessing a Decade of Pressure on the Caspian Energy Corridor
subtitle: What sanctions changed, and what they did not
author: Leila Aliyeva
source: Regional Review
published: 2025-03-02
---

The corridor carried more gas in the last year of the decade than in its first.

## Sanctions

Each round of sanctions was met by a new route.
`

// TestALongTitleWraps opens an article whose title is longer than the
// header's line: the title is wrapped whole over as many lines as it
// needs (within a bound on a short screen, cut there between words), and
// the text starts right under the header, the screen exactly full.
func TestALongTitleWraps(t *testing.T) {
	const title = "Assessing a Decade of Pressure on the Caspian Energy Corridor"
	summary := strings.Replace(longTitleArticle, "published:", "url: https://example.org/p\nsummary_only: true\npublished:", 1)
	for _, tt := range []struct {
		size    [2]int
		summary bool
	}{
		{[2]int{40, 12}, false}, {[2]int{60, 20}, false}, {[2]int{80, 24}, false}, {[2]int{100, 30}, false}, {[2]int{44, 9}, false},
		{[2]int{40, 12}, true}, {[2]int{60, 20}, true}, {[2]int{60, 16}, true},
	} {
		size := tt.size
		name := fmt.Sprintf("%dx%d", size[0], size[1])
		text := longTitleArticle
		if tt.summary {
			name, text = name+"-summary", summary
		}
		file := filepath.Join(t.TempDir(), "pressure.md")
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Run(name, func(t *testing.T) {
			ctx := testContext("dark", size[0], size[1])
			cat, err := catalogOf(file)
			if err != nil {
				t.Fatal(err)
			}
			ctx.Catalog = cat
			m := open(t, startModel(t, ctx), "pressure")
			view := m.View()
			checkSize(t, view, size[0], size[1])
			lines := screenLines(m)
			if len(lines) != size[1] {
				t.Fatalf("%d lines on a screen %d high", len(lines), size[1])
			}
			h := m.reader.headerHeight()
			if got := len(m.reader.header()); got != h {
				t.Errorf("the header draws %d lines and counts %d", got, h)
			}
			if first := strings.TrimSpace(lines[h]); !strings.HasPrefix(first, "The corridor carried") {
				t.Errorf("the line under the header is %q, not the text's first", first)
			}
			header := strings.Join(strings.Fields(strings.Join(lines[:h], " ")), " ")
			header, _, _ = strings.Cut(header, " What sanctions")
			header, _, _ = strings.Cut(header, " Leila Aliyeva")
			switch {
			case size[0] >= 60 && size[1] >= 16 && header != title:
				t.Errorf("the title reads %q, want it whole", header)
			case !strings.HasPrefix(title, strings.TrimSuffix(header, "…")):
				t.Errorf("the title reads %q", header)
			case header != title && !strings.HasPrefix(title, strings.TrimSuffix(header, "…")+" "):
				t.Errorf("the title is cut mid-word: %q", header)
			}
			if size[1] >= 10 && !strings.Contains(strings.Join(lines[:h], "\n"), "Leila Aliyeva") {
				t.Errorf("no byline under the title:\n%s", strings.Join(lines[:h], "\n"))
			}
			if tt.summary && !strings.Contains(strings.Join(lines[:h], "\n"), "Summary only") {
				t.Errorf("no summary notice in the header:\n%s", strings.Join(lines[:h], "\n"))
			}
			if size == [2]int{60, 20} && !tt.summary {
				golden.RequireEqualEscape(t, []byte(view), true)
			}
		})
	}
}
