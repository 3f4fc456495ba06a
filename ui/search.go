package ui

import (
	"fmt"
	"strings"

	"cable/articles"
	"cable/library"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// searchModel searches every article: results come as the query is typed,
// best first, each with the passage it was found in; enter opens the
// article at that passage.
type searchModel struct {
	ctx     *Context
	input   textinput.Model
	keys    searchKeys
	help    help.Model
	hits    []library.Hit
	cursor  int
	asked   int // the number of the last search asked for
	err     error
	shownOf string // the query the hits answer
}

// searchResultsMsg brings back the hits for one query. asked numbers the
// query, so that the answer to an older one is dropped.
type searchResultsMsg struct {
	asked int
	query string
	hits  []library.Hit
	err   error
}

// searchHits is how many results a search shows at most.
const searchHits = 50

func newSearch(ctx *Context) searchModel {
	in := newInput("Search: ", 200)
	in.Placeholder = "words from any article"
	return searchModel{ctx: ctx, input: in, keys: newSearchKeys(), help: dimHelp(ctx)}
}

// open focuses the query, keeping the last one and its results.
func (m *searchModel) open() tea.Cmd {
	m.resize()
	return m.input.Focus()
}

func (m *searchModel) resize() { m.input.Width = max(m.ctx.Width-len(m.input.Prompt)-4, 10) }

func (m searchModel) update(msg tea.Msg) (searchModel, tea.Cmd) {
	switch msg := msg.(type) {
	case searchResultsMsg:
		if msg.asked == m.asked {
			m.hits, m.err, m.shownOf = msg.hits, msg.err, msg.query
			m.cursor = 0
		}
		return m, nil
	case tea.MouseMsg:
		return m, m.click(msg)
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, m.keys.Close):
			return m, showScreen(libraryScreen, nil)
		case key.Matches(msg, m.keys.Down):
			m.cursor = min(m.cursor+1, max(len(m.hits)-1, 0))
			return m, nil
		case key.Matches(msg, m.keys.Up):
			m.cursor = max(m.cursor-1, 0)
			return m, nil
		case key.Matches(msg, m.keys.Open):
			return m, m.openHit()
		}
	}
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if m.input.Value() != before {
		cmd = tea.Batch(cmd, m.ask())
	}
	return m, cmd
}

// ask runs the query in the background.
func (m *searchModel) ask() tea.Cmd {
	store := m.ctx.store()
	if store == nil {
		return nil
	}
	m.asked++
	asked, query := m.asked, articles.Clean(m.input.Value())
	return func() tea.Msg {
		hits, err := store.Search(query, searchHits)
		return searchResultsMsg{asked: asked, query: query, hits: hits, err: err}
	}
}

// openHit opens the chosen article with the matching passage at the top.
func (m searchModel) openHit() tea.Cmd {
	if m.cursor >= len(m.hits) {
		return nil
	}
	h := m.hits[m.cursor]
	e, ok := m.ctx.Catalog.ByKey(h.Key)
	if !ok {
		return nil
	}
	find := matchedWords(h.Snippet)
	if h.FrontMatter {
		find = "" // its words are the title's or the author's, not the text's
	}
	return openEntryFinding(e, &articles.Position{Section: h.Section, Block: h.Block}, find)
}

// matchedWords are the words a search result's snippet marks as matched,
// for the reader to find: the first run of them (words marked one after
// the other, as a phrase typed is), in lower case so that every form is
// found, "Karabakh" and "karabakh" alike. "" when nothing is marked.
func matchedWords(snippet string) string {
	var run []string
	rest := snippet
	for {
		start := strings.Index(rest, library.SnippetStart)
		if start < 0 {
			break
		}
		if len(run) > 0 && strings.TrimSpace(rest[:start]) != "" {
			break // another run: the first is enough
		}
		joined := len(run) > 0 && start == 0 // marked characters side by side
		rest = rest[start+len(library.SnippetStart):]
		end := strings.Index(rest, library.SnippetEnd)
		if end < 0 {
			break
		}
		if joined {
			run[len(run)-1] += rest[:end]
		} else {
			run = append(run, rest[:end])
		}
		rest = rest[end+len(library.SnippetEnd):]
	}
	return strings.ToLower(strings.Join(run, " "))
}

