package ui

import (
	"fmt"

	"cable/library"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"
)

// library_triage.go is the library's triage: the archive (a puts an
// article aside, A shows the archive), the reader's own tags (+), the
// filter's terms, and F on every article a filter lists.

// libraryTriage is the library's triage state: the marks the store holds,
// which articles are listed, and a question being asked.
type libraryTriage struct {
	// marks are the tags and the archive as the store held them when
	// last asked.
	marks *triageMarks
	// archiveView lists the archive instead of the library (A).
	archiveView bool
	// withArchive lists the archive beside the library, while the
	// filter holds the term "archived".
	withArchive bool
	// archivedListed is how many of the catalog's articles are archived.
	archivedListed int
	// filter is the list's filter, terms and all.
	filter *termFilter
	// ask is the question in the status line (the tags, or whether to
	// mark every listed article finished), nil when there is none: it
	// takes every key until it is answered.
	ask libraryQuestion
}

// libraryQuestion is a question asked in the library's status line.
type libraryQuestion interface {
	// answer takes a key; the question is closed when it returns nil.
	answer(m *libraryModel, msg tea.KeyMsg) (libraryQuestion, tea.Cmd)
	// line is the question as it is drawn, in width columns.
	line(width int) string
}

func newLibraryTriage(texts *filterTexts) libraryTriage {
	return libraryTriage{marks: &triageMarks{}, filter: &termFilter{texts: texts}}
}

// triageMarks are every article's tags, and the articles put aside, by
// key. The rows point to them rather than copy an article's tags each (a
// row is listed for each of 50,000 articles at every sort); each reload
// makes new ones, so that rows made before keep what they were made
// with.
type triageMarks struct {
	tags     map[string][]string
	archived map[string]bool
}

// tagsOf and isArchived are an article's marks; nil marks have none.
func (k *triageMarks) tagsOf(key string) []string {
	if k == nil {
		return nil
	}
	return k.tags[key]
}

func (k *triageMarks) isArchived(key string) bool { return k != nil && k.archived[key] }

// reload asks the store for the tags and the archive again. An error
// leaves what was known: the list is not emptied for a failed read.
func (t *libraryTriage) reload(store *library.Store) {
	if store == nil {
		return
	}
	marks := *t.marks
	if tags, err := store.AllTags(); err == nil {
		marks.tags = tags
	}
	if archived, err := store.Archived(); err == nil {
		marks.archived = make(map[string]bool, len(archived))
		for k := range archived {
			marks.archived[k] = true
		}
	}
	t.marks = &marks
}

// listed reports whether an article, archived or not, is listed in the
// view shown: the archive's articles in the archive, the others in the
// library, both while the filter says "archived".
func (t *libraryTriage) listed(archived bool) bool {
	if t.archiveView {
		return archived
	}
	return !archived || t.withArchive
}

// syncScope lists the archive beside the library when the filter has
// just been given the term "archived", and stops when it loses it. The
// list is then made again and filtered at once, and the list's own
// filtering of the items it had, cmd, is dropped: it would come after
// and put them back.
func (m *libraryModel) syncScope(cmd tea.Cmd) tea.Cmd {
	want := m.list.FilterState() != list.Unfiltered && library.ParseTerms(m.list.FilterValue()).Archived
	if want == m.triage.withArchive {
		return cmd
	}
	m.triage.withArchive = want
	m.refresh()
	return nil
}

// titleName and titleTotal are what the title says the list is, and how
// many articles it holds: the library's, less those put aside, or the
// archive's.
func (m *libraryModel) titleName() string {
	if m.triage.archiveView {
		return "Archive"
	}
	return "cable"
}

func (m *libraryModel) titleTotal() int {
	n := len(m.ctx.Catalog.Entries)
	if m.ctx.Catalog.Partial {
		n = m.ctx.Catalog.Total // the first page is drawn; the rest is coming
	}
	switch {
	case m.triage.archiveView:
		return m.triage.archivedListed
	case m.triage.withArchive:
		return n
	}
	return max(n-m.triage.archivedListed, 0)
}

// triageKey takes the triage's keys; ok is false for any other.
func (m *libraryModel) triageKey(msg tea.KeyMsg, item list.DefaultItem) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, m.keys.Archive):
		return m.archive(item), true
	case key.Matches(msg, m.keys.ArchiveView):
		return m.toggleArchiveView(), true
	case key.Matches(msg, m.keys.Tag):
		return m.askTags(item), true
	case key.Matches(msg, m.keys.Finished) && m.list.FilterState() == list.FilterApplied:
		return m.askFinishListed(), true
	}
	return nil, false
}

// archive puts the selected article aside, or takes it out of the
// archive when it is there already, and says how to undo it.
func (m *libraryModel) archive(item list.DefaultItem) tea.Cmd {
	e, ok := selectedEntry(item)
	store := m.ctx.store()
	if !ok || store == nil {
		return nil
	}
	key, title := e.Key, e.Summary.Title
	if m.triage.marks.isArchived(key) {
		undo := "a puts it back."
		if m.triage.archiveView {
			undo = "A, then a on it, puts it back."
		}
		return func() tea.Msg {
			return storeDoneMsg{asker: libraryScreen, done: fmt.Sprintf("Out of the archive: %q. %s", title, undo), err: store.Unarchive(key)}
		}
	}
	return func() tea.Msg {
		return storeDoneMsg{asker: libraryScreen, done: fmt.Sprintf("Archived %q. A shows the archive; a there takes it out.", title), err: store.Archive(key)}
	}
}

// toggleArchiveView shows the archive, or the library again.
func (m *libraryModel) toggleArchiveView() tea.Cmd {
	m.triage.archiveView = !m.triage.archiveView
	m.refresh()
	m.list.Select(0)
	switch {
	case !m.triage.archiveView:
		return m.say("The library. A shows the archive.")
	case m.triage.archivedListed == 0:
		return m.say("The archive is empty: a puts the selected article aside. A goes back.")
	}
	return m.say("The archive: a takes an article out. A goes back to the library.")
}

// syncTriageKeys names what a does in the view shown.
func (m *libraryModel) syncTriageKeys() {
	label := m.keys.Archive.Help().Key
	if m.triage.archiveView {
		m.keys.Archive.SetHelp(label, "take out of the archive")
		m.keys.ArchiveView.SetHelp(m.keys.ArchiveView.Help().Key, "back to the library")
	} else {
		m.keys.Archive.SetHelp(label, "archive")
		m.keys.ArchiveView.SetHelp(m.keys.ArchiveView.Help().Key, "show the archive")
	}
}

// answer gives a key to the question asked, when there is one, and
// keeps the mouse from acting behind it; ok is false for any other
// message, or when no question is asked.
func (m *libraryModel) answer(msg tea.Msg) (tea.Cmd, bool) {
	if m.triage.ask == nil {
		return nil, false
	}
	switch msg := msg.(type) {
	case tea.KeyMsg:
		var cmd tea.Cmd
		m.triage.ask, cmd = m.triage.ask.answer(m, msg)
		return cmd, true
	case tea.MouseMsg:
		return nil, true
	}
	return nil, false
}
