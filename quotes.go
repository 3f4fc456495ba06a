package main

import (
	"fmt"
	"io"
	"time"

	"cable/articles"
	"cable/library"

	"github.com/spf13/cobra"
)

// quotes.go declares "cable quotes": the passages saved with y, cited.

func newQuotesCommand(global *env) *cobra.Command {
	var article, format string
	cmd := &cobra.Command{
		Use:   "quotes",
		Short: "Print your saved quotes, with their citations",
		Args:  usage(0, 0, "cable quotes [--article ID] [--format md|json] (no other arguments)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "md" && format != "json" {
				return userErrorf("--format is md or json, not %q", format)
			}
			if global.noState {
				return userErrorf("quotes are kept in the library database, and --no-state turns it off")
			}
			quotes, err := savedQuotes(cmd, global, article)
			if err != nil {
				return err
			}
			if err := writeQuotes(cmd.OutOrStdout(), quotes, format); err != nil {
				return err
			}
			// An article's quotes asked for and none found is said, and
			// is exit status 1, as grep finding nothing.
			if article != "" && len(quotes) == 0 {
				return userErrorf("no quotes saved from %s", article)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&article, "article", "", "only the quotes from this article (its ID)")
	cmd.Flags().StringVar(&format, "format", "md", "md (a blockquote and a citation line) or json")
	return cmd
}

// writeQuotes prints quotes as Markdown (each a blockquote and its
// citation) or as a JSON array, [] when there are none.
func writeQuotes(w io.Writer, quotes []library.Quote, format string) error {
	if format == "json" {
		return writeJSON(w, quotesJSON(quotes))
	}
	for i, q := range quotes {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprint(w, q.Markdown())
	}
	return nil
}

// savedQuotes lists the quotes kept in the database: all of them, or those
// of the article with an ID. The ID is looked up in the catalog, as
// "cable list" shows it, and the quotes found by the article's key, which
// they keep when the file moves or its ID changes; an ID that is no
// longer in the catalog finds the quotes saved under it.
func savedQuotes(cmd *cobra.Command, global *env, id string) ([]library.Quote, error) {
	if id == "" {
		store, err := global.openStore(cmd)
		if err != nil {
			return nil, err
		}
		defer store.Close()
		return store.Quotes("")
	}
	cat, err := global.commandCatalog(cmd, nil)
	if err != nil {
		return nil, err
	}
	defer cat.Close()
	if cat.Store == nil {
		return nil, userErrorf("quotes are kept in the library database, which is not available")
	}
	if e, ok := cat.Find(id); ok {
		return cat.Store.QuotesOf(e.Key)
	}
	quotes, err := cat.Store.Quotes(id)
	if err == nil && len(quotes) == 0 {
		return nil, userErrorf("no article %q: \"cable list\" shows the IDs", id)
	}
	return quotes, err
}

// quoteJSON is a quote as "cable quotes --format json" prints it.
type quoteJSON struct {
	Text      string            `json:"text"`
	Citation  string            `json:"citation"`
	ArticleID string            `json:"article_id"`
	Title     string            `json:"title"`
	Author    string            `json:"author,omitempty"`
	Source    string            `json:"source,omitempty"`
	Published string            `json:"published,omitempty"`
	URL       string            `json:"url,omitempty"`
	Section   string            `json:"section,omitempty"`
	Position  articles.Position `json:"position"`
	Saved     time.Time         `json:"saved"`
}

func quotesJSON(quotes []library.Quote) []quoteJSON {
	out := make([]quoteJSON, len(quotes))
	for i, q := range quotes {
		out[i] = quoteJSON{Text: q.Text, Citation: q.Citation(), ArticleID: q.ArticleID, Title: q.Title,
			Author: q.Author, Source: q.Source, Published: q.Published, URL: q.URL,
			Section: q.SectionTitle, Position: q.Position, Saved: q.Created}
	}
	return out
}
