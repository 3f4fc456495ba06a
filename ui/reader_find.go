package ui

import (
	"fmt"
	"strings"

	"cable/articles"
	"cable/render"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// finder is the search inside the article: "/" types a query (see
// findPrompt), matching as it is typed; n and N walk the matches; esc
// clears them. The text's index is built in the background as each whole
// rendering arrives (indexTextCmd), never by a key: a query typed before
// it is ready waits, and is found when it comes.
type finder struct {
	query string
	// forms are the forms of a name chosen in the names index, found as
	// whole words written as the article writes them (articles.FindName),
	// so that enter finds what the index counted; nil for a typed query.
	forms   []string
	matches []textMatch
	current int
	index   *textIndex
	indexOf *render.Document // the rendering index was built from
	// waiting says the query is not found yet: the index is on its way;
	// from is the line the first match is looked for after.
	waiting bool
	from    int
	// pending is a query to find once the whole text is on screen: the
	// words of the library's search result the article was opened at.
	pending string
}

// active reports whether matches are being shown.
func (f *finder) active() bool { return f.query != "" }

// ready reports whether the index of doc is at hand.
func (f *finder) ready(doc *render.Document) bool {
	return doc != nil && f.indexOf == doc && f.index != nil
}

// textIndexedMsg brings back the index of a rendering, and the mentions
// of each name of the names index found in it.
type textIndexedMsg struct {
	doc      *render.Document
	index    *textIndex
	mentions []int
}

// indexTextCmd builds the index of a whole rendering in the background,
// and counts the names' mentions in it as enter will find them.
func indexTextCmd(doc *render.Document, names []articles.Name) tea.Cmd {
	forms := make([][]string, len(names))
	for i, n := range names {
		forms[i] = n.Forms()
	}
	return func() tea.Msg {
		msg := textIndexedMsg{doc: doc, index: newTextIndex(doc.Lines), mentions: make([]int, len(forms))}
		for i, f := range forms {
			msg.mentions[i] = len(msg.index.findName(f))
		}
		return msg
	}
}

// indexed takes the index of a rendering; a query that waited for it is
// found now, and one that is not there said to be, once typed.
func (m *readerModel) indexed(msg textIndexedMsg) tea.Cmd {
	if msg.doc != m.doc {
		return nil // a rendering no longer on screen
	}
	m.find.index, m.find.indexOf = msg.index, msg.doc
	m.lists.names.recount(msg.mentions)
	if !m.find.waiting {
		return nil
	}
	m.findFrom(m.find.from)
	if _, typing := m.overlay.(findPrompt); len(m.find.matches) == 0 && !typing {
		return m.say("Not found: %s", m.find.query)
	}
	return nil
}

// runFind searches for query and shows the first match at or after the
// line from; without the index yet, it waits for it.
func (m *readerModel) runFind(query string, from int) {
	m.find.query, m.find.forms = query, nil
	m.findFrom(from)
}

// runFindName finds the mentions of a name of the names index, as it
// counted them, and shows the first at or after the line from.
func (m *readerModel) runFindName(name articles.Name, from int) {
	m.find.query, m.find.forms = name.Text, name.Forms()
	m.findFrom(from)
}

// findFrom finds the query and shows the first match at or after the
// line from; without the index yet, it waits for it.
func (m *readerModel) findFrom(from int) {
	if !m.find.ready(m.doc) {
		m.find.matches, m.find.current, m.find.waiting, m.find.from = nil, 0, true, from
		return
	}
	m.find.waiting = false
	m.find.matches = m.find.search(m.find.index)
	m.find.current = 0
	ix := m.find.index
	for i, match := range m.find.matches {
		if int(ix.line[match.start]) >= from {
			m.find.current = i
			break
		}
	}
	m.showMatch()
}

// refind searches the new rendering after a resize, keeping the same
// match current: the text is the same, so the matches are too.
func (m *readerModel) refind() {
	if !m.find.active() {
		return
	}
	if !m.find.ready(m.doc) {
		m.find.matches, m.find.waiting, m.find.from = nil, true, m.top
		return
	}
	current := m.find.current
	m.find.matches = m.find.search(m.find.index)
	m.find.current = clamp(current, 0, max(len(m.find.matches)-1, 0))
}

func (m *readerModel) clearFind() {
	m.find.query, m.find.forms, m.find.matches, m.find.current, m.find.waiting = "", nil, nil, 0, false
}

// search finds the query, or the name, in ix.
func (f *finder) search(ix *textIndex) []textMatch {
	if f.forms != nil {
		return ix.findName(f.forms)
	}
	return ix.find(f.query)
}

// findNav handles n, N and the esc that clears the matches; ok is false
// for any other key.
func (m *readerModel) findNav(msg tea.KeyMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, m.keys.Find):
		m.overlay = newFindPrompt(m.top)
		return nil, true
	case pressedDisabled(msg, m.keys.NextMatch), pressedDisabled(msg, m.keys.PrevMatch):
		return m.say("No search: / to search."), true
	case !m.find.active():
		return nil, false
	case key.Matches(msg, m.keys.NextMatch), key.Matches(msg, m.keys.PrevMatch):
		n := len(m.find.matches)
		if m.find.waiting {
			return m.say("Still finding %s…", m.find.query), true
		}
		if n == 0 {
			return m.say("Not found: %s", m.find.query), true
		}
		step := 1
		if key.Matches(msg, m.keys.PrevMatch) {
			step = n - 1
		}
		m.find.current = (m.find.current + step) % n
		m.showMatch()
		return nil, true
	case key.Matches(msg, m.keys.ClearFind):
		m.clearFind()
		return nil, true
	}
	return nil, false
}

// showMatch brings the current match into view, a third of the way down
// the screen, unless it is already well inside it.
func (m *readerModel) showMatch() {
	if len(m.find.matches) == 0 {
		return
	}
	line := int(m.find.index.line[m.find.matches[m.find.current].start])
	h := m.bodyHeight()
	margin := min(2, h/4)
	if line >= m.top+margin && line < m.top+h-margin {
		return
	}
	m.moveTo(max(line-h/3, 0))
}

// findStatus is the search's part of the status line: "match 3/17".
func (m readerModel) findStatus() string {
	switch {
	case !m.find.active():
		return ""
	case m.find.waiting:
		return "finding…"
	case len(m.find.matches) == 0:
		return "no match"
	}
	return fmt.Sprintf("match %d/%d", m.find.current+1, len(m.find.matches))
}

// paint draws the matches on the lines on screen, the current one
// apart.
func (f *finder) paint(p *painter, st Styles) {
	if !f.active() || len(f.matches) == 0 {
		return
	}
	ix := f.index
	end := p.top + len(p.lines)
	for i, match := range f.matches {
		first, last := int(ix.line[match.start]), int(ix.line[match.end-1])
		if last < p.top || first >= end {
			continue
		}
		s := stroke{style: st.Match, marks: st.Marks.Match, eachLine: true}
		if i == f.current {
			s.style, s.marks = st.MatchCurrent, st.Marks.CurrentMatch
		}
		spans := ix.spans(match)
		for l := first; l <= last; l++ {
			if span, ok := spans[l]; ok {
				s.cells = append(s.cells, render.CellSpan{Line: l, From: span.from, To: span.to})
			}
		}
		p.draw(s)
	}
}

// dropPadding takes up to n columns of spaces off the end of line.
func dropPadding(line string, n int) string {
	plain := ansi.Strip(line)
	pad := len(plain) - len(strings.TrimRight(plain, " "))
	return ansi.Truncate(line, ansi.StringWidth(line)-min(n, pad), "")
}
