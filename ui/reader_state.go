package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"cable/articles"
	"cable/library"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// readerState is what the reader keeps in the store for an article: its
// place (saved a little after it changes, and on leaving), its bookmarks
// and its quotes.
type readerState struct {
	progress int  // the highest share read so far, this time or before
	finished bool // the end has been reached, this time or before
	// seen is the text read to the end of its blocks in this sitting; it
	// grows only as the reader scrolls, not by jumps.
	seen articles.Coverage
	// restAt is where the reader last came by scrolling (or opened the
	// article at its saved place); a new rendering of that place is on
	// screen as the reader left it, and counts as seen.
	restAt    articles.Position
	resting   bool
	dirty     bool // the place changed since it was last saved
	scheduled bool // a save tick is on its way
	// marks are the article's bookmarks, as the store last listed them.
	marks []library.Bookmark
}

// stateKeys switches off the keys that need the store when there is none.
func stateKeys(k *readerKeys, store *library.Store) {
	on := store != nil
	k.Bookmark.SetEnabled(on)
	k.Marks.SetEnabled(on)
	k.Quote.SetEnabled(on)
	k.Select.SetEnabled(on)
	k.Highlights.SetEnabled(on)
}

// placeChanged marks the place as moved and makes sure a save follows
// within saveDelay, without saving on every key.
func (m *readerModel) placeChanged() tea.Cmd {
	if m.ctx.store() == nil || m.doc == nil {
		return nil
	}
	// Progress never goes down and the end, once reached, stays reached,
	// as the store keeps them: the library shows what is saved.
	r := m.reading()
	m.state.progress, m.state.finished = r.Progress, r.Finished
	m.state.dirty = true
	if m.state.scheduled {
		return nil
	}
	m.state.scheduled = true
	key := m.entry.Key
	return m.ctx.Clock.Tick(saveDelay, func(time.Time) tea.Msg { return saveTickMsg{key: key} })
}

// reading is the reader's state as the store keeps it. Progress is the
// share of the article's own text that has been on screen, and finished
// means the end of that text has been: the notes and the editor's note
// count for nothing. A finished article is at 100%, as the library's F
// makes it.
func (m readerModel) reading() library.Reading {
	pct := max(m.state.progress, m.state.seen.Percent(m.article))
	finished := m.state.finished || m.state.seen.ReachedEnd(m.article)
	if finished {
		pct = 100
	}
	return library.Reading{Key: m.entry.Key, Position: m.anchor, Progress: pct, Finished: finished, LastRead: time.Now()}
}

// see counts the text on screen as read: the blocks whose last line is in
// view. It is called when the reader scrolls, not when a jump (a section,
// the contents, the editor's note, a search, a bookmark) shows a place, so
// that what a jump skipped, or merely glanced at, is not credited.
func (m *readerModel) see() {
	if m.doc == nil {
		return
	}
	m.state.restAt, m.state.resting = m.anchor, true
	for _, pos := range m.doc.BlocksEndingIn(m.top, m.top+m.bodyHeight()) {
		m.state.seen.See(pos)
	}
}

// seeAgain counts the screen as read after a new rendering when it shows
// the place the reader came to by scrolling.
func (m *readerModel) seeAgain() {
	if m.state.resting && m.anchor == m.state.restAt {
		m.see()
	}
}

// saveNow saves the place at once, as on leaving the article.
func (m *readerModel) saveNow() tea.Cmd {
	if m.doc == nil {
		return nil
	}
	m.state.dirty = false
	return saveReadingCmd(m.ctx.store(), m.reading())
}

// saveSync saves the place before the program exits, when there is no
// event loop left to run a command.
func (m readerModel) saveSync() error {
	store := m.ctx.store()
	if store == nil || m.doc == nil {
		return nil
	}
	return store.SaveReading(m.reading())
}

