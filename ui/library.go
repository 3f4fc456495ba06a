package ui

import (
	"fmt"
	"sort"
	"strings"

	"cable/library"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	"github.com/charmbracelet/bubbles/paginator"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
)

// sortOrder is how the library is sorted; s cycles through them.
type sortOrder int

const (
	byAdded sortOrder = iota
	byTitle
	byAuthor
	byLength
	sortOrders
)

var sortNames = [...]string{"recently added", "title", "author", "length"}

// libraryModel lists every article; enter opens one in the reader.
type libraryModel struct {
	ctx   *Context
	list  list.Model
	keys  libraryKeys
	order sortOrder
	// readings are the saved readings by key: the progress shown on each
	// row, and the started, unfinished articles offered to continue.
	readings map[string]library.Reading

	// status is a passing message under the list: the list's own status
	// bar is hidden, since it would count "continue reading" as an article.
	status   string
	statusID int
	warning  bool // the status is a problem, drawn as an error

	// feeds is the update of the feeds (u), and fresh the articles marked
	// new, by key: those the store kept marked when the program started
	// and those an update saved since, until they are opened.
	feeds feedUpdate
	fresh map[string]bool

	// hasMarks and followsFeeds are what the store held when last asked:
	// any bookmark, for ', and any feed followed, for u.
	hasMarks, followsFeeds bool

	// filters are the filter's texts of the catalog's entries, and
	// orders its orders, each made once for the entries listed.
	filters *filterTexts
	orders  *sortedOrders
	// shown is the count of a filtered list's title (shownCount).
	shown shownCount
	// noMatchSaid is the statusID of the last "No match" said while
	// filtering, which a key mending the filter takes away.
	noMatchSaid int

	// triage is the archive, the tags, the filter's terms and the
	// questions the library asks (library_triage.go).
	triage libraryTriage
}

func newLibrary(ctx *Context, readings map[string]library.Reading, last library.Reading, fresh map[string]bool) libraryModel {
	l := list.New(nil, newLibraryDelegate(ctx), ctx.Width, ctx.Height)
	// The count is in the title: the list's own would count "continue
	// reading" as an article.
	l.SetShowStatusBar(false)
	l.DisableQuitKeybindings()
	l.StatusMessageLifetime = statusDuration
	// The filter's cursor does not blink, as newInput's do not.
	l.FilterInput.Cursor.SetMode(cursor.CursorStatic)
	keys := newLibraryKeys(ctx.store() != nil, ctx.UpdateFeeds != nil)
	libraryActions.apply(&keys, ctx.LibraryKeys)
	l.KeyMap = keys.List
	l.Filter = foldingFilter
	l.AdditionalShortHelpKeys = keys.ShortHelp
	l.AdditionalFullHelpKeys = keys.FullHelp
	if readings == nil {
		readings = map[string]library.Reading{}
	}
	if _, ok := readings[last.Key]; !ok && last.Key != "" {
		readings[last.Key] = last
	}
	if fresh == nil {
		fresh = map[string]bool{}
	}
	m := libraryModel{ctx: ctx, list: l, keys: keys, readings: readings, fresh: fresh, filters: &filterTexts{}, orders: &sortedOrders{}}
	m.triage = newLibraryTriage(m.filters)
	m.list.Filter = m.triage.filter.filter
	if store := ctx.store(); store != nil {
		// Asked once as the program starts, before any screen shows;
		// later changes come back from a command (countMarksCmd).
		marks, err := store.Bookmarks("")
		m.hasMarks = len(marks) > 0 || err != nil // an error is for ' to say
		followed, err := store.Feeds()
		m.followsFeeds = len(followed) > 0 || err != nil
		m.triage.reload(store)
	}
	m.refresh()
	return m
}

// refresh rebuilds the items from the catalog, in the current order, with
// a "continue reading" row first for every article started and not
// finished, the most recently read first. A filter the reader set stays set, and the article selected stays
// selected, so that coming back from the reader finds the list as it was
// left.
func (m *libraryModel) refresh() {
	chosen := m.list.SelectedItem()
	var items []list.Item
	if !m.triage.archiveView {
		for _, c := range m.unfinished() {
			items = append(items, c)
		}
	}
	for _, it := range m.sorted() {
		items = append(items, it)
	}
	m.triage.filter.setItems(items)
	m.list.Paginator.Type = paginatorFor(len(items), m.ctx.Width, m.ctx.Height)
	if filter := m.list.SetItems(items); filter != nil {
		// With a filter set, the list empties its matches and leaves them
		// to a command; until its answer arrived the list would read "No
		// items.", and the selection would be lost. Matching a few hundred
		// titles is quick, so it is done here, as the list's own
		// SetFilterText does.
		if matches, ok := filter().(list.FilterMatchesMsg); ok {
			m.list, _ = m.list.Update(matches)
		}
	}
	m.reselect(chosen)
	m.setTitle()
	m.syncKeys()
}

