package ui

import (
	"fmt"
	"time"

	"cable/articles"

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
	article *articles.Article
	keys    readerKeys
	help    help.Model

	docs    map[RenderOptions]*Document
	doc     *Document     // the rendering on screen; nil until the first arrives
	waiting RenderOptions // the rendering asked for last
	err     error

	top    int               // first line of the text on screen
	anchor articles.Position // the place top shows, kept across widths

	// noteReturn is where "e" or backspace go back to after a jump to the
	// editor's note.
	noteReturn *articles.Position
	returnLine int // the exact line to return to, at returnOpts
	returnOpts RenderOptions

	jumps jumpList

	toc      tocModel
	showTOC  bool
	showHelp bool

	status   string
	statusID int
}

func newReader(ctx *Context, a *articles.Article) readerModel {
	keys := newReaderKeys()
	_, hasNote := a.EditorsNote()
	keys.EditorsNote.SetEnabled(hasNote)
	keys.Return.SetEnabled(false)
	h := help.New()
	h.Styles.FullKey, h.Styles.FullDesc = ctx.Styles.HelpKey, ctx.Styles.HelpDesc
	return readerModel{
		ctx:     ctx,
		article: a,
		keys:    keys,
		help:    h,
		docs:    map[RenderOptions]*Document{},
		toc:     newTOC(ctx, a),
	}
}

// Init asks for the first rendering.
func (m readerModel) Init() tea.Cmd { return m.resize() }

// resize shows the rendering for the current size, asking for it in the
// background when it has not been made yet.
func (m *readerModel) resize() tea.Cmd {
	if m.ctx.tooSmall() {
		return nil
	}
	opts := m.ctx.renderOptions()
	if doc, ok := m.docs[opts]; ok {
		m.show(doc)
		return nil
	}
	if m.waiting == opts {
		return nil // already on its way
	}
	m.waiting = opts
	return renderCmd(m.article, opts)
}

// show puts doc on screen at the reader's place.
func (m *readerModel) show(doc *Document) {
	m.doc = doc
	m.top = doc.LineOf(m.anchor)
}

func (m readerModel) update(msg tea.Msg) (readerModel, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m, m.resize()
	case renderedMsg:
		return m.rendered(msg)
	case clearStatusMsg:
		if msg.id == m.statusID {
			m.status = ""
		}
	case tea.MouseMsg:
		m.mouse(msg)
	case tea.KeyMsg:
		return m.handleKey(msg)
	}
	return m, nil
}

func (m readerModel) rendered(msg renderedMsg) (readerModel, tea.Cmd) {
	if msg.articleID != m.article.ID {
		return m, nil
	}
	if msg.err != nil {
		m.err = msg.err
		return m, nil
	}
	m.docs[msg.options] = msg.doc
	if msg.options == m.ctx.renderOptions() {
		m.show(msg.doc)
	}
	return m, nil
}

func (m readerModel) handleKey(msg tea.KeyMsg) (readerModel, tea.Cmd) {
	if m.showHelp {
		m.showHelp = false
		return m, nil
	}
	if key.Matches(msg, m.keys.Back) && !m.showTOC {
		return m, closeReader
	}
	if m.doc == nil {
		return m, nil // nothing to move through until the text arrives
	}
	if m.showTOC {
		return m.tocKey(msg)
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
	case key.Matches(msg, m.keys.PageDown):
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
	case key.Matches(msg, m.keys.Contents):
		m.toc.open(m.currentSection())
		m.showTOC = true
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
		m.showHelp = true
	case pressedDisabled(msg, m.keys.EditorsNote):
		return m, m.say("This article has no editor's note.")
	case pressedDisabled(msg, m.keys.Return):
		return m, m.say("Nothing to go back to: backspace returns from the editor's note.")
	}
	return m, nil
}

func (m readerModel) tocKey(msg tea.KeyMsg) (readerModel, tea.Cmd) {
	jump, closed := m.toc.update(msg)
	if closed {
		m.showTOC = false
	}
	if jump >= 0 {
		m.jumpToSection(jump)
	}
	return m, nil
}

