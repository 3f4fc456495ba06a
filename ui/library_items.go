package ui

import (
	"fmt"
	"io"
	"strings"

	"cable/articles"
	"cable/library"
	"cable/render"

	"github.com/charmbracelet/bubbles/list"
	"github.com/charmbracelet/lipgloss"
)

// The library's rows: an article, the "Continue reading" row before it,
// and the delegate that draws them, broken files greyed out; which row
// the cursor is on when the rows are made again (reselect), and which
// rows a filter shows (matchNow).

// entryItem is one article in the library list, with how far it has been
// read.
type entryItem struct {
	// entry is the catalog's: items point into its Entries rather than
	// copy each, which at 50,000 articles is 20 MB a listing.
	entry   *library.Entry
	reading library.Reading // zero when never opened
	wpm     int             // the reading speed its time is given at
	fresh   bool            // marked new: saved by a feed update or cable get, not opened since
	// archived is set for an article put aside, listed outside the
	// archive (by the filter's "archived").
	archived bool
	// filter is FilterValue's text, made once with the item rather than
	// at every letter typed into the filter.
	filter string
	// marks hold the reader's own tags.
	marks *triageMarks
}

func (i entryItem) Title() string { return i.entry.Summary.Title }

// Description is the line under the title: author, source, reading time,
// sections, progress, where the article comes from and, where the front
// matter gives one, the summary, cut at the screen's edge; for a broken file,
// what is wrong with it, without the file's path, which would take the
// whole line: the title above is the file's name.
func (i entryItem) Description() string {
	if i.entry.Error != "" {
		first, _, _ := strings.Cut(i.entry.Error, "\n")
		return strings.TrimPrefix(first, i.entry.Key+": ")
	}
	s := i.entry.Summary
	var parts []string
	if i.fresh {
		parts = append(parts, "new")
	}
	if i.archived {
		parts = append(parts, "archived")
	}
	if tags := i.marks.tagsOf(i.entry.Key); len(tags) > 0 {
		parts = append(parts, "["+strings.Join(tags, ", ")+"]")
	}
	for _, p := range []string{s.Author, s.Source} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	parts = append(parts, fmt.Sprintf("%d min", max(articles.MinutesAt(s.Words, i.wpm), 1)), plural(len(s.Sections), "section"))
	if p := progressLabel(i.reading); p != "" {
		parts = append(parts, p)
	}
	if s.SummaryOnly {
		// Only what the feed carried: the page could not be had.
		parts = append(parts, "summary only")
	}
	line := strings.Join(append(parts, sourceLabel(*i.entry)), " · ")
	if s.Abstract != "" {
		// What the piece argues, as far as the line reaches: enough to
		// choose by, the rest a key away.
		line += " — " + s.Abstract
	}
	return line
}

// FilterValue is what "/" matches against: title, author, source,
// the feed it came from and topics, so a reader can find a piece by any
// of them, and every piece of one publication by its feed.
func (i entryItem) FilterValue() string {
	if i.filter != "" {
		return i.filter
	}
	return filterText(i.entry)
}

// progressLabel says how far an article has been read: nothing for one
// never opened.
func progressLabel(r library.Reading) string {
	switch {
	case r.Finished:
		return "finished"
	case r.LastRead.IsZero():
		return ""
	}
	return fmt.Sprintf("%d%% read", r.Progress)
}

func sourceLabel(e library.Entry) string {
	if e.Source == library.SourcePath {
		return e.Key
	}
	return e.Source
}

// continueItem is the first entry when there is an article to go back to.
type continueItem struct{ entryItem }

func (i continueItem) Title() string { return "Continue reading: " + i.entry.Summary.Title }

