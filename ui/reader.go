package ui

import (
	"fmt"
	"time"

	"cable/articles"
	"cable/library"
	"cable/render"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// readerModel shows one article. It keeps every rendering it has made, one
// per set of render options, so paging, jumping and going back to an
// earlier width never render again; and it remembers the reader's place as
// a position in the text, which survives any new width.
type readerModel struct {
	ctx     *Context
	entry   library.Entry
	article *articles.Article
	keys    readerKeys

	doc     *render.Document // the rendering on screen; nil until the first arrives
	renders renditions
	top     int               // first line of the text on screen
	anchor  articles.Position // the place top shows, kept across widths
	note    noteReturn
	jumps   jumpList
	find    finder
	state   readerState
	// early are the keys pressed before the first rendering arrived,
	// applied in order when it does.
	early   typeAhead
	lists   readerLists
	overlay overlay // what stands over the text; nil for nothing
	display readerDisplay
	status  readerStatus
}

// renditions are the renderings the reader has made and is making of its
// article.
type renditions struct {
	docs map[render.Options]*render.Document
	// pending are the renderings on their way, so that none is asked for
	// twice; settling counts window resizes, so that only the last of a
	// burst asks for one.
	pending  map[render.Options]bool
	settling int
	err      error      // why the last rendering failed
	urls     [][]string // each section's addresses, which its lines link to
}

// noteReturn is where "e" or backspace go back to after a jump to the
// editor's note: the place, and the exact line at the options it was on.
type noteReturn struct {
	place *articles.Position // nil when there is nowhere to go back to
	line  int
	opts  render.Options
}

// readerDisplay is what the reader shows besides the text.
type readerDisplay struct {
	help    bool // every key, instead of the text
	sideTOC bool // the contents beside the text
}

// readerStatus is the status line's passing message, and the help that
// stands there when there is none.
type readerStatus struct {
	text string
	id   int // counts messages, so that only the last one's timer clears it
	help help.Model
}

// readerLists are the lists the reader keeps while they are closed, so
// that each opens again where it was left.
type readerLists struct {
	links linksList
	names namesList
}

// newReader opens an article at a place: at when it is given, else where
// the reader left it last time, else the top.
func newReader(ctx *Context, loaded articleLoadedMsg) readerModel {
	a := loaded.article
	keys := newReaderKeys()
	readerActions.apply(&keys, ctx.Keys)
	_, hasNote := a.EditorsNote()
	keys.EditorsNote.SetEnabled(hasNote)
	keys.Return.SetEnabled(false)
	keys.Links.SetEnabled(len(a.Links()) > 0)
	keys.Footnote.SetEnabled(len(a.Footnotes) > 0)
	stateKeys(&keys, ctx.store())
	h := help.New()
	h.Styles.FullKey, h.Styles.FullDesc = ctx.Styles.HelpKey, ctx.Styles.HelpDesc
	m := readerModel{
		ctx:     ctx,
		entry:   loaded.entry,
		article: a,
		keys:    keys,
		renders: renditions{
			docs:    map[render.Options]*render.Document{},
			pending: map[render.Options]bool{},
			urls:    render.SectionLinks(a),
		},
		lists:  readerLists{links: newLinks(ctx, a), names: newNames(ctx, loaded.names)},
		anchor: loaded.reading.Position,
		state:  readerState{progress: loaded.reading.Progress, marks: loaded.bookmarks},
		status: readerStatus{help: h},
	}
	if loaded.at != nil {
		m.anchor = *loaded.at
	}
	return m
}

// Init asks for the first rendering.
func (m readerModel) Init() tea.Cmd { return m.resize() }

// resize shows the rendering for the current size, asking for it in the
// background when it has not been made yet.
func (m *readerModel) resize() tea.Cmd {
	if m.ctx.tooSmall() {
		return nil
	}
	opts := m.ctx.renderOptions(m.textRoom())
	if doc, ok := m.renders.docs[opts]; ok {
		m.show(doc)
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
	if m.doc == nil || m.ctx.tooSmall() {
		return m.resize()
	}
	if _, ok := m.renders.docs[m.ctx.renderOptions(m.textRoom())]; ok {
		return m.resize()
	}
	m.renders.settling++
	id, article := m.renders.settling, m.article.ID
	return tea.Tick(resizeSettle, func(time.Time) tea.Msg { return resizeSettledMsg{id: id, articleID: article} })
}

// show puts doc on screen at the reader's place, with the search's
// matches found again in it.
func (m *readerModel) show(doc *render.Document) {
	m.doc = doc
	m.top = doc.LineOf(m.anchor)
	m.refind()
}

func (m readerModel) update(msg tea.Msg) (readerModel, tea.Cmd) {
	if m.article == nil {
		return m, nil // no article has been opened yet
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m, m.windowResized()
	case resizeSettledMsg:
		if msg.id != m.renders.settling || msg.articleID != m.article.ID {
			return m, nil // a later size came
		}
		return m, m.resize()
	case renderedMsg:
		return m.rendered(msg)
	case saveTickMsg, storeDoneMsg, bookmarksMsg:
		return m.stateMsg(msg)
	case noticeMsg:
		return m, m.say("%s", msg.text)
	case clearStatusMsg:
		if msg.id == m.status.id {
			m.status.text = ""
		}
	case tea.MouseMsg:
		before := m.anchor
		cmd := m.mouse(msg)
		if m.anchor != before {
			cmd = tea.Batch(cmd, m.placeChanged())
		}
		return m, cmd
	case tea.KeyMsg:
		if m.doc == nil && m.renders.err == nil && !key.Matches(msg, m.keys.Back) {
			m.early.add(msg) // applied when the text arrives; leaving is at once
			return m, nil
		}
		return m.key(msg)
	}
	return m, nil
}

// key applies a key, and has a place it moved to saved.
func (m readerModel) key(msg tea.KeyMsg) (readerModel, tea.Cmd) {
	before := m.anchor
	m, cmd := m.handleKey(msg)
	if m.anchor != before {
		cmd = tea.Batch(cmd, m.placeChanged())
	}
	return m, cmd
}

// typedAhead applies the keys pressed before the text was on screen, in
// the order they were pressed.
func (m readerModel) typedAhead() (readerModel, tea.Cmd) {
	var cmds []tea.Cmd
	for _, k := range m.early.take() {
		var cmd tea.Cmd
		m, cmd = m.key(k)
		cmds = append(cmds, cmd)
	}
	return m, tea.Batch(cmds...)
}

func (m readerModel) rendered(msg renderedMsg) (readerModel, tea.Cmd) {
	if msg.articleID != m.article.ID {
		return m, nil
	}
	if msg.err != nil {
		m.renders.err = msg.err
		delete(m.renders.pending, msg.options)
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
		return m.typedAhead()
	}
	return m, nil
}

func (m readerModel) handleKey(msg tea.KeyMsg) (readerModel, tea.Cmd) {
	if m.display.help {
		m.display.help = false
		return m, nil
	}
	if m.overlay != nil {
		return m.overlayKey(msg)
	}
	if m.doc != nil {
		if cmd, ok := m.findNav(msg); ok {
			return m, cmd
		}
	}
	if key.Matches(msg, m.keys.Back) {
		return m, closeReader
	}
	if m.doc == nil {
		return m, nil // nothing to move through until the text arrives
	}
	if cmd, ok := m.stateKey(msg); ok {
		return m, cmd
	}
	return m.readingKey(msg)
}

func (m readerModel) readingKey(msg tea.KeyMsg) (readerModel, tea.Cmd) {
	page := m.bodyHeight()
	switch {
	case key.Matches(msg, m.keys.Down):
		m.scroll(1)
	case key.Matches(msg, m.keys.Up):
		m.scroll(-1)
	case key.Matches(msg, m.keys.PageDown), pressedDisabled(msg, m.keys.Footnote):
		// Without footnotes, f pages down as it does in less.
		m.scroll(max(page-1, 1))
	case key.Matches(msg, m.keys.PageUp):
		m.scroll(-max(page-1, 1))
	case key.Matches(msg, m.keys.HalfDown):
		m.scroll(max(page/2, 1))
	case key.Matches(msg, m.keys.HalfUp):
		m.scroll(-max(page/2, 1))
	case key.Matches(msg, m.keys.Top):
		m.moveTo(0)
	case key.Matches(msg, m.keys.Bottom):
		m.moveTo(m.maxTop())
	case key.Matches(msg, m.keys.NextSection):
		return m, m.nextSection()
	case key.Matches(msg, m.keys.PrevSection):
		return m, m.prevSection()
	case key.Matches(msg, m.keys.SideTOC):
		m.display.sideTOC = !m.display.sideTOC
		if m.display.sideTOC && m.ctx.Width < sideTOCMinWidth {
			m.display.sideTOC = false
			return m, m.say("The side contents need a terminal %d columns wide.", sideTOCMinWidth)
		}
		return m, m.resize()
	case key.Matches(msg, m.keys.Links):
		m.overlay = m.lists.links
	case key.Matches(msg, m.keys.Footnote):
		return m, m.openPeek()
	case key.Matches(msg, m.keys.Names):
		if len(m.lists.names.names) == 0 {
			return m, m.say("No names found in this article.")
		}
		m.overlay = m.lists.names
	case pressedDisabled(msg, m.keys.Links):
		return m, m.say("This article has no links.")
	case key.Matches(msg, m.keys.Contents):
		m.overlay = newContents(m.ctx, m.article, m.currentSection())
	case key.Matches(msg, m.keys.EditorsNote):
		m.toggleEditorsNote()
	case key.Matches(msg, m.keys.Return):
		m.returnFromNote()
	case key.Matches(msg, m.keys.JumpBack):
		if pos, ok := m.jumps.back(m.anchor); ok {
			m.goTo(pos)
			return m, nil
		}
		return m, m.say("No earlier jump to go back to.")
	case key.Matches(msg, m.keys.JumpForward):
		if pos, ok := m.jumps.forward(); ok {
			m.goTo(pos)
			return m, nil
		}
		return m, m.say("No later jump to go forward to.")
	case key.Matches(msg, m.keys.Help):
		m.display.help = true
	case key.Matches(msg, m.keys.Measure):
		m.ctx.Measure = nextMeasure(m.ctx.Measure)
		label := "the terminal's width"
		if m.ctx.Measure > 0 {
			label = fmt.Sprintf("%d columns", m.ctx.Measure)
		}
		return m, tea.Batch(m.resize(), m.say("Text width: %s.", label))
	case pressedDisabled(msg, m.keys.EditorsNote):
		return m, m.say("This article has no editor's note.")
	case pressedDisabled(msg, m.keys.Return):
		return m, m.say("Nothing to go back to: backspace returns from the editor's note.")
	}
	return m, nil
}

// mouse scrolls with the wheel, unless something stands over the text,
// and takes clicks.
func (m *readerModel) mouse(msg tea.MouseMsg) tea.Cmd {
	if m.doc == nil || msg.Action != tea.MouseActionPress {
		return nil
	}
	if isClick(msg) {
		return m.click(msg)
	}
	if m.overlay != nil {
		return nil
	}
	switch msg.Button {
	case tea.MouseButtonWheelDown:
		m.scroll(3)
	case tea.MouseButtonWheelUp:
		m.scroll(-3)
	}
	return nil
}

// say shows a passing message in the status line.
func (m *readerModel) say(format string, args ...any) tea.Cmd {
	m.status.id++
	m.status.text = fmt.Sprintf(format, args...)
	id := m.status.id
	return tea.Tick(statusDuration, func(time.Time) tea.Msg { return clearStatusMsg{id: id} })
}
