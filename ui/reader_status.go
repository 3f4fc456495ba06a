package ui

import (
	"fmt"
	"strings"

	"cable/articles"

	"github.com/charmbracelet/x/ansi"
)

// statusLines are the status line: it reads "§3/8 Section title · 42% ·
// 6 min left" ("§3.2/8 Its title" in a sub-section; in an article
// without headings, "¶4/11 · 42% · 2 min left"), with a passing message
// or a reminder of the keys on the right.
// A message is never cut between two words while it can be said whole:
// one too long to stand beside the place takes the whole line for as
// long as it shows, and one too long for a line takes two, the line over
// the status line too, where the text has lines to spare. Only a screen
// too narrow for two lines of it cuts it, between words, with "…".
func (m readerModel) statusLines() []string {
	if p, ok := m.overlay.(prompt); ok {
		return []string{p.promptView(m.ctx.Width)}
	}
	width, style := m.ctx.Width, m.ctx.Styles.Status
	left := m.progress()
	if m.sel.on {
		// While a passage is chosen, where it starts, short enough to
		// leave room for the keys that shape it.
		left = "Selecting from " + m.outline.placeName(m.sel.blocks[m.sel.first])
	}
	msg := m.status.text
	if msg == "" {
		msg = m.findStatus()
	}
	if msg == "" || besideFits(left, msg, width) {
		if msg == "" {
			msg = m.keyReminder(statusRoom(left, width))
		}
		return []string{style.Render(statusLayout(left, msg, width))}
	}
	room := max(width-2, 1) // a space either side
	lines := []string{cutWords(msg, room)}
	if ansi.StringWidth(msg) > room && m.bodyHeight() >= minBodyUnderMessage {
		lines = wrapWords(msg, room, 2)
	}
	for i, l := range lines {
		lines[i] = style.Render(" " + l + strings.Repeat(" ", max(width-1-ansi.StringWidth(l), 0)))
	}
	return lines
}

// minBodyUnderMessage is the fewest lines of text a two-line message
// leaves room for: on a shorter screen it is cut to one.
const minBodyUnderMessage = 3

// statusRoom is the columns the status line leaves beside the place
// for a message or the keys.
func statusRoom(left string, width int) int {
	const gap = 2 // at least two spaces between the parts, one after
	return width - ansi.StringWidth(" "+left) - gap - 1
}

// besideFits reports whether msg stands whole beside the place.
func besideFits(left, msg string, width int) bool {
	return ansi.StringWidth(msg) <= statusRoom(left, width)
}

// keyReminder is the reader's main keys as fit in room columns: those
// that do not fit are left out, the help's key last, so that a key's
// name is never cut from what it does.
func (m readerModel) keyReminder(room int) string {
	keys := m.keys.ShortHelp()
	if m.sel.on {
		keys = m.keys.selectionReminder()
	}
	return ansi.Strip(fitKeys(m.status.help, keys, room))
}

// progress is the left part of the status line.
func (m readerModel) progress() string {
	if m.doc == nil {
		return ""
	}
	sec := m.currentSection()
	title := m.article.SectionTitle(sec)
	if m.article.Sections[sec].Kind == articles.EditorsNote && !articles.IsEditorsNoteTitle(title) {
		title += " (editor's note)"
	}
	if m.doc.Partial {
		// Only the first screen is rendered: how far along that is, and
		// what is left to read, are not known yet.
		return fmt.Sprintf("%s · rendering…", title)
	}
	pct := percentRead(m.top, m.bodyHeight(), len(m.doc.Lines))
	left := "end"
	if pct < 100 {
		words := m.article.Words() * (100 - pct) / 100
		left = fmt.Sprintf("%d min left", max(articles.MinutesAt(words, m.ctx.WordsPerMinute), 1))
	}
	if m.outline.byParagraph {
		// An article without headings: the paragraph, or the notes or
		// editor's note after them, which have no number among them.
		place := title
		if s := m.outline.stops[m.currentStop()]; s.paragraph > 0 {
			place = fmt.Sprintf("¶%d/%d", s.paragraph, m.outline.paragraphs)
		}
		return fmt.Sprintf("%s · %d%% · %s", place, pct, left)
	}
	number := fmt.Sprint(sec + 1)
	if j := m.outline.subAt(m.doc, m.top); j >= 0 {
		// Inside a sub-section: "§3.2/8 Its title".
		number, title = m.outline.subs[j].number, m.outline.subs[j].title
	}
	return fmt.Sprintf("§%s/%d %s · %d%% · %s", number, len(m.doc.SectionStart), title, pct, left)
}

// percentRead is where the view is in the rendering: the share of its
// lines down to the bottom of the view, the notes and the editor's note
// included. It is the status line's; what the reader has read is the
// coverage of the text (see readerModel.reading).
func percentRead(top, height, total int) int {
	if total <= 0 || top+height >= total {
		return 100
	}
	return (top + height) * 100 / total
}

// statusLayout sets left and right text in one line of width columns:
// the right part when it fits whole, or cut between words; the left
// part cut, between words, only when it alone is too long.
func statusLayout(left, right string, width int) string {
	left = " " + left
	lw := ansi.StringWidth(left)
	if lw >= width {
		return cutWords(left, width)
	}
	room := statusRoom(left[1:], width)
	if room < 4 || right == "" {
		return left + strings.Repeat(" ", width-lw)
	}
	right = cutWords(right, room) + " "
	return left + strings.Repeat(" ", width-lw-ansi.StringWidth(right)) + right
}
