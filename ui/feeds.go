package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"cable/library"

	"github.com/charmbracelet/bubbles/list"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
)

// FeedEvent is what an update of the feeds says while it runs, one event
// at a time: first how many feeds there are (Total), then each article
// saved (Saved, its path) and each feed finished (Done, with its count of
// new articles or its error).
type FeedEvent struct {
	Total int
	Feed  string
	Saved string
	Done  bool
	New   int
	Err   error
}

// FeedUpdater updates the feeds followed, saying what happens through
// report, and returns when every feed is done or ctx is cancelled. The
// program gives one to the library through the Context, so that the
// screens reach the network without knowing how. Run cancels an update
// still running when the reader quits, but does not wait for it: the
// program must, before it closes the store the updater records in.
type FeedUpdater func(ctx context.Context, report func(FeedEvent))

// feedEventMsg carries the next event of the update run; ok is false
// once the update has finished. run tells a late event of an update that
// was replaced from the current one's.
type feedEventMsg struct {
	run int
	ev  FeedEvent
	ok  bool
}

// rescannedMsg brings back the library's entries, listed again after new
// articles were saved.
type rescannedMsg struct {
	entries []library.Entry
	err     error
}

// feedUpdate is the library's update of the feeds in progress, or the
// outcome of the last one: the progress line, the new articles to mark,
// the feeds that failed.
type feedUpdate struct {
	run       int
	running   bool
	cancel    context.CancelFunc
	events    chan FeedEvent
	total     int
	done      int
	fresh     int
	cancelled bool
	failed    []string
	// rescanning is set while the library is listed again; pending that
	// another article was saved meanwhile, so it is listed once more.
	rescanning, pending bool
	spinner             spinner.Model
}

// start begins an update in the background: the updater runs in its own
// goroutine and hands its events over a channel, which waitFeedEvent
// reads one message at a time.
func (f *feedUpdate) start(update FeedUpdater, clock Clock) tea.Cmd {
	ctx, cancel := context.WithCancel(context.Background())
	f.run++
	f.running, f.cancel, f.cancelled = true, cancel, false
	f.total, f.done, f.fresh, f.failed = 0, 0, 0, nil
	f.events = make(chan FeedEvent, 64)
	f.spinner = spinner.New(spinner.WithSpinner(spinner.MiniDot))
	events := f.events
	go func() {
		defer close(events)
		update(ctx, func(ev FeedEvent) {
			select {
			case events <- ev:
			case <-ctx.Done():
				// Nobody may be reading any more; the last rescan
				// finds what was saved.
			}
		})
	}()
	return tea.Batch(waitFeedEvent(f.run, events), f.nextFrame(clock))
}

// nextFrame is the timer of the spinner's next frame. The spinner would
// time its frames itself, with tea.Tick; they are timed by the clock
// instead, as every timer is.
func (f *feedUpdate) nextFrame(clock Clock) tea.Cmd {
	id := f.spinner.ID()
	return clock.Tick(f.spinner.Spinner.FPS, func(t time.Time) tea.Msg { return spinner.TickMsg{Time: t, ID: id} })
}

// waitFeedEvent waits for the next event of an update.
func waitFeedEvent(run int, events <-chan FeedEvent) tea.Cmd {
	return func() tea.Msg {
		ev, ok := <-events
		return feedEventMsg{run: run, ev: ev, ok: ok}
	}
}

// stop cancels the update and returns at once, without waiting: the
// updater finishes the article in hand (or writes none of it) on its own
// goroutine, and its last events come through the channel as usual. When
// the reader quits instead, nobody reads them any more; the program that
// gave the updater (cable's main) cancels and waits for it before it
// closes the store.
func (f *feedUpdate) stop() {
	if f.running && f.cancel != nil {
		f.cancel()
		f.cancelled = true
	}
}

// take counts an event; saved says an article was saved, so that the
// library is listed again.
func (f *feedUpdate) take(ev FeedEvent) (saved bool) {
	switch {
	case ev.Total > 0:
		f.total = ev.Total
	case ev.Saved != "":
		f.fresh++
		return true
	case ev.Done:
		f.done++
		if ev.Err != nil && !f.cancelled {
			f.failed = append(f.failed, ev.Feed+": "+oneLineText(ev.Err.Error()))
		}
	}
	return false
}

// finish marks the update over.
func (f *feedUpdate) finish() {
	f.running = false
	if f.cancel != nil {
		f.cancel()
	}
}

