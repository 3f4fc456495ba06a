package main

import (
	"fmt"
	"strings"

	"cable/library"

	"github.com/spf13/cobra"
)

// triage.go declares "cable archive", "cable unarchive", "cable tag" and
// "cable untag": putting articles aside and labelling them.

func newArchiveCommand(global *env, archive bool) *cobra.Command {
	name, short, done := "archive", "Put articles aside, in the archive", "archived"
	if !archive {
		name, short, done = "unarchive", "Take articles out of the archive", "back in the library"
	}
	return &cobra.Command{
		Use:   name + " ID...",
		Short: short,
		Args:  usage(1, -1, "cable "+name+" ID... (\"cable list\" shows the IDs)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withArticles(cmd, global, args, func(store *library.Store, e library.Entry) error {
				change := store.Archive
				if !archive {
					change = store.Unarchive
				}
				if err := change(e.Key); err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%s: %s\n", e.Summary.ID, done)
				return nil
			})
		},
	}
}

func newTagCommand(global *env, add bool) *cobra.Command {
	name, short := "tag", "Give an article your own tags"
	if !add {
		name, short = "untag", "Take tags off an article"
	}
	use, least := name+" ID TAG...", 2
	if add {
		// "cable tag ID" alone says what tags the article has.
		use, least = name+" ID [TAG...]", 1
	}
	return &cobra.Command{
		Use:   use,
		Short: short,
		Long:  short + ". Tags may be given apart or comma-separated, and are told apart without regard to case.",
		Args:  usage(least, -1, "cable "+use),
		RunE: func(cmd *cobra.Command, args []string) error {
			tags := splitTags(args[1:])
			if len(tags) == 0 && len(args) > 1 {
				return userErrorf("no tag given: a tag has a letter or a digit")
			}
			return withArticles(cmd, global, args[:1], func(store *library.Store, e library.Entry) error {
				change := store.Tag
				if !add {
					change = store.Untag
				}
				if len(tags) > 0 {
					if err := change(e.Key, tags...); err != nil {
						return err
					}
				}
				now, err := store.Tags(e.Key)
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%s: %s\n", e.Summary.ID, tagList(now))
				return nil
			})
		},
	}
}

// splitTags are the tags given, each argument cut at its commas.
func splitTags(args []string) []string {
	var tags []string
	for _, arg := range args {
		for _, t := range strings.Split(arg, ",") {
			if t = library.CleanTag(t); t != "" {
				tags = append(tags, t)
			}
		}
	}
	return tags
}

func tagList(tags []string) string {
	if len(tags) == 0 {
		return "no tags"
	}
	return strings.Join(tags, ", ")
}

// withArticles finds every article by its ID first, so that one unknown
// ID changes nothing, then calls change for each.
func withArticles(cmd *cobra.Command, global *env, ids []string, change func(*library.Store, library.Entry) error) error {
	if global.noState {
		return userErrorf("tags and the archive are kept in the library database, and --no-state turns it off")
	}
	cat, err := global.commandCatalog(cmd, nil)
	if err != nil {
		return err
	}
	defer cat.Close()
	if cat.Store == nil {
		return userErrorf("tags and the archive are kept in the library database, which is not available")
	}
	var entries []library.Entry
	for _, id := range ids {
		e, ok := cat.Find(id)
		if !ok {
			return userErrorf("no article %q: \"cable list\" shows the IDs", id)
		}
		entries = append(entries, e)
	}
	for _, e := range entries {
		if err := change(cat.Store, e); err != nil {
			return err
		}
	}
	return nil
}
