package ui

import (
	"encoding/base64"
	"fmt"
	"io"
	"net/url"
	"os/exec"
	"runtime"

	"cable/articles"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// linksModel lists every link of the article, numbered; enter opens one
// in the browser, or copies it when there is no browser to open.
type linksModel struct {
	ctx     *Context
	article *articles.Article
	links   []articles.Link
	section []int // the section of each link
	pick    pickList
}

func newLinks(ctx *Context, a *articles.Article) linksModel {
	m := linksModel{ctx: ctx, article: a, pick: newPickList(ctx, "Links", "open", false)}
	for i, s := range a.Sections {
		for _, l := range s.Links {
			m.links = append(m.links, l)
			m.section = append(m.section, i)
		}
	}
	m.pick.rows = len(m.links)
	return m
}

// view draws the links in height lines.
func (m linksModel) view(height, width int) []string { return m.pick.view(m, height, width) }

// row is one link: its number, text, address and section.
func (m linksModel) row(i, width int, selected bool) string {
	l := m.links[i]
	row := fmt.Sprintf("%2d  %s  %s  §%d", i+1, l.Text, l.URL, m.section[i]+1)
	row = ansi.Truncate(row, max(width, 8), "…")
	if selected {
		row = m.ctx.Styles.TOCCursor.Render(row)
	}
	return row
}

func (m linksModel) apart(int) bool { return false }

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
