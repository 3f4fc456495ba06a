package main

import (
	"fmt"
	"io"
	"strings"

	"cable/library"

	"github.com/spf13/cobra"
)

// search.go declares "cable search": the best passages of every article.

func newSearchCommand(global *env) *cobra.Command {
	var asJSON bool
	var limit, passages int
	cmd := &cobra.Command{
		Use:   "search QUERY...",
		Short: "Search every article; print the best passages first",
		Long: "search finds the articles whose text holds every word of the query (the last\n" +
			"word may be the start of one), best first, and prints up to --passages of\n" +
			"the best passages of each: those where the words stand together before those\n" +
			"where they are spread. An article whose title, author or topics alone match\n" +
			"is listed after the others, its front matter said to be the match.",
		Args: usage(1, -1, "cable search QUERY... (the words to find)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if global.noState {
				return userErrorf("search needs the library index, and --no-state turns it off")
			}
			cat, err := global.indexCatalog(cmd, nil)
			if err != nil {
				return err
			}
			defer cat.Close()
			if cat.Store == nil {
				return userErrorf("search needs the library index, which is not available")
			}
			hits, err := cat.Store.SearchPassages(strings.Join(args, " "), limit, passages)
			if err != nil {
				return err
			}
			if asJSON {
				if err := writeJSON(cmd.OutOrStdout(), searchResults(hits)); err != nil {
					return err
				}
			} else {
				writeHits(cmd.OutOrStdout(), hits)
			}
			// As grep: nothing found is said, and is exit status 1, so
			// that a script can tell it from a passage found.
			if len(hits) == 0 {
				return userErrorf("no passage matches %q", strings.Join(args, " "))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array, best first")
	cmd.Flags().IntVar(&limit, "limit", 20, "the most articles to print")
	cmd.Flags().IntVar(&passages, "passages", 3, "the most passages to print of each article")
	return cmd
}

// searchResult is one hit as "cable search --json" prints it.
type searchResult struct {
	ID           string  `json:"id"`
	Title        string  `json:"title"`
	Origin       string  `json:"origin"`
	Section      string  `json:"section"`
	SectionIndex int     `json:"section_index"`
	Block        int     `json:"block"`
	Snippet      string  `json:"snippet"`
	Rank         float64 `json:"rank"`
	FrontMatter  bool    `json:"front_matter,omitempty"`
}

// plainSnippet marks matched words with asterisks, as in plain text mail.
var plainSnippet = strings.NewReplacer(library.SnippetStart, "*", library.SnippetEnd, "*")

func searchResults(hits []library.Hit) []searchResult {
	out := make([]searchResult, len(hits))
	for i, h := range hits {
		out[i] = searchResult{ID: h.ID, Title: h.Title, Origin: h.Origin, Section: h.SectionTitle,
			SectionIndex: h.Section + 1, Block: h.Block, Snippet: plainSnippet.Replace(h.Snippet), Rank: h.Rank,
			FrontMatter: h.FrontMatter}
	}
	return out
}

func writeHits(w io.Writer, hits []library.Hit) {
	for _, h := range hits {
		where := h.SectionTitle
		switch {
		case h.FrontMatter:
			where = "title, author or topics"
		case where == "":
			where = fmt.Sprintf("§%d", h.Section+1)
		}
		fmt.Fprintf(w, "%s · %s (%s)\n    %s\n", h.Title, where, h.ID, plainSnippet.Replace(h.Snippet))
	}
}