func (m searchModel) view() string {
	if m.ctx.tooSmall() {
		return tooSmallView(m.ctx)
	}
	lines, _ := m.layout()
	body := fitLines(lines, m.ctx.Height-1, m.ctx.Width)
	helpLine := "  " + m.help.ShortHelpView(m.keys.ShortHelp())
	return strings.Join(append(body, ansi.Truncate(helpLine, m.ctx.Width, "…")), "\n")
}

// layout draws the screen above the help line and says which result each
// line shows (-1 for none), for clicks.
func (m searchModel) layout() ([]string, []int) {
	st := m.ctx.Styles
	lines := []string{"", "  " + m.input.View(), ""}
	switch {
	case m.ctx.store() == nil:
		lines = append(lines, "  "+st.Error.Render("Search needs the library index, which is not available."))
	case m.err != nil:
		lines = append(lines, "  "+st.Error.Render(m.err.Error()))
	case m.shownOf != "" && len(m.hits) == 0:
		lines = append(lines, "  "+st.Dim.Render(fmt.Sprintf("Nothing found for %q.", m.shownOf)))
	}
	owners := make([]int, len(lines))
	for i := range owners {
		owners[i] = -1
	}
	hits, first := m.hitLines(m.ctx.Height - len(lines) - 2)
	for i := range hits {
		owners = append(owners, first+i/3)
	}
	return append(lines, hits...), owners
}

// hitLines draws the results in height lines, three lines each: title and
// section, the passage, a gap; first is the first result drawn.
func (m searchModel) hitLines(height int) (out []string, first int) {
	st := m.ctx.Styles
	per := 3
	p := pickList{cursor: m.cursor, rows: len(m.hits)}
	first, end := p.window(max(height/per, 1))
	for i := first; i < end; i++ {
		h := m.hits[i]
		where := h.SectionTitle
		if where == "" {
			where = "§1"
		}
		title, margin := fmt.Sprintf("%s · %s", h.Title, where), "  "
		if i == m.cursor {
			title, margin = st.TOCCursor.Render(title), gutter(margin, st.Marks.Cursor)
		} else {
			title = st.TOCTitle.Render(title)
		}
		out = append(out, margin+title, "    "+highlightSnippet(st, h.Snippet), "")
	}
	return out, first
}

// highlightSnippet styles the matched words of a snippet.
func highlightSnippet(st Styles, snippet string) string {
	var b strings.Builder
	for {
		start := strings.Index(snippet, library.SnippetStart)
		if start < 0 {
			break
		}
		end := strings.Index(snippet[start:], library.SnippetEnd)
		if end < 0 {
			break
		}
		b.WriteString(st.Dim.Render(snippet[:start]))
		b.WriteString(st.Match.Render(st.Marks.Match[0] + snippet[start+len(library.SnippetStart):start+end] + st.Marks.Match[1]))
		snippet = snippet[start+end+len(library.SnippetEnd):]
	}
	b.WriteString(st.Dim.Render(snippet))
	return b.String()
}

// newInput is a one-line text input with a cursor that does not blink: a
// blinking cursor redraws the screen twice a second for nothing.
func newInput(prompt string, limit int) textinput.Model {
	in := textinput.New()
	in.Prompt = prompt
	in.CharLimit = limit
	in.Cursor.SetMode(cursor.CursorStatic)
	return in
}

// fitInput draws a one-line input in width columns: what is typed
// scrolls to keep the cursor in view, as in a shell, rather than the line
// being cut at the screen's edge with the cursor past it. The input is a
// copy: its scrolling is worked out here, where the width is known.
func fitInput(in textinput.Model, width int) string {
	in.Width = max(width-ansi.StringWidth(in.Prompt)-1, 1)
	in.SetCursor(in.Position())
	return ansi.Truncate(in.View(), width, "")
}

// showScreen switches to another screen from inside one.
func showScreen(s screen, init tea.Cmd) tea.Cmd {
	return func() tea.Msg { return showScreenMsg{screen: s, init: init} }
}
