package ui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// key applies a key, and has a place it moved to saved.
func (m readerModel) key(msg tea.KeyMsg) (readerModel, tea.Cmd) {
	m.status.drop()
	before := m.anchor
	m, cmd := m.handleKey(msg)
	m.syncKeys() // the next key, typed ahead, finds them as they now are
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

// handleKey gives a key to what is in front: the help closes on any key,
// an open overlay takes every key, and the text takes the rest.
func (m readerModel) handleKey(msg tea.KeyMsg) (readerModel, tea.Cmd) {
	if m.display.help {
		m.helpKey(msg)
		return m, nil
	}
	if m.overlay != nil {
		return m.overlayKey(msg)
	}
	if m.sel.on {
		if cmd, ok := m.selectionKey(msg); ok {
			return m, cmd
		}
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

// readingKey moves through the text, or opens what stands over it.
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
		m.scrollTo(0)
	case key.Matches(msg, m.keys.Bottom):
		m.scrollTo(m.maxTop())
	case key.Matches(msg, m.keys.NextSection):
		return m, m.nextSection()
	case key.Matches(msg, m.keys.PrevSection):
		return m, m.prevSection()
	case key.Matches(msg, m.keys.NextSub):
		return m, m.nextSub()
	case key.Matches(msg, m.keys.PrevSub):
		return m, m.prevSub()
	case pressedDisabled(msg, m.keys.NextSub), pressedDisabled(msg, m.keys.PrevSub):
		return m, m.say("This article has no sub-sections.")
	case key.Matches(msg, m.keys.SideTOC):
		m.display.sideTOC = !m.display.sideTOC
		if m.display.sideTOC && m.ctx.Width < sideTOCMinWidth {
			m.display.sideTOC = false
			return m, m.say("The side contents need %d columns.", sideTOCMinWidth)
		}
		return m, m.resize()
	case key.Matches(msg, m.keys.Links):
		m.overlay = m.lists.links.at(m.doc, m.top, m.bodyHeight())
	case key.Matches(msg, m.keys.Footnote):
		return m, m.openPeek()
	case key.Matches(msg, m.keys.Names):
		if len(m.lists.names.names) == 0 {
			return m, m.say("No names found in this article.")
		}
		m.overlay = m.lists.names
	case pressedDisabled(msg, m.keys.Links):
		return m, m.say("This article has no links.")
	case key.Matches(msg, m.keys.OpenURL):
		return m, openLinkCmd(m.article.Meta.URL, m.ctx.Output)
	case pressedDisabled(msg, m.keys.OpenURL):
		return m, m.say(noAddress)
	case key.Matches(msg, m.keys.Contents):
		m.overlay = m.lists.contents.at(m.currentEntry(), m.bodyHeight())
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
		m.display.help, m.display.helpTop = true, 0
	case key.Matches(msg, m.keys.Measure):
		m.ctx.Measure = nextMeasure(m.ctx.Measure)
		label := "the terminal's width"
		if m.ctx.Measure > 0 {
			label = fmt.Sprintf("%d columns", m.ctx.Measure)
		}
		return m, tea.Batch(m.resize(), m.keepMeasure(label))
	case pressedDisabled(msg, m.keys.SideTOC):
		return m, m.say("The side contents need %d columns.", sideTOCMinWidth)
	case pressedDisabled(msg, m.keys.EditorsNote):
		if _, ok := m.article.EditorsNote(); ok {
			return m, m.say("Nowhere to go back to from the note: g goes to the top.")
		}
		return m, m.say("This article has no editor's note.")
	case pressedDisabled(msg, m.keys.Return):
		return m, m.say("Nothing to go back to: backspace returns from the note.")
	}
	return m, nil
}

// mouse scrolls with the wheel, unless something stands over the text,
// and takes clicks. The help hides the text and the side contents, so
// the mouse acts on neither: a click closes the help, as any key does,
// and the wheel, which a touch on a trackpad turns, scrolls a help
// longer than the screen and does nothing else.
func (m *readerModel) mouse(msg tea.MouseMsg) tea.Cmd {
	if m.doc == nil || msg.Action != tea.MouseActionPress {
		return nil
	}
	m.status.drop()
	if m.display.help {
		switch {
		case isClick(msg):
			m.display.help = false
		case msg.Button == tea.MouseButtonWheelDown:
			m.helpScroll(3)
		case msg.Button == tea.MouseButtonWheelUp:
			m.helpScroll(-3)
		}
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