func (m readerModel) stateMsg(msg tea.Msg) (readerModel, tea.Cmd) {
	switch msg := msg.(type) {
	case highlightsMsg:
		m.highlightsLoaded(msg)
	case highlightSavedMsg:
		return m, m.highlightSaved(msg)
	case saveTickMsg:
		if msg.key != m.entry.Key {
			return m, nil
		}
		m.state.scheduled = false
		if m.state.dirty {
			return m, m.saveNow()
		}
	case storeDoneMsg:
		if msg.asker != readerScreen {
			return m, nil
		}
		if msg.err != nil {
			return m, m.say("%v", msg.err)
		}
		return m, tea.Batch(m.say("%s", msg.done), bookmarksCmd(m.ctx.store(), m.entry.Key),
			highlightsCmd(m.ctx.store(), m.article, m.entry.Key))
	case bookmarksMsg:
		if msg.key == m.entry.Key && msg.err == nil {
			m.state.marks = msg.marks
			if open, ok := m.overlay.(marksList); ok {
				m.overlay = open.set(msg.marks) // the list on screen follows
			}
		}
	}
	return m, nil
}

// stateKey handles the keys that write to the store; ok is false for any
// other key.
func (m *readerModel) stateKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, m.keys.Bookmark):
		m.overlay = newLabelPrompt()
		return nil, true
	case key.Matches(msg, m.keys.Marks):
		if len(m.state.marks) == 0 {
			return m.say("No bookmarks in this article yet: m adds one."), true
		}
		m.overlay = newMarksList(m.ctx, m.state.marks, m.outline.placeName)
		return nil, true
	case key.Matches(msg, m.keys.Quote):
		return m.saveQuote(), true
	case key.Matches(msg, m.keys.Select):
		return m.startSelection(), true
	case key.Matches(msg, m.keys.Highlights):
		if len(m.highs) == 0 {
			return m.say("No highlights in this article yet: v selects a passage, y highlights a paragraph."), true
		}
		m.overlay = newHighlightsList(m.ctx, m.highs, m.outline.placeName)
		return nil, true
	case pressedDisabled(msg, m.keys.Bookmark), pressedDisabled(msg, m.keys.Marks), pressedDisabled(msg, m.keys.Quote),
		pressedDisabled(msg, m.keys.Select), pressedDisabled(msg, m.keys.Highlights):
		return m.say("No bookmarks or highlights: the library database is not available."), true
	}
	return nil, false
}

// topBlock is the paragraph at the top of the view and its text.
func (m readerModel) topBlock() (articles.Position, string) {
	pos := m.doc.PositionAt(m.top)
	pos.Offset = 0
	blocks := m.article.Sections[pos.Section].Blocks
	if pos.Block >= len(blocks) {
		return pos, ""
	}
	return pos, blocks[pos.Block].Text
}

// quoteBlock is the first paragraph of text at or below the top line: a
// section's or sub-section's heading is not text to quote, and is on the
// top line after every jump to one.
func (m readerModel) quoteBlock() (articles.Position, string) {
	top, _ := m.topBlock()
	for sec := top.Section; sec < len(m.article.Sections); sec++ {
		s := m.article.Sections[sec]
		first := 0
		if sec == top.Section {
			first = top.Block
		}
		for b := first; b < len(s.Blocks); b++ {
			if b == 0 && s.Title != "" || s.Blocks[b].Heading > 0 {
				continue // a heading
			}
			return articles.Position{Section: sec, Block: b}, s.Blocks[b].Text
		}
	}
	return top, ""
}

func (m readerModel) addBookmark(label string) tea.Cmd {
	store := m.ctx.store()
	pos, text := m.topBlock()
	b := library.Bookmark{Key: m.entry.Key, Position: pos, Label: label, Excerpt: text}
	where := m.outline.placeName(pos)
	return func() tea.Msg {
		_, err := store.AddBookmark(b)
		return storeDoneMsg{asker: readerScreen, done: "Bookmarked " + where + ".", err: err}
	}
}

