package main

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"cable/library"
	"cable/ui"
)

// TestQuitWaitsForFeedUpdate: quitting the reader while the library's
// update runs cancels it and waits for it to finish the article in hand
// before the store is closed, so that no article is saved without being
// recorded (and saved again, as name-2.md, by the next update).
func TestQuitWaitsForFeedUpdate(t *testing.T) {
	db := filepath.Join(t.TempDir(), "state.db")
	store, _, err := library.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{})
	recorded := make(chan error, 1)
	cancelled, proceed := make(chan struct{}), make(chan struct{})
	slow := func(ctx context.Context, report func(ui.FeedEvent)) {
		close(started)
		<-ctx.Done()
		close(cancelled)
		<-proceed
		// The article in hand is finished after the cancel, as the
		// updater does before it looks at the context again.
		recorded <- store.RecordEntry("https://example.com/feed", "1", "https://example.com/a", "/lib/a.md")
	}
	go func() {
		<-cancelled
		close(proceed)
	}()
	var b backgroundUpdates
	update := b.wrap(slow)
	go update(context.Background(), func(ui.FeedEvent) {})
	<-started
	if err := b.stop(updateStopWait); err != nil {
		t.Fatal(err)
	}
	// What the reader does next: close the store.
	select {
	case err := <-recorded:
		if err != nil {
			t.Fatalf("recording the entry: %v", err)
		}
	default:
		t.Fatal("stop returned before the update finished its article")
	}
	store.Close()
	store, _, err = library.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if seen, err := store.EntrySeen("https://example.com/feed", "1", ""); err != nil || !seen {
		t.Errorf("entry recorded = %v, %v; want it recorded", seen, err)
	}
	// No update starts once stopped.
	ran := false
	b.wrap(func(context.Context, func(ui.FeedEvent)) { ran = true })(context.Background(), nil)
	if ran {
		t.Error("an update started after stop")
	}
}

// TestQuitWaitIsBounded: an update that does not return is given up on
// after the bound, with an error that says so, rather than keeping cable
// open.
func TestQuitWaitIsBounded(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	var b backgroundUpdates
	started := make(chan struct{})
	go b.wrap(func(context.Context, func(ui.FeedEvent)) {
		close(started)
		<-release
	})(context.Background(), nil)
	<-started
	if err := b.stop(time.Millisecond); err == nil {
		t.Error("stop returned no error for an update that did not stop")
	}
}
