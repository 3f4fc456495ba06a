package ui

import (
	"fmt"
	"time"

	"cable/articles"
	"cable/library"
	"cable/render"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// readerModel shows one article. It keeps every rendering it has made, one
// per set of render options, so paging, jumping and going back to an
// earlier width never render again; and it remembers the reader's place as
// a position in the text, which survives any new width.
type readerModel struct {
	ctx     *Context
	entry   library.Entry
	article *articles.Article
	outline outline // what "]", "[" and the contents move through
	keys    readerKeys

	doc     *render.Document // the rendering on screen; nil until the first arrives
	renders renditions
	top     int               // first line of the text on screen
	anchor  articles.Position // the place top shows, kept across widths
	note    noteReturn
	jumps   jumpList
	find    finder
	state   readerState
	// early are the keys pressed before the first rendering arrived,
	// applied in order when it does.
	early   typeAhead
	lists   readerLists
	overlay overlay          // what stands over the text; nil for nothing
	sel     selection        // the passage being selected with v
	highs   []shownHighlight // the article's highlights, in text order
	notes   noteWaits
	display readerDisplay
	status  readerStatus
}

// renditions are the renderings the reader has made and is making of its
// article.
type renditions struct {
	docs map[render.Options]*render.Document
	// pending are the renderings on their way, so that none is asked for
	// twice; settling counts window resizes, so that only the last of a
	// burst asks for one.
	pending  map[render.Options]bool
	settling int
	err      error      // why the last rendering failed
	urls     [][]string // each section's addresses, which its lines link to
}

// noteReturn is where "e" or backspace go back to after a jump to the
// editor's note: the place, and the exact line at the options it was on.
type noteReturn struct {
	place *articles.Position // nil when there is nowhere to go back to
	line  int
	opts  render.Options
}

// readerDisplay is what the reader shows besides the text.
type readerDisplay struct {
	help    bool // every key, instead of the text
	helpTop int  // the first row of the keys shown, in a help longer than the screen
	sideTOC bool // the contents beside the text
}

// readerStatus is the status line's passing message, and the help that
// stands there when there is none.
type readerStatus struct {
	text string
	id   int // counts messages, so that only the last one's timer clears it
	help help.Model
}

// readerLists are the lists the reader keeps while they are closed, made
// once per article: the links and the names open again where they were
// left, the contents on the section being read.
type readerLists struct {
	contents contentsList
	links    linksList
	names    namesList
}

// newReader opens an article at a place: at when it is given, else where
// the reader left it last time, else the top.
func newReader(ctx *Context, loaded articleLoadedMsg) readerModel {
	a := loaded.article
	keys := newReaderKeys()
	readerActions.apply(&keys, ctx.Keys)
	selectionActions.apply(&keys, ctx.SelectionKeys)
	// One row of the help names both, as rebound.
	keys.NextSub.SetHelp(keys.NextSub.Help().Key+"/"+keys.PrevSub.Help().Key, keys.NextSub.Help().Desc)
	keys.SentenceMore.SetHelp(keys.SentenceMore.Help().Key+"/"+keys.SentenceLess.Help().Key, keys.SentenceMore.Help().Desc)
	keys.ParagraphMore.SetHelp(keys.ParagraphMore.Help().Key+"/"+keys.ParagraphLess.Help().Key, keys.ParagraphMore.Help().Desc)
	_, hasNote := a.EditorsNote()
	keys.EditorsNote.SetEnabled(hasNote)
	keys.Return.SetEnabled(false)
	keys.Links.SetEnabled(len(a.Links()) > 0 || a.Meta.URL != "")
	keys.OpenURL.SetEnabled(a.Meta.URL != "")
	keys.Footnote.SetEnabled(len(a.Footnotes) > 0)
	keys.SideTOC.SetEnabled(sideTOCFits(ctx.Width))
	stateKeys(&keys, ctx.store())
	o := newOutline(a)
	keys.NextSub.SetEnabled(len(o.subs) > 0)
	keys.PrevSub.SetEnabled(len(o.subs) > 0)
	if o.byParagraph {
		keys.NextSection.SetHelp(keys.NextSection.Help().Key, "next paragraph")
		keys.PrevSection.SetHelp(keys.PrevSection.Help().Key, "previous paragraph")
	}
	h := help.New()
	h.Styles.FullKey, h.Styles.FullDesc = ctx.Styles.HelpKey, ctx.Styles.HelpDesc
	m := readerModel{
		ctx:     ctx,
		entry:   loaded.entry,
		article: a,
		outline: o,
		keys:    keys,
		renders: renditions{
			docs:    map[render.Options]*render.Document{},
			pending: map[render.Options]bool{},
			urls:    render.SectionLinks(a),
		},
		lists: readerLists{
			contents: newContents(ctx, a, o),
			links:    newLinks(ctx, a),
			names:    newNames(ctx, loaded.names),
		},
		anchor: loaded.reading.Position,
		state:  readerState{progress: loaded.reading.Progress, finished: loaded.reading.Finished, marks: loaded.bookmarks},
		status: readerStatus{help: h},
		notes:  noteWaits{saved: map[string]string{}, waiting: map[string]string{}, said: map[string]string{}},
	}
	m.find.pending = loaded.find
	if loaded.at != nil {
		m.anchor = *loaded.at // a search result: a jump, not read
	} else {
		m.state.restAt, m.state.resting = m.anchor, true
	}
	m.syncKeys()
	return m
}

// Init asks for the first rendering, and the article's highlights.
func (m readerModel) Init() tea.Cmd {
	return tea.Batch(m.resize(), highlightsCmd(m.ctx.store(), m.article, m.entry.Key))
}

func (m readerModel) update(msg tea.Msg) (readerModel, tea.Cmd) {
	if m.article == nil {
		return m, nil // no article has been opened yet
	}
	m, cmd := m.handle(msg)
	m.syncKeys()
	return m, cmd
}

// handle takes one message; update then switches the keys to fit the
// state it leaves.
func (m readerModel) handle(msg tea.Msg) (readerModel, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m, m.windowResized()
	case resizeSettledMsg:
		if msg.id != m.renders.settling || msg.articleID != m.article.ID {
			return m, nil // a later size came
		}
		return m, m.resize()
	case renderedMsg:
		return m.rendered(msg)
	case textIndexedMsg:
		cmd := m.indexed(msg)
		return m, cmd
	case saveTickMsg, storeDoneMsg, bookmarksMsg, highlightsMsg, highlightSavedMsg:
		return m.stateMsg(msg)
	case noticeMsg:
		return m, m.say("%s", msg.text)
	case clearStatusMsg:
		if msg.id == m.status.id {
			m.status.text = ""
		}
	case tea.MouseMsg:
		before := m.anchor
		cmd := m.mouse(msg)
		if m.anchor != before {
			cmd = tea.Batch(cmd, m.placeChanged())
		}
		return m, cmd
	case tea.KeyMsg:
		if m.holdsKeys() && !key.Matches(msg, m.keys.Back) {
			m.early.add(msg) // applied when the text arrives; leaving is at once
			return m, nil
		}
		return m.key(msg)
	}
	return m, nil
}

// drop takes the passing message away. Every key and click drops it
// before it acts, so that a message never outlives the state it spoke of:
// "match 1/10" while n has moved on to the fourth, "Not found" over a
// search that found. What the key or click itself has to say comes after.
// Its timer still runs out, but the id tells it from any later message's.
func (s *readerStatus) drop() { s.text = "" }

// say shows a passing message in the status line.
func (m *readerModel) say(format string, args ...any) tea.Cmd {
	m.status.id++
	m.status.text = fmt.Sprintf(format, args...)
	id := m.status.id
	return m.ctx.Clock.Tick(statusDuration, func(time.Time) tea.Msg { return clearStatusMsg{id: id} })
}
