package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"cable/export"
	"cable/library"

	"github.com/spf13/cobra"
)

// review.go declares "cable review": a few highlights to read again,
// each coming back after longer and longer.

// reviewBatch is how many highlights one review shows.
const reviewBatch = 5

func newReviewCommand(global *env) *cobra.Command {
	return &cobra.Command{
		Use:   "review",
		Short: "Read again five of your highlights that are due, with their notes and citations",
		Long: "Prints up to five highlights that are due and counts them reviewed. A highlight\n" +
			"comes back 1, 3, 7, 21, 60 and 180 days after it was made or last reviewed.",
		Args: usage(0, 0, "cable review (no arguments)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if global.noState {
				return userErrorf("highlights are kept in the library database, and --no-state turns it off")
			}
			store, err := global.openStore(cmd)
			if err != nil {
				return err
			}
			defer store.Close()
			return review(cmd.OutOrStdout(), store, time.Now())
		},
	}
}

// review prints the highlights due at now and counts them reviewed at
// now; with none due, it says when the next one is.
func review(w io.Writer, store *library.Store, now time.Time) error {
	due, err := store.DueHighlights(now, reviewBatch)
	if err != nil {
		return err
	}
	if len(due) == 0 {
		return sayNextReview(w, store, now)
	}
	ids := make([]string, len(due))
	for i, h := range due {
		ids[i] = h.ID
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprint(w, reviewText(h))
	}
	if err := store.MarkReviewed(now, ids...); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%s reviewed.\n", countOf(len(due), "highlight"))
	return nil
}

// reviewText is a highlight as a review shows it: the passage, its note,
// its citation and its place.
func reviewText(h library.Highlight) string {
	q := library.Quote{Title: h.Title, Author: h.Author, Source: h.Source, Published: h.Published, URL: h.URL,
		SectionTitle: h.SectionTitle, Text: h.Text()}
	var b strings.Builder
	b.WriteString(q.Markdown())
	if h.Note != "" {
		fmt.Fprintf(&b, "  Note: %s\n", h.Note)
	}
	fmt.Fprintf(&b, "  %s, highlighted %s\n", export.Place(h), h.Created.Format(time.DateOnly))
	return b.String()
}

// sayNextReview says there is nothing to review, and when there will be.
func sayNextReview(w io.Writer, store *library.Store, now time.Time) error {
	all, err := store.AllHighlights(library.HighlightFilter{})
	if err != nil {
		return err
	}
	if len(all) == 0 {
		_, err := fmt.Fprintln(w, "No highlights yet: in the reader, y highlights a passage.")
		return err
	}
	next := all[0].Due()
	for _, h := range all[1:] {
		if h.Due().Before(next) {
			next = h.Due()
		}
	}
	_, err = fmt.Fprintf(w, "Nothing to review now; the next highlight comes back on %s.\n", next.Format(time.DateOnly))
	return err
}
