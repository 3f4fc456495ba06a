package main

import (
	"fmt"
	"slices"

	"cable/library"

	"github.com/spf13/cobra"
)

// restore.go declares "cable restore": the articles deleted with the
// library's D, listed, and brought back with their state.

func newRestoreCommand(global *env) *cobra.Command {
	return &cobra.Command{
		Use:   "restore [ID...]",
		Short: "Bring back articles deleted to the trash, or list the trash",
		Long: "Bring back articles deleted with D in the library, to where they were, with their place,\n" +
			"highlights, bookmarks and tags; a file at that path now is never written over (the article\n" +
			"takes the next free name). With no ID, list what is in the trash.",
		Args: usage(0, -1, "cable restore [ID...] (the IDs \"cable restore\" lists)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := global.settle(); err != nil {
				return err
			}
			trash := library.Trash{Dir: global.where().Trash}
			items, problems := trash.List()
			for _, p := range problems {
				fmt.Fprintln(cmd.ErrOrStderr(), "cable:", p)
			}
			if len(args) == 0 {
				return listTrash(cmd, trash, items)
			}
			// Every name is checked first, so that one unknown restores
			// nothing.
			for _, name := range args {
				if !slices.ContainsFunc(items, func(tr library.Trashed) bool { return tr.Name == name }) {
					return userErrorf("%q is not in the trash: \"cable restore\" lists what is", name)
				}
			}
			if global.noState {
				return userErrorf("an article's place and highlights come back from the library database, and --no-state turns it off")
			}
			store, err := global.openStore(cmd)
			if err != nil {
				return err
			}
			defer store.Close()
			for _, name := range args {
				got, err := trash.Restore(store, name)
				if err != nil {
					return err
				}
				if got.Renamed {
					fmt.Fprintf(cmd.OutOrStdout(), "%s: back at %s (a file is at %s now)\n", name, got.To, got.Path)
				} else {
					fmt.Fprintf(cmd.OutOrStdout(), "%s: back at %s\n", name, got.To)
				}
			}
			return nil
		},
	}
}

// listTrash prints one line per article in the trash, the last deleted
// first: the ID to restore it by, its title, where it was and when it was
// deleted.
func listTrash(cmd *cobra.Command, trash library.Trash, items []library.Trashed) error {
	if len(items) == 0 {
		fmt.Fprintf(cmd.ErrOrStderr(), "cable: the trash (%s) is empty\n", trash.Dir)
		return nil
	}
	for _, tr := range items {
		fmt.Fprintf(cmd.OutOrStdout(), "%s\t%s\t%s\tdeleted %s\n", tr.Name, tr.Title, tr.Path, tr.At.Local().Format("2006-01-02 15:04"))
	}
	return nil
}
