package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cable/library"

	"github.com/charmbracelet/x/exp/golden"
)

// fakeFeeds is an updater that saves articles into a library directory
// without any network: the first feed saves two, then it waits for
// release (or for the update to be cancelled); the second feed then
// fails.
type fakeFeeds struct {
	dir       string
	release   chan struct{}
	cancelled chan struct{}
}

const fakeArticle = "---\ntitle: %s\nfeed: The Review\n---\n\nThe delegations met again, and agreed on the date of the next round.\n"

func (f *fakeFeeds) update(ctx context.Context, report func(FeedEvent)) {
	report(FeedEvent{Total: 2})
	for _, title := range []string{"Talks Resume", "Ports Wait"} {
		path, err := library.SaveFile(filepath.Join(f.dir, "the-review"), library.SafeFileName(title), []byte(strings.Replace(fakeArticle, "%s", title, 1)))
		if err != nil {
			panic(err)
		}
		report(FeedEvent{Feed: "The Review", Saved: path})
	}
	report(FeedEvent{Feed: "The Review", Done: true, New: 2})
	select {
	case <-f.release:
	case <-ctx.Done():
		close(f.cancelled)
		report(FeedEvent{Feed: "Elsewhere", Done: true, Err: ctx.Err()})
		return
	}
	report(FeedEvent{Feed: "Elsewhere", Done: true, Err: errors.New("unreachable (connection refused)")})
}

// updaterWaits reports whether the fake updater's first feed is
// counted and listed, where it waits to be released (or cancelled).
func updaterWaits(m Model) bool {
	f := m.library.feeds
	return f.done == 1 && f.fresh == 2 && !f.rescanning && !f.pending
}

// feedsModel is the library over a store and a library directory, with
// the fake updater.
func feedsModel(t *testing.T) (Model, *fakeFeeds) {
	t.Helper()
	dir := t.TempDir()
	ctx := storeContext(t, 100, 30, filepath.Join(t.TempDir(), "cable.db"))
	cat, err := library.OpenCatalog(library.Options{Sources: library.Sources{Bundle: mustBundle(), Dirs: []string{dir}}, DBPath: filepath.Join(t.TempDir(), "c.db")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cat.Close() })
	if _, err := cat.Store.AddFeed(library.Feed{Name: "the-review", URL: "http://example.invalid/feed"}); err != nil {
		t.Fatal(err) // u is on only with a feed followed
	}
	ctx.Catalog = cat
	f := &fakeFeeds{dir: dir, release: make(chan struct{}), cancelled: make(chan struct{})}
	ctx.UpdateFeeds = f.update
	return startModel(t, ctx), f
}

// TestLibraryUpdatesFeeds: u shows its progress while the feeds are
// updated, lists the new articles as they are saved, marked new, and
// then the feed that failed, with its error.
func TestLibraryUpdatesFeeds(t *testing.T) {
	m, f := feedsModel(t)
	m, cmd := press(t, m, "u")
	m = settle(t, m, cmd, updaterWaits)
	screen := strings.Join(screenLines(m), "\n")
	if !strings.Contains(screen, "Updating 1/2 feeds · 2 new") {
		t.Errorf("no progress line:\n%s", screen)
	}
	if !strings.Contains(screen, "Talks Resume") || !strings.Contains(screen, "Ports Wait") {
		t.Errorf("the articles saved are not listed yet:\n%s", screen)
	}
	if !strings.Contains(screen, "new · The Review") && !strings.Contains(screen, "new · ") {
		t.Errorf("the new articles are not marked new:\n%s", screen)
	}
	close(f.release)
	m = settle(t, m, waitFeedEvent(m.library.feeds.run, m.library.feeds.events))
	screen = strings.Join(screenLines(m), "\n")
	for _, want := range []string{"Updated 2 feeds · 2 new · 1 failed", "Elsewhere: unreachable (connection refused)", "4 articles"} {
		if !strings.Contains(screen, want) {
			t.Errorf("after the update, no %q:\n%s", want, screen)
		}
	}
	golden.RequireEqualEscape(t, []byte(m.View()), true)
}

// TestLibraryEscStopsTheUpdate: esc while the feeds are updated cancels
// the update's context; what was saved stays listed, and nothing is said
// to have failed.
func TestLibraryEscStopsTheUpdate(t *testing.T) {
	m, f := feedsModel(t)
	m, cmd := press(t, m, "u")
	m = settle(t, m, cmd, updaterWaits)
	m, _ = press(t, m, "esc")
	select {
	case <-f.cancelled:
	case <-time.After(10 * time.Second):
		t.Fatal("esc did not cancel the update's context")
	}
	m = settle(t, m, waitFeedEvent(m.library.feeds.run, m.library.feeds.events))
	screen := strings.Join(screenLines(m), "\n")
	if !strings.Contains(screen, "Update cancelled · 2 new") || strings.Contains(screen, "failed") {
		t.Errorf("after esc:\n%s", screen)
	}
	if !strings.Contains(screen, "Talks Resume") {
		t.Errorf("the articles saved before esc are gone:\n%s", screen)
	}
	entries, _ := os.ReadDir(filepath.Join(f.dir, "the-review"))
	if len(entries) != 2 {
		t.Errorf("%d files, want the 2 saved", len(entries))
	}
}

// TestLibraryUpdateKeyOffWithoutFeeds: without an updater (no state) u
// updates nothing and says why, and the list's previous page no longer
// takes it.
func TestLibraryUpdateKeyOffWithoutFeeds(t *testing.T) {
	m := startModel(t, testContext("dark", 100, 30))
	m, _ = press(t, m, "u")
	if m.library.feeds.run != 0 || m.library.list.Paginator.Page != 0 {
		t.Error("u started something without an updater")
	}
	if !strings.Contains(m.library.status, "not available") {
		t.Errorf("u without an updater says %q", m.library.status)
	}
}

// TestFilterMatchesTheFeed: the library's filter finds every article of a
// feed by the feed's name.
func TestFilterMatchesTheFeed(t *testing.T) {
	it := entryItem{entry: &library.Entry{}}
	it.entry.Summary.Title, it.entry.Summary.Feed = "Talks Resume", "War on the Rocks"
	if !strings.Contains(it.FilterValue(), "war on the rocks") { // folded, as the filter matches it
		t.Errorf("filter value %q lacks the feed", it.FilterValue())
	}
	it.entry.Summary.SummaryOnly = true
	if !strings.Contains(it.Description(), "summary only") {
		t.Errorf("description %q does not say summary only", it.Description())
	}
}

// TestQuitCancelsTheUpdate: quitting while the feeds are updated, from
// the reader as from the library, cancels the update, whose goroutine
// would otherwise wait for ever to hand over events nobody reads.
func TestQuitCancelsTheUpdate(t *testing.T) {
	m, f := feedsModel(t)
	m, cmd := press(t, m, "u")
	m = settle(t, m, cmd, updaterWaits)
	m.screen = readerScreen // quit from the reader
	endUpdate(guarded{model: m})
	select {
	case <-f.cancelled:
	case <-time.After(10 * time.Second):
		t.Fatal("quitting did not cancel the update's context")
	}
}
