package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"cable/articles"
	"cable/config"
	"cable/crash"
	"cable/ingest"
	"cable/library"
	"cable/pdf"
	"cable/render"

	"github.com/spf13/cobra"
)

// env is what every command works with: the flags every command takes
// (--library, --no-state) and the places they settle, resolved once,
// before any command runs, by the root's PersistentPreRunE. It is the one
// way to the library directory, the database, the kept sources, the
// render cache, the crash reports and the configuration file.
type env struct {
	library string // --library, as given
	noState bool
	places  config.Places
	// placesErr is why the places cannot be had (no home directory).
	placesErr error
	resolved  bool
}

// settle resolves the places, once; a test's env, made without the root
// command, is settled on first use.
func (e *env) settle() error {
	if !e.resolved {
		e.places, e.placesErr = config.ResolvePlaces(e.library)
		e.resolved = true
		if e.placesErr == nil && !e.noState {
			// The PDF engine, compiled when the first PDF is read, is
			// kept beside the render cache: $XDG_CACHE_HOME/cable/pdfium.
			pdf.UseCache(filepath.Join(filepath.Dir(e.places.Cache), "pdfium"))
		}
	}
	return e.placesErr
}

// where are the places, settled.
func (e *env) where() config.Places {
	e.settle()
	return e.places
}

// libraryDir is the library directory, created if need be: every command
// that reads or saves articles finds it here.
func (e *env) libraryDir() (string, error) {
	if err := e.settle(); err != nil {
		return "", err
	}
	dir := e.places.Library
	if !e.places.LibraryGiven {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", fmt.Errorf("creating the articles directory: %w", err)
		}
	}
	return dir, nil
}

// openCatalog lists the bundled articles, the library directory and the
// files and directories given, through the index unless state is off. A
// problem with the database is left in the catalog's Warning, and reading
// goes on from the files. A name that is no file may be an article's ID,
// as "cable read" takes it. It is the only way cable opens its database.
func (e *env) openCatalog(paths []string) (*library.Catalog, error) {
	return e.catalogOf(paths, false, 0)
}

// screenCatalog is openCatalog for the screens: the index's first page
// of articles alone, no file read (library.Options.Page); the library
// lists the rest and brings the index up to date once it is drawn.
func (e *env) screenCatalog(paths []string) (*library.Catalog, error) {
	return e.catalogOf(paths, false, screenPage)
}

// screenPage is how many articles the library's first frame is drawn
// from: more than the tallest terminal shows, three lines an article.
const screenPage = 100

// catalogOf is openCatalog; with fromIndex set, a catalog whose index
// holds every source as it is comes without Entries (Catalog.Current),
// for a command that reads what it prints from the index; with page
// more than 0, with only that many (Catalog.Partial).
func (e *env) catalogOf(paths []string, fromIndex bool, page int) (*library.Catalog, error) {
	bundle, err := articles.Bundle()
	if err != nil {
		return nil, fmt.Errorf("the bundled articles are broken: %w", err)
	}
	opts := library.Options{Sources: library.Sources{Bundle: bundle}, Crash: e.crashReporter()}
	var ids []string
	for _, p := range paths {
		info, err := os.Stat(p)
		switch {
		case err != nil:
			ids = append(ids, p)
		case info.IsDir():
			opts.Dirs = append(opts.Dirs, p)
		default:
			opts.Files = append(opts.Files, p)
		}
	}
	// Without its directory the library still lists the bundled
	// articles and the files given; the reason is said once.
	if dir, err := e.libraryDir(); err != nil {
		fmt.Fprintln(os.Stderr, "cable:", err)
	} else if dir != "" {
		opts.Dirs = append(opts.Dirs, dir)
	}
	if !e.noState && e.placesErr == nil {
		opts.DBPath = e.places.DB
	}
	// An ID given must be found among the entries.
	opts.EntriesIfStale = fromIndex && len(ids) == 0
	opts.Page = page
	cat, err := library.OpenCatalog(opts)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		_, ok := cat.Find(id)
		if !ok && cat.Partial && cat.Synced() == nil {
			_, ok = cat.Find(id)
		}
		if !ok {
			cat.Close()
			return nil, userErrorf("%s: no such file, directory or article", id)
		}
	}
	return cat, nil
}

