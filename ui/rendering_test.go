package ui

import (
	"strings"
	"testing"

	"cable/render"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

func TestReaderShowsTheFirstScreenThenTheWhole(t *testing.T) {
	ctx := testContext(render.StyleDark, 80, 24)
	m := startModel(t, ctx)
	e, _ := ctx.Catalog.Find("azerbaijan-israel-relations")
	next, cmd := m.Update(openEntryMsg{entry: e})
	m = next.(Model)
	loaded := cmd()
	next, cmd = m.Update(loaded)
	m = next.(Model)
	batch, ok := cmd().(tea.BatchMsg)
	if !ok || len(batch) != 2 {
		t.Fatalf("opening gave %T, want the first screen and the whole", cmd())
	}
	first, whole := batch[0](), batch[1]()
	next, _ = m.Update(first)
	m = next.(Model)
	if m.reader.doc == nil || !m.reader.doc.Partial {
		t.Fatal("the first screen was not shown")
	}
	before := strings.Join(screenLines(m)[:20], "\n")
	next, _ = m.Update(whole)
	m = next.(Model)
	if m.reader.doc.Partial || strings.Join(screenLines(m)[:20], "\n") != before {
		t.Error("the whole rendering moved what was on screen")
	}
	next, _ = m.Update(first) // a first screen arriving late is ignored
	if next.(Model).reader.doc.Partial {
		t.Error("a late first screen replaced the whole rendering")
	}
}

func TestReaderSendsHyperlinksOnlyWhenAsked(t *testing.T) {
	for _, mode := range []render.LinkMode{render.LinksClean, render.LinksNumbered, render.LinksInline} {
		for _, on := range []bool{false, true} {
			ctx := testContext(render.StyleDark, 100, 200)
			ctx.Hyperlinks, ctx.Links = on, mode
			m := open(t, startModel(t, ctx), "reading-with-cable")
			sec, _ := m.reader.article.FindSection("The article format")
			m.reader.moveTo(m.reader.doc.SectionStart[sec])
			view := m.View()
			// Clean or numbered, the link's text is the hyperlink; inline,
			// the address shown after it.
			const url = "https://github.com/charmbracelet/glamour"
			text := "Glamour"
			if mode == render.LinksInline {
				text = url
			}
			link := "\x1b]8;;" + url + "\x1b\\"
			at := strings.Index(view, link)
			if got := at >= 0; got != on {
				t.Errorf("%s, hyperlinks %v: the view has the hyperlink: %v", mode, on, got)
			}
			if on && at >= 0 {
				inside, _, _ := strings.Cut(view[at+len(link):], "\x1b]8;;\x1b\\")
				if ansi.Strip(inside) != text {
					t.Errorf("%s: the hyperlink is on %q, want %q", mode, ansi.Strip(inside), text)
				}
			}
			if !on && strings.Contains(view, "\x1b]8;") {
				t.Errorf("%s: hyperlinks off, but the view has OSC 8", mode)
			}
		}
	}
}
