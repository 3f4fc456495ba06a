package ui

import (
	"strconv"
	"strings"

	"cable/articles"
	"cable/render"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// footnotePeek shows the footnotes whose markers are on screen in a box
// over the lower part of the text, so that the note and the sentence
// pointing to it are read together and the place does not move. Notes run
// longer than the box scroll inside it.
type footnotePeek struct {
	ctx   *Context
	keys  peekKeys
	notes []articles.Footnote
	first int // the first line of the notes shown, when they overflow
	// markerRow is the lowest row of the text area with a marker; the box
	// stands at the top instead of the bottom when it would hide it.
	markerRow int
}

// peekKeys scroll the notes and close the box; they follow the reader's
// own keys as the configuration binds them.
type peekKeys struct {
	Down, Up, Close key.Binding
}

func newPeekKeys(reader readerKeys) peekKeys {
	closing := append(append([]string(nil), reader.Footnote.Keys()...), "esc", "q")
	return peekKeys{
		Down:  reader.Down,
		Up:    reader.Up,
		Close: key.NewBinding(key.WithKeys(closing...), key.WithHelp(reader.Footnote.Help().Key+"/esc", "close")),
	}
}

// visibleFootnotes are the notes with a marker on the lines from top to
// top+height of doc, in order of their numbers, and the lowest screen row
// a marker is on.
func visibleFootnotes(a *articles.Article, doc *render.Document, top, height int) ([]articles.Footnote, int) {
	var out []articles.Footnote
	lowest := -1
	for _, f := range a.Footnotes {
		seen := false
		for _, ref := range f.Refs {
			if line := doc.LineOf(ref); line >= top && line < top+height {
				lowest = max(lowest, line-top)
				if !seen {
					out = append(out, f)
					seen = true
				}
			}
		}
	}
	return out, lowest
}

// peekHeight is the most lines the box takes: half the text area, so the
// marker above stays in view, but never fewer than one line of a note.
func peekHeight(body int) int { return max(body/2, min(body, 3)) }

// lines wraps the notes to fit inside a box width columns wide.
func (p footnotePeek) lines(width int) []string {
	inner := max(width-4, 1) // border and padding
	var out []string
	for i, f := range p.notes {
		if i > 0 {
			out = append(out, "")
		}
		text := "[" + strconv.Itoa(f.Number) + "] " + f.Text
		out = append(out, strings.Split(ansi.Wrap(text, inner, " "), "\n")...)
	}
	return out
}

// box is the box, at most height lines, width columns wide.
func (p footnotePeek) box(width, height int) []string {
	inner := max(width-4, 1)
	all := p.lines(width)
	room := max(height-2, 1)
	first := clamp(p.first, 0, max(len(all)-room, 0))
	shown := all[first:min(first+room, len(all))]
	if len(all) > room {
		hint := p.ctx.Styles.Dim.Render("j/k for more")
		last := len(shown) - 1
		shown[last] = ansi.Truncate(shown[last], max(inner-ansi.StringWidth(hint)-1, 0), "…") + " " + hint
	}
	box := p.ctx.Styles.Peek.Width(inner + 2).Render(strings.Join(shown, "\n"))
	return strings.Split(box, "\n")
}

// scroll moves the notes in the box by delta lines.
func (p *footnotePeek) scroll(delta, width, height int) {
	p.first = clamp(p.first+delta, 0, max(len(p.lines(width))-max(height-2, 1), 0))
}

// openPeek shows the notes marked on screen, or says there are none.
func (m *readerModel) openPeek() tea.Cmd {
	notes, row := visibleFootnotes(m.article, m.doc, m.top, m.bodyHeight())
	if len(notes) == 0 {
		return m.say("No footnote marker on screen; the notes are in %q.", m.article.SectionTitle(m.notesSection()))
	}
	m.overlay = footnotePeek{ctx: m.ctx, keys: newPeekKeys(m.keys), notes: notes, markerRow: row}
	return nil
}

// notesSection is the section that gathers the footnotes.
func (m *readerModel) notesSection() int {
	for i, s := range m.article.Sections {
		if s.Kind == articles.Notes {
			return i
		}
	}
	return len(m.article.Sections) - 1
}

// update scrolls the box or closes it; any other key closes it and acts
// as it would on the text, so the peek never gets in the way of reading.
func (p footnotePeek) update(msg tea.KeyMsg, f frame) (overlay, readerAction) {
	width, height := peekSize(f)
	switch {
	case key.Matches(msg, p.keys.Down):
		p.scroll(1, width, height)
	case key.Matches(msg, p.keys.Up):
		p.scroll(-1, width, height)
	case key.Matches(msg, p.keys.Close):
		return nil, nil
	default:
		return nil, func(r readerModel) (readerModel, tea.Cmd) { return r.handleKey(msg) }
	}
	return p, nil
}

// peekSize is the box's width and greatest height: the text's own width,
// inside Glamour's margins, and part of the text area's height.
func peekSize(f frame) (int, int) {
	return max(min(f.textWidth, f.width)-2*glamourMargin, 8), peekHeight(f.height)
}

// view draws the box over the bottom of the text, or over the top when a
// marker is in the bottom rows it would cover.
func (p footnotePeek) view(f frame) []string {
	width, height := peekSize(f)
	box := p.box(width, height)
	indent := strings.Repeat(" ", f.indent)
	out := f.text()
	for len(out) < f.height {
		out = append(out, "")
	}
	start := len(out) - len(box)
	if p.markerRow >= start {
		start = 0
	}
	for i, row := range box {
		if start+i < 0 {
			continue
		}
		left := ansi.Truncate(out[start+i], len(indent), "")
		left += strings.Repeat(" ", max(len(indent)-ansi.StringWidth(left), 0))
		out[start+i] = left + row
	}
	return out
}
