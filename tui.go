package main

import (
	"context"
	"errors"
	"os"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	"cable/config"
	"cable/feeds"
	"cable/library"
	"cable/render"
	"cable/tty"
	"cable/ui"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/term"
)

// runReader opens the catalog and starts the interactive reader.
func runReader(global env, view viewFlags, cfg config.Config, paths []string) error {
	// The one file cable was started with opens straight in the reader,
	// so a file that is no article is refused first, in one line, rather
	// than listed as broken.
	if len(paths) == 1 && !isDir(paths[0]) {
		if err := library.CheckReadable(paths[0]); err != nil {
			return userError{err}
		}
	}
	one := len(paths) == 1 && !isDir(paths[0])
	return startReader(global, view, cfg, paths, one, func(cat *library.Catalog) *library.Entry { return fileToOpen(cat, paths) })
}

// readArticleAt starts the reader on the library's article with a key
// (its path, or a bundled article's key), as "cable get --read" does with
// the article it saved or found.
func readArticleAt(global env, view viewFlags, cfg config.Config, key string) error {
	return startReader(global, view, cfg, nil, true, func(cat *library.Catalog) *library.Entry {
		if e, ok := cat.ByKey(key); ok && e.Error == "" {
			return &e
		}
		return nil
	})
}

// startReader opens the catalog of the library and paths and runs the
// reader, on the entry open picks when there is one (when opening is set,
// one is looked for in the index as it is on disk, and else after
// bringing the index up to date).
func startReader(global env, view viewFlags, cfg config.Config, paths []string, opening bool, open func(*library.Catalog) *library.Entry) (err error) {
	if !term.IsTerminal(int(os.Stdout.Fd())) || !term.IsTerminal(int(os.Stdin.Fd())) {
		return userErrorf("the reader needs a terminal; use \"cable read ID\" to print an article")
	}
	// The terminal is cable's from here: the keys typed while cable
	// starts and asks the terminal for its background are kept for the
	// reader, and the terminal is given back as it was however cable ends.
	session, err := tty.Start(os.Stdin, os.Stdout)
	if err != nil {
		return err
	}
	defer session.Close()
	jsonStyles := &render.JSONStyles{}
	theme, err := render.ResolveStyleBy(view.style, jsonStyles, true, func() bool {
		return render.DarkBackground(session.Background(), os.Getenv)
	})
	if err != nil {
		return userError{err}
	}
	limitMemory()
	cat, err := global.screenCatalog(paths)
	if err != nil {
		return err
	}
	defer cat.Close()
	start := ui.Start{Open: open(cat)}
	if start.Open == nil && opening && cat.Partial && cat.Synced() == nil {
		start.Open = open(cat)
	}
	if cat.Store != nil {
		start.Readings, _ = cat.Store.Readings()
		start.Last, _, _ = cat.Store.LastReading()
		start.New, _ = cat.Store.NewKeys()
	}
	ctx := ui.NewContext(theme, render.ColorProfile(theme, os.Stdout), view.width)
	if render.IsStyleFile(view.style) {
		ctx.StyleFile = view.style
	}
	ctx.JSONStyles = jsonStyles
	ctx.Catalog = cat
	ctx.Keys, ctx.LibraryKeys, ctx.SelectionKeys = cfg.Keys, cfg.LibraryKeys, cfg.SelectionKeys
	if cfg.WordsPerMinute > 0 {
		ctx.WordsPerMinute = cfg.WordsPerMinute
	}
	ctx.Hyperlinks = render.HyperlinksWanted(cfg.Hyperlinks, os.Getenv)
	ctx.Links = cfg.LinkMode()
	ctx.MeasureGiven = view.widthGiven
	if !view.widthGiven && cat.Store != nil {
		ctx.Measure = keptMeasure(cat.Store, ctx.Measure)
	}
	// Articles added, removed, renamed or written while the reader runs
	// are listed within a second.
	if w, err := library.Watch(cat.Dirs(), watchQuiet); err == nil {
		defer w.Close()
		ctx.LibraryChanges = w.Changes()
	}
	ctx.Cache = global.renderCache()
	ctx.Trash = &library.Trash{Dir: global.where().Trash}
	ctx.Crash = global.crashReporter()
	// openCatalog has said why the directory cannot be had, if so.
	if dir, err := global.libraryDir(); err == nil && cat.Store != nil && dir != "" {
		// The updater, and the saver's look-up of every article it
		// holds, are made when u is first pressed, on the update's own
		// goroutine: not on the way to the first frame.
		worker := &feeds.Worker{}
		// The entries are the index's (the screen's may be its first
		// page still, and are the screen's to change).
		store := cat.Store
		var made sync.Once
		ctx.UpdateFeeds = feedUpdater(worker, func() {
			made.Do(func() {
				entries, _ := cat.IndexEntries()
				worker.Updater = newFeedUpdater(&global, store, entries, dir)
			})
		})
		// An update still running writes to the store: it is stopped
		// and waited for before the deferred Close, whatever screen the
		// reader quit from.
		defer func() {
			if stopErr := worker.Stop(updateStopWait); stopErr != nil && err == nil {
				err = stopErr
			}
		}()
	}
	session.HandOver()
	err = ui.Run(ctx, start, session.Input(), os.Stdout)
	// The terminal is the shell's again before the wait for a feed
	// update, if any, and the closing of the catalog.
	session.Close()
	if errors.Is(err, tea.ErrInterrupted) {
		return interruptedError{err}
	}
	return err
}

