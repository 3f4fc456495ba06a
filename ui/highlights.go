package ui

import (
	"errors"
	"fmt"
	"sort"

	"cable/articles"
	"cable/library"
	"cable/render"

	tea "github.com/charmbracelet/bubbletea"
)

// shownHighlight is a saved highlight as the reader draws it: found again
// in the text as it is now (articles.Locator), and where its passage runs
// as reading positions, which every rendering maps to its own lines.
type shownHighlight struct {
	h        library.Highlight
	found    bool // false: "not found in the text", listed but not drawn
	from, to articles.Position
}

// highlightsMsg brings back an article's highlights, found in its text.
type highlightsMsg struct {
	key  string
	list []shownHighlight
	err  error
}

// highlightsCmd lists an article's highlights and finds each in its text,
// in the background: the article is read, never changed.
func highlightsCmd(store *library.Store, a *articles.Article, key string) tea.Cmd {
	if store == nil {
		return nil
	}
	return func() tea.Msg {
		hs, err := store.Highlights(key)
		if err != nil {
			return highlightsMsg{key: key, err: err}
		}
		loc := a.Locator()
		out := make([]shownHighlight, len(hs))
		for i, h := range hs {
			an, placed := loc.Locate(h.Anchor)
			out[i] = shownHighlight{h: h, found: placed != articles.NotFound}
			if out[i].found {
				out[i].from, out[i].to = passage(a, an)
			}
		}
		sort.SliceStable(out, func(i, j int) bool { return before(out[i].from, out[j].from) })
		return highlightsMsg{key: key, list: out}
	}
}

// passage is where an anchored passage starts and ends, as reading
// positions.
func passage(a *articles.Article, an articles.Anchor) (from, to articles.Position) {
	s, b := blockAfter(a, an.Section, an.Block, an.Through)
	return a.PositionOf(an), a.PositionOf(articles.Anchor{Section: s, Block: b, Start: an.End})
}

// blockAfter is the block n blocks after block b of section s, in reading
// order across sections; the last block when there are fewer.
func blockAfter(a *articles.Article, s, b, n int) (int, int) {
	for n > 0 && s < len(a.Sections) {
		if b+1 < len(a.Sections[s].Blocks) {
			b++
			n--
			continue
		}
		if s+1 >= len(a.Sections) {
			break
		}
		s, b = s+1, 0
		if len(a.Sections[s].Blocks) > 0 {
			n--
		}
	}
	return s, b
}

// before reports whether position p comes before q in the text.
func before(p, q articles.Position) bool {
	if p.Section != q.Section {
		return p.Section < q.Section
	}
	if p.Block != q.Block {
		return p.Block < q.Block
	}
	return p.Offset < q.Offset
}

// highlightsLoaded takes an article's highlights; the list on screen
// follows.
func (m *readerModel) highlightsLoaded(msg highlightsMsg) {
	if msg.key != m.entry.Key || msg.err != nil {
		return
	}
	m.highs = msg.list
	if open, ok := m.overlay.(highlightsList); ok {
		m.overlay = open.set(msg.list)
	}
}

// paintHighlights draws the saved highlights and the selection being
// made on the lines on screen.
func (t textArea) paintHighlights(p *painter) {
	st := t.ctx.Styles
	end := p.top + len(p.lines)
	noteMark := ""
	for _, sh := range t.highs {
		if !sh.found {
			continue
		}
		s := stroke{style: st.Highlight, marks: st.Marks.Highlight}
		if s.cells, s.begin, s.end = cellsOnScreen(t.doc, sh.from, sh.to, p.top, end); len(s.cells) == 0 {
			continue // off screen
		}
		if sh.h.Note != "" {
			if noteMark == "" {
				noteMark = st.NoteMark.Render(st.Marks.Note) // styled once a screen
			}
			s.after = noteMark
		}
		p.draw(s)
	}
	if t.sel.on {
		s := stroke{style: st.Selection, marks: st.Marks.Selection}
		s.cells, s.begin, s.end = cellsOnScreen(t.doc, t.sel.fromPos, t.sel.toPos, p.top, end)
		p.draw(s)
	}
}

