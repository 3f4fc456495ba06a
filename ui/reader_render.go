package ui

import (
	"time"

	"cable/render"

	tea "github.com/charmbracelet/bubbletea"
)

// resize shows the rendering for the current size, asking for it in the
// background when it has not been made yet.
func (m *readerModel) resize() tea.Cmd {
	if m.ctx.tooSmall() {
		return nil
	}
	opts := m.ctx.renderOptions(m.textRoom())
	if doc, ok := m.renders.docs[opts]; ok {
		m.show(doc)
		if !m.find.ready(doc) {
			return indexTextCmd(doc, m.lists.names.names)
		}
		return nil
	}
	if m.renders.pending[opts] {
		return nil // already on its way
	}
	m.renders.pending[opts] = true
	if cache := m.ctx.renderCache(opts); cache != nil {
		return cachedRenderCmd(m.article, opts, cache, m.anchor, m.bodyHeight())
	}
	// The first screen comes first, on its own; the whole follows.
	first := renderFirstCmd(m.article, opts, m.anchor, m.bodyHeight())
	return tea.Batch(first, renderCmd(m.article, opts, nil))
}

// resizeSettle is how long the window must keep its size before a new
// width is rendered: dragging a window's edge sends a size for every
// column it passes, and only the last one is worth rendering.
const resizeSettle = 80 * time.Millisecond

// windowResized shows a new size: at once when its rendering is at hand
// or nothing is on screen yet, else once the size has settled, with the
// old rendering cut to fit meanwhile.
func (m *readerModel) windowResized() tea.Cmd {
	m.keys.SideTOC.SetEnabled(sideTOCFits(m.ctx.Width))
	if m.doc == nil || m.ctx.tooSmall() {
		return m.resize()
	}
	if _, ok := m.renders.docs[m.ctx.renderOptions(m.textRoom())]; ok {
		return m.resize()
	}
	m.renders.settling++
	id, article := m.renders.settling, m.article.ID
	return m.ctx.Clock.Tick(resizeSettle, func(time.Time) tea.Msg { return resizeSettledMsg{id: id, articleID: article} })
}

// show puts doc on screen at the reader's place, with the search's
// matches found again in it.
func (m *readerModel) show(doc *render.Document) {
	m.doc = doc
	m.top = doc.LineOf(m.anchor)
	m.refind()
	if q := m.find.pending; q != "" && !doc.Partial {
		m.find.pending = ""
		m.runFind(q, m.top)
	}
	m.seeAgain()
}

func (m readerModel) rendered(msg renderedMsg) (readerModel, tea.Cmd) {
	if msg.articleID != m.article.ID {
		return m, nil
	}
	if msg.err != nil {
		m.renders.err = msg.err
		delete(m.renders.pending, msg.options)
		m.early.take() // for a text that cannot be shown
		return m, nil
	}
	if _, haveWhole := m.renders.docs[msg.options]; msg.doc.Partial && haveWhole {
		return m, nil // the whole came first
	}
	if !msg.doc.Partial {
		m.renders.docs[msg.options] = msg.doc
		delete(m.renders.pending, msg.options)
	}
	if msg.options == m.ctx.renderOptions(m.textRoom()) {
		m.show(msg.doc)
		if msg.doc.Partial {
			return m, nil // keys typed ahead wait for the whole text
		}
		m, cmd := m.typedAhead()
		return m, tea.Batch(indexTextCmd(msg.doc, m.lists.names.names), cmd)
	}
	return m, nil
}