// progressLine is the update's line: "Updating 12/30 feeds · 48 new"
// while it runs, what it did once it is over.
func (f *feedUpdate) progressLine() string {
	switch {
	case f.running && f.cancelled:
		return fmt.Sprintf("%s Cancelling… %s", f.spinner.View(), plural(f.fresh, "new article"))
	case f.running:
		return fmt.Sprintf("%s Updating %d/%d feeds · %d new", f.spinner.View(), f.done, f.total, f.fresh)
	case f.cancelled:
		return fmt.Sprintf("Update cancelled · %d new", f.fresh)
	case f.run == 0:
		return ""
	case f.total == 0:
		return "No feeds followed: \"cable feeds add URL\" follows one."
	}
	line := fmt.Sprintf("Updated %s · %d new", plural(f.total, "feed"), f.fresh)
	if len(f.failed) > 0 {
		line += fmt.Sprintf(" · %d failed", len(f.failed))
	}
	return line
}

// maxFailedLines is how many failed feeds are listed under the library;
// more are counted on the last line.
const maxFailedLines = 4

// failedLines are the feeds that failed, one line each.
func (f *feedUpdate) failedLines() []string {
	if len(f.failed) <= maxFailedLines {
		return f.failed
	}
	lines := append([]string(nil), f.failed[:maxFailedLines-1]...)
	return append(lines, fmt.Sprintf("and %d more (cable feeds list)", len(f.failed)-maxFailedLines+1))
}

func oneLineText(s string) string { return strings.Join(strings.Fields(s), " ") }

// rescan lists the library again, in the background.
func rescan(cat *library.Catalog) tea.Cmd {
	return func() tea.Msg {
		entries, err := cat.Rescan()
		return rescannedMsg{entries: entries, err: err}
	}
}

// startFeeds starts an update of the feeds, unless one is running.
func (m *libraryModel) startFeeds() tea.Cmd {
	if m.feeds.running {
		return m.say("The feeds are being updated; esc stops.")
	}
	cmd := m.feeds.start(m.ctx.UpdateFeeds, m.ctx.Clock)
	m.syncKeys()
	m.layout()
	return cmd
}

// updateFeeds takes the messages of an update: its events, the library
// listed again, the spinner's ticks.
func (m libraryModel) updateFeeds(msg tea.Msg) (libraryModel, tea.Cmd) {
	f := &m.feeds
	switch msg := msg.(type) {
	case spinner.TickMsg:
		if !f.running || msg.ID != f.spinner.ID() {
			return m, nil
		}
		f.spinner, _ = f.spinner.Update(msg)
		return m, f.nextFrame(m.ctx.Clock)
	case feedEventMsg:
		if msg.run != f.run {
			return m, nil
		}
		if !msg.ok {
			f.finish()
			m.syncKeys()
			m.layout()
			return m, m.relist()
		}
		var cmd tea.Cmd
		if f.take(msg.ev) {
			if abs, err := filepath.Abs(msg.ev.Saved); err == nil {
				m.fresh[abs] = true
			}
			cmd = m.relist()
		}
		m.layout()
		return m, tea.Batch(waitFeedEvent(f.run, f.events), cmd)
	case rescannedMsg:
		f.rescanning = false
		var ahead tea.Cmd
		if msg.err == nil {
			// The reader's choice of row is kept. While the list drawn
			// from the index's first page is completed, a cursor still on
			// the top row of an unfiltered list stays there, so that an
			// article the index did not hold yet, listed first, is the one
			// selected, as on any start.
			atTop := m.ctx.Catalog.Partial && m.list.Index() == 0 && m.list.FilterState() == list.Unfiltered
			m.ctx.Catalog.Complete(msg.entries)
			m.refresh()
			if atTop {
				m.list.Select(0)
			}
			ahead = m.sortAhead()
		}
		if f.pending {
			f.pending = false
			return m, tea.Batch(m.relist(), ahead)
		}
		return m, ahead
	}
	return m, nil
}

// relist lists the library again, or, while it is being listed, asks for
// it to be listed once more when that is done.
func (m *libraryModel) relist() tea.Cmd {
	if m.feeds.rescanning {
		m.feeds.pending = true
		return nil
	}
	m.feeds.rescanning = true
	return rescan(m.ctx.Catalog)
}

// feedLines are the lines the update takes under the list: its progress,
// and the feeds that failed.
func (m *libraryModel) feedLines() []string {
	line := m.feeds.progressLine()
	if line == "" {
		return nil
	}
	room := max(m.ctx.Width-2, 1)
	lines := []string{"  " + cutWords(line, room)}
	for _, l := range m.feeds.failedLines() {
		lines = append(lines, "  "+m.ctx.Styles.Error.Render(cutWords(l, room)))
	}
	return lines
}

// layout gives the list what the feed lines and the status leave of the
// screen.
func (m *libraryModel) layout() {
	m.list.Paginator.Type = paginatorFor(len(m.list.Items()), m.ctx.Width, m.ctx.Height)
	m.list.SetShowHelp(false) // the library draws the keys itself: keyLines
	m.list.SetSize(m.ctx.Width, max(m.ctx.Height-1-len(m.feedLines())-len(m.keyLines()), 1))
}
