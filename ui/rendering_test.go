package ui

import (
	"strings"
	"testing"

	"cable/render"

	tea "github.com/charmbracelet/bubbletea"
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
	for _, on := range []bool{false, true} {
		ctx := testContext(render.StyleDark, 100, 200)
		ctx.Hyperlinks = on
		m := open(t, startModel(t, ctx), "reading-with-cable")
		sec, _ := m.reader.article.FindSection("The article format")
		m.reader.moveTo(m.reader.doc.SectionStart[sec])
		view := m.View()
		link := render.Hyperlink("https://github.com/charmbracelet/glamour", "https://github.com/charmbracelet/glamour")
		if got := strings.Contains(view, link); got != on {
			t.Errorf("hyperlinks %v: the view has the hyperlink: %v", on, got)
		}
		if !on && strings.Contains(view, "\x1b]8;") {
			t.Errorf("hyperlinks off, but the view has OSC 8")
		}
	}
}
