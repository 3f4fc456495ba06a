package ui

import (
	"fmt"
	"strings"

	"cable/articles"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// contentsList is the table of contents over the text: every section of
// the article (in an article without headings, every paragraph, by its
// opening words), the one being read marked, the editor's note last and
// set apart. Enter or a click jumps to it.
type contentsList struct {
	ctx     *Context
	article *articles.Article
	outline outline
	list    pickList
	current int
}

func newContents(ctx *Context, a *articles.Article, o outline) contentsList {
	choose := "go to section"
	if o.byParagraph {
		choose = "go to paragraph"
	}
	p := newPickList(ctx, "Contents", choose, false)
	p.spaced = true
	p.keys.Close.SetKeys("esc", "t", "q")
	p.keys.Close.SetHelp("esc/t", "close")
	p.rows = len(o.stops)
	return contentsList{ctx: ctx, article: a, outline: o, list: p}
}

// at is the contents opened with the cursor on the stop being read.
func (c contentsList) at(current int) contentsList {
	c.current, c.list.cursor = current, current
	return c
}

// update moves the cursor; enter jumps to the stop under it.
func (c contentsList) update(msg tea.KeyMsg, _ frame) (overlay, readerAction) {
	switch c.list.update(msg) {
	case pickChoose:
		return nil, jumpTo(c.list.cursor)
	case pickClose:
		return nil, nil
	}
	return c, nil
}

// click jumps to the stop clicked on.
func (c contentsList) click(row int, f frame) (overlay, readerAction) {
	if i, ok := c.list.rowAt(c, row, f.height, f.width); ok {
		return nil, jumpTo(i)
	}
	return c, nil
}

func (c contentsList) view(f frame) []string { return c.list.view(c, f.height, f.width) }

// section is the section of row i.
func (c contentsList) section(i int) articles.Section {
	return c.article.Sections[c.outline.stops[i].pos.Section]
}

// apart sets the editor's note apart from the argument, and, in an
// article read by paragraph, the notes from the paragraphs.
func (c contentsList) apart(i int) bool {
	if c.outline.byParagraph && c.outline.stops[i].paragraph == 0 {
		return true
	}
	return c.section(i).Kind == articles.EditorsNote
}

// row is one entry: a mark for the stop being read, its number, its title
// (a paragraph's number and opening words) and, for an editor's note not
// titled as one, a label.
func (c contentsList) row(i, width int, selected bool) string {
	st := c.ctx.Styles
	mark := st.Marks.Current
	if i != c.current {
		mark = strings.Repeat(" ", ansi.StringWidth(mark))
	}
	label := ""
	s := c.section(i)
	if s.Kind == articles.EditorsNote && !articles.IsEditorsNoteTitle(s.Title) {
		label = "  " + st.NoteMark.Render("editor's note")
	}
	var text string
	if c.outline.byParagraph {
		text = mark + c.outline.name(c.article, i)
	} else {
		text = fmt.Sprintf("%s%2d  %s", mark, i+1, c.article.SectionTitle(i))
	}
	text = ansi.Truncate(text, max(width-16, 8), "…")
	switch {
	case selected:
		text = st.TOCCursor.Render(text)
	case i == c.current:
		text = st.TOCCurrent.Render(text)
	case s.Kind == articles.EditorsNote:
		text = st.NoteMark.Render(text)
	default:
		text = st.TOCItem.Render(text)
	}
	return text + label
}
