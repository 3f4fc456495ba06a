package ui

import (
	"encoding/base64"
	"fmt"
	"io"
	"net/url"
	"os/exec"
	"runtime"

	"cable/articles"
	"cable/render"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// linksList lists every link of the article, numbered, with its section;
// enter opens one in the browser, or copies it when there is no browser to
// open. The reader keeps the list while it is closed, so that it opens
// again where it was left.
type linksList struct {
	ctx     *Context
	links   []articles.Link
	section []int // the section of each link
	// shown marks the links whose text is on screen as the list opens:
	// the one the reader is looking at is usually among them.
	shown []bool
	list  pickList
}

func newLinks(ctx *Context, a *articles.Article) linksList {
	m := linksList{ctx: ctx, list: newPickList(ctx, "Links", "open", false)}
	for i, s := range a.Sections {
		for _, l := range s.Links {
			m.links = append(m.links, l)
			m.section = append(m.section, i)
		}
	}
	if a.Meta.URL != "" {
		// Last, so that the text's link numbers stay the list's.
		m.links = append(m.links, articles.Link{Text: pageLinkText(a.Meta), URL: a.Meta.URL})
		m.section = append(m.section, pageSection)
	}
	m.list.rows = len(m.links)
	return m
}

// pageSection is the section of the list's last row, the article's own
// page, which stands in no section.
const pageSection = -1

// pageLinkText names the article's own page in the list of links.
func pageLinkText(m articles.Meta) string {
	if m.SummaryOnly {
		return "the whole article"
	}
	return "this article's page"
}

// at is the list as it opens over the text from line top, height lines
// of doc: the links on screen marked, and the cursor on the first of them
// unless it is on one already. The numbers stay the article's, as the
// text shows them when links are numbered.
func (m linksList) at(doc *render.Document, top, height int) linksList {
	m.shown = make([]bool, len(m.links))
	if doc == nil {
		return m
	}
	first := -1
	for i, l := range m.links {
		if m.section[i] == pageSection {
			continue
		}
		line := doc.LineOf(articles.Position{Section: m.section[i], Block: l.Block, Offset: max(l.End-1, 0)})
		if m.shown[i] = line >= top && line < top+height; m.shown[i] && first < 0 {
			first = i
		}
	}
	if first >= 0 && !m.shown[m.list.cursor] {
		m.list.cursor = first
	}
	return m
}

// update moves the cursor; enter opens or copies the link under it.
func (m linksList) update(msg tea.KeyMsg, f frame) (overlay, readerAction) {
	switch m.list.update(msg, m.list.inSight(f.height)) {
	case pickClose:
		return nil, m.keep(nil)
	case pickChoose:
		if len(m.links) == 0 {
			return nil, m.keep(nil)
		}
		link := m.links[m.list.cursor].URL
		return nil, m.keep(func(r readerModel) (readerModel, tea.Cmd) { return r, openLinkCmd(link, r.ctx.Output) })
	}
	return m, nil
}

// keep hands the closed list back to the reader, then does then.
func (m linksList) keep(then readerAction) readerAction {
	return func(r readerModel) (readerModel, tea.Cmd) {
		r.lists.links = m
		if then == nil {
			return r, nil
		}
		return then(r)
	}
}

func (m linksList) view(f frame) []string { return m.list.view(m, f.height, f.width) }

// row is one link: its number, text, address and section.
func (m linksList) row(i, width int, selected bool) string {
	l := m.links[i]
	mark := "  "
	if i < len(m.shown) && m.shown[i] {
		mark = "▸ "
	}
	row := fmt.Sprintf("%s%2d  %s  %s", mark, i+1, l.Text, l.URL)
	switch {
	case m.section[i] == pageSection: // no number: the text has none for it
		row = fmt.Sprintf("%s    %s  (%s)", mark, l.URL, l.Text)
	case l.Bare: // its text is its address: once is enough
		row = fmt.Sprintf("%s%2d  %s", mark, i+1, l.URL)
	}
	section := fmt.Sprintf("  §%d", m.section[i]+1)
	if m.section[i] == pageSection {
		section = ""
	}
	row = withSection(row, section, max(width, 8))
	if selected {
		row = m.ctx.Styles.TOCCursor.Render(row)
	}
	return row
}

// withSection ends a row with its section, cutting the row's text (a long
// address, most often) rather than the section, which would otherwise be
// the first thing lost on a narrow screen. A width too small for both
// cuts the whole.
func withSection(row, section string, width int) string {
	room := width - ansi.StringWidth(section)
	if room < 8 {
		return ansi.Truncate(row+section, width, "…")
	}
	return ansi.Truncate(row, room, "…") + section
}

func (m linksList) apart(int) bool { return false }

// noticeMsg is a word for the status line from a command.
type noticeMsg struct{ text string }

// openLinkCmd opens a web or mail address with the system's opener. Any
// other address, or one on a system without an opener, is copied to the
// clipboard with OSC 52 instead: cable never hands a file or an unknown
// scheme from an article to a program.
func openLinkCmd(link string, out io.Writer) tea.Cmd {
	return func() tea.Msg {
		if name := opener(runtime.GOOS, exec.LookPath); name != "" && safeToOpen(link) {
			if err := exec.Command(name, link).Start(); err == nil {
				return noticeMsg{"Opened " + link}
			}
		}
		if out == nil {
			return noticeMsg{"Cannot open or copy " + link}
		}
		fmt.Fprint(out, osc52(link))
		return noticeMsg{"Copied to the clipboard: " + link}
	}
}

// opener is the program that opens addresses on this system, or "".
func opener(goos string, lookPath func(string) (string, error)) string {
	candidates := []string{"xdg-open", "wslview"}
	if goos == "darwin" {
		candidates = []string{"open"}
	}
	for _, c := range candidates {
		if _, err := lookPath(c); err == nil {
			return c
		}
	}
	return ""
}

// safeToOpen allows web and mail addresses only.
func safeToOpen(link string) bool {
	u, err := url.Parse(link)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "mailto")
}

// osc52 is the sequence that asks the terminal to put text on the
// clipboard.
func osc52(text string) string {
	return "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(text)) + "\x07"
}
