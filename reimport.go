package main

import (
	"errors"
	"fmt"
	"path/filepath"

	"cable/articles"
	"cable/library"

	"github.com/spf13/cobra"
)

// reimport.go declares "cable reimport": articles extracted again from
// their kept sources.

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
