package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"cable/scripts/corpus/pagecheck"
)

// report.go prints what was measured: a table a page, and the totals.

// writeTable prints one row per page.
func writeTable(w io.Writer, results []result) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PAGE\tIMPORTED\tWORDS\tADDR\tSTRANDED\tFURNITURE\tSECTIONS\tHEADINGS\tAS SECTIONS\tLOST\tNAV\tRECALL\tPREC\tEXP SECTIONS\tAUTHOR\tFIGURES")
	for _, r := range results {
		name := filepath.Base(r.Page)
		if !r.Done || r.ID == "" {
			fmt.Fprintf(tw, "%s\tno%s\n", name, strings.Repeat("\t-", 14))
			continue
		}
		headings, asSections := "-", "-"
		if len(r.Headings) > 0 {
			headings = fmt.Sprintf("%d×h%d", len(r.Headings), r.Headings[0].Level)
			asSections = fmt.Sprintf("%d/%d", r.AsSections, len(r.Headings))
			if !r.sectionsMatch() {
				asSections += " ✗"
			}
		}
		sections := fmt.Sprintf("%d (%d)", r.Sections, len(r.Content))
		nav := r.Navigable
		if nav == "" {
			nav = "-"
		}
		exp, author, figures := "-", "-", "-"
		if x := r.Expect; x != nil {
			exp = fmt.Sprintf("%d/%d", x.SectionsFound, x.SectionsWant)
			if !x.SectionsOK {
				exp += " ✗"
			}
			author = "ok"
			if !x.AuthorOK {
				author = fmt.Sprintf("✗ %q", x.Author)
			}
			if x.FiguresWant != nil {
				figures = fmt.Sprintf("%d/%d", x.Figures, *x.FiguresWant)
			}
		}
		fmt.Fprintf(tw, "%s\tyes\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n", name, r.Words, r.Addresses, r.Stranded,
			len(r.Furniture), sections, headings, asSections, len(r.Lost), nav, ratio(r.Recall), ratio(r.Precision), exp, author, figures)
	}
	tw.Flush()
	for _, r := range results {
		if r.Error != "" {
			fmt.Fprintf(w, "  %s: %s\n", filepath.Base(r.Page), r.Error)
		}
		for _, f := range r.Furniture {
			fmt.Fprintf(w, "  %s: furniture in %q\n", filepath.Base(r.Page), f)
		}
		for _, h := range r.Lost {
			fmt.Fprintf(w, "  %s: heading lost: %q\n", filepath.Base(r.Page), h)
		}
	}
}

// ratio prints a share to three places, or "-" when there is none.
func ratio(v *float64) string {
	if v == nil {
		return "-"
	}
	return fmt.Sprintf("%.3f", *v)
}

// writeTotals prints the corpus in a few lines, medians included.
func writeTotals(w io.Writer, results []result, hasTOC bool) {
	var imported, addrPages, addrs, stranded, furnPages, multi, multiOK, lostPages, flat, navigable int
	var recalls, precisions []float64
	var expects, sectionsOK, authorsOK, figWant, figOK int
	for _, r := range results {
		if !r.Done || r.ID == "" {
			continue
		}
		imported++
		addrs += r.Addresses
		stranded += r.Stranded
		if r.Addresses > 0 {
			addrPages++
		}
		if len(r.Furniture) > 0 {
			furnPages++
		}
		if len(r.Lost) > 0 {
			lostPages++
		}
		if len(r.Headings) >= 2 {
			multi++
			if r.sectionsMatch() {
				multiOK++
			}
		}
		if r.headingless() {
			flat++
			if r.Navigable == "¶" {
				navigable++
			}
		}
		if r.Recall != nil {
			recalls = append(recalls, *r.Recall)
			precisions = append(precisions, *r.Precision)
		}
		if x := r.Expect; x != nil {
			expects++
			if x.SectionsOK {
				sectionsOK++
			}
			if x.AuthorOK {
				authorsOK++
			}
			if x.FiguresWant != nil {
				figWant++
				if x.Figures == *x.FiguresWant {
					figOK++
				}
			}
		}
	}
	fmt.Fprintf(w, "\n%d of %d pages imported\n", imported, len(results))
	fmt.Fprintf(w, "addresses inside prose: %d, on %d pages; one-word lines inside paragraphs at 80 columns: %d\n", addrs, addrPages, stranded)
	fmt.Fprintf(w, "pages with site furniture in section titles or headings: %d\n", furnPages)
	fmt.Fprintf(w, "pages whose body has 2+ headings of its top level: %d; opening with all of them as sections: %d\n", multi, multiOK)
	fmt.Fprintf(w, "pages with headings missing from the printed text: %d\n", lostPages)
	if hasTOC {
		fmt.Fprintf(w, "pages without headings: %d; navigable by paragraph (¶): %d\n", flat, navigable)
	} else {
		fmt.Fprintf(w, "pages without headings: %d (cable read has no --toc: their section counts are shown under NAV)\n", flat)
	}
	if len(recalls) > 0 {
		fmt.Fprintf(w, "against NAME.expected.txt (%d pages): median recall %.3f, median precision %.3f\n",
			len(recalls), pagecheck.Median(recalls), pagecheck.Median(precisions))
	}
	if expects > 0 {
		fmt.Fprintf(w, "against NAME.expect.json (%d pages): sections as expected %d, bylines as expected %d", expects, sectionsOK, authorsOK)
		if figWant > 0 {
			fmt.Fprintf(w, ", figures as expected %d of %d", figOK, figWant)
		}
		fmt.Fprintln(w)
	}
}
