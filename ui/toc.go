package ui

import (
	"fmt"
	"strings"

	"cable/articles"
	"cable/render"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// tocModel is the table of contents: every section of the article, the one
// being read marked, the editor's note last and set apart.
type tocModel struct {
	ctx     *Context
	article *articles.Article
	pick    pickList
	current int
}

func newTOC(ctx *Context, a *articles.Article) tocModel {
	p := newPickList(ctx, "go to section", false)
	p.keys.Close.SetKeys("esc", "t", "q")
	p.keys.Close.SetHelp("esc/t", "close")
	p.rows = len(a.Sections)
	return tocModel{ctx: ctx, article: a, pick: p}
}

// open shows the contents with the cursor on the section being read.
func (t *tocModel) open(current int) {
	t.current, t.pick.cursor = current, current
}

// update moves the cursor; it returns the section to jump to (or -1) and
// whether the contents should close.
func (t *tocModel) update(msg tea.KeyMsg) (jump int, closed bool) {
	switch t.pick.update(msg) {
	case pickChoose:
		return t.pick.cursor, true
	case pickClose:
		return -1, true
	}
	return -1, false
}

// view draws the contents in height lines.
func (t tocModel) view(height, width int) []string {
	lines, _ := t.layout(height, width)
	return lines
}

// layout draws the contents and says which section each line is (-1 for
// none), for clicks.
func (t tocModel) layout(height, width int) ([]string, []int) {
	indent := strings.Repeat(" ", leftMargin(width, render.TextWidth(width, t.ctx.Measure))+glamourMargin)
	lines := []string{indent + t.ctx.Styles.TOCTitle.Render("Contents"), ""}
	owners := []int{-1, -1}
	first, end := t.pick.window(height - len(lines) - 3) // title, gap before the note, help
	for i := first; i < end; i++ {
		if t.article.Sections[i].Kind == articles.EditorsNote && i > first {
			lines = append(lines, "") // set apart from the argument
			owners = append(owners, -1)
		}
		lines = append(lines, indent+t.row(i, width-len(indent)))
		owners = append(owners, i)
	}
	return append(lines, "", indent+t.pick.helpLine()), owners
}

// row is one entry: a mark for the section being read, its number, its
// title and, for an editor's note not titled as one, a label.
func (t tocModel) row(i, width int) string {
	st := t.ctx.Styles
	mark := "  "
	if i == t.current {
		mark = "› "
	}
	label := ""
	if s := t.article.Sections[i]; s.Kind == articles.EditorsNote && !articles.IsEditorsNoteTitle(s.Title) {
		label = "  " + st.NoteMark.Render("editor's note")
	}
	text := ansi.Truncate(fmt.Sprintf("%s%2d  %s", mark, i+1, t.article.SectionTitle(i)), max(width-16, 8), "…")
	switch {
	case i == t.pick.cursor:
		text = st.TOCCursor.Render(text)
	case i == t.current:
		text = st.TOCCurrent.Render(text)
	case t.article.Sections[i].Kind == articles.EditorsNote:
		text = st.NoteMark.Render(text)
	default:
		text = st.TOCItem.Render(text)
	}
	return text + label
}
