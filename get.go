package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"cable/articles"
	"cable/ingest"
	"cable/library"

	"github.com/spf13/cobra"
)

// get.go declares "cable get", which fetches pages and saves their
// articles into the library, and "cable reimport", which extracts
// articles again from the sources kept when they were saved.

func newGetCommand(global *env) *cobra.Command {
	var view viewFlags
	var read bool
	cmd := &cobra.Command{
		Use:   "get URL...",
		Short: "Fetch web pages and save their articles into your library",
		Long: "get fetches each address, finds the article in the page as \"cable import\" does\n" +
			"(a Markdown or plain-text address is taken as it is), and saves it into the\n" +
			"library directory (--library, or the default one). It prints the path and the\n" +
			"ID of each article saved. An address already in the library (the same page,\n" +
			"whatever its tracking parameters or fragment) is not saved twice: get says\n" +
			"where it is. The page is kept, compressed, in $XDG_DATA_HOME/cable/sources, so\n" +
			"that \"cable reimport\" can extract it again. get exits 1 if any address could\n" +
			"not be saved, with a line for each; the others are still saved.",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir, err := global.libraryDir()
			if err != nil {
				return err
			}
			ctx, stop := interruptible()
			defer stop()
			saved, err := getAll(ctx, cmd, global, dir, args)
			if ctx.Err() != nil {
				return interruptedError{ctx.Err()}
			}
			stop() // a ctrl+c in the reader is the reader's
			if read && len(saved) > 0 {
				resolved, cfg, rerr := view.resolve(cmd, global)
				if rerr != nil {
					return rerr
				}
				if rerr := readArticleAt(*global, resolved, cfg, saved[0]); rerr != nil {
					return rerr
				}
			}
			return err
		},
	}
	view.register(cmd)
	cmd.Flags().BoolVar(&read, "read", false, "open the (first) article in the reader once it is saved")
	return cmd
}

// getAll saves the article of every address through the saving pipeline,
// then prints where each is, with the ID the library gives it. It returns
// the keys of the articles saved or found, and an error naming every
// address that failed.
func getAll(ctx context.Context, cmd *cobra.Command, global *env, dir string, addresses []string) ([]string, error) {
	cat, err := global.commandCatalog(cmd, nil)
	if err != nil {
		return nil, err
	}
	saver := global.newSaver(cat, dir, false)
	got := saver.Get(ctx, addresses)
	cat.Close()
	// Opened again, the catalog has indexed what was saved, and gives
	// each article its ID.
	if cat, err = global.commandCatalog(cmd, nil); err != nil {
		return nil, err
	}
	defer cat.Close()
	var keys []string
	var errs articles.ErrorList
	out := cmd.OutOrStdout()
	for _, g := range got {
		if g.Err != nil {
			errs = append(errs, asArticleError(g.Address, g.Err))
			continue
		}
		printWarnings(cmd.ErrOrStderr(), g.Warnings)
		keys = append(keys, g.Path)
		switch {
		case g.Already:
			fmt.Fprintf(out, "%s: already in the library: %s\n", g.Address, describeFound(cat, g.Path))
		case g.Grown:
			fmt.Fprintf(out, "%s (the whole article, in place of its summary)\n", describeEntry(cat, g.Path))
		default:
			fmt.Fprintln(out, describeEntry(cat, g.Path))
		}
	}
	switch {
	case ctx.Err() != nil:
		return keys, ctx.Err()
	case len(errs) > 0:
		return keys, userError{errs}
	}
	return keys, nil
}

// describeFound is where an article the library had is: "ID (path)", or
// the ID alone for a bundled article.
func describeFound(cat *library.Catalog, key string) string {
	e, ok := cat.ByKey(key)
	switch {
	case !ok:
		return key
	case e.Source == library.SourceBundled:
		return e.Summary.ID + " (bundled with cable)"
	}
	return e.Summary.ID + " (" + key + ")"
}

