package ui

import (
	"fmt"
	"strings"

	"cable/articles"
	"cable/render"

	"github.com/charmbracelet/x/ansi"
)

// headerHeight is how many lines the reader's header takes: the title,
// wrapped (titleLines), and, when there is room, the byline and a blank
// line under it, the subtitle over the byline on a tall screen, and the
// notice of an article that is only its summary.
func (m readerModel) headerHeight() int {
	title := len(m.titleLines())
	n := title + 2
	switch {
	case m.ctx.Height < 10:
		return 1
	case m.ctx.Height < 16:
		n = title + 1
	case m.ctx.Height >= 20 && m.article.Meta.Subtitle != "":
		n = title + 3
	}
	if m.article.Meta.SummaryOnly {
		n++
	}
	return n
}

// maxTitleLines is how many lines the title may take on a screen height
// rows high: one where the header is the title alone, two on a short
// screen, three on others. A longer title is cut between words.
func maxTitleLines(height int) int {
	switch {
	case height < 10:
		return 1
	case height < 16:
		return 2
	}
	return 3
}

// titleLines are the article's title wrapped to the header's room.
func (m readerModel) titleLines() []string {
	return wrapWords(m.article.Meta.Title, m.headerRoom(), maxTitleLines(m.ctx.Height))
}

// headerRoom is the columns the header's lines may take: from where the
// text starts to the edge of the screen.
func (m readerModel) headerRoom() int { return max(m.ctx.Width-m.textIndent(), 1) }

// summaryNotice says, under the title of an article that is only what a
// feed carried, that it is so and how to get the whole.
func summaryNotice(m articles.Meta) string {
	if m.URL == "" {
		return "Summary only: the page could not be fetched."
	}
	return "Summary only; the page could not be fetched. L gives its address."
}

// bodyHeight is how many lines of text fit between header and status line.
func (m readerModel) bodyHeight() int {
	return max(m.ctx.Height-m.headerHeight()-1, 1)
}

func (m readerModel) view() string {
	if m.ctx.tooSmall() {
		return tooSmallView(m.ctx)
	}
	var body []string
	switch {
	case m.renders.err != nil:
		body = []string{m.ctx.Styles.Error.Render("Could not render this article: " + m.renders.err.Error())}
	case m.doc == nil:
		body = []string{m.ctx.Styles.Dim.Render("Rendering…")}
	case m.display.help:
		body = m.helpLines(m.bodyHeight())
	case m.overlay != nil:
		// What stands over the text stands where the text does, and the
		// side contents stay.
		body = m.besidePane(m.overlay.view(m.frame()))
	default:
		body = m.besidePane(m.textBody())
	}
	body = fitLines(body, m.bodyHeight(), m.ctx.Width)
	status := m.statusLines()
	if len(status) == 2 {
		// A message too long for the status line takes the line over it
		// too, for as long as it shows.
		body[len(body)-1], status = status[0], status[1:]
	}
	lines := append(m.header(), body...)
	return strings.Join(append(lines, status...), "\n")
}

// textIndent is where the text's first column stands: the centring margin
// plus Glamour's own document margin, so the header lines up with the text.
func (m readerModel) textIndent() int {
	room := m.textRoom()
	return m.sidePaneWidth() + leftMargin(room, render.TextWidth(room, m.ctx.Measure)) + glamourMargin
}

// glamourMargin is the left margin of Glamour's dark, light and notty
// styles.
const glamourMargin = render.Margin

func (m readerModel) header() []string {
	indent := strings.Repeat(" ", m.textIndent())
	room := m.headerRoom()
	var lines []string
	for _, l := range m.titleLines() {
		lines = append(lines, indent+m.ctx.Styles.Title.Render(l))
	}
	if m.headerHeight() == 1 {
		return lines[:1]
	}
	if m.ctx.Height >= 20 && m.article.Meta.Subtitle != "" {
		lines = append(lines, indent+m.ctx.Styles.Subtitle.Render(cutWords(m.article.Meta.Subtitle, room)))
	}
	lines = append(lines, indent+m.ctx.Styles.Byline.Render(headerByline(m.article.Meta, room)))
	if m.article.Meta.SummaryOnly {
		lines = append(lines, indent+m.ctx.Styles.Error.Render(cutWords(summaryNotice(m.article.Meta), room)))
	}
	return append(lines, "")[:m.headerHeight()]
}

