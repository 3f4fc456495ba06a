package ui

import (
	"fmt"
	"strings"

	"cable/library"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// library_ask.go holds the questions the library asks in its status
// line: an article's tags (+), and whether to mark every article a
// filter lists finished (F).

// tagPrompt asks for an article's tags, comma-separated, starting from
// the tags it has: what is added is given, what is taken out of the text
// is taken off. Tab completes the tag being typed from the tags in use,
// and pressed again offers the next.
type tagPrompt struct {
	keys  promptKeys
	input textinput.Model
	key   string   // the article's
	title string   // the article's, for the message
	had   []string // its tags when the prompt opened
	inUse []string // every tag given to any article
	// matches are the tags tab offers for the piece being typed, after
	// stem, the text before it; next is the one offered next.
	matches []string
	stem    string
	next    int
}

// askTags opens the tags prompt for the selected article.
func (m *libraryModel) askTags(item list.Item) tea.Cmd {
	e, ok := selectedEntry(item)
	store := m.ctx.store()
	if !ok || store == nil {
		return nil
	}
	had, err := store.Tags(e.Key)
	if err != nil {
		return m.warn(err.Error())
	}
	inUse, _ := store.TagsInUse() // without them, tab completes nothing
	keys := newPromptKeys("saves", "cancels")
	in := newInput(tagPrompts[0], 400)
	if len(had) > 0 {
		in.SetValue(strings.Join(had, ", ") + ", ")
	}
	in.CursorEnd()
	in.Focus()
	m.triage.ask = &tagPrompt{keys: keys, input: in, key: e.Key, title: e.Summary.Title, had: had, inUse: inUse}
	return nil
}

func (p *tagPrompt) answer(m *libraryModel, msg tea.KeyMsg) (libraryQuestion, tea.Cmd) {
	switch {
	case key.Matches(msg, p.keys.Cancel):
		return nil, m.say("Tags left as they were.")
	case key.Matches(msg, p.keys.Accept):
		return nil, p.save(m.ctx.store())
	case msg.Type == tea.KeyTab:
		p.complete()
		return p, nil
	}
	p.matches = nil
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return p, cmd
}

// complete puts the next tag in use that begins the piece being typed
// in its place.
func (p *tagPrompt) complete() {
	if len(p.matches) == 0 {
		value := p.input.Value()
		cut := strings.LastIndexByte(value, ',') + 1
		piece := strings.TrimSpace(value[cut:])
		typed := splitTagText(value[:cut])
		p.stem = value[:cut]
		if cut > 0 {
			p.stem += " "
		}
		p.matches, p.next = nil, 0
		for _, tag := range p.inUse {
			if hasPrefixFold(tag, piece) && !containsFold(typed, tag) {
				p.matches = append(p.matches, tag)
			}
		}
		if len(p.matches) == 0 {
			return
		}
	}
	p.input.SetValue(p.stem + p.matches[p.next])
	p.input.CursorEnd()
	p.next = (p.next + 1) % len(p.matches)
}

// save gives the article the tags typed that it had not, and takes off
// those it had that are no longer typed.
func (p *tagPrompt) save(store *library.Store) tea.Cmd {
	typed := splitTagText(p.input.Value())
	var added, removed []string
	for _, tag := range typed {
		if !containsFold(p.had, tag) {
			added = append(added, tag)
		}
	}
	for _, tag := range p.had {
		if !containsFold(typed, tag) {
			removed = append(removed, tag)
		}
	}
	key, done := p.key, tagsChosen(p.title, added, removed)
	return func() tea.Msg {
		if len(added) > 0 {
			if err := store.Tag(key, added...); err != nil {
				return storeDoneMsg{asker: libraryScreen, err: err}
			}
		}
		var err error
		if len(removed) > 0 {
			err = store.Untag(key, removed...)
		}
		return storeDoneMsg{asker: libraryScreen, done: done, err: err}
	}
}

// tagsChosen says what the prompt did to an article's tags.
func tagsChosen(title string, added, removed []string) string {
	var parts []string
	if len(added) > 0 {
		parts = append(parts, "tagged "+strings.Join(added, ", "))
	}
	if len(removed) > 0 {
		parts = append(parts, "took off "+strings.Join(removed, ", "))
	}
	if len(parts) == 0 {
		return fmt.Sprintf("Tags of %q unchanged.", title)
	}
	s := strings.Join(parts, "; ")
	return fmt.Sprintf("%s%s: %q.", strings.ToUpper(s[:1]), s[1:], title)
}

// splitTagText is the tags of a prompt's text, each once.
func splitTagText(s string) []string {
	var tags []string
	for _, t := range strings.Split(s, ",") {
		if t = library.CleanTag(t); t != "" && !containsFold(tags, t) {
			tags = append(tags, t)
		}
	}
	return tags
}

func containsFold(list []string, s string) bool {
	for _, l := range list {
		if strings.EqualFold(l, s) {
			return true
		}
	}
	return false
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// tagPrompts are the prompt's words, the longest that leaves room to
// type first: the keys are said while there is room for them.
var tagPrompts = []string{"Tags, comma-separated (tab completes, enter saves, esc cancels): ", "Tags, comma-separated: ", "Tags: "}

// tagRoom is the fewest columns the prompt leaves for the tags typed,
// while a shorter prompt would leave more.
const tagRoom = 24

func (p *tagPrompt) line(width int) string {
	for _, prompt := range tagPrompts {
		p.input.Prompt = prompt
		if width-ansi.StringWidth(prompt) > tagRoom {
			break
		}
	}
	return fitInput(p.input, width)
}

// finishListed asks whether to mark every article the filter lists
// finished.
type finishListed struct {
	keys    []string // the articles listed and not finished yet
	already int      // the articles listed and finished already
}

// askFinishListed asks whether to mark the articles listed finished, or
// says there is none to mark.
func (m *libraryModel) askFinishListed() tea.Cmd {
	if m.ctx.store() == nil {
		return nil
	}
	q := &finishListed{}
	for _, it := range m.list.VisibleItems() {
		row, ok := it.(entryItem) // a "continue reading" row is its article's too
		switch {
		case !ok || row.entry.Error != "":
		case row.reading.Finished:
			q.already++
		default:
			q.keys = append(q.keys, row.entry.Key)
		}
	}
	if len(q.keys) == 0 {
		return m.say("Every article listed is finished already.")
	}
	m.triage.ask = q
	return nil
}

func (q *finishListed) answer(m *libraryModel, msg tea.KeyMsg) (libraryQuestion, tea.Cmd) {
	if msg.String() != "y" && msg.String() != "Y" {
		return nil, m.say("Nothing marked.")
	}
	store, keys := m.ctx.store(), q.keys
	done := fmt.Sprintf("Marked %s finished. U on one marks it unread again.", plural(len(keys), "article"))
	return nil, func() tea.Msg {
		return storeDoneMsg{asker: libraryScreen, done: done, err: store.MarkAllFinished(keys)}
	}
}

// line asks the question in the most words that fit.
func (q *finishListed) line(width int) string {
	n := plural(len(q.keys), "article")
	asks := []string{fmt.Sprintf("Mark %s finished? y/n", n), fmt.Sprintf("Mark %d finished? y/n", len(q.keys))}
	if q.already > 0 {
		asks = append([]string{fmt.Sprintf("Mark %s finished (%d listed are already)? y/n", n, q.already)}, asks...)
	}
	for _, s := range asks {
		if ansi.StringWidth(s) <= width {
			return s
		}
	}
	return cutWords(asks[len(asks)-1], width)
}