// describeEntry is where an article is, for the reader: "path (ID)", or
// the ID alone for a bundled article, which has no file.
func describeEntry(cat *library.Catalog, key string) string {
	e, ok := cat.ByKey(key)
	switch {
	case !ok:
		return key
	case e.Source == library.SourceBundled:
		return "bundled with cable (" + e.Summary.ID + ")"
	}
	return key + " (" + e.Summary.ID + ")"
}

// asArticleError makes an error one line that names what failed, as the
// errors of "cable import" are.
func asArticleError(address string, err error) *articles.Error {
	return ingest.Describe(address, err)
}

func newReimportCommand(global *env) *cobra.Command {
	return &cobra.Command{
		Use:   "reimport [ID...]",
		Short: "Extract articles again from the pages and files they were made from",
		Long: "reimport extracts articles again, offline, from the sources \"cable get\",\n" +
			"\"cable import\" and the feed updates kept, and rewrites each article whose extraction has changed:\n" +
			"the articles given by ID, or every article of the library (--library) with a\n" +
			"kept source. The file keeps its path, and so your place, bookmarks and\n" +
			"quotes. An article edited since cable wrote it is left as it is. reimport\n" +
			"exits 1 if any article could not be extracted again.",
		RunE: func(cmd *cobra.Command, args []string) error {
			cat, err := global.commandCatalog(cmd, nil)
			if err != nil {
				return err
			}
			defer cat.Close()
			kept := global.kept()
			paths, errs := reimportTargets(cat, kept, args)
			var counts [3]int
			for _, p := range paths {
				r, err := kept.Reimport(p)
				where := describeEntry(cat, p)
				switch {
				case errors.Is(err, library.ErrNoSource):
					errs = append(errs, &articles.Error{File: where, Msg: "no source was kept for it: it was not saved by \"cable get\", \"cable import\" or a feed update since they keep one"})
					continue
				case err != nil:
					errs = append(errs, asArticleError(where, err))
					continue
				}
				counts[r]++
				fmt.Fprintf(cmd.OutOrStdout(), "%s: %s\n", where, reimportWords[r])
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: %d extracted again, %d unchanged, %d edited by hand and left alone\n",
				countOf(counts[0]+counts[1]+counts[2], "article"), counts[library.Rewritten], counts[library.Unchanged], counts[library.EditedByHand])
			if len(errs) > 0 {
				return userError{errs}
			}
			return nil
		},
	}
}

var reimportWords = [...]string{
	library.Rewritten:    "extracted again",
	library.Unchanged:    "unchanged",
	library.EditedByHand: "edited since cable wrote it; left as it is",
}

// reimportTargets are the paths of the articles to reimport: those given
// by ID, or every article of the catalog a source was kept for. The
// sources directory is shared by every library (--library), so a source
// whose article is not in this one is left alone.
func reimportTargets(cat *library.Catalog, kept library.KeptSources, ids []string) ([]string, articles.ErrorList) {
	var paths []string
	var errs articles.ErrorList
	if len(ids) == 0 {
		all, err := kept.All()
		if err != nil {
			return nil, articles.ErrorList{{File: kept.Dir, Msg: err.Error()}}
		}
		inCatalog := map[string]string{} // absolute path → key
		for _, e := range cat.Entries {
			if e.Source == library.SourceBundled {
				continue
			}
			if abs, err := filepath.Abs(e.Key); err == nil {
				inCatalog[abs] = e.Key
			}
		}
		for _, s := range all {
			if key, ok := inCatalog[s.Article]; ok {
				paths = append(paths, key)
			}
		}
		return paths, nil
	}
	for _, id := range ids {
		e, ok := cat.Find(id)
		switch {
		case !ok:
			errs = append(errs, &articles.Error{File: id, Msg: "no such article: \"cable list\" shows the IDs"})
		case e.Source == library.SourceBundled:
			errs = append(errs, &articles.Error{File: id, Msg: "is bundled with cable; it has no source to extract again"})
		default:
			paths = append(paths, e.Key)
		}
	}
	return paths, errs
}
