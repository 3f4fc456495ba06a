package ui

import (
	"fmt"

	"cable/articles"

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
	p := newPickList(ctx, "Contents", "go to section", false)
	p.spaced = true
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
func (t tocModel) view(height, width int) []string { return t.pick.view(t, height, width) }

// layout draws the contents and says which section each line is (-1 for
// none), for clicks.
func (t tocModel) layout(height, width int) ([]string, []int) { return t.pick.layout(t, height, width) }

// apart sets the editor's note apart from the argument.
func (t tocModel) apart(i int) bool { return t.article.Sections[i].Kind == articles.EditorsNote }

// row is one entry: a mark for the section being read, its number, its
// title and, for an editor's note not titled as one, a label.
func (t tocModel) row(i, width int, selected bool) string {
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
	case selected:
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
