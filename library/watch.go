package library

import (
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watcher tells when what is in library directories changes while cable
// runs: an article added, removed, renamed or written, a directory made
// or taken away. It watches every directory below them (not hidden ones,
// which a Sync skips), and those made later. A burst of changes (an
// editor saving, a feed update writing a hundred articles) is told once,
// when it has been quiet for a while: the list is then listed again
// (Catalog.Rescan), which reads only the files that changed.
type Watcher struct {
	w       *fsnotify.Watcher
	changes chan struct{}
	quiet   time.Duration
	done    chan struct{}
	closing sync.Once
}

// Watch starts watching dirs and everything below them, in the
// background (listing a large library's directories takes a while); quiet
// is how long after the last change in a burst it is told.
func Watch(dirs []string, quiet time.Duration) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{w: fw, changes: make(chan struct{}, 1), quiet: quiet, done: make(chan struct{})}
	go func() {
		for _, d := range dirs {
			w.addTree(d)
		}
		w.run()
	}()
	return w, nil
}

// Changes has a value after each burst of changes; it is closed when the
// watcher is.
func (w *Watcher) Changes() <-chan struct{} { return w.changes }

// Close stops watching.
func (w *Watcher) Close() error {
	var err error
	w.closing.Do(func() {
		err = w.w.Close()
		<-w.done
	})
	return err
}

// addTree watches dir and the directories below it that are not hidden.
// One that cannot be watched is left out: a Sync still sees it.
func (w *Watcher) addTree(dir string) {
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if path != dir && hidden(d.Name()) {
			return filepath.SkipDir
		}
		w.w.Add(path)
		return nil
	})
}

func (w *Watcher) run() {
	defer close(w.done)
	defer close(w.changes)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case ev, ok := <-w.w.Events:
			if !ok {
				timer.Stop()
				return
			}
			if hidden(filepath.Base(ev.Name)) {
				continue // an editor's swap and backup files
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
					w.addTree(ev.Name)
				}
			}
			timer.Reset(w.quiet)
		case _, ok := <-w.w.Errors:
			if !ok {
				timer.Stop()
				return
			}
			// An overflow loses events: list again, to be sure.
			timer.Reset(w.quiet)
		case <-timer.C:
			select {
			case w.changes <- struct{}{}:
			default: // one is waiting already
			}
		}
	}
}
