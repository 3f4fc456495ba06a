package ui

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// findPrompt is the query line of the search inside the article, typed in
// the status line: the reader searches as the query changes; enter keeps
// the matches, esc puts everything back as it was. A query that matches
// nothing leaves the text where it was when typing began, as vim's
// incremental search does, rather than where a shorter query had led.
type findPrompt struct {
	keys  promptKeys
	input textinput.Model
	from  int // the top line when typing began, for esc
}

func newFindPrompt(from int) findPrompt {
	in := newInput("/", 120)
	in.Focus()
	return findPrompt{keys: newPromptKeys("keep the matches", "clear them"), input: in, from: from}
}

func (p findPrompt) update(msg tea.KeyMsg, _ frame) (overlay, readerAction) {
	switch {
	case key.Matches(msg, p.keys.Cancel):
		from := p.from
		return nil, func(r readerModel) (readerModel, tea.Cmd) {
			r.clearFind()
			r.moveTo(from)
			return r, nil
		}
	case key.Matches(msg, p.keys.Accept):
		return nil, func(r readerModel) (readerModel, tea.Cmd) {
			if r.find.query != "" && len(r.find.matches) == 0 && !r.find.waiting {
				cmd := r.say("Not found: %s", r.find.query)
				return r, cmd
			}
			return r, nil
		}
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	query, from := p.input.Value(), p.from
	return p, func(r readerModel) (readerModel, tea.Cmd) {
		r.runFind(query, from)
		if len(r.find.matches) == 0 {
			r.moveTo(from)
		}
		return r, cmd
	}
}

// view leaves the text in view, its matches highlighted as they are found.
func (p findPrompt) view(f frame) []string { return f.text() }

func (p findPrompt) promptView(width int) string { return fitInput(p.input, width) }
