package ui

import (
	"strings"

	"cable/articles"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// labelPrompt asks for a new bookmark's label in the status line; enter
// saves the bookmark, with the label or without one.
type labelPrompt struct {
	keys  promptKeys
	input textinput.Model
}

func newLabelPrompt() labelPrompt {
	keys := newPromptKeys("saves", "cancels")
	accept, cancel := keys.Accept.Help(), keys.Cancel.Help()
	in := newInput("Bookmark label ("+accept.Key+" "+accept.Desc+", "+cancel.Key+" "+cancel.Desc+"): ", 80)
	in.Focus()
	return labelPrompt{keys: keys, input: in}
}

func (p labelPrompt) update(msg tea.KeyMsg, _ frame) (overlay, readerAction) {
	switch {
	case key.Matches(msg, p.keys.Cancel):
		return nil, nil
	case key.Matches(msg, p.keys.Accept):
		label := articles.Clean(strings.TrimSpace(p.input.Value()))
		return nil, func(r readerModel) (readerModel, tea.Cmd) {
			cmd := r.addBookmark(label) // it only reads the reader
			return r, cmd
		}
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return p, cmdAction(cmd)
}

// view leaves the text in view: the bookmark is the paragraph at its top.
func (p labelPrompt) view(f frame) []string { return f.text() }

func (p labelPrompt) promptView(width int) string { return fitInput(p.input, width) }
