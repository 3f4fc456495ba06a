package feeds

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"cable/library"
)

// TestStopWaitsForTheArticleInHand: stopping the worker while an update
// runs cancels it and waits for it to finish the article in hand, so that
// the store closed next has it recorded (an article saved but not
// recorded would be saved again, as name-2.md, by the next update). No
// update starts once the worker has stopped.
func TestStopWaitsForTheArticleInHand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "state.db")
	store, _, err := library.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{})
	recorded := make(chan error, 1)
	w := &Worker{Updater: &Updater{Store: store}}
	w.update = func(ctx context.Context, _ []library.Feed, _ Events) []Result {
		close(started)
		<-ctx.Done()
		// The article in hand is finished after the cancel, as the
		// updater does before it looks at the context again.
		time.Sleep(10 * time.Millisecond)
		recorded <- store.RecordEntry("https://example.com/feed", "1", "https://example.com/a", "/lib/a.md")
		return nil
	}
	go w.Run(context.Background(), []library.Feed{}, Events{})
	<-started
	if err := w.Stop(5 * time.Second); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-recorded:
		if err != nil {
			t.Fatalf("recording the entry: %v", err)
		}
	default:
		t.Fatal("Stop returned before the update finished its article")
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
	if _, err := w.Run(context.Background(), []library.Feed{}, Events{}); !errors.Is(err, ErrStopped) {
		t.Errorf("an update ran after Stop: %v", err)
	}
}

// TestStopIsBounded: an update that does not return is given up on after
// the bound, with an error that says so, rather than keeping cable open.
func TestStopIsBounded(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	started := make(chan struct{})
	w := &Worker{update: func(context.Context, []library.Feed, Events) []Result {
		close(started)
		<-release
		return nil
	}}
	go w.Run(context.Background(), []library.Feed{}, Events{})
	<-started
	if err := w.Stop(time.Millisecond); err == nil {
		t.Error("Stop returned no error for an update that did not stop")
	}
}

// TestRunListsEveryFeed: with no list, Run updates every feed followed,
// and says first how many.
func TestRunListsEveryFeed(t *testing.T) {
	u := testUpdater(t)
	for _, url := range []string{"https://a.example/feed", "https://b.example/feed"} {
		if _, err := u.Store.AddFeed(library.Feed{URL: url}); err != nil {
			t.Fatal(err)
		}
	}
	var got []library.Feed
	w := &Worker{Updater: u, update: func(_ context.Context, list []library.Feed, _ Events) []Result {
		got = list
		return nil
	}}
	total := -1
	if _, err := w.Run(context.Background(), nil, Events{Started: func(n int) { total = n }}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || total != 2 {
		t.Errorf("updated %v, told %d; want both feeds", got, total)
	}
}
