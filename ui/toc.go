package ui

import (
	"fmt"
	"strings"

	"cable/articles"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// tocModel is the table of contents: every section of the article, the one
// being read marked, the editor's note last and labelled as such.
type tocModel struct {
	ctx     *Context
	article *articles.Article
	keys    tocKeys
	help    help.Model
	cursor  int
	current int
}

func newTOC(ctx *Context, a *articles.Article) tocModel {
	h := help.New()
	h.Styles.ShortKey = ctx.Styles.Dim
	h.Styles.ShortDesc = ctx.Styles.Dim
	h.Styles.ShortSeparator = ctx.Styles.Dim
	return tocModel{ctx: ctx, article: a, keys: newTOCKeys(), help: h}
}

// open shows the contents with the cursor on the section being read.
func (t *tocModel) open(current int) {
	t.current, t.cursor = current, current
}

// update moves the cursor; it returns the section to jump to (or -1) and
// whether the contents should close.
func (t *tocModel) update(msg tea.KeyMsg) (jump int, closed bool) {
	last := len(t.article.Sections) - 1
	switch {
	case key.Matches(msg, t.keys.Down):
		t.cursor = min(t.cursor+1, last)
	case key.Matches(msg, t.keys.Up):
		t.cursor = max(t.cursor-1, 0)
	case key.Matches(msg, t.keys.Top):
		t.cursor = 0
	case key.Matches(msg, t.keys.Bottom):
		t.cursor = last
	case key.Matches(msg, t.keys.Jump):
		return t.cursor, true
	case key.Matches(msg, t.keys.Close):
		return -1, true
	}
	return -1, false
}

// view draws the contents in height lines, scrolled to keep the cursor in
// sight.
func (t tocModel) view(height, width int) []string {
	st := t.ctx.Styles
	indent := strings.Repeat(" ", leftMargin(width, TextWidth(width, t.ctx.Measure))+glamourMargin)
	lines := []string{indent + st.TOCTitle.Render("Contents"), ""}
	rows := max(height-len(lines)-3, 1) // title, gap before the note, help
	first := clamp(t.cursor-rows/2, 0, max(len(t.article.Sections)-rows, 0))
	for i := first; i < min(first+rows, len(t.article.Sections)); i++ {
		if t.article.Sections[i].Kind == articles.EditorsNote && i > first {
			lines = append(lines, "") // set apart from the argument
		}
		lines = append(lines, indent+t.row(i, width-len(indent)))
	}
	return append(lines, "", indent+t.help.ShortHelpView(t.keys.ShortHelp()))
}

// row is one entry: a mark for the section being read, its number, its
// title and, for the editor's note, a label.
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
	case i == t.cursor:
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
