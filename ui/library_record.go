package ui

import (
	"time"

	"cable/library"

	tea "github.com/charmbracelet/bubbletea"
)

// library_record.go keeps the library's marks true while another process
// changes the record: "cable archive" or "cable tag" from a shell, a
// "cable get" or feed update that marks an article new, "cable restore"
// bringing back an article's reading. The article files are watched
// (watchLibrary); the database is asked every recordPoll whether anyone
// committed to it (library.Store.ChangedElsewhere), and when someone did,
// the readings, the new marks, the tags and the archive are read again
// and the list drawn with them, the selection kept.

// recordPoll is how often the library asks; a change made from a shell
// shows within it.
const recordPoll = 2 * time.Second

// recordPolledMsg says the record did not change; recordChangedMsg
// brings what it holds now.
type recordPolledMsg struct{}

type recordChangedMsg struct {
	readings map[string]library.Reading
	fresh    map[string]bool
	err      error
}

// watchRecord starts watching the record now, so that a change made
// from the start on counts, then asks every recordPoll; nil without a
// store.
func (m *libraryModel) watchRecord() tea.Cmd {
	store := m.ctx.store()
	if store == nil {
		return nil
	}
	return func() tea.Msg {
		store.ChangedElsewhere() // the first call only starts watching
		return recordPolledMsg{}
	}
}

// pollRecord asks, after recordPoll, whether the record changed, and
// reads it again when it did.
func (m *libraryModel) pollRecord() tea.Cmd {
	store := m.ctx.store()
	if store == nil {
		return nil
	}
	return m.ctx.Clock.Tick(recordPoll, func(time.Time) tea.Msg {
		changed, err := store.ChangedElsewhere()
		if err != nil || !changed {
			return recordPolledMsg{}
		}
		var msg recordChangedMsg
		if msg.readings, msg.err = store.Readings(); msg.err == nil {
			msg.fresh, msg.err = store.NewKeys()
		}
		return msg
	})
}

// recordChanged draws the list with the record as it is now; a failed
// read leaves what was known.
func (m *libraryModel) recordChanged(msg recordChangedMsg) {
	if msg.err != nil {
		return
	}
	m.readings, m.fresh = msg.readings, msg.fresh
	m.triage.reload(m.ctx.store())
	m.refresh()
}
