package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"cable/export"

	"github.com/spf13/cobra"
)

// highlights.go declares "cable highlights": the highlights and notes,
// exported for notes apps and reference managers.

func newHighlightsCommand(global *env) *cobra.Command {
	var since, format, to string
	cmd := &cobra.Command{
		Use:   "highlights [ID...]",
		Short: "Export your highlights and notes: Markdown, CSV, JSON, BibTeX or CSL-JSON",
		Long: "Prints the highlights of the articles named by ID (of every article when none is\n" +
			"named), or their citations. With --to DIR, writes one Markdown file per article.",
		Args: usage(0, -1, "cable highlights [ID...] [--since DATE] [--format md|csv|json|bibtex|csl-json] [--to DIR]"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains(export.Formats, format) {
				return userErrorf("--format is %s, not %q", strings.Join(export.Formats, ", "), format)
			}
			if to != "" && format != "md" {
				return userErrorf("--to writes Markdown files; --format %s prints, to be sent where you like", format)
			}
			from, err := parseSince(since)
			if err != nil {
				return err
			}
			if global.noState {
				return userErrorf("highlights are kept in the library database, and --no-state turns it off")
			}
			arts, err := collectHighlights(cmd, global, args, from)
			if err != nil {
				return err
			}
			// Citations are of every article asked for; the other
			// formats are of highlights, and skip articles without.
			if citing := format == "bibtex" || format == "csl-json"; !citing {
				arts = withHighlights(arts)
			}
			if to != "" {
				err = writeHighlightFiles(cmd.OutOrStdout(), to, arts)
			} else {
				err = export.Write(cmd.OutOrStdout(), format, arts)
			}
			// Highlights of articles asked for and none found is said,
			// and is exit status 1, as grep finding nothing.
			if err == nil && len(args) > 0 && len(arts) == 0 {
				return userErrorf("no highlights in %s%s", strings.Join(args, ", "), sinceWords(from))
			}
			return err
		},
	}
	cmd.Flags().StringVar(&since, "since", "", "only highlights made or changed on or after this day (YYYY-MM-DD)")
	cmd.Flags().StringVar(&format, "format", "md", "md, csv (Readwise's columns), json, bibtex or csl-json")
	cmd.Flags().StringVar(&to, "to", "", "write one Markdown file per article into this folder (a notes vault)")
	return cmd
}

// parseSince reads --since: a day, taken from its start in local time,
// or a time in RFC 3339.
func parseSince(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.ParseInLocation(time.DateOnly, s, time.Local); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Time{}, userErrorf("--since takes a day, as 2026-03-01, not %q", s)
}

// collectHighlights opens the catalog and gathers the articles to export:
// those with the IDs given, or every article with highlights. An ID the
// catalog does not list is refused.
func collectHighlights(cmd *cobra.Command, global *env, ids []string, since time.Time) ([]export.Article, error) {
	cat, err := global.commandCatalog(cmd, nil)
	if err != nil {
		return nil, err
	}
	defer cat.Close()
	if cat.Store == nil {
		return nil, userErrorf("highlights are kept in the library database, which is not available")
	}
	var keys []string
	for _, id := range ids {
		e, ok := cat.Find(id)
		if !ok {
			return nil, userErrorf("no article %q: \"cable list\" shows the IDs", id)
		}
		keys = append(keys, e.Key)
	}
	return export.Collect(cat, keys, since)
}

// withHighlights are the articles that have highlights.
func withHighlights(arts []export.Article) []export.Article {
	var out []export.Article
	for _, a := range arts {
		if len(a.Highlights) > 0 {
			out = append(out, a)
		}
	}
	return out
}

func sinceWords(since time.Time) string {
	if since.IsZero() {
		return ""
	}
	return " since " + since.Format(time.DateOnly)
}

// writeHighlightFiles writes the Markdown files and says what became of
// each: written, updated, unchanged, or left alone and why.
func writeHighlightFiles(w io.Writer, dir string, arts []export.Article) error {
	results, err := export.WriteDir(dir, arts)
	for _, r := range results {
		switch r.Status {
		case export.Written:
			fmt.Fprintf(w, "written    %s\n", r.Path)
		case export.Updated:
			fmt.Fprintf(w, "updated    %s\n", r.Path)
		case export.Unchanged:
			fmt.Fprintf(w, "unchanged  %s\n", r.Path)
		case export.LeftAlone:
			fmt.Fprintf(w, "left alone %s: %s\n", r.Path, r.Reason)
		}
	}
	if err != nil {
		return fmt.Errorf("writing into %s: %w", dir, err)
	}
	return nil
}