func (m *readerModel) mouse(msg tea.MouseMsg) {
	if m.doc == nil || m.showTOC || msg.Action != tea.MouseActionPress {
		return
	}
	switch msg.Button {
	case tea.MouseButtonWheelDown:
		m.scroll(3)
	case tea.MouseButtonWheelUp:
		m.scroll(-3)
	}
}

// maxTop is the last top line at which the screen is still full of text.
func (m readerModel) maxTop() int {
	return max(len(m.doc.Lines)-m.bodyHeight(), 0)
}

// scroll moves the view by n lines. Scrolling down never goes past the
// end, but a section jump may have put a short last section's heading at
// the top, beyond maxTop; scrolling down from there stays put.
func (m *readerModel) scroll(n int) {
	top := m.top + n
	if n > 0 {
		top = min(top, max(m.maxTop(), m.top))
	}
	m.moveTo(max(top, 0))
}

// moveTo puts line at the top and remembers it as the reader's place.
func (m *readerModel) moveTo(line int) {
	m.top = clamp(line, 0, max(len(m.doc.Lines)-1, 0))
	m.anchor = m.doc.PositionAt(m.top)
}

// jumpToSection puts section i's heading on the top line, exactly. A jump
// into the editor's note from elsewhere, by any key, remembers the line
// left, so that "e" or backspace can go back to it.
func (m *readerModel) jumpToSection(i int) {
	if note, ok := m.article.EditorsNote(); ok && i == note && m.currentSection() != note {
		here := m.anchor
		m.noteReturn = &here
		m.returnLine, m.returnOpts = m.top, m.doc.Options
		m.keys.Return.SetEnabled(true)
	}
	m.jumps.record(m.anchor)
	m.top = m.doc.SectionStart[i]
	m.anchor = articles.Position{Section: i}
}

// goTo shows pos at the top without recording a jump: it is how the jump
// history itself moves.
func (m *readerModel) goTo(pos articles.Position) {
	m.anchor = pos
	m.top = m.doc.LineOf(pos)
}

// currentSection is the section the top line belongs to.
func (m readerModel) currentSection() int { return m.doc.SectionAt(m.top) }

func (m *readerModel) nextSection() tea.Cmd {
	next := m.currentSection() + 1
	if next >= len(m.doc.SectionStart) {
		return m.say("This is the last section.")
	}
	m.jumpToSection(next)
	return nil
}

// prevSection goes to the start of the current section, as vim's "[[" does,
// or to the previous section when already at the start.
func (m *readerModel) prevSection() tea.Cmd {
	cur := m.currentSection()
	if m.top > m.doc.SectionStart[cur] {
		m.jumpToSection(cur)
		return nil
	}
	if cur == 0 {
		return m.say("This is the first section.")
	}
	m.jumpToSection(cur - 1)
	return nil
}

// toggleEditorsNote jumps to the editor's note, remembering the exact line
// left; pressed again while in the note, it goes back there.
func (m *readerModel) toggleEditorsNote() {
	note, _ := m.article.EditorsNote()
	if m.noteReturn != nil && m.currentSection() == note {
		m.returnFromNote()
		return
	}
	m.jumpToSection(note)
}

// returnFromNote goes back to where the reader was before jumping to the
// editor's note: the same line when the width has not changed since, the
// same place in the text when it has.
func (m *readerModel) returnFromNote() {
	if m.noteReturn == nil {
		return
	}
	m.jumps.record(m.anchor)
	m.goTo(*m.noteReturn)
	if m.doc.Options == m.returnOpts {
		m.top = m.returnLine
	}
	m.noteReturn = nil
	m.keys.Return.SetEnabled(false)
}

// say shows a passing message in the status line.
func (m *readerModel) say(format string, args ...any) tea.Cmd {
	m.statusID++
	m.status = fmt.Sprintf(format, args...)
	id := m.statusID
	return tea.Tick(statusDuration, func(time.Time) tea.Msg { return clearStatusMsg{id: id} })
}