func (i continueItem) Description() string {
	s := i.entry.Summary
	pos := i.reading.Position
	sec := pos.Section
	where := fmt.Sprintf("§%d", sec+1)
	if sec < len(s.Sections) {
		where += " " + s.Sections[sec]
	}
	if len(s.ParagraphBlocks) > 0 {
		// An article without headings is read by paragraph: its place is
		// named as the reader's status line names it, and the notes or
		// editor's note after the paragraphs by their title alone.
		where = fmt.Sprintf("¶%d/%d", articles.ParagraphAt(s.ParagraphBlocks, pos.Block), len(s.ParagraphBlocks))
		if sec > 0 && sec < len(s.Sections) {
			where = s.Sections[sec]
		}
	}
	if p := progressLabel(i.reading); p != "" {
		where += " · " + p
	}
	return where
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// libraryDelegate draws entries as the default delegate does, and broken
// files greyed out, so that they are listed but plainly not readable.
type libraryDelegate struct {
	list.DefaultDelegate
	broken list.DefaultDelegate
}

func newLibraryDelegate(ctx *Context) libraryDelegate {
	d := list.NewDefaultDelegate()
	if ctx.Theme == render.StyleNoTTY {
		d.Styles.SelectedTitle = d.Styles.SelectedTitle.Reverse(true)
	}
	if mark := ctx.Styles.Marks.Cursor; mark != "" {
		// The entry under the cursor is marked as every list's row is,
		// before its title; the bar the list draws down its left would
		// look like another mark.
		d.Styles.SelectedTitle = d.Styles.SelectedTitle.BorderStyle(lipgloss.Border{Left: mark})
		d.Styles.SelectedDesc = d.Styles.SelectedDesc.BorderStyle(lipgloss.Border{Left: " "})
	}
	broken := d
	broken.Styles.NormalTitle = d.Styles.DimmedTitle
	broken.Styles.NormalDesc = d.Styles.DimmedDesc.Inherit(ctx.Styles.Error)
	broken.Styles.SelectedTitle = d.Styles.SelectedTitle.Faint(true)
	broken.Styles.SelectedDesc = d.Styles.SelectedDesc.Inherit(ctx.Styles.Error)
	return libraryDelegate{DefaultDelegate: d, broken: broken}
}

func (d libraryDelegate) Render(w io.Writer, m list.Model, index int, item list.Item) {
	if it, ok := item.(list.DefaultItem); ok {
		// The list would cut the title and the line under it wherever
		// the row ends, mid-word ("· 12 sections · finis…"); they are
		// cut between words first, in the room the list gives them.
		room := m.Width() - d.Styles.NormalTitle.GetPaddingLeft() - d.Styles.NormalTitle.GetPaddingRight()
		item = cutRow{DefaultItem: it, title: cutWords(it.Title(), room), desc: cutParts(it.Description(), room)}
	}
	if it, ok := item.(cutRow); ok && isBroken(it.DefaultItem) {
		d.broken.Render(w, m, index, item)
		return
	}
	d.DefaultDelegate.Render(w, m, index, item)
}

// cutRow is a row whose title and line under it are cut to the list's
// width.
type cutRow struct {
	list.DefaultItem
	title, desc string
}

func (r cutRow) Title() string       { return r.title }
func (r cutRow) Description() string { return r.desc }

// isBroken reports whether a row is an article whose file cannot be read.
func isBroken(it list.DefaultItem) bool {
	e, ok := it.(entryItem)
	return ok && e.entry.Error != ""
}

// reselect puts the cursor back on the row that was chosen: the same
// article, as "continue reading" or as itself, else the same article in
// any row. The cursor stays where it is when the article is not shown.
func (m *libraryModel) reselect(chosen list.Item) {
	key, resumed, ok := itemIdentity(chosen)
	if !ok {
		return
	}
	fallback := -1
	for i, it := range m.list.VisibleItems() {
		k, r, _ := itemIdentity(it)
		switch {
		case k != key:
		case r == resumed:
			m.list.Select(i)
			return
		case fallback < 0:
			fallback = i
		}
	}
	if fallback >= 0 {
		m.list.Select(fallback)
		return
	}
	// The article chosen is gone (deleted, archived): the cursor stays on
	// its row, or on the last row when that was the last.
	if n := len(m.list.VisibleItems()); n > 0 && m.list.Index() >= n {
		m.list.Select(n - 1)
	}
}

// itemIdentity is the article a row stands for, and whether it is the
// "continue reading" row.
func itemIdentity(it list.Item) (key string, resumed, ok bool) {
	switch it := it.(type) {
	case continueItem:
		return it.entry.Key, true, true
	case entryItem:
		return it.entry.Key, false, true
	}
	return "", false, false
}

// matchNow shows the matches of the filter as it is now. The list
// filters in a command at each letter and shows whatever matches come
// back last, which, typed fast, may be an earlier letter's: "unrea",
// matching nothing, after "unread". So a result that comes back only
// says it is time to match: the filter as typed is matched here, at once
// (the memo has its matches, found by that command or the one coming),
// with the cursor kept where the reader put it.
func (m *libraryModel) matchNow() {
	state, at := m.list.FilterState(), m.list.Index()
	m.list.SetFilterText(m.list.FilterValue())
	if state == list.Filtering {
		m.list.SetFilterState(list.Filtering)
	} else {
		m.list.Select(min(at, max(len(m.list.VisibleItems())-1, 0)))
	}
	m.shown.matched++
}
