package ui

import (
	"fmt"
	"strings"

	"cable/articles"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// contentsList is the table of contents over the text: every section of
// the article (in an article without headings, every paragraph, by its
// opening words), each with its sub-sections indented under it, the one
// being read marked, the editor's note last and set apart. Enter or a
// click jumps to it. A list longer than the room it has opens folded:
// only the sub-sections of the section being read are listed, and z
// lists them all (z again folds them to the section under the cursor).
type contentsList struct {
	ctx     *Context
	article *articles.Article
	outline outline
	list    pickList
	current entry   // the place being read
	rows    []entry // what the list shows, folded or not
	folded  bool
}

// entry is one row of the contents, over the text or beside it: a stop
// of the outline (a section, or a paragraph), or, when sub is 0 or
// more, one of its section's sub-sections.
type entry struct{ stop, sub int }

// noEntry is no row: a line of a list that shows none.
var noEntry = entry{stop: -1, sub: -1}

func newContents(ctx *Context, a *articles.Article, o outline) contentsList {
	choose := "go to section"
	if o.byParagraph {
		choose = "go to paragraph"
	}
	p := newPickList(ctx, "Contents", choose, false)
	p.spaced = true
	p.counted = len(o.subs) > 0
	p.keys.Close.SetKeys("esc", "t", "q")
	p.keys.Close.SetHelp("esc/t", "close")
	c := contentsList{ctx: ctx, article: a, outline: o, list: p}
	return c.show(o.entries(false, 0))
}

// contentsRoom is how many rows the contents have room for in a text
// area height lines high: less the title, the blank lines and the help.
func contentsRoom(height int) int { return height - 5 }

// at is the contents opened with the cursor on the place being read,
// folded when every row would not fit in height lines.
func (c contentsList) at(current entry, height int) contentsList {
	c.current = current
	all := c.outline.entries(false, 0)
	c.folded = len(all) > contentsRoom(height) && len(c.outline.subs) > 0
	if c.folded {
		all = c.outline.entries(true, c.outline.section(current))
	}
	c = c.show(all)
	c.list.cursor = entryRow(c.rows, current)
	return c
}

// show makes rows the list's rows, and z's help say what it will do.
func (c contentsList) show(rows []entry) contentsList {
	c.rows, c.list.rows = rows, len(rows)
	c.list.keys.Fold.SetEnabled(len(c.outline.subs) > 0)
	desc := "fold"
	if c.folded {
		desc = "all sub-sections"
	}
	c.list.keys.Fold.SetHelp(c.list.keys.Fold.Help().Key, desc)
	return c
}

// update moves the cursor; enter jumps to the row under it, and z folds
// or unfolds the sub-sections, keeping the cursor on its row (or, folded
// away, on its section's).
func (c contentsList) update(msg tea.KeyMsg, f frame) (overlay, readerAction) {
	if len(c.rows) == 0 {
		if c.list.update(msg, c.list.inSight(f.height)) == pickNothing {
			return c, nil
		}
		return nil, nil // nothing to go to: enter closes, as esc does
	}
	if key.Matches(msg, c.list.keys.Fold) {
		at := c.rows[c.list.cursor]
		c.folded = !c.folded
		c = c.show(c.outline.entries(c.folded, c.outline.section(at)))
		c.list.cursor = entryRow(c.rows, at)
		return c, nil
	}
	switch c.list.update(msg, c.list.inSight(f.height)) {
	case pickChoose:
		return nil, jumpToEntry(c.rows[c.list.cursor])
	case pickClose:
		return nil, nil
	}
	return c, nil
}

// click jumps to the row clicked on.
func (c contentsList) click(row int, f frame) (overlay, readerAction) {
	if i, ok := c.list.rowAt(c, row, f.height, f.width); ok {
		return nil, jumpToEntry(c.rows[i])
	}
	return c, nil
}

func (c contentsList) view(f frame) []string { return c.list.view(c, f.height, f.width) }

// section is the section of row i.
func (c contentsList) section(i int) articles.Section {
	return c.article.Sections[c.outline.section(c.rows[i])]
}

// apart sets the editor's note apart from the argument, and, in an
// article read by paragraph, the notes from the paragraphs.
func (c contentsList) apart(i int) bool {
	e := c.rows[i]
	if e.sub >= 0 {
		return false
	}
	if c.outline.byParagraph && c.outline.stops[e.stop].paragraph == 0 {
		return true
	}
	return c.section(i).Kind == articles.EditorsNote
}

// row is one entry: a mark for the place being read, its number, its
// title (a paragraph's number and opening words; a sub-section indented
// under its section) and, for an editor's note not titled as one, a
// label; a folded section says how many sub-sections it hides.
func (c contentsList) row(i, width int, selected bool) string {
	st := c.ctx.Styles
	e := c.rows[i]
	mark := st.Marks.Current
	if e != c.current {
		mark = strings.Repeat(" ", ansi.StringWidth(mark))
	}
	label := ""
	s := c.section(i)
	if e.sub < 0 && s.Kind == articles.EditorsNote && !articles.IsEditorsNoteTitle(s.Title) {
		label = "  " + st.NoteMark.Render("editor's note")
	}
	if c.folded && e.sub < 0 && !c.open(c.outline.section(e)) {
		if from, to := c.outline.subsOf(c.outline.section(e)); to > from && !c.outline.byParagraph {
			label = "  " + st.Dim.Render(fmt.Sprintf("+%d", to-from))
		}
	}
	text := mark + c.outline.entryName(c.article, e, false)
	text = ansi.Truncate(text, max(width-16, 8), "…")
	switch {
	case selected:
		text = st.TOCCursor.Render(text)
	case e == c.current:
		text = st.TOCCurrent.Render(text)
	case s.Kind == articles.EditorsNote:
		text = st.NoteMark.Render(text)
	default:
		text = st.TOCItem.Render(text)
	}
	return text + label
}

// open reports whether the folded list shows section s's sub-sections.
func (c contentsList) open(s int) bool {
	for _, r := range c.rows {
		if r.sub >= 0 && c.outline.section(r) == s {
			return true
		}
	}
	return false
}

// jumpToEntry is the action that puts a row of the contents at the top:
// a section's heading, a paragraph's first line, a sub-section's heading.
func jumpToEntry(e entry) readerAction {
	return func(r readerModel) (readerModel, tea.Cmd) {
		if e.sub >= 0 {
			r.jumpToSub(e.sub)
		} else {
			r.jumpToStop(e.stop)
		}
		return r, nil
	}
}

// entries are the rows of the contents: every stop, each section's
// sub-sections under it; folded, only those of section open.
func (o outline) entries(folded bool, open int) []entry {
	out := make([]entry, 0, len(o.stops)+len(o.subs))
	for i, s := range o.stops {
		out = append(out, entry{stop: i, sub: -1})
		if s.paragraph > 0 || folded && s.pos.Section != open {
			continue
		}
		from, to := o.subsOf(s.pos.Section)
		for j := from; j < to; j++ {
			out = append(out, entry{stop: i, sub: j})
		}
	}
	return out
}

// section is the section of the article e is in.
func (o outline) section(e entry) int {
	if e.stop < 0 || e.stop >= len(o.stops) {
		return 0
	}
	return o.stops[e.stop].pos.Section
}

// entryRow is the row of rows that shows e, or its stop's row when e is
// folded away; 0 when neither is there.
func entryRow(rows []entry, e entry) int {
	at := 0
	for i, r := range rows {
		switch {
		case r == e:
			return i
		case r.stop == e.stop && r.sub < 0:
			at = i
		}
	}
	return at
}

// entryName is what the contents call e: a section's number and title,
// a paragraph's number and opening words, a sub-section's number and
// title indented under its section's. narrow is the side contents'
// tighter spacing.
func (o outline) entryName(a *articles.Article, e entry, narrow bool) string {
	gap := "  "
	if narrow {
		gap = " "
	}
	switch {
	case e.sub >= 0:
		s := o.subs[e.sub]
		return "  " + gap + subIndent(s.depth-1) + s.number + gap + s.title
	case o.byParagraph:
		return o.name(a, e.stop)
	}
	return fmt.Sprintf("%2d%s%s", e.stop+1, gap, a.SectionTitle(e.stop))
}
