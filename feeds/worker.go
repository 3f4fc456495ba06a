package feeds

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"cable/library"
)

// Worker runs feed updates and owns their whole life: an update it runs
// goes until it is done, its context ends or the worker stops; Stop
// cancels every update running and waits for them, so that whoever closes
// the store afterwards knows no update writes to it any more (an article
// saved after the close would go unrecorded, and be saved a second time
// by the next update). The library's u, in the background, and "cable
// feeds update" both update through one.
type Worker struct {
	// Updater does the updates.
	Updater *Updater
	// update is Updater.Update; tests put a slow one in its place.
	update func(ctx context.Context, list []library.Feed, ev Events) []Result

	mu      sync.Mutex
	stopped bool
	cancels map[int]context.CancelFunc
	next    int
	wg      sync.WaitGroup
}

// ErrStopped is Run's error once the worker has stopped.
var ErrStopped = errors.New("feeds: the updates have stopped")

// Run updates the feeds of list, or every feed followed when list is nil,
// as Updater.Update does, telling ev; it returns the results when every
// feed is done, ctx is cancelled or the worker stops. It starts nothing
// once the worker has stopped.
func (w *Worker) Run(ctx context.Context, list []library.Feed, ev Events) ([]Result, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	w.mu.Lock()
	if w.stopped {
		w.mu.Unlock()
		return nil, ErrStopped
	}
	if w.cancels == nil {
		w.cancels = map[int]context.CancelFunc{}
	}
	id := w.next
	w.next++
	w.cancels[id] = cancel
	// Added under the lock, so never after Stop has begun to wait.
	w.wg.Add(1)
	w.mu.Unlock()
	defer func() {
		w.mu.Lock()
		delete(w.cancels, id)
		w.mu.Unlock()
		w.wg.Done()
	}()
	if list == nil {
		all, err := w.Updater.Store.Feeds()
		if err != nil {
			return nil, err
		}
		list = all
	}
	if ev.Started != nil {
		ev.Started(len(list))
	}
	update := w.update
	if update == nil {
		update = w.Updater.Update
	}
	return update(ctx, list, ev), nil
}

// Stop cancels the updates running and waits up to wait for them to
// return; no update starts after it. It says so when one did not return
// in time.
func (w *Worker) Stop(wait time.Duration) error {
	w.mu.Lock()
	w.stopped = true
	for _, cancel := range w.cancels {
		cancel()
	}
	w.mu.Unlock()
	done := make(chan struct{})
	go func() {
		w.wg.Wait()
		close(done)
	}()
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case <-done:
		return nil
	case <-timer.C:
		return fmt.Errorf("the feed update did not stop within %s; the article it was saving may be saved again by the next update", wait)
	}
}
