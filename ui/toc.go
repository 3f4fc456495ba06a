package ui

import (
	"fmt"
	"strings"

	"cable/articles"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// contentsList is the table of contents over the text: every section of
// the article, the one being read marked, the editor's note last and set
// apart. Enter or a click jumps to a section.
type contentsList struct {
	ctx     *Context
	article *articles.Article
	list    pickList
	current int
}

func newContents(ctx *Context, a *articles.Article) contentsList {
	p := newPickList(ctx, "Contents", "go to section", false)
	p.spaced = true
	p.keys.Close.SetKeys("esc", "t", "q")
	p.keys.Close.SetHelp("esc/t", "close")
	p.rows = len(a.Sections)
	return contentsList{ctx: ctx, article: a, list: p}
}

// at is the contents opened with the cursor on the section being read.
func (c contentsList) at(current int) contentsList {
	c.current, c.list.cursor = current, current
	return c
}

// update moves the cursor; enter jumps to the section under it.
func (c contentsList) update(msg tea.KeyMsg, _ frame) (overlay, readerAction) {
	switch c.list.update(msg) {
	case pickChoose:
		return nil, jumpTo(c.list.cursor)
	case pickClose:
		return nil, nil
	}
	return c, nil
}

// click jumps to the section clicked on.
func (c contentsList) click(row int, f frame) (overlay, readerAction) {
	if i, ok := c.list.rowAt(c, row, f.height, f.width); ok {
		return nil, jumpTo(i)
	}
	return c, nil
}

func (c contentsList) view(f frame) []string { return c.list.view(c, f.height, f.width) }

// apart sets the editor's note apart from the argument.
func (c contentsList) apart(i int) bool { return c.article.Sections[i].Kind == articles.EditorsNote }

// row is one entry: a mark for the section being read, its number, its
// title and, for an editor's note not titled as one, a label.
func (c contentsList) row(i, width int, selected bool) string {
	st := c.ctx.Styles
	mark := st.Marks.Current
	if i != c.current {
		mark = strings.Repeat(" ", ansi.StringWidth(mark))
	}
	label := ""
	if s := c.article.Sections[i]; s.Kind == articles.EditorsNote && !articles.IsEditorsNoteTitle(s.Title) {
		label = "  " + st.NoteMark.Render("editor's note")
	}
	text := ansi.Truncate(fmt.Sprintf("%s%2d  %s", mark, i+1, c.article.SectionTitle(i)), max(width-16, 8), "…")
	switch {
	case selected:
		text = st.TOCCursor.Render(text)
	case i == c.current:
		text = st.TOCCurrent.Render(text)
	case c.article.Sections[i].Kind == articles.EditorsNote:
		text = st.NoteMark.Render(text)
	default:
		text = st.TOCItem.Render(text)
	}
	return text + label
}