// screenMemory is the heap the reader keeps itself within while it can
// (debug.SetMemoryLimit): the collector then works harder rather than let
// the heap double over what is live. Listing 50,000 articles again holds
// about 100 MB for a moment (the index's rows and the new list); with the
// limit the reader's peak is about 150 MB rather than 235.
const screenMemory = 100 << 20

// limitMemory sets screenMemory, unless GOMEMLIMIT sets another.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(screenMemory)
	}
}

// watchQuiet is how long the library's directories must be still after a
// change before the library is listed again: an editor's save or a feed's
// burst of articles is listed once.
const watchQuiet = 150 * time.Millisecond

// updateStopWait is how long the reader waits, on quitting, for a feed
// update to finish the article it is saving. An article is written and
// recorded in milliseconds; the bound only keeps a stuck disk from
// keeping cable open.
const updateStopWait = 5 * time.Second

// fileToOpen is the entry of the one file cable was started with, which
// opens straight in the reader.
func fileToOpen(cat *library.Catalog, paths []string) *library.Entry {
	if len(paths) != 1 || isDir(paths[0]) {
		return nil
	}
	if e, ok := cat.Find(paths[0]); ok && e.Error == "" {
		return &e
	}
	return nil
}

// feedUpdater is the library's u: every feed followed, updated by the
// worker as "cable feeds update" does, its progress told to the screen;
// ready makes the worker's updater, once, before its first update.
func feedUpdater(w *feeds.Worker, ready func()) ui.FeedUpdater {
	return func(ctx context.Context, report func(ui.FeedEvent)) {
		ready()
		_, err := w.Run(ctx, nil, feeds.Events{
			Started: func(n int) { report(ui.FeedEvent{Total: n}) },
			Grown:   func(path string) { report(ui.FeedEvent{Feed: "summaries", Saved: path}) },
			Saved:   func(f library.Feed, path string) { report(ui.FeedEvent{Feed: f.Label(), Saved: path}) },
			Done: func(r feeds.Result) {
				report(ui.FeedEvent{Feed: r.Feed.Label(), Done: true, New: len(r.Saved), Err: r.Err})
			},
		})
		if err != nil && !errors.Is(err, feeds.ErrStopped) {
			report(ui.FeedEvent{Done: true, Feed: "feeds", Err: err})
		}
	}
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// keymaps are the screens' actions and their default keys, which every
// command checks the configuration file's keys against.
func keymaps() config.Keymaps { return ui.Keymaps() }

// keptMeasure is the text width the reader chose with w in an earlier
// run, or else def. A value that is no width cable takes is passed over.
func keptMeasure(store *library.Store, def int) int {
	v, ok, err := store.Preference(ui.MeasurePreference)
	if err != nil || !ok {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || (n != 0 && n < config.MinWidth) {
		return def
	}
	return n
}
