package ui

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"cable/export"
	"cable/library"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// library_highlights.go is the library's H: every highlight of every
// article, newest first, each with its article's title, its place named
// as the reader's H names it, its note and its words; / filters them as
// the library's / filters articles, and enter opens the article at the
// highlight.

// libraryHighlight is one row: a highlight, its article's title, its
// place in the text as it is now, and the text the filter looks in.
type libraryHighlight struct {
	h      library.Highlight
	title  string
	place  string
	found  bool
	filter string
}

// allHighlightsMsg brings back every highlight, for the library's H.
type allHighlightsMsg struct {
	rows []libraryHighlight
	err  error
}

// allHighlightsCmd gathers every highlight as "cable highlights" does
// (export.Collect): each found in its article's text as it is now, and
// named there as the reader names it (those of articles in the trash are
// not among them).
func allHighlightsCmd(cat *library.Catalog) tea.Cmd {
	if cat == nil || cat.Store == nil {
		return nil
	}
	return func() tea.Msg {
		arts, err := export.Collect(cat, nil, time.Time{})
		if err != nil {
			return allHighlightsMsg{err: err}
		}
		var rows []libraryHighlight
		for _, a := range arts {
			for _, h := range a.Highlights {
				place := a.Place(h)
				rows = append(rows, libraryHighlight{h: h, title: a.Title, place: place, found: !a.NotFound[h.ID],
					filter: strings.Join([]string{a.Title, h.Note, h.Text(), place}, " ")})
			}
		}
		sort.SliceStable(rows, func(i, j int) bool { return rows[i].h.Created.After(rows[j].h.Created) })
		return allHighlightsMsg{rows: rows}
	}
}

// allHighlightsModel is the library's list of every highlight.
type allHighlightsModel struct {
	ctx  *Context
	rows []libraryHighlight
	// shown are the rows the filter keeps, by index, newest first.
	shown     []int
	pick      pickList
	filter    textinput.Model
	filtering bool
	status    string
	err       error
	// loaded says the highlights asked for have come: until then the
	// list says it is gathering them, not that there are none.
	loaded bool
}

func newAllHighlights(ctx *Context) allHighlightsModel {
	pick := newPickList(ctx, "Highlights in every article", "open at the highlight", false)
	pick.keys.Filter.SetEnabled(true)
	return allHighlightsModel{ctx: ctx, pick: pick, filter: newInput("/ ", 200)}
}

// open starts the list afresh, with no filter, and asks for the
// highlights.
func (m *allHighlightsModel) open() tea.Cmd {
	next := newAllHighlights(m.ctx)
	next.rows, next.err, next.loaded = m.rows, m.err, m.loaded
	next.refilter()
	*m = next
	return allHighlightsCmd(m.ctx.Catalog)
}

func (m allHighlightsModel) update(msg tea.Msg) (allHighlightsModel, tea.Cmd) {
	switch msg := msg.(type) {
	case allHighlightsMsg:
		m.rows, m.err, m.loaded = msg.rows, msg.err, true
		m.refilter()
	case tea.KeyMsg:
		return m.handleKey(msg)
	}
	return m, nil
}

// refilter keeps the rows every word of the filter begins a word of, in
// their order, as the library's filter does (foldingFilter).
func (m *allHighlightsModel) refilter() {
	m.shown = m.shown[:0]
	term := strings.TrimSpace(m.filter.Value())
	if term == "" {
		for i := range m.rows {
			m.shown = append(m.shown, i)
		}
	} else {
		texts := make([]string, len(m.rows))
		for i, r := range m.rows {
			texts[i] = r.filter
		}
		for _, rank := range foldingFilter(term, texts) {
			m.shown = append(m.shown, rank.Index)
		}
		sort.Ints(m.shown)
	}
	m.pick.rows = len(m.shown)
	m.pick.cursor = clamp(m.pick.cursor, 0, max(len(m.shown)-1, 0))
}

func (m allHighlightsModel) handleKey(msg tea.KeyMsg) (allHighlightsModel, tea.Cmd) {
	m.status = ""
	if m.filtering {
		return m.filterKey(msg)
	}
	if key.Matches(msg, m.pick.keys.Filter) {
		m.filtering = true
		return m, m.filter.Focus()
	}
	if key.Matches(msg, m.pick.keys.Close) && m.filter.Value() != "" {
		m.filter.SetValue("") // esc clears the filter first, as in the library
		m.refilter()
		return m, nil
	}
	switch m.pick.update(msg, m.ctx.Height-6) {
	case pickClose:
		return m, showScreen(libraryScreen, nil)
	case pickChoose:
		return m, m.choose()
	}
	return m, nil
}