// commandCatalog opens the catalog for a command, saying any warning on
// stderr, where a script's output stays clean of it.
func (e *env) commandCatalog(cmd *cobra.Command, paths []string) (*library.Catalog, error) {
	return e.reportedCatalog(cmd, paths, false)
}

// indexCatalog is commandCatalog for a command that answers from the
// index when it is current: its Entries are then left out.
func (e *env) indexCatalog(cmd *cobra.Command, paths []string) (*library.Catalog, error) {
	return e.reportedCatalog(cmd, paths, true)
}

// lookupCatalog is commandCatalog for a command that looks one article
// up: it holds the index's first article alone (library.Options.Page),
// and finds the others in the index (Catalog.Find).
func (e *env) lookupCatalog(cmd *cobra.Command) (*library.Catalog, error) {
	return e.reportedCatalogOf(cmd, nil, false, 1)
}

func (e *env) reportedCatalog(cmd *cobra.Command, paths []string, fromIndex bool) (*library.Catalog, error) {
	return e.reportedCatalogOf(cmd, paths, fromIndex, 0)
}

func (e *env) reportedCatalogOf(cmd *cobra.Command, paths []string, fromIndex bool, page int) (*library.Catalog, error) {
	cat, err := e.catalogOf(paths, fromIndex, page)
	if err != nil {
		return nil, err
	}
	if cat.Warning != "" {
		fmt.Fprintln(cmd.ErrOrStderr(), "cable:", cat.Warning)
	}
	return cat, nil
}

// openStore opens the database alone, for a command that needs nothing of
// the library's files, saying on stderr when it had to be set aside.
// Every other command opens it through its catalog.
func (e *env) openStore(cmd *cobra.Command) (*library.Store, error) {
	if e.noState {
		return nil, userErrorf("the database is cable's state, and --no-state turns it off")
	}
	if err := e.settle(); err != nil {
		return nil, err
	}
	store, notice, err := library.Open(e.places.DB)
	if err != nil {
		return nil, err
	}
	if notice != "" {
		fmt.Fprintln(cmd.ErrOrStderr(), "cable:", notice)
	}
	return store, nil
}

// crashReporter writes crash reports beside the database, whether or not
// state is kept: a report is no reading state, and the reader needs it to
// tell us what went wrong.
func (e *env) crashReporter() *crash.Reporter {
	return &crash.Reporter{Dir: e.where().Crash, Version: version}
}

// renderCache is where the reader and "cable read" keep renderings
// between runs, or nil when state is off.
func (e *env) renderCache() *render.Cache {
	if e.noState || e.settle() != nil {
		return nil
	}
	return render.OpenCache(e.places.Cache, render.DefaultCacheMaxBytes, buildVersion())
}

// kept are the sources kept for "cable reimport".
func (e *env) kept() library.KeptSources {
	return library.KeptSources{Dir: e.where().Sources}
}

// loadConfig reads the configuration file; a broken one stops cable with
// the file and line, before any screen is drawn.
func (e *env) loadConfig() (config.Config, error) {
	if err := e.settle(); err != nil {
		return config.Config{}, err
	}
	cfg, err := config.Load(e.places.Config, keymaps())
	if err != nil {
		return cfg, userError{err}
	}
	return cfg, nil
}

// newSaver is the saving pipeline for the library the catalog lists,
// writing into dir and keeping sources where cable keeps them; progress,
// when not nil, is told how the pages it fetches come in.
func (e *env) newSaver(cat *library.Catalog, dir string, again bool, progress func(address string, received int64)) *ingest.Saver {
	return e.saverFor(cat.Store, cat.Entries, dir, again, progress)
}

// saverFor is newSaver for the store and entries of a catalog as it was:
// the library's u builds its saver from the entries listed at start,
// when it is first pressed, and not on the way to the first frame.
func (e *env) saverFor(store *library.Store, entries []library.Entry, dir string, again bool, progress func(address string, received int64)) *ingest.Saver {
	return ingest.New(ingest.Options{
		Dir: dir, Entries: entries, Store: store, Again: again, Version: version, Kept: e.kept(),
		Progress: progress,
	})
}

// printWarnings prints what did not stop an article, on stderr: each is
// marked "(warning)".
func printWarnings(w io.Writer, warnings articles.ErrorList) {
	for _, wa := range warnings {
		fmt.Fprintln(w, wa)
	}
}
