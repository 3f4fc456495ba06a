package main

import (
	"context"
	"fmt"
	"time"

	"cable/articles"

	"github.com/spf13/cobra"
)

// get.go declares "cable get": pages fetched and saved through the saving
// pipeline.

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
		Args: usage(1, -1, "cable get URL... (the addresses of the pages to save)"),
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
	line := startProgress(cmd.ErrOrStderr(), len(addresses), 250*time.Millisecond)
	saver := global.newSaver(cat, dir, false, line.received)
	got := saver.Get(ctx, addresses)
	line.stop()
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