// filterKey edits the filter: enter keeps it, esc drops it, the arrows
// still move.
func (m allHighlightsModel) filterKey(msg tea.KeyMsg) (allHighlightsModel, tea.Cmd) {
	switch msg.Type {
	case tea.KeyEnter:
		m.filtering = false
		m.filter.Blur()
		return m, nil
	case tea.KeyEsc:
		m.filtering = false
		m.filter.Blur()
		m.filter.SetValue("")
		m.refilter()
		return m, nil
	case tea.KeyUp, tea.KeyDown:
		m.pick.update(msg, 1)
		return m, nil
	}
	var cmd tea.Cmd
	m.filter, cmd = m.filter.Update(msg)
	m.refilter()
	return m, cmd
}

// choose opens the article of the highlight under the cursor, at it.
func (m *allHighlightsModel) choose() tea.Cmd {
	if len(m.shown) == 0 {
		return nil
	}
	r := m.rows[m.shown[m.pick.cursor]]
	e, ok := m.ctx.Catalog.ByKey(r.h.Key)
	if !ok {
		m.status = fmt.Sprintf("“%s” is no longer in the library.", r.title)
		return nil
	}
	pos := r.h.Position()
	return openEntry(e, &pos)
}

func (m allHighlightsModel) view() string {
	if m.ctx.tooSmall() {
		return tooSmallView(m.ctx)
	}
	st := m.ctx.Styles
	title := "  " + st.TOCTitle.Render(m.pick.title)
	if len(m.rows) > 0 {
		title += "  " + st.Dim.Render(m.count())
	}
	lines := []string{"", title, ""}
	if m.filtering || m.filter.Value() != "" {
		lines[2] = "  " + m.filter.View()
	}
	switch {
	case m.err != nil:
		lines = append(lines, "  "+st.Error.Render(m.err.Error()))
	case !m.loaded:
		lines = append(lines, "  "+st.Dim.Render("Gathering the highlights…"))
	case len(m.rows) == 0:
		lines = append(lines, "  "+st.Dim.Render("No highlights yet: v or y in the reader makes one."))
	case len(m.shown) == 0:
		lines = append(lines, "  "+st.Dim.Render(fmt.Sprintf("No highlight matches %q.", m.filter.Value())))
	}
	preview := m.preview()
	first, end := m.pick.window(m.ctx.Height - len(lines) - 2 - len(preview))
	for i := first; i < end; i++ {
		r := m.rows[m.shown[i]]
		margin := "  "
		if i == m.pick.cursor {
			margin = gutter(margin, st.Marks.Cursor)
		}
		line := highlightLine(st, i+1, r.title+" · "+r.place, r.h, r.found, max(m.ctx.Width-4, 8), i == m.pick.cursor)
		lines = append(lines, margin+line)
	}
	foot := m.pick.helpLine(m.ctx.Width - 2)
	if m.status != "" {
		foot = m.status
	}
	body := fitLines(lines, m.ctx.Height-1-len(preview), m.ctx.Width)
	body = append(body, fitLines(preview, len(preview), m.ctx.Width)...)
	return strings.Join(append(body, ansi.Truncate("  "+foot, m.ctx.Width, "…")), "\n")
}

// preview is the highlight under the cursor whole, under the list: a row
// has room for its place and note and the start of its words only. Its
// words on up to four lines, its note on up to two, after a blank line;
// none on a screen too short to spare them.
func (m allHighlightsModel) preview() []string {
	if len(m.shown) == 0 || m.pick.cursor >= len(m.shown) || m.ctx.Height < 18 {
		return nil
	}
	st, r := m.ctx.Styles, m.rows[m.shown[m.pick.cursor]]
	room := max(m.ctx.Width-6, 10)
	out := []string{""}
	for _, l := range wrapWords("“"+strings.Join(strings.Fields(r.h.Text()), " ")+"”", room, 4) {
		out = append(out, "    "+l)
	}
	if r.h.Note != "" {
		for _, l := range wrapWords(st.Marks.Note+" "+r.h.Note, room, 2) {
			out = append(out, "    "+st.NoteMark.Render(l))
		}
	}
	return out
}

// count says how many highlights there are, and how many the filter
// shows.
func (m allHighlightsModel) count() string {
	if len(m.shown) == len(m.rows) {
		return plural(len(m.rows), "highlight")
	}
	return fmt.Sprintf("%d of %s", len(m.shown), plural(len(m.rows), "highlight"))
}
