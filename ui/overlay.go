package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// An overlay is what the reader shows over its text for a moment: a list
// (the contents, the links, the names, the bookmarks), the footnote peek,
// or a prompt typed in the status line (the search, a bookmark's label).
// Each is a child model with its own keys and view. The reader holds at
// most one, nil when none is open, gives it every key while it is open
// and draws it; it never asks which overlay it is.
type overlay interface {
	// update takes a key and returns the overlay as it is now, nil once
	// it has closed, and what the reader must do, if anything.
	update(msg tea.KeyMsg, f frame) (overlay, readerAction)
	// view draws the text area, f.height lines for f.width columns.
	view(f frame) []string
}

// prompt is an overlay typed in the status line, with the text in view.
type prompt interface {
	overlay
	promptView(width int) string
}

// clickable is an overlay whose rows a click picks, as the contents' do.
// While one is open the side contents take clicks too; any other overlay
// keeps the text and the side contents as they are.
type clickable interface {
	overlay
	// click takes a click on line row of the text area.
	click(row int, f frame) (overlay, readerAction)
}

// readerAction is what an overlay asks of the reader: jump to a section
// or a bookmark, search for a name, open a link, save a bookmark. It runs
// inside the reader's Update, once the overlay's own state is settled,
// so a key's whole effect is visible when Update returns. It takes and
// returns the reader by value, as Update does.
type readerAction func(readerModel) (readerModel, tea.Cmd)

// frame is the room an overlay is drawn in: the reader's text area,
// less the side contents when they are shown (the reader sets them
// beside whatever the overlay draws).
type frame struct {
	height int // the lines between the header and the status line
	width  int // the columns the text may use
	// indent is where the text's first column stands, so that a list
	// lines up with the text it stands over.
	indent int
	// textWidth is the width the text on screen was rendered at.
	textWidth int
	// text draws the text as it stands without the overlay, for an
	// overlay that leaves it in view.
	text func() []string
}

// frame is the room the reader gives an overlay now.
func (m readerModel) frame() frame {
	f := frame{
		height: m.bodyHeight(),
		width:  m.textRoom(),
		indent: m.textIndent() - m.sidePaneWidth(),
		text:   m.textArea().lines,
	}
	if m.doc != nil {
		f.textWidth = m.doc.Options.Width
	}
	return f
}

// overlayKey gives a key to the open overlay, then does what it asked.
func (m readerModel) overlayKey(msg tea.KeyMsg) (readerModel, tea.Cmd) {
	next, act := m.overlay.update(msg, m.frame())
	m.overlay = next
	if act == nil {
		return m, nil
	}
	return act(m)
}

// overlayClick gives a click on line row of the text area to the open
// overlay, when it takes clicks.
func (m *readerModel) overlayClick(row int) tea.Cmd {
	o, ok := m.overlay.(clickable)
	if !ok {
		return nil
	}
	next, act := o.click(row, m.frame())
	m.overlay = next
	if act == nil {
		return nil
	}
	var cmd tea.Cmd
	*m, cmd = act(*m)
	return cmd
}

// takesSideClicks reports whether a click on the side contents jumps:
// with nothing over the text, or a list that takes clicks itself.
func (m readerModel) takesSideClicks() bool {
	_, ok := m.overlay.(clickable)
	return m.overlay == nil || ok
}

// cmdAction is an action that only runs a command, such as a text input's
// cursor blink.
func cmdAction(cmd tea.Cmd) readerAction {
	if cmd == nil {
		return nil
	}
	return func(r readerModel) (readerModel, tea.Cmd) { return r, cmd }
}

// jumpTo is the action that puts stop i of the outline at the top: a
// section's heading, or a paragraph's first line.
func jumpTo(i int) readerAction {
	return func(r readerModel) (readerModel, tea.Cmd) {
		r.jumpToStop(i)
		return r, nil
	}
}

// promptKeys are the keys of a prompt in the status line; every other
// key edits its text.
type promptKeys struct {
	Accept, Cancel key.Binding
}

func newPromptKeys(accept, cancel string) promptKeys {
	return promptKeys{
		Accept: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", accept)),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", cancel)),
	}
}
