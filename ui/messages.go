package ui

import (
	"time"

	"cable/articles"
	"cable/crash"
	"cable/library"
	"cable/render"

	tea "github.com/charmbracelet/bubbletea"
)

// renderedMsg brings back an article rendered in the background. It names
// the article and options it was rendered for, so a result that arrives
// after the reader moved on is kept for later or dropped, never shown in
// the wrong place.
// resizeSettledMsg says the window has kept its size for a while; id
// tells it from the resizes that came after it.
type resizeSettledMsg struct {
	id        int
	articleID string
}

type renderedMsg struct {
	articleID string
	options   render.Options
	doc       *render.Document
	err       error
}

// openEntryMsg asks the root to open an entry in the reader, at a place
// when at is not nil, else where the reader left it; with find, its
// matches are shown from there, as if "/" had found them.
type openEntryMsg struct {
	entry library.Entry
	at    *articles.Position
	find  string
}

// articleLoadedMsg brings back an article read from its file, with the
// reader's state for it.
type articleLoadedMsg struct {
	entry     library.Entry
	article   *articles.Article
	reading   library.Reading
	bookmarks []library.Bookmark
	// names is the article's names index, made here rather than when
	// the reader opens, so that no key press waits for it.
	names []articles.Name
	at    *articles.Position
	find  string
	err   error
}

// closeReaderMsg asks the root to go back to the library.
type closeReaderMsg struct{}

// readingSavedMsg reports a reading written to the store, so that the
// library shows the new progress.
type readingSavedMsg struct {
	reading library.Reading
	err     error
}

// storeDoneMsg reports a write to the store that needs no answer but a
// word in the status line.
type storeDoneMsg struct {
	asker screen // the screen that asked, which alone answers
	done  string // what to say when it worked
	err   error
}

// bookmarksMsg brings back the bookmarks of one article, or of all ("").
type bookmarksMsg struct {
	key   string
	marks []library.Bookmark
	err   error
}

// saveTickMsg is the reader's reminder to save its place, a little after
// the place last changed.
type saveTickMsg struct{ key string }

// clearStatusMsg clears a passing status message, unless a newer one has
// replaced it since.
type clearStatusMsg struct{ id int }

// statusDuration is how long a passing message stays in the status line.
const statusDuration = 3 * time.Second

// saveDelay is how long after the place changes it is saved: a crash loses
// at most this much reading.
const saveDelay = 2 * time.Second

// renderFirstCmd renders the first screen of an article in the
// background, ahead of the whole.
func renderFirstCmd(a *articles.Article, opts render.Options, pos articles.Position, height int) tea.Cmd {
	return func() tea.Msg {
		doc, err := render.FirstScreen(a, opts, pos, height)
		return renderedMsg{articleID: a.ID, options: opts, doc: doc, err: err}
	}
}

// renderCmd renders an article in the background and keeps the rendering
// in cache.
func renderCmd(a *articles.Article, opts render.Options, cache *render.Cache) tea.Cmd {
	return func() tea.Msg {
		doc, err := render.Article(a, opts)
		if err == nil {
			cache.Store(a, doc)
		}
		return renderedMsg{articleID: a.ID, options: opts, doc: doc, err: err}
	}
}

// cachedRenderCmd reads a rendering from cache in the background, and on a
// miss renders the first screen and the whole, as when there is no cache.
func cachedRenderCmd(a *articles.Article, opts render.Options, cache *render.Cache, pos articles.Position, height int) tea.Cmd {
	return func() tea.Msg {
		if doc, ok := cache.Load(a, opts); ok {
			return renderedMsg{articleID: a.ID, options: opts, doc: doc}
		}
		return tea.BatchMsg{renderFirstCmd(a, opts, pos, height), renderCmd(a, opts, cache)}
	}
}

func openEntry(e library.Entry, at *articles.Position) tea.Cmd {
	return func() tea.Msg { return openEntryMsg{entry: e, at: at} }
}

// openEntryFinding is openEntry with find's matches shown.
func openEntryFinding(e library.Entry, at *articles.Position, find string) tea.Cmd {
	return func() tea.Msg { return openEntryMsg{entry: e, at: at, find: find} }
}

// loadArticleCmd reads an entry's article and its state in the background.
// A panic while the names are gathered is reported, and the article
// opens without its names index.
func loadArticleCmd(cat *library.Catalog, e library.Entry, at *articles.Position, find string, reports *crash.Reporter) tea.Cmd {
	return func() tea.Msg {
		msg := articleLoadedMsg{entry: e, at: at, find: find}
		msg.article, msg.err = cat.Article(e)
		if msg.err != nil {
			return msg
		}
		msg.names, _ = crash.File(reports, e.Key, func() ([]articles.Name, error) { return articles.Names(msg.article), nil })
		if cat.Store == nil {
			return msg
		}
		// State that cannot be read is not worth refusing the article for:
		// it opens at the top, and saving will say what is wrong.
		msg.reading, _, _ = cat.Store.Reading(e.Key)
		msg.bookmarks, _ = cat.Store.Bookmarks(e.Key)
		// Opened, the article is no longer new; a mark that stays is
		// no reason not to read it.
		cat.Store.ClearNew(e.Key)
		return msg
	}
}

func closeReader() tea.Msg { return closeReaderMsg{} }

// saveReadingCmd writes a reading to the store in the background.
func saveReadingCmd(store *library.Store, r library.Reading) tea.Cmd {
	if store == nil {
		return nil
	}
	return func() tea.Msg {
		return readingSavedMsg{reading: r, err: store.SaveReading(r)}
	}
}

// bookmarksCmd lists bookmarks in the background: one article's, or all.
func bookmarksCmd(store *library.Store, key string) tea.Cmd {
	return func() tea.Msg {
		marks, err := store.Bookmarks(key)
		return bookmarksMsg{key: key, marks: marks, err: err}
	}
}