// textBody is the part of the rendered article on screen, centred in the
// text's room.
func (m readerModel) textBody() []string { return m.textArea().lines() }

// textArea is what drawing the text on screen takes: a few words, where
// a copy of the whole reader is many kilobytes, so that an overlay can
// keep it at hand to draw the text under itself.
type textArea struct {
	ctx    *Context
	doc    *render.Document
	top    int
	height int
	room   int // the columns the text is centred in
	find   finder
	urls   [][]string
	highs  []shownHighlight
	sel    selection
}

func (m readerModel) textArea() textArea {
	return textArea{ctx: m.ctx, doc: m.doc, top: m.top, height: m.bodyHeight(), room: m.textRoom(), find: m.find, urls: m.renders.urls,
		highs: m.highs, sel: m.sel}
}

// lines are the text's lines on screen, with the highlights, the
// selection and the search's matches drawn over them and, where the terminal follows them, links as hyperlinks.
func (t textArea) lines() []string {
	end := min(t.top+t.height, len(t.doc.Lines))
	margin := strings.Repeat(" ", leftMargin(t.room, t.doc.Options.Width))
	p := newPainter(append([]string(nil), t.doc.Lines[t.top:end]...), t.top)
	t.paintHighlights(p)
	t.find.paint(p, t.ctx.Styles)
	lines := p.done()
	for i := range lines {
		switch {
		case !t.ctx.Hyperlinks:
		case t.doc.HasLinkSpans():
			lines[i] = t.doc.HyperlinkLine(t.top+i, lines[i])
		default:
			lines[i] = render.LinkLine(lines[i], t.urls[t.doc.SectionAt(t.top+i)])
		}
		lines[i] = margin + lines[i]
	}
	return lines
}

// besidePane sets lines drawn for the text's room beside the side
// contents, when they are shown.
func (m readerModel) besidePane(lines []string) []string {
	pane := m.sidePaneWidth()
	if pane == 0 {
		return lines
	}
	return besideEachOther(m.sidePane(pane), lines, pane, m.bodyHeight())
}

// sideTOCMinWidth is the narrowest terminal the side contents stand in:
// a pane of sidePane columns and an 80-column text beside it. A wider
// terminal gives the pane what the text's measure leaves, up to
// widestSidePane, so that long section titles are cut less.
const (
	sideTOCMinWidth = 120
	sidePane        = 32
	widestSidePane  = 48
)

// sideTOCFits reports whether a terminal of width columns has room for
// the side contents; where it has none, "T" is switched off and left out
// of the help, and pressing it says why.
func sideTOCFits(width int) bool { return width >= sideTOCMinWidth }

// sidePaneWidth is the width the side contents take, or 0 when hidden.
func (m readerModel) sidePaneWidth() int {
	if !m.display.sideTOC || m.ctx.Width < sideTOCMinWidth {
		return 0
	}
	if m.ctx.Measure <= 0 {
		return sidePane // the text takes all the room there is
	}
	spare := m.ctx.Width - m.ctx.Measure - 2*glamourMargin - sideGap
	return max(sidePane, min(spare, widestSidePane))
}

// sideGap is the least space between the side contents and the text.
const sideGap = 4

// textRoom is the columns the text may use: the terminal less the side
// contents.
func (m readerModel) textRoom() int { return m.ctx.Width - m.sidePaneWidth() }

// besideEachOther sets left and right side by side in height lines, the
// left part padded to width.
func besideEachOther(left, right []string, width, height int) []string {
	out := make([]string, height)
	for i := range out {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		l = ansi.Truncate(l, width, "")
		out[i] = l + strings.Repeat(" ", max(width-ansi.StringWidth(l), 0)) + r
	}
	return out
}

// fitLines makes exactly height lines, none wider than width: missing lines
// are blank and long ones are cut, so nothing wraps in the terminal.
func fitLines(lines []string, height, width int) []string {
	out := make([]string, height)
	for i := range out {
		if i < len(lines) {
			out[i] = ansi.Truncate(lines[i], width, "")
		}
	}
	return out
}

// tooSmallView is shown instead of any screen in a tiny terminal.
func tooSmallView(ctx *Context) string {
	msg := fmt.Sprintf("Terminal too small: cable needs %d×%d.", minWidth, minHeight)
	lines := strings.Split(ansi.Wrap(msg, max(ctx.Width, 1), ""), "\n")
	return strings.Join(fitLines(lines, max(ctx.Height, 1), max(ctx.Width, 1)), "\n")
}
