package ui

import (
	"fmt"
	"strings"
	"testing"

	"cable/render"

	"github.com/charmbracelet/x/exp/golden"
)

// openLinks opens the article dense with links at w×h in the dark style,
// its links shown as mode says.
func openLinks(t *testing.T, mode render.LinkMode, w, h int) Model {
	t.Helper()
	cat, err := catalogOf("../render/testdata/links.md")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cat.Close() })
	ctx := testContext(render.StyleDark, w, h)
	ctx.Catalog, ctx.Links = cat, mode
	return open(t, startModel(t, ctx), "links")
}

// TestLinkModesOnScreen: the reader's text in each link mode, at 60 and
// 80 columns: clean shows the links' texts only, numbered their numbers
// after them, inline their addresses; figures read [Figure: caption].
func TestLinkModesOnScreen(t *testing.T) {
	for _, mode := range []render.LinkMode{render.LinksClean, render.LinksNumbered, render.LinksInline} {
		for _, w := range []int{60, 80} {
			t.Run(fmt.Sprintf("%s-%d", mode, w), func(t *testing.T) {
				m := openLinks(t, mode, w, 24)
				view := m.View()
				checkSize(t, view, w, 24)
				text := ansiStrip(view)
				if mode != render.LinksInline && !strings.Contains(text, "[Figure: Soldiers on the streets of Harare") {
					t.Errorf("no figure line:\n%s", text)
				}
				if has := strings.Contains(text, "telegraph.co.uk"); has != (mode == render.LinksInline) {
					t.Errorf("an address in the text: %v:\n%s", has, text)
				}
				if has := strings.Contains(text, "Mugabe¹"); has != (mode == render.LinksNumbered) {
					t.Errorf("numbers in the text: %v:\n%s", has, text)
				}
				golden.RequireEqualEscape(t, []byte(view), true)
			})
		}
	}
}

// TestLinksListMarksTheLinksOnScreen: L marks the links on screen, and
// opens on the first of them; its numbers are those in the text.
func TestLinksListMarksTheLinksOnScreen(t *testing.T) {
	m := openLinks(t, render.LinksNumbered, 80, 24)
	m.reader.jumpToSection(1)
	m, _ = press(t, m, "L")
	list, ok := openOverlay[linksList](m)
	if !ok {
		t.Fatal("L opened no list of links")
	}
	var shown []int
	for i, on := range list.shown {
		if on {
			shown = append(shown, i+1)
		}
	}
	if fmt.Sprint(shown) != "[10 11 12 13]" || list.list.cursor != 9 {
		t.Errorf("links on screen %v, cursor on %d; want [10 11 12 13], 10", shown, list.list.cursor+1)
	}
	view := m.View()
	if !strings.Contains(ansiStrip(view), "▸ 10  Chatham House  https://www.chathamhouse.org/") {
		t.Errorf("link 10 is not marked:\n%s", ansiStrip(view))
	}
	golden.RequireEqualEscape(t, []byte(view), true)
}
