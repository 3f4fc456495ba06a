package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cable/articles"
	"cable/render"

	"github.com/charmbracelet/x/exp/golden"
)

// TestHeaderByline: the line under the reader's title names the
// publication and the address's host where the front matter gives them,
// and in less room leaves out the date, then the host, never wrapping.
func TestHeaderByline(t *testing.T) {
	full := articles.Meta{Author: "Eldar Mamedov", Source: "Responsible Statecraft",
		URL: "https://www.responsiblestatecraft.org/azerbaijan-israel/", Published: "2024-05-20"}
	tests := []struct {
		name string
		meta articles.Meta
		room int
		want string
	}{
		{"everything", full, 80, "Eldar Mamedov · Responsible Statecraft · responsiblestatecraft.org · 2024-05-20"},
		{"no room for the date", full, 70, "Eldar Mamedov · Responsible Statecraft · responsiblestatecraft.org"},
		{"no room for the host", full, 50, "Eldar Mamedov · Responsible Statecraft"},
		{"cut between words", full, 30, "Eldar Mamedov · Responsible…"},
		{"no publication", articles.Meta{Author: "A. Writer", URL: "http://Example.ORG:8080/x"}, 80, "A. Writer · example.org"},
		{"the host is the publication", articles.Meta{Source: "Lawfaremedia.org", URL: "https://www.lawfaremedia.org/a"}, 80, "Lawfaremedia.org"},
		{"no address", articles.Meta{Author: "A. Writer", Source: "A Review", Published: "2025"}, 80, "A. Writer · A Review · 2025"},
		{"an address without a host", articles.Meta{Author: "A. Writer", URL: "notes/local.md"}, 80, "A. Writer"},
		{"nothing", articles.Meta{}, 80, ""},
	}
	for _, tt := range tests {
		if got := headerByline(tt.meta, tt.room); got != tt.want {
			t.Errorf("%s: headerByline(…, %d) = %q, want %q", tt.name, tt.room, got, tt.want)
		}
	}
}

// TestHeaderNamesTheHost draws the reader at two widths over an article
// with a long title, a publication and an address: the title wraps, and
// the byline under it stays one line, with the host where it fits (at
// 100 columns; at 60 the author and publication take the line).
func TestHeaderNamesTheHost(t *testing.T) {
	const text = `---
title: Assessing a Decade of Pressure on the Caspian Energy Corridor and Its Neighbours
author: Leila Aliyeva
source: Responsible Statecraft
url: https://responsiblestatecraft.org/caspian-corridor/
published: 2025-03-02
---

The corridor carried more gas in the last year of the decade than in its first.
`
	file := filepath.Join(t.TempDir(), "corridor.md")
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		size   [2]int
		byline string
	}{
		{[2]int{60, 20}, "Leila Aliyeva · Responsible Statecraft"},
		{[2]int{100, 30}, "Leila Aliyeva · Responsible Statecraft · responsiblestatecraft.org · 2025-03-02"},
	} {
		size := tt.size
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			ctx := testContext(render.StyleDark, size[0], size[1])
			cat, err := catalogOf(file)
			if err != nil {
				t.Fatal(err)
			}
			ctx.Catalog = cat
			m := open(t, startModel(t, ctx), "corridor")
			view := m.View()
			checkSize(t, view, size[0], size[1])
			lines := screenLines(m)
			h := m.reader.headerHeight()
			byline := strings.TrimSpace(lines[h-2])
			if byline != tt.byline {
				t.Errorf("the byline reads %q", byline)
			}
			if first := strings.TrimSpace(lines[h]); !strings.HasPrefix(first, "The corridor carried") {
				t.Errorf("the line under the header is %q", first)
			}
			golden.RequireEqualEscape(t, []byte(view), true)
		})
	}
}