// saveQuote highlights the paragraph at the top of the view or, while
// the search shows a match, the sentence that holds it, with all that is
// needed to cite it: a quote, as cable quotes prints it, is a highlight.
func (m readerModel) saveQuote() tea.Cmd {
	pos, text := m.quoteBlock()
	if mpos, sentence, ok := m.matchSentence(); ok {
		pos, text = mpos, sentence
	}
	text = articles.QuoteText(text) // the citation keeps the place; the markers go
	if text == "" {
		return m.say("Nothing to quote here.")
	}
	meta := m.article.Meta
	q := library.Quote{
		Key: m.entry.Key, ArticleID: m.article.ID, Title: meta.Title, Author: meta.Author,
		Source: meta.Source, Published: meta.Published, URL: meta.URL,
		SectionTitle: m.article.SectionTitle(pos.Section), Text: text, Position: pos,
	}
	store, where := m.ctx.store(), m.outline.placeName(pos)
	return func() tea.Msg {
		_, err := store.AddQuote(q)
		if errors.Is(err, library.ErrQuoteSaved) {
			return storeDoneMsg{asker: readerScreen, done: fmt.Sprintf("Already highlighted: %s.", where)}
		}
		return storeDoneMsg{asker: readerScreen, done: fmt.Sprintf("Highlighted %s.", where), err: err}
	}
}

// matchSentence is the sentence around the current search match, and the
// paragraph it is in.
func (m readerModel) matchSentence() (articles.Position, string, bool) {
	pos, at, ok := m.matchPlace()
	if !ok {
		return pos, "", false
	}
	text := m.article.Sections[pos.Section].Blocks[pos.Block].Text
	if at < 0 {
		return pos, text, true // the match spans paragraphs: keep the one it starts in
	}
	return pos, sentenceAround(text, at), true
}

// matchPlace is the paragraph the current search match is in, and the
// byte of its text where the match starts (-1 when the match runs over
// more than the paragraph).
func (m readerModel) matchPlace() (articles.Position, int, bool) {
	if !m.find.active() || len(m.find.matches) == 0 || !m.find.ready(m.doc) {
		return articles.Position{}, 0, false
	}
	match := m.find.matches[m.find.current]
	pos := m.doc.PositionAt(int(m.find.index.line[match.start]))
	pos.Offset = 0
	blocks := m.article.Sections[pos.Section].Blocks
	if pos.Block >= len(blocks) {
		return pos, 0, false
	}
	text := blocks[pos.Block].Text
	found := string(m.find.index.runes[match.start:match.end])
	at := strings.Index(text, found)
	if at < 0 {
		at = indexFold(text, found)
	}
	return pos, at, true
}

// indexFold is where in s the first match of sub starts, ignoring case,
// as a byte offset into s itself (lowering s first could change its
// length: "Ⱥ" takes two bytes, "ⱥ" three), or -1.
func indexFold(s, sub string) int {
	for i := range s {
		if len(s)-i < len(sub)/3 {
			break
		}
		rest := s[i:]
		j := 0
		for _, r := range sub {
			if j >= len(rest) {
				j = -1
				break
			}
			c, size := utf8.DecodeRuneInString(rest[j:])
			if !strings.EqualFold(string(c), string(r)) {
				j = -1
				break
			}
			j += size
		}
		if j >= 0 {
			return i
		}
	}
	return -1
}

// sentenceAround is the sentence of text that holds the byte at.
func sentenceAround(text string, at int) string {
	start := 0
	for _, end := range []string{". ", "? ", "! "} {
		if i := strings.LastIndex(text[:at], end); i >= 0 && i+2 > start {
			start = i + 2
		}
	}
	stop := len(text)
	for _, end := range []string{". ", "? ", "! "} {
		if i := strings.Index(text[at:], end); i >= 0 && at+i+1 < stop {
			stop = at + i + 1
		}
	}
	return strings.TrimSpace(text[start:stop])
}

// MeasurePreference is the name the width chosen with w is kept under.
const MeasurePreference = "width"

// keepMeasure keeps the width just chosen for the next start, in the
// background, and says where it stands: kept, or for this session only
// where the configuration sets the width at every start.
func (m *readerModel) keepMeasure(label string) tea.Cmd {
	store := m.ctx.store()
	switch {
	case store == nil:
		return m.say("Text width: %s.", label)
	case m.ctx.MeasureGiven:
		return m.say("Text width: %s, for now: --width, CABLE_WIDTH or config.yaml set it at start.", label)
	}
	value := strconv.Itoa(m.ctx.Measure)
	return tea.Batch(m.say("Text width: %s, kept for next time.", label), func() tea.Msg {
		if err := store.SetPreference(MeasurePreference, value); err != nil {
			return noticeMsg{text: "The width could not be kept: " + err.Error()}
		}
		return nil
	})
}