// opened takes the new mark off an article being opened; the store's is
// taken off as the article is loaded.
func (m *libraryModel) opened(key string) {
	if m.fresh[key] {
		delete(m.fresh, key)
		m.refresh()
	}
}

// unfinished are the rows to continue reading: every article in the
// catalog with a saved reading that is not finished, the most recently
// read first (ties by key, so that the rows never shuffle).
func (m *libraryModel) unfinished() []continueItem {
	var rows []continueItem
	// One pass over the entries, not a look-up per reading: a library of
	// tens of thousands of articles is listed again at every save.
	entries := m.ctx.Catalog.Entries
	for i := range entries {
		e := &entries[i]
		if r, ok := m.readings[e.Key]; ok && !r.Finished && e.Error == "" && !m.triage.marks.isArchived(e.Key) {
			rows = append(rows, continueItem{entryItem{entry: e, reading: r, wpm: m.ctx.WordsPerMinute, marks: m.triage.marks}})
		}
	}
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i].reading, rows[j].reading
		if !a.LastRead.Equal(b.LastRead) {
			return a.LastRead.After(b.LastRead)
		}
		return a.Key < b.Key
	})
	return rows
}

// paginatorFor is how the list shows its pages for n entries on a
// screen of width×height: dots ("•○○") while they fit on a line, else
// "3/5556". The list would fall back to the numbers itself, but only
// after writing every dot, a string built a dot at a time: with 50,000
// articles that is 5,000 pages and about a second of copying at every
// frame and key. Each entry takes three lines (title, description, space).
func paginatorFor(n, width, height int) paginator.Type {
	perPage := max((height-3)/3, 1)
	if (n+perPage-1)/perPage > width/2 {
		return paginator.Arabic
	}
	return paginator.Dots
}

// setTitle heads the list with how many articles there are and in what
// order; while a filter is set, how many of them it shows ("3 of 12").
func (m *libraryModel) setTitle() {
	count := plural(m.titleTotal(), "article")
	if m.list.FilterState() != list.Unfiltered {
		count = fmt.Sprintf("%d of %s", m.shown.of(&m.list), count)
	} else {
		m.shown.valid = false // a filter set again matches from the start
	}
	m.list.Title = fmt.Sprintf("%s · %s · by %s", m.titleName(), count, sortNames[m.order])
}

// sorted is every entry in the current order; ties keep the catalog's
// order, so the list never shuffles. The order is the catalog's
// entries' places, kept for each sort order until the entries change
// (sortedOrders).
func (m *libraryModel) sorted() []list.Item {
	entries := m.ctx.Catalog.Entries
	order := m.orders.of(entries, m.order)
	texts := m.filters.of(entries)
	out := make([]list.Item, 0, len(order))
	m.triage.archivedListed = 0
	for _, at := range order {
		e := &entries[at]
		archived := m.triage.marks.isArchived(e.Key)
		if archived {
			m.triage.archivedListed++
		}
		if !m.triage.listed(archived) {
			continue
		}
		out = append(out, entryItem{entry: e, reading: m.readings[e.Key], wpm: m.ctx.WordsPerMinute, fresh: m.fresh[e.Key], filter: texts[at],
			marks: m.triage.marks, archived: archived && !m.triage.archiveView})
	}
	return out
}

func (m libraryModel) update(msg tea.Msg) (libraryModel, tea.Cmd) {
	if cmd, ok := m.answer(msg); ok {
		return m, cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.layout()
	case feedEventMsg, rescannedMsg, spinner.TickMsg:
		return m.updateFeeds(msg)
	case listRestMsg:
		return m, m.relist()
	case sortedAheadMsg:
		return m.sortedAhead(msg)
	case recordPolledMsg:
		return m, m.pollRecord()
	case recordChangedMsg:
		m.recordChanged(msg)
		return m, m.pollRecord()
	case libraryChangedMsg:
		return m.changed()
	case readingSavedMsg:
		if msg.err == nil {
			m.readings[msg.reading.Key] = msg.reading
			delete(m.fresh, msg.reading.Key) // read: no longer new
			m.refresh()
		}
		return m, nil
	case storeDoneMsg:
		if msg.asker != libraryScreen {
			// Another screen may have added or deleted a bookmark.
			return m, countMarksCmd(m.ctx.store())
		}
		return m, m.stored(msg)
	case trashedMsg:
		return m.trashed(msg)
	case libraryNoticeMsg:
		return m, m.say(msg.text)
	case marksCountedMsg:
		m.hasMarks = msg.any
		m.syncKeys()
		return m, nil
	case libraryStatusMsg:
		if msg.id == m.statusID {
			m.status = ""
		}
		return m, nil
	case tea.MouseMsg:
		if cmd := m.click(msg); cmd != nil {
			return m, cmd
		}
	case tea.KeyMsg:
		if m.list.FilterState() != list.Filtering {
			if cmd, ok := m.handleKey(msg); ok {
				return m, cmd
			}
		} else if msg.Type == tea.KeyEnter && len(m.list.VisibleItems()) == 0 {
			// The list would drop a filter that matches nothing; the
			// reader keeps what they typed, to mend it.
			cmd := m.say(fmt.Sprintf("No match for %q.", m.list.FilterValue()))
			m.noMatchSaid = m.statusID
			return m, cmd
		} else if m.noMatchSaid == m.statusID && m.status != "" {
			m.status = "" // mending the filter: "No match" is about what it was
		}
	}
	if _, ok := msg.(list.FilterMatchesMsg); ok && m.list.FilterState() != list.Unfiltered {
		m.matchNow()
		m.setTitle()
		return m, nil
	}
	var cmd tea.Cmd
	helpOpen := m.list.Help.ShowAll
	m.list, cmd = m.list.Update(msg)
	if m.list.Help.ShowAll != helpOpen {
		m.layout() // the keys under the list take more lines, or fewer
	}
	cmd = m.syncScope(cmd)
	if _, ok := msg.(list.FilterMatchesMsg); ok {
		m.shown.matched++
	}
	m.setTitle()
	return m, cmd
}

