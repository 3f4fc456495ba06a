package ui

import (
	"strings"

	"cable/articles"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// notePrompt asks for a highlight's note in the status line: just after
// the highlight is saved, where enter with nothing typed leaves it
// without one, and from the highlights' list, to change it.
type notePrompt struct {
	keys  promptKeys
	input textinput.Model
	id    string // the ID the highlight was given when it was made
	// editing is set for a note changed from the list, where enter with
	// nothing typed removes it.
	editing bool
}

func newNotePrompt(id, note string, editing bool) notePrompt {
	keys := newPromptKeys("saves", "leaves it as it was")
	if !editing {
		keys = newPromptKeys("saves", "skips")
	}
	accept, cancel := keys.Accept.Help(), keys.Cancel.Help()
	in := newInput("Note ("+accept.Key+" "+accept.Desc+", "+cancel.Key+" "+cancel.Desc+"): ", 400)
	in.SetValue(note)
	in.Focus()
	return notePrompt{keys: keys, input: in, id: id, editing: editing}
}

func (p notePrompt) update(msg tea.KeyMsg, _ frame) (overlay, readerAction) {
	switch {
	case key.Matches(msg, p.keys.Cancel) && p.editing:
		return nil, nil
	case key.Matches(msg, p.keys.Accept), key.Matches(msg, p.keys.Cancel):
		// esc after a new highlight leaves it without a note, as enter
		// with nothing typed does, and says what was highlighted.
		note := articles.Clean(strings.TrimSpace(p.input.Value()))
		if key.Matches(msg, p.keys.Cancel) {
			note = ""
		}
		id, editing := p.id, p.editing
		return nil, func(r readerModel) (readerModel, tea.Cmd) {
			cmd := r.noteTyped(id, note, editing)
			return r, cmd
		}
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return p, cmdAction(cmd)
}

// view leaves the text in view, with the highlight drawn.
func (p notePrompt) view(f frame) []string { return f.text() }

func (p notePrompt) promptView(width int) string { return fitInput(p.input, width) }
