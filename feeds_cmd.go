package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"cable/feeds"
	"cable/library"

	"github.com/spf13/cobra"
)

// feedsEnv is what the feeds commands work with: the catalog whose store
// keeps the feeds, and the updater that saves their articles into the
// library directory.
type feedsEnv struct {
	cat     *library.Catalog
	store   *library.Store
	updater *feeds.Updater
}

// openFeeds opens the catalog and the library directory for a feeds
// command. Feeds are state: with --no-state there are none to follow.
func openFeeds(global env) (*feedsEnv, error) {
	if global.noState {
		return nil, userErrorf("feeds are kept in cable's state; they cannot be used with --no-state")
	}
	dir, err := global.libraryDir()
	if err != nil {
		return nil, err
	}
	cat, err := global.openCatalog(nil)
	if err != nil {
		return nil, err
	}
	if cat.Store == nil {
		cat.Close()
		return nil, userErrorf("feeds are kept in cable's state, which cannot be used: %s", cat.Warning)
	}
	return &feedsEnv{cat: cat, store: cat.Store, updater: newFeedUpdater(&global, cat.Store, cat.Entries, dir)}, nil
}

// close closes what openFeeds opened.
func (fe *feedsEnv) close() { fe.cat.Close() }

// newFeedUpdater is the updater of "cable feeds" and of the library's u:
// cable's client, the catalog's store, and the saving pipeline for the
// library directory, which knows every article the catalog lists.
func newFeedUpdater(global *env, store *library.Store, entries []library.Entry, dir string) *feeds.Updater {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	saver := global.saverFor(store, entries, dir, false, nil)
	return &feeds.Updater{Client: saver.Client(), Store: store, Dir: dir, Saver: saver}
}

func newFeedsCommand(global *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "feeds",
		Short: "Follow publications: their new articles saved in full, for reading offline",
		Args:  usage(0, 0, "cable feeds [add|list|remove|update|import|export] (alone, it lists the feeds)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return listFeeds(cmd, *global)
		},
	}
	cmd.AddCommand(
		&cobra.Command{
			Use:   "add URL",
			Short: "Follow a feed, or the feed a page names",
			Args:  usage(1, 1, "cable feeds add URL (the address of a feed, or of a page that names one)"),
			RunE: func(cmd *cobra.Command, args []string) error {
				return addFeed(cmd, *global, args[0])
			},
		},
		&cobra.Command{
			Use:   "list",
			Short: "The feeds followed: title, address, last update, articles, last error",
			Args:  usage(0, 0, "cable feeds list (it takes no arguments)"),
			RunE: func(cmd *cobra.Command, args []string) error {
				return listFeeds(cmd, *global)
			},
		},
		&cobra.Command{
			Use:   "remove NAME|URL",
			Short: "Stop following a feed (its articles stay)",
			Args:  usage(1, 1, `cable feeds remove NAME|URL (a feed's name, as "cable feeds list" shows it, or its address)`),
			RunE: func(cmd *cobra.Command, args []string) error {
				return removeFeed(cmd, *global, args[0])
			},
		},
		&cobra.Command{
			Use:   "update [NAME...]",
			Short: "Fetch the feeds and save every new article in full",
			RunE: func(cmd *cobra.Command, args []string) error {
				return updateFeeds(cmd, *global, args)
			},
		},
		&cobra.Command{
			Use:   "import FILE.opml",
			Short: "Follow every feed an OPML file lists",
			Args:  usage(1, 1, "cable feeds import FILE.opml (a list of feeds, as feed readers export it)"),
			RunE: func(cmd *cobra.Command, args []string) error {
				return importOPML(cmd, *global, args[0])
			},
		},
		&cobra.Command{
			Use:   "export",
			Short: "Print the feeds followed as OPML",
			Args:  usage(0, 0, "cable feeds export (it takes no arguments)"),
			RunE: func(cmd *cobra.Command, args []string) error {
				return exportOPML(cmd, *global)
			},
		},
	)
	return cmd
}

func addFeed(cmd *cobra.Command, global env, address string) error {
	fe, err := openFeeds(global)
	if err != nil {
		return err
	}
	defer fe.close()
	ctx, stop := interruptible()
	defer stop()
	f, err := fe.updater.Add(ctx, address)
	if errors.Is(err, library.ErrFeedFollowed) {
		return userErrorf("%s: already followed", address)
	}
	if err != nil {
		return userError{err}
	}
	fmt.Fprintf(cmd.OutOrStdout(), "Following %s (%s) as %s; \"cable feeds update\" saves its articles.\n", f.Label(), f.URL, f.Name)
	return nil
}

