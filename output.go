package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"cable/articles"
	"cable/ingest"
	"cable/library"

	"github.com/charmbracelet/x/ansi"
)

// output.go holds what the commands print with alike: JSON, tables,
// counts, where an article is, and errors as one line naming their file.

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// tableLines lays rows out in columns two spaces apart, each as wide as
// its widest cell in display cells; the last column is not padded.
func tableLines(rows [][6]string) []string {
	var widths [6]int
	cells := make([][6]int, len(rows))
	for r, row := range rows {
		for c, cell := range row {
			cells[r][c] = ansi.StringWidth(cell)
			widths[c] = max(widths[c], cells[r][c])
		}
	}
	lines := make([]string, len(rows))
	var b strings.Builder
	for r, row := range rows {
		b.Reset()
		for c, cell := range row {
			b.WriteString(cell)
			if c < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[c]-cells[r][c]+2))
			}
		}
		lines[r] = strings.TrimRight(b.String(), " ")
	}
	return lines
}

func countOf(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// describeFound is where an article the library had is: "ID (path)", or
// the ID alone for a bundled article.
func describeFound(cat *library.Catalog, key string) string {
	e, ok := cat.ByKey(key)
	switch {
	case !ok:
		return key
	case e.Source == library.SourceBundled:
		return e.Summary.ID + " (bundled with cable)"
	}
	return e.Summary.ID + " (" + key + ")"
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
	return ingest.Describe(address, err)
}
