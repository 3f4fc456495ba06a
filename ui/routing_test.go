package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"cable/library"
	"cable/render"

	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"
)

// routedModel is a model over a store with the seed article open in the
// reader, so that every screen has something to receive. The rendering
// is given, made once for all the cases of a test.
func routedModel(t *testing.T, doc *render.Document) Model {
	t.Helper()
	ctx := storeContext(t, 100, 30, filepath.Join(t.TempDir(), "cable.db"))
	m := startModel(t, ctx)
	e, ok := ctx.Catalog.Find("azerbaijan-israel-relations")
	if !ok {
		t.Fatal("no seed article")
	}
	a, err := ctx.Catalog.Article(e)
	if err != nil {
		t.Fatal(err)
	}
	next, _ := m.Update(articleLoadedMsg{entry: e, article: a})
	// The shared rendering, under this context's options (whose style
	// reader and crash reporter are this context's own).
	copied := *doc
	doc = &copied
	doc.Options = ctx.renderOptions(next.(Model).reader.textRoom())
	next, _ = next.Update(renderedMsg{articleID: a.ID, options: doc.Options, doc: doc})
	m = next.(Model)
	if m.reader.doc != doc {
		t.Fatal("the seed's rendering was not shown")
	}
	return m
}

// seedRendering is the seed article rendered as the reader of routedModel
// shows it.
func seedRendering(t *testing.T) *render.Document {
	t.Helper()
	ctx := testContext(render.StyleDark, 100, 30)
	doc, err := render.Article(seed(t), ctx.renderOptions(100))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// everyScreen lists the screens a result may arrive on.
var everyScreen = []struct {
	name string
	s    screen
}{{"library", libraryScreen}, {"reader", readerScreen}, {"search", searchScreen}, {"all-marks", allMarksScreen}}

// TestBackgroundResultsReachTheirScreen delivers each kind of background
// result while each screen is on show, and checks that it reaches the
// screen that asked for it: none may be lost because another screen is
// showing when it lands.
func TestBackgroundResultsReachTheirScreen(t *testing.T) {
	doc := seedRendering(t)
	mark := library.Bookmark{ID: 7, Key: "", Label: "the arms trade", Excerpt: "Israel sells"}
	tests := []struct {
		name string
		// send prepares the model and returns the result to deliver.
		send func(m *Model) tea.Msg
		// arrived says what is wrong when the result did not arrive.
		arrived func(m Model) string
		// follow runs the work the result sets off, and feeds its
		// results back, where that work is how the result shows.
		follow bool
	}{
		{
			name: "reader: a rendering",
			send: func(m *Model) tea.Msg {
				opts := m.ctx.renderOptions(50)
				doc, err := render.Article(m.reader.article, opts)
				if err != nil {
					t.Fatal(err)
				}
				return renderedMsg{articleID: m.reader.article.ID, options: opts, doc: doc}
			},
			arrived: func(m Model) string {
				if m.reader.renders.docs[m.ctx.renderOptions(50)] == nil {
					return "the reader did not keep the rendering"
				}
				return ""
			},
		},
		{
			name: "reader: the window has settled",
			send: func(m *Model) tea.Msg {
				m.ctx.Width = 60
				m.reader.renders.settling++
				return resizeSettledMsg{id: m.reader.renders.settling, articleID: m.reader.article.ID}
			},
			follow: true,
			arrived: func(m Model) string {
				if got := m.reader.doc.Options.Width; got != 60 {
					return fmt.Sprintf("the reader shows the text %d wide, want the new width, 60", got)
				}
				return ""
			},
		},
		{
			name: "reader: the reminder to save",
			send: func(m *Model) tea.Msg {
				m.reader.state.scheduled = true
				return saveTickMsg{key: m.reader.entry.Key}
			},
			arrived: func(m Model) string {
				if m.reader.state.scheduled {
					return "the reader still waits for its save reminder"
				}
				return ""
			},
		},
		{
			name: "reader: its article's bookmarks",
			send: func(m *Model) tea.Msg {
				b := mark
				b.Key = m.reader.entry.Key
				return bookmarksMsg{key: b.Key, marks: []library.Bookmark{b}}
			},
			arrived: func(m Model) string {
				if len(m.reader.state.marks) != 1 || len(m.allMarks.marks) != 0 {
					return fmt.Sprintf("the reader has %d bookmarks, the list of all %d; want 1 and 0",
						len(m.reader.state.marks), len(m.allMarks.marks))
				}
				return ""
			},
		},
		{
			name: "reader: a write to the store",
			send: func(m *Model) tea.Msg { return storeDoneMsg{asker: readerScreen, done: "Bookmarked §1."} },
			arrived: func(m Model) string {
				if m.reader.status.text != "Bookmarked §1." || m.library.status != "" {
					return fmt.Sprintf("reader status %q, library status %q", m.reader.status.text, m.library.status)
				}
				return ""
			},
		},
		{
			name: "reader: a notice",
			send: func(m *Model) tea.Msg { return noticeMsg{"Copied to the clipboard: x"} },
			arrived: func(m Model) string {
				if m.reader.status.text != "Copied to the clipboard: x" {
					return fmt.Sprintf("reader status %q", m.reader.status.text)
				}
				return ""
			},
		},
		{
			name: "reader: its status cleared",
			send: func(m *Model) tea.Msg {
				m.reader.say("passing")
				return clearStatusMsg{id: m.reader.status.id}
			},
			arrived: func(m Model) string {
				if m.reader.status.text != "" {
					return fmt.Sprintf("reader status %q, want it cleared", m.reader.status.text)
				}
				return ""
			},
		},
		{
			name: "all bookmarks: every article's bookmarks",
			send: func(m *Model) tea.Msg {
				b := mark
				b.Key = m.reader.entry.Key
				return bookmarksMsg{key: "", marks: []library.Bookmark{b}}
			},
			arrived: func(m Model) string {
				if len(m.allMarks.marks) != 1 || len(m.reader.state.marks) != 0 {
					return fmt.Sprintf("the list of all has %d bookmarks, the reader %d; want 1 and 0",
						len(m.allMarks.marks), len(m.reader.state.marks))
				}
				return ""
			},
		},
		{
			name: "all bookmarks: a write to the store",
			send: func(m *Model) tea.Msg {
				b := mark
				b.Key = m.reader.entry.Key
				if _, err := m.ctx.store().AddBookmark(b); err != nil {
					t.Fatal(err)
				}
				return storeDoneMsg{asker: allMarksScreen, done: "Bookmark deleted."}
			},
			follow: true,
			arrived: func(m Model) string {
				if len(m.allMarks.marks) != 1 || m.reader.status.text != "" || m.library.status != "" {
					return fmt.Sprintf("the list of all has %d bookmarks, want 1, reloaded; reader status %q, library status %q",
						len(m.allMarks.marks), m.reader.status.text, m.library.status)
				}
				return ""
			},
		},
		{
			name: "library: a reading saved",
			send: func(m *Model) tea.Msg {
				return readingSavedMsg{reading: library.Reading{Key: m.reader.entry.Key, Progress: 42}}
			},
			arrived: func(m Model) string {
				if m.library.readings[m.reader.entry.Key].Progress != 42 {
					return "the library did not take the reading"
				}
				return ""
			},
		},
		{
			name: "library: a write to the store",
			send: func(m *Model) tea.Msg { return storeDoneMsg{asker: libraryScreen, done: "Marked as finished."} },
			arrived: func(m Model) string {
				if m.library.status != "Marked as finished." || m.reader.status.text != "" {
					return fmt.Sprintf("library status %q, reader status %q", m.library.status, m.reader.status.text)
				}
				return ""
			},
		},
		{
			name: "library: its status cleared",
			send: func(m *Model) tea.Msg {
				m.library.say("passing")
				return libraryStatusMsg{id: m.library.statusID}
			},
			arrived: func(m Model) string {
				if m.library.status != "" {
					return fmt.Sprintf("library status %q, want it cleared", m.library.status)
				}
				return ""
			},
		},
		{
			name: "library: the filter's matches",
			send: func(m *Model) tea.Msg {
				m.library.list.SetFilterText("Reading with")
				m.library.list.SetFilterState(list.Filtering)
				return m.library.list.SetItems(m.library.list.Items())()
			},
			arrived: func(m Model) string {
				if n := len(m.library.list.VisibleItems()); n != 1 {
					return fmt.Sprintf("the filter shows %d rows, want 1", n)
				}
				return ""
			},
		},
		{
			name: "search: the results",
			send: func(m *Model) tea.Msg {
				return searchResultsMsg{asked: m.search.asked, query: "Baku", hits: []library.Hit{{Key: m.reader.entry.Key, Title: "x"}}}
			},
			arrived: func(m Model) string {
				if len(m.search.hits) != 1 || m.search.shownOf != "Baku" {
					return fmt.Sprintf("the search shows %d hits for %q", len(m.search.hits), m.search.shownOf)
				}
				return ""
			},
		},
	}
	for _, tt := range tests {
		for _, on := range everyScreen {
			t.Run(tt.name+"/on "+on.name, func(t *testing.T) {
				m := routedModel(t, doc)
				m.screen = on.s
				msg := tt.send(&m)
				next, cmd := m.Update(msg)
				m = next.(Model)
				if tt.follow {
					m = settle(t, m, cmd)
				}
				if m.screen != on.s {
					t.Errorf("the result changed the screen to %v", m.screen)
				}
				if problem := tt.arrived(m); problem != "" {
					t.Error(problem)
				}
			})
		}
	}
}

// TestAllBookmarksListsOneJustAdded adds a bookmark in the reader, goes
// back to the library and asks for the bookmarks of every article: the
// new one is listed.
func TestAllBookmarksListsOneJustAdded(t *testing.T) {
	m := routedModel(t, seedRendering(t))
	for _, k := range []string{"]", "m", "a", "r", "m", "s", "enter", "q", "'"} {
		var cmd tea.Cmd
		m, cmd = press(t, m, k)
		m = settle(t, m, cmd)
	}
	screen := strings.Join(screenLines(m), "\n")
	if m.screen != allMarksScreen || !strings.Contains(screen, "Bookmarks in every article") {
		t.Fatalf("' in the library did not show every bookmark:\n%s", screen)
	}
	if strings.Contains(screen, "No bookmarks yet") || !strings.Contains(screen, "How Deep Are Azerbaijan-Israel Relations? · §2 · arms") {
		t.Errorf("the bookmark just added is not listed:\n%s", screen)
	}
}
