package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"cable/articles"
	"cable/extract"
	"cable/fetch"
	"cable/library"

	"github.com/spf13/cobra"
)

// get.go declares "cable get", which fetches pages and saves their
// articles into the library, and "cable reimport", which extracts
// articles again from the sources kept when they were saved.

func newGetCommand(global *globalFlags) *cobra.Command {
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
			dir, err := libraryDir(*global)
			if err != nil {
				return err
			}
			ctx, stop := interruptible()
			defer stop()
			g := &getter{
				client: fetch.New(fetch.Options{Version: version}),
				dir:    dir,
				kept:   library.KeptSources{Dir: library.DefaultSourcesDir()},
				warn:   cmd.ErrOrStderr(),
			}
			saved, err := g.getAll(ctx, cmd, global, args)
			if ctx.Err() != nil {
				return interruptedError{ctx.Err()}
			}
			stop() // a ctrl+c in the reader is the reader's
			if read && len(saved) > 0 {
				resolved, cfg, rerr := view.resolve(cmd)
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

// getter fetches pages and saves their articles.
type getter struct {
	client *fetch.Client
	dir    string
	kept   library.KeptSources
	warn   io.Writer
	// known maps the canonical address of every article in the library
	// to its key, and grows as articles are saved.
	known map[string]string
}

// fetched is what became of one address: the key of the article saved
// or found, or why there is none.
type fetched struct {
	address string
	key     string
	already bool
	err     error
}

// getAll fetches and saves every address, then prints where each article
// is, with the ID the library gives it. It returns the keys of the
// articles saved or found, and an error naming every address that failed.
func (g *getter) getAll(ctx context.Context, cmd *cobra.Command, global *globalFlags, addresses []string) ([]string, error) {
	cat, err := commandCatalog(cmd, global, nil)
	if err != nil {
		return nil, err
	}
	g.known = libraryURLs(cat)
	cat.Close()
	// Every page is asked for at once, and the client keeps to its limits
	// per host and in all; the articles are saved in the order given, so
	// that the output and the "-2" names do not depend on which server
	// answered first.
	responses := make([]chan response, len(addresses))
	for i, address := range addresses {
		responses[i] = make(chan response, 1)
		if _, ok := g.known[library.CanonicalURL(address)]; ok {
			responses[i] <- response{}
			continue
		}
		go func() {
			resp, err := g.client.Get(ctx, fetch.Request{URL: address, Accept: fetch.AcceptPages})
			responses[i] <- response{resp, err}
		}()
	}
	var results []fetched
	for i, address := range addresses {
		got := <-responses[i]
		if ctx.Err() != nil {
			// Interrupted: what was saved before is said, the address
			// under way is not, and cable exits 130.
			break
		}
		results = append(results, g.save(address, got))
	}
	// Opened again, the catalog has indexed what was saved, and gives
	// each article its ID.
	if cat, err = commandCatalog(cmd, global, nil); err != nil {
		return nil, err
	}
	defer cat.Close()
	var keys []string
	var errs articles.ErrorList
	out := cmd.OutOrStdout()
	for _, r := range results {
		if r.err != nil {
			errs = append(errs, asArticleError(r.address, r.err))
			continue
		}
		keys = append(keys, r.key)
		where := describeEntry(cat, r.key)
		if r.already {
			fmt.Fprintf(out, "%s: already in the library: %s\n", r.address, where)
		} else {
			if cat.Store != nil {
				cat.Store.MarkNew(r.key) // new until opened; a mark not kept loses nothing saved
			}
			fmt.Fprintln(out, where)
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

// response is what the client answered for one address; nil and nil for
// an address the library had before anything was fetched.
type response struct {
	resp *fetch.Response
	err  error
}

// save saves the article of one address fetched, unless the library has
// it already, under the address asked for, the one redirected to or the
// page's canonical one.
func (g *getter) save(address string, got response) fetched {
	r := fetched{address: address}
	if key, ok := g.known[library.CanonicalURL(address)]; ok {
		r.key, r.already = key, true
		return r
	}
	resp, err := got.resp, got.err
	if err != nil {
		r.err = err
		return r
	}
	kind, err := extract.KindOf(resp.ContentType, resp.URL, resp.Body)
	if err != nil {
		r.err = err
		return r
	}
	c, err := extract.WebTyped(resp.URL, resp.ContentType, kind, resp.Body)
	if err != nil {
		r.err = err
		return r
	}
	meta, _ := articles.ReadMeta(c.Markdown)
	names := []string{library.CanonicalURL(address), library.CanonicalURL(resp.URL), library.CanonicalURL(meta.URL)}
	for _, name := range names[1:] {
		if key, ok := g.known[name]; ok && name != "" {
			r.key, r.already = key, true
			return r
		}
	}
	path, err := library.SaveArticle(g.dir, c)
	if err != nil {
		r.err = err
		return r
	}
	if err := g.kept.Keep(library.KeptSource{Article: path, URL: resp.URL, Kind: kind, ContentType: resp.ContentType}, resp.Body, c.Markdown); err != nil {
		fmt.Fprintf(g.warn, "cable: %s: saved, but its page could not be kept for \"cable reimport\": %v\n", address, err)
	}
	r.key = path
	for _, name := range names {
		if name != "" {
			g.known[name] = path
		}
	}
	return r
}

// libraryURLs maps the canonical address of every article in the catalog
// that gives one to the article's key: the bundled ones from their front
// matter, the files from theirs, reading only its head.
func libraryURLs(cat *library.Catalog) map[string]string {
	var paths []string
	known := map[string]string{}
	for _, e := range cat.Entries {
		switch {
		case e.Error != "":
		case e.Source == library.SourceBundled:
			if a, err := cat.Article(e); err == nil && a.Meta.URL != "" {
				known[library.CanonicalURL(a.Meta.URL)] = e.Key
			}
		default:
			paths = append(paths, e.Key)
		}
	}
	for u, p := range library.ArticleURLs(paths) {
		known[u] = p
	}
	return known
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
	var ae *articles.Error
	if errors.As(err, &ae) {
		return ae
	}
	var fe *fetch.Error
	if errors.As(err, &fe) {
		return &articles.Error{File: fe.URL, Msg: fe.Msg}
	}
	return &articles.Error{File: address, Msg: err.Error()}
}

func newReimportCommand(global *globalFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "reimport [ID...]",
		Short: "Extract articles again from the pages and files they were made from",
		Long: "reimport extracts articles again, offline, from the sources \"cable get\" and\n" +
			"\"cable import\" kept, and rewrites each article whose extraction has changed:\n" +
			"the articles given by ID, or every article of the library (--library) with a\n" +
			"kept source. The file keeps its path, and so your place, bookmarks and\n" +
			"quotes. An article edited since cable wrote it is left as it is. reimport\n" +
			"exits 1 if any article could not be extracted again.",
		RunE: func(cmd *cobra.Command, args []string) error {
			cat, err := commandCatalog(cmd, global, nil)
			if err != nil {
				return err
			}
			defer cat.Close()
			kept := library.KeptSources{Dir: library.DefaultSourcesDir()}
			paths, errs := reimportTargets(cat, kept, args)
			var counts [3]int
			for _, p := range paths {
				r, err := kept.Reimport(p)
				where := describeEntry(cat, p)
				switch {
				case errors.Is(err, library.ErrNoSource):
					errs = append(errs, &articles.Error{File: where, Msg: "no source was kept for it: it was not saved by \"cable get\" or \"cable import\""})
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