// handleKey takes the library's own keys; ok is false for the list's.
func (m *libraryModel) handleKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	if cmd, ok := m.trashKey(msg); ok {
		return cmd, true
	}
	if m.list.Help.ShowAll && msg.Type == tea.KeyEsc {
		// esc closes the help, as it closes every other overlay.
		m.list.Help.ShowAll = false
		m.layout()
		return nil, true
	}
	item, _ := m.list.SelectedItem().(list.DefaultItem)
	switch {
	case key.Matches(msg, m.keys.Open):
		return m.open(item), true
	case key.Matches(msg, m.keys.Continue):
		if rows := m.unfinished(); len(rows) > 0 {
			return openEntry(*rows[0].entry, nil), true
		}
		return nil, true
	case key.Matches(msg, m.keys.Sort):
		m.order = (m.order + 1) % sortOrders
		m.refresh()
		m.list.Select(0)
		return nil, true
	case key.Matches(msg, m.keys.Finished) && m.list.FilterState() != list.FilterApplied, key.Matches(msg, m.keys.Unread):
		return m.mark(item, key.Matches(msg, m.keys.Finished)), true
	case key.Matches(msg, m.keys.UpdateFeeds):
		return m.startFeeds(), true
	case key.Matches(msg, m.keys.CancelUpdate):
		m.feeds.stop()
		return nil, true
	case key.Matches(msg, m.keys.Quit):
		m.feeds.stop()
		return tea.Quit, true
	}
	if cmd, ok := m.triageKey(msg, item); ok {
		return cmd, true
	}
	return m.offKey(msg)
}

func (m *libraryModel) open(item list.DefaultItem) tea.Cmd {
	var e library.Entry
	switch it := item.(type) {
	case continueItem:
		e = *it.entry
	case entryItem:
		e = *it.entry
	default:
		return nil
	}
	if e.Error != "" {
		return m.warn("Cannot open: " + strings.ReplaceAll(e.Error, "\n", "; "))
	}
	return openEntry(e, nil)
}

// mark marks the selected article finished or unread.
func (m *libraryModel) mark(item list.DefaultItem, finished bool) tea.Cmd {
	it, ok := item.(entryItem)
	store := m.ctx.store()
	if !ok || store == nil {
		return nil
	}
	key := it.entry.Key
	return func() tea.Msg {
		if finished {
			return storeDoneMsg{asker: libraryScreen, done: "Marked as finished.", err: store.MarkFinished(key)}
		}
		return storeDoneMsg{asker: libraryScreen, done: "Marked as unread.", err: store.MarkUnread(key)}
	}
}

// stored shows the outcome of a write and reloads the readings it changed.
func (m *libraryModel) stored(msg storeDoneMsg) tea.Cmd {
	if msg.err != nil {
		return m.warn(msg.err.Error())
	}
	if store := m.ctx.store(); store != nil {
		m.triage.reload(store)
		if readings, err := store.Readings(); err == nil {
			m.readings = readings
		}
		m.refresh()
	}
	return m.say(msg.done)
}

func (m libraryModel) view() string {
	if m.ctx.tooSmall() {
		return tooSmallView(m.ctx)
	}
	// The list draws a fixed minimum of lines whatever its size; in a
	// small terminal the surplus is cut rather than scrolled off screen.
	panel := m.feedLines()
	status := m.statusLines()
	keys := m.keyLines()
	room := m.ctx.Height - len(status) - len(panel)
	listRows := max(room-len(keys), 1)
	if len(keys) > room-listRows {
		// The whole help is taller than the screen: it is cut, the
		// list's title kept above it.
		keys = keys[:max(room-listRows, 0)]
	}
	lines := fitLines(strings.Split(m.list.View(), "\n"), listRows, m.ctx.Width)
	lines = append(append(lines, keys...), panel...)
	return strings.Join(append(lines, status...), "\n")
}