// cellsOnScreen are the cells of a passage on the lines top to end, and
// whether the passage starts and ends there.
func cellsOnScreen(d *render.Document, from, to articles.Position, top, end int) (cells []render.CellSpan, begins, ends bool) {
	cells = d.Cells(from, to, max(top-1, 0), end+1)
	begins, ends = true, true
	if len(cells) > 0 && cells[0].Line < top {
		cells, begins = cells[1:], false
	}
	if n := len(cells); n > 0 && cells[n-1].Line >= end {
		cells, ends = cells[:n-1], false
	}
	return cells, begins, ends
}

// saveHighlight saves a highlight in the background; savedMsg says how
// it went.
func saveHighlight(store *library.Store, h library.Highlight, where string) tea.Cmd {
	return func() tea.Msg {
		saved, err := store.AddHighlight(h)
		msg := highlightSavedMsg{asked: h.ID, id: saved.ID, where: where, err: err}
		if errors.Is(err, library.ErrHighlightSaved) {
			msg.already, msg.err = true, nil
		}
		return msg
	}
}

// highlightSavedMsg says a highlight was saved: asked is the ID it was
// given, id the one it has (another's, when the passage was highlighted
// already).
type highlightSavedMsg struct {
	asked, id string
	where     string
	already   bool
	err       error
}

// highlightSaved hears a highlight saved; a note typed meanwhile is
// saved with it now.
func (m *readerModel) highlightSaved(msg highlightSavedMsg) tea.Cmd {
	if msg.err != nil {
		return m.say("The highlight could not be saved: %v", msg.err)
	}
	m.notes.saved[msg.asked] = msg.id
	say := fmt.Sprintf("Highlighted %s.", msg.where)
	if msg.already {
		say = fmt.Sprintf("Already highlighted: %s.", msg.where)
	}
	m.notes.said[msg.asked] = say
	cmds := []tea.Cmd{highlightsCmd(m.ctx.store(), m.article, m.entry.Key)}
	if note, ok := m.notes.waiting[msg.asked]; ok {
		delete(m.notes.waiting, msg.asked)
		cmds = append(cmds, setNoteCmd(m.ctx.store(), msg.id, note))
	} else if _, typing := m.overlay.(notePrompt); !typing {
		cmds = append(cmds, m.say("%s", say))
	}
	return tea.Batch(cmds...)
}

// noteWaits are the notes typed for highlights being saved: saved maps
// the ID a highlight was given to the one it has once saved, and waiting
// holds a note typed before its highlight was, by the ID given.
type noteWaits struct {
	saved   map[string]string
	waiting map[string]string
	said    map[string]string // what saving each said, for after the prompt
}

// noteTyped takes the note typed in the prompt for the highlight given
// the ID asked. Nothing typed for a new highlight leaves it without a
// note; for one edited from the list it removes the note.
func (m *readerModel) noteTyped(asked, note string, editing bool) tea.Cmd {
	if note == "" && !editing {
		if said, ok := m.notes.said[asked]; ok {
			return m.say("%s", said)
		}
		return nil // what saving says comes when it is done
	}
	return m.setNote(asked, note)
}

// setNote saves a note for the highlight given the ID asked, at once
// when it is saved, else once it is.
func (m *readerModel) setNote(asked, note string) tea.Cmd {
	id, ok := m.notes.saved[asked]
	if !ok {
		m.notes.waiting[asked] = note
		return nil
	}
	return setNoteCmd(m.ctx.store(), id, note)
}

func setNoteCmd(store *library.Store, id, note string) tea.Cmd {
	return func() tea.Msg {
		done := "Note saved."
		if note == "" {
			done = "Note removed."
		}
		return storeDoneMsg{asker: readerScreen, done: done, err: store.SetNote(id, note)}
	}
}