func listFeeds(cmd *cobra.Command, global env) error {
	fe, err := openFeeds(global)
	if err != nil {
		return err
	}
	defer fe.close()
	list, err := fe.store.Feeds()
	if err != nil {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintln(cmd.ErrOrStderr(), "cable: no feeds followed; \"cable feeds add URL\" follows one")
		return nil
	}
	return writeFeedTable(cmd.OutOrStdout(), list)
}

// writeFeedTable prints the feeds in columns: name, title, address, last
// successful update ("never" before one), articles and the error of the
// last update when it failed.
func writeFeedTable(w io.Writer, list []library.Feed) error {
	rows := [][]string{{"NAME", "TITLE", "URL", "UPDATED", "ARTICLES", "ERROR"}}
	for _, f := range list {
		updated := "never"
		if !f.LastUpdate.IsZero() {
			updated = f.LastUpdate.Local().Format(time.DateTime[:16])
		}
		rows = append(rows, []string{f.Name, f.Title, f.URL, updated, strconv.Itoa(f.Articles), f.LastError})
	}
	for _, line := range tableLines(rows) {
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	return nil
}

func removeFeed(cmd *cobra.Command, global env, name string) error {
	fe, err := openFeeds(global)
	if err != nil {
		return err
	}
	defer fe.close()
	f, ok, err := fe.store.FindFeed(name)
	if err != nil {
		return err
	}
	if !ok {
		return userErrorf("%s: no such feed (\"cable feeds list\" names them)", name)
	}
	if err := fe.store.RemoveFeed(f.URL); err != nil {
		return err
	}
	stay := "its " + countOf(f.Articles, "article") + " stay"
	if f.Articles == 1 {
		stay = "its 1 article stays"
	}
	fmt.Fprintf(cmd.OutOrStdout(), "No longer following %s; %s.\n", f.Label(), stay)
	return nil
}

// selectFeeds is the feeds named, or every feed when none is.
func selectFeeds(store *library.Store, names []string) ([]library.Feed, error) {
	if len(names) == 0 {
		return store.Feeds()
	}
	var list []library.Feed
	for _, n := range names {
		f, ok, err := store.FindFeed(n)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, userErrorf("%s: no such feed (\"cable feeds list\" names them)", n)
		}
		list = append(list, f)
	}
	return list, nil
}

func updateFeeds(cmd *cobra.Command, global env, names []string) error {
	fe, err := openFeeds(global)
	if err != nil {
		return err
	}
	defer fe.close()
	list, err := selectFeeds(fe.store, names)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintln(cmd.ErrOrStderr(), "cable: no feeds followed; \"cable feeds add URL\" follows one")
		return nil
	}
	ctx, stop := interruptible()
	defer stop()
	out := cmd.OutOrStdout()
	failed := 0
	// A line per feed as each finishes, so that a slow feed holds back
	// none of the others' news.
	worker := &feeds.Worker{Updater: fe.updater}
	defer worker.Stop(updateStopWait)
	worker.Run(ctx, list, feeds.Events{
		Done: func(r feeds.Result) {
			if r.Err != nil {
				failed++
			}
			fmt.Fprintln(out, r.Line())
		},
		Grown: func(path string) { fmt.Fprintf(out, "%s: the whole article, in place of its summary\n", path) },
	})
	if ctx.Err() != nil {
		return interruptedError{ctx.Err()}
	}
	if failed > 0 {
		return userErrorf("%d of %d feeds could not be updated", failed, len(list))
	}
	return nil
}

func importOPML(cmd *cobra.Command, global env, file string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return userErrorf("%s: %v", file, err)
	}
	subs, skipped, err := feeds.ReadOPML(file, data)
	if err != nil {
		return userError{err}
	}
	if skipped > 0 {
		fmt.Fprintf(cmd.ErrOrStderr(), "cable: %s: %s skipped: their xmlUrl is not an http or https address\n", file, countOf(skipped, "outline"))
	}
	fe, err := openFeeds(global)
	if err != nil {
		return err
	}
	defer fe.close()
	added, already := 0, 0
	for _, s := range subs {
		f, err := fe.store.AddFeed(library.Feed{URL: s.URL, Title: s.Title})
		switch {
		case errors.Is(err, library.ErrFeedFollowed):
			already++
		case err != nil:
			return err
		default:
			added++
			fmt.Fprintf(cmd.OutOrStdout(), "Following %s (%s) as %s\n", f.Label(), f.URL, f.Name)
		}
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "%s added, %d already followed; \"cable feeds update\" saves their articles.\n", countOf(added, "feed"), already)
	return nil
}

func exportOPML(cmd *cobra.Command, global env) error {
	fe, err := openFeeds(global)
	if err != nil {
		return err
	}
	defer fe.close()
	list, err := fe.store.Feeds()
	if err != nil {
		return err
	}
	return feeds.WriteOPML(cmd.OutOrStdout(), list, time.Now())
}
