package ui

import (
	"strings"
	"time"

	"cable/library"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// The library's state as its keys and status line show it: the keys
// switched off while they cannot act, and the passing message under the
// list.

// syncKeys switches the keys that depend on the library's state: c with
// an article to continue, ' with bookmarks, u with feeds followed, esc
// while an update runs. Off, they are left out of the help, and pressing
// one says why (offKey). The list's help is given the keys anew: it
// holds a copy.
func (m *libraryModel) syncKeys() {
	store := m.ctx.store() != nil
	m.keys.Continue.SetEnabled(store && len(m.unfinished()) > 0)
	m.keys.Marks.SetEnabled(store && m.hasMarks)
	m.keys.UpdateFeeds.SetEnabled(m.ctx.UpdateFeeds != nil && m.followsFeeds)
	m.keys.CancelUpdate.SetEnabled(m.feeds.running)
	m.syncTriageKeys()
	m.list.AdditionalShortHelpKeys = m.keys.ShortHelp
	m.list.AdditionalFullHelpKeys = m.keys.FullHelp
}

// offKey says why a key switched off does nothing; ok is false for a
// key that is on, or no key of the library's.
func (m *libraryModel) offKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	const noStore = "No reading state: the library database is not available."
	store := m.ctx.store() != nil
	switch {
	case pressedDisabled(msg, m.keys.Continue) && !store, pressedDisabled(msg, m.keys.Marks) && !store,
		pressedDisabled(msg, m.keys.Search), pressedDisabled(msg, m.keys.Finished), pressedDisabled(msg, m.keys.Unread),
		pressedDisabled(msg, m.keys.Highlights), pressedDisabled(msg, m.keys.Archive), pressedDisabled(msg, m.keys.ArchiveView), pressedDisabled(msg, m.keys.Tag):
		return m.say(noStore), true
	case pressedDisabled(msg, m.keys.Continue):
		if len(m.readings) > 0 {
			return m.say("Nothing to continue: every article opened is finished."), true
		}
		return m.say("Nothing to continue: no article opened yet."), true
	case pressedDisabled(msg, m.keys.Marks):
		return m.say("No bookmarks yet: m in the reader adds one."), true
	case pressedDisabled(msg, m.keys.UpdateFeeds) && m.ctx.UpdateFeeds == nil:
		return m.say("No feeds: the library database is not available."), true
	case pressedDisabled(msg, m.keys.UpdateFeeds):
		return m.say("No feeds followed: cable feeds add URL follows one."), true
	}
	return nil, false
}

// marksCountedMsg says whether the store holds any bookmark, asked
// again after a write that may have added or deleted one.
type marksCountedMsg struct{ any bool }

// countMarksCmd asks the store, in the background, whether it holds any
// bookmark.
func countMarksCmd(store *library.Store) tea.Cmd {
	if store == nil {
		return nil
	}
	return func() tea.Msg {
		marks, err := store.Bookmarks("")
		return marksCountedMsg{any: len(marks) > 0 || err != nil}
	}
}

// say shows a passing message under the list; warn shows a problem. A
// question D asked that the message replaces is withdrawn: the next key
// answers no question the reader no longer sees.
func (m *libraryModel) say(text string) tea.Cmd {
	m.statusID++
	m.status, m.warning = text, false
	id := m.statusID
	return m.ctx.Clock.Tick(statusDuration, func(time.Time) tea.Msg { return libraryStatusMsg{id: id} })
}

func (m *libraryModel) warn(text string) tea.Cmd {
	cmd := m.say(text)
	m.warning = true
	return cmd
}

// statusLines are the status under the list: a line, or two for a
// message too long for one where the screen has rows to spare, never cut
// between two words while it can be said whole.
func (m libraryModel) statusLines() []string {
	room := max(m.ctx.Width-2, 1)
	if m.triage.ask != nil {
		return []string{"  " + m.triage.ask.line(room)}
	}
	lines := []string{cutWords(m.status, room)}
	if ansi.StringWidth(m.status) > room && m.ctx.Height >= 12 {
		lines = wrapWords(m.status, room, 2)
	}
	for i, l := range lines {
		if m.warning {
			l = m.ctx.Styles.Error.Render(l)
		}
		lines[i] = "  " + l
	}
	return lines
}

// libraryStatusMsg clears the library's status, unless a newer message
// replaced it.
type libraryStatusMsg struct{ id int }

// keyLines are the keys under the list, as the list would draw them, but
// fitted to the screen as the reader's reminder is (fitKeys), so that "?
// more" stays; with the help open, every key in columns that are never
// cut (helpColumns).
func (m libraryModel) keyLines() []string {
	pad := m.list.Styles.HelpStyle
	room := max(m.ctx.Width-pad.GetHorizontalFrameSize(), 1)
	if m.list.Help.ShowAll {
		st := m.list.Help.Styles
		return m.padded(pad.Render(strings.Join(helpColumns(m.list.FullHelp(), room, st.FullKey, st.FullDesc), "\n")))
	}
	return m.padded(pad.Render(fitKeys(m.list.Help, m.list.ShortHelp(), room)))
}

// padded are text's lines, each filled to the screen's width with
// spaces, as the list draws its own.
func (m libraryModel) padded(text string) []string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = l + strings.Repeat(" ", max(m.ctx.Width-ansi.StringWidth(l), 0))
	}
	return lines
}
