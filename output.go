package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"cable/articles"
	"cable/ingest"
	"cable/library"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/term"
)

// output.go holds what the commands print with alike: JSON, tables,
// counts, where an article is, and errors as one line naming their file.

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// tableLines lays rows out in columns two spaces apart, each as wide as
// its widest cell in display cells; the last column is not padded. Every
// row has as many cells as the first.
func tableLines(rows [][]string) []string {
	if len(rows) == 0 {
		return nil
	}
	widths := columnWidths(rows)
	cells := make([][]int, len(rows))
	for r, row := range rows {
		cells[r] = make([]int, len(row))
		for c, cell := range row {
			cells[r][c] = cellWidth(cell)
		}
	}
	lines := make([]string, len(rows))
	var b strings.Builder
	for r, row := range rows {
		b.Reset()
		for c, cell := range row {
			b.WriteString(cell)
			if c < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[c]-cells[r][c]+columnGap))
			}
		}
		lines[r] = strings.TrimRight(b.String(), " ")
	}
	return lines
}

// columnGap is the space between two columns of a table.
const columnGap = 2

// columnWidths is how wide each column of rows is: its widest cell, in
// display cells (a Chinese or Japanese character takes two).
func columnWidths(rows [][]string) []int {
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for c, cell := range row {
			widths[c] = max(widths[c], cellWidth(cell))
		}
	}
	return widths
}

// terminalWidth is how many columns wide the terminal w writes to is, or
// 0 when w is no terminal (a pipe, a file). A writer that knows its
// width says it (a test's terminal).
func terminalWidth(w io.Writer) int {
	if t, ok := w.(interface{ TerminalWidth() int }); ok {
		return t.TerminalWidth()
	}
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0
	}
	cols, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		return 0
	}
	return cols
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

// cellWidth is how many cells s takes on screen: its length, for
// printable ASCII, which most cells are (measuring every cell of 50,000
// rows as Unicode text took a fifth of cable list's time); else as
// ansi.StringWidth measures it.
func cellWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}
