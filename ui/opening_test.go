package ui

import (
	"strings"
	"testing"

	"cable/render"

	tea "github.com/charmbracelet/bubbletea"
)

// TestTheArticleStartedWithOpensWithoutTheLibrary: cable started with an
// article shows that it is opening it, not the library, until it opens.
func TestTheArticleStartedWithOpensWithoutTheLibrary(t *testing.T) {
	ctx := testContext(render.StyleDark, 80, 24)
	e, ok := ctx.Catalog.Find("azerbaijan-israel-relations")
	if !ok {
		t.Fatal("no seed")
	}
	m := NewModel(ctx, Start{Open: &e})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = next.(Model)
	view := m.View()
	if !strings.Contains(view, "Opening How Deep Are Azerbaijan-Israel Relations?") || strings.Contains(view, "Reading with cable") {
		t.Errorf("while the article is read, the screen is:\n%s", view)
	}
	m = settle(t, m, m.Init())
	if m.screen != readerScreen || strings.Contains(m.View(), "Opening How Deep") {
		t.Errorf("the article did not open:\n%s", m.View())
	}
}

// TestAFirstScreenSaysNoShare: while only the first screen is rendered,
// the status line names the section and says the rest is coming, not a
// share read or minutes left that the whole would contradict.
func TestAFirstScreenSaysNoShare(t *testing.T) {
	m := startModel(t, testContext(render.StyleDark, 80, 24))
	e, _ := m.ctx.Catalog.Find("azerbaijan-israel-relations")
	next, load := m.Update(openEntryMsg{entry: e})
	m = next.(Model)
	next, _ = m.Update(load())
	m = next.(Model)
	first := renderFirstCmd(m.reader.article, m.ctx.renderOptions(m.reader.textRoom()), m.reader.anchor, m.reader.bodyHeight())()
	next, _ = m.Update(first)
	m = next.(Model)
	if m.reader.doc == nil || !m.reader.doc.Partial {
		t.Fatal("the first screen is not shown")
	}
	status := statusOf(m)
	if strings.Contains(status, "%") || strings.Contains(status, "min left") || !strings.Contains(status, "rendering…") {
		t.Errorf("status on the first screen: %q", status)
	}
}
