package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strconv"
	"time"

	"cable/articles"
	"cable/library"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
)

// list.go declares "cable list": the articles as a table or JSON.

func newListCommand(global *env) *cobra.Command {
	var asJSON bool
	var choice listChoice
	cmd := &cobra.Command{
		Use:   "list [FILE|DIR...]",
		Short: "List the articles: id, title, author, words, minutes, progress",
		RunE: func(cmd *cobra.Command, args []string) error {
			// Nearly everything list allocates stays in use until it
			// exits, so collecting early finds little garbage: listing
			// 10,000 articles took six collections with the default and
			// takes three at 400, an eighth less CPU time, for 5 MB more
			// at the peak (62 MB).
			debug.SetGCPercent(400)
			cfg, err := global.loadConfig()
			if err != nil {
				return err
			}
			// The table is read from the index when it is current; the
			// JSON, which has every field of the summary, from the
			// entries.
			cat, err := global.reportedCatalog(cmd, args, !asJSON)
			if err != nil {
				return err
			}
			defer cat.Close()
			if err := choice.load(cat.Store); err != nil {
				return err
			}
			defer choice.sayHidden(cmd.ErrOrStderr())
			if cat.Current {
				if err := writeIndexTable(cmd, cat, cfg.WordsPerMinute, choice.keepListed); err != nil {
					return err
				}
				return choice.nothingFound()
			}
			listed := choice.choose(cat.Entries, listing(cat, cfg.WordsPerMinute))
			if asJSON {
				if err := writeJSON(cmd.OutOrStdout(), listed); err != nil {
					return err
				}
				return choice.nothingFound()
			}
			// A broken file is listed as such; why it is broken goes to
			// stderr, a line per problem, and the listing goes on.
			for _, a := range listed {
				if a.Error != "" {
					fmt.Fprintln(cmd.ErrOrStderr(), a.Error)
				}
			}
			out := cmd.OutOrStdout()
			if err := writeTable(out, listed, terminalWidth(out)); err != nil {
				return err
			}
			return choice.nothingFound()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array of objects")
	cmd.Flags().StringArrayVar(&choice.tags, "tag", nil, "only the articles with this tag of yours (again for more: all of them)")
	cmd.Flags().BoolVar(&choice.unread, "unread", false, "only the articles never opened")
	cmd.Flags().BoolVar(&choice.archived, "archived", false, "list the archived articles too")
	return cmd
}

// listedArticle is one article as "cable list --json" prints it.
type listedArticle struct {
	articles.Summary
	Progress int        `json:"progress"`
	Finished bool       `json:"finished"`
	LastRead *time.Time `json:"last_read"`
	// New is set for an article saved by a feed update or cable get and
	// not opened since.
	New bool `json:"new"`
	// Tags are the reader's own, and Archived says the article is put
	// aside (listed only with --archived).
	Tags     []string `json:"tags"`
	Archived bool     `json:"archived"`
	Error    string   `json:"error,omitempty"`
}

// listing is every article of the catalog with how far it has been read,
// its reading time at wpm words a minute (the default when 0).
func listing(cat *library.Catalog, wpm int) []listedArticle {
	var readings map[string]library.Reading
	var fresh map[string]bool
	if cat.Store != nil {
		readings, _ = cat.Store.Readings()
		fresh, _ = cat.Store.NewKeys()
	}
	out := make([]listedArticle, len(cat.Entries))
	for i, e := range cat.Entries {
		a := listedArticle{Summary: e.Summary, Error: e.Error, New: fresh[e.Key]}
		a.Minutes = articles.MinutesAt(a.Words, wpm)
		if a.Sections == nil {
			a.Sections = []string{}
		}
		if r, ok := readings[e.Key]; ok {
			a.Progress, a.Finished = r.Progress, r.Finished
			if !r.LastRead.IsZero() {
				a.LastRead = &r.LastRead
			}
		}
		out[i] = a
	}
	return out
}

// writeTable prints the list as aligned columns, padded by the cells
// each cell takes on screen: a title in Chinese or Japanese takes two a
// character, which a tab writer, counting characters, would misalign. In
// a terminal width columns wide the table fits it (see fitColumns); with
// width 0 (a pipe, a file) the rows are whole, however long. Output is
// buffered: unbuffered, 10,000 articles took 100,000 write calls.
func writeTable(w io.Writer, list []listedArticle, width int) error {
	rows := make([][]string, 0, len(list)+1)
	rows = append(rows, tableHeader)
	for _, a := range list {
		rows = append(rows, tableRow(a.ID, a.Title, a.Author, a.Words, a.Minutes, readCell(a.Error, a.Finished, a.LastRead != nil, a.Progress, a.New)))
	}
	return printTable(w, rows, width)
}

// tableHeader is the first row of the table.
var tableHeader = []string{"ID", "TITLE", "AUTHOR", "WORDS", "MIN", "READ"}

func tableRow(id, title, author string, words, minutes int, read string) []string {
	return []string{id, title, author, strconv.Itoa(words), strconv.Itoa(minutes), read}
}

// readCell is the READ column: broken, finished, how far, or new.
func readCell(errText string, finished, read bool, progress int, fresh bool) string {
	switch {
	case errText != "":
		return "broken"
	case finished:
		return "finished"
	case read:
		return strconv.Itoa(progress) + "%"
	case fresh:
		return "new"
	}
	return ""
}

// writeIndexTable prints the table of a current catalog from its index:
// the columns printed, a row at a time, with the reader's state joined
// in, every broken file's reason on stderr as writeTable's caller says
// it; only the rows keep chooses. To a pipe or a file the rows are
// written as they are laid out, with no string made for a cell or a line
// (streamTable); a terminal's table is fitted to its width first.
func writeIndexTable(cmd *cobra.Command, cat *library.Catalog, wpm int, keep func(library.Listed) bool) error {
	t := &streamTable{widths: make([]int, len(tableHeader))}
	t.add(listRow{cells: [4]string{tableHeader[colID], tableHeader[colTitle], tableHeader[colAuthor], tableHeader[colRead]}}, tableHeader[colWords], tableHeader[colMinutes])
	err := cat.Store.EachListed(cat.Bundle(), func(l library.Listed) error {
		if !keep(l) {
			return nil
		}
		if l.Error != "" {
			fmt.Fprintln(cmd.ErrOrStderr(), l.Error)
		}
		t.add(listRow{cells: [4]string{l.ID, l.Title, l.Author, readCell(l.Error, l.Finished, l.Read, l.Progress, l.New)},
			words: l.Words, minutes: articles.MinutesAt(l.Words, wpm)}, "", "")
		return nil
	})
	if err != nil {
		return err
	}
	out := cmd.OutOrStdout()
	if width := terminalWidth(out); width > 0 {
		return printTable(out, t.cells(), width)
	}
	return t.write(out)
}

// listRow is a row of the list as streamTable keeps it: the ID, title,
// author and READ cells, and the numbers of the WORDS and MIN columns.
type listRow struct {
	cells          [4]string
	words, minutes int
	// header holds the WORDS and MIN cells of the header row, which are
	// no numbers.
	header *[2]string
}

// streamTable lays the list out as tableLines does, without a string for
// each cell and line: the rows and each column's widest cell are kept as
// they come, and the lines written into one buffer.
type streamTable struct {
	rows   []listRow
	widths []int
}

// listColumns are the columns of listRow.cells.
var listColumns = [4]int{colID, colTitle, colAuthor, colRead}

func (t *streamTable) add(r listRow, words, minutes string) {
	if words != "" || minutes != "" {
		r.header = &[2]string{words, minutes}
	}
	for i, c := range listColumns {
		t.widths[c] = max(t.widths[c], cellWidth(r.cells[i]))
	}
	t.widths[colWords] = max(t.widths[colWords], r.numberWidth(0))
	t.widths[colMinutes] = max(t.widths[colMinutes], r.numberWidth(1))
	t.rows = append(t.rows, r)
}

// number is the WORDS (0) or MIN (1) cell of the row, as text.
func (r *listRow) number(which int) string {
	if r.header != nil {
		return r.header[which]
	}
	if which == 0 {
		return strconv.Itoa(r.words)
	}
	return strconv.Itoa(r.minutes)
}

// numberWidth is how wide the WORDS (0) or MIN (1) cell is.
func (r *listRow) numberWidth(which int) int {
	if r.header != nil {
		return len(r.header[which])
	}
	var digits [20]byte
	return len(strconv.AppendInt(digits[:0], int64([2]int{r.words, r.minutes}[which]), 10))
}

// appendNumber appends the WORDS (0) or MIN (1) cell to line.
func (r *listRow) appendNumber(line []byte, which int) []byte {
	if r.header != nil {
		return append(line, r.header[which]...)
	}
	return strconv.AppendInt(line, int64([2]int{r.words, r.minutes}[which]), 10)
}

// cells is the table as rows of cells, for printTable.
func (t *streamTable) cells() [][]string {
	rows := make([][]string, len(t.rows))
	for i := range t.rows {
		r := &t.rows[i]
		rows[i] = []string{r.cells[0], r.cells[1], r.cells[2], r.number(0), r.number(1), r.cells[3]}
	}
	return rows
}

// write writes the table as tableLines lays it out, a line a row.
func (t *streamTable) write(w io.Writer) error {
	buf := bufio.NewWriterSize(w, 64<<10)
	var line []byte
	for i := range t.rows {
		r := &t.rows[i]
		line = line[:0]
		for c := range t.widths {
			var cells int
			switch c {
			case colWords, colMinutes:
				start := len(line)
				line = r.appendNumber(line, c-colWords)
				cells = len(line) - start
			default:
				cell := r.cells[slices.Index(listColumns[:], c)]
				line = append(line, cell...)
				cells = cellWidth(cell)
			}
			if c < len(t.widths)-1 {
				for range t.widths[c] - cells + columnGap {
					line = append(line, ' ')
				}
			}
		}
		buf.Write(bytes.TrimRight(line, " "))
		buf.WriteByte('\n')
	}
	return buf.Flush()
}

// printTable prints rows, the header first, fitted to width (0: whole).
func printTable(w io.Writer, rows [][]string, width int) error {
	if width > 0 {
		rows = fitColumns(rows, width)
	}
	buf := bufio.NewWriter(w)
	for _, line := range tableLines(rows) {
		buf.WriteString(line)
		buf.WriteByte('\n')
	}
	return buf.Flush()
}

// The columns of the list, in the order printed.
const (
	colID = iota
	colTitle
	colAuthor
	colWords
	colMinutes
	colRead
)

// dropOrder is the order in which columns leave a table too wide for its
// terminal, once the title is as short as it may be: WORDS first (MIN
// says as much, in less room), then AUTHOR, then MIN, then READ. The ID,
// which "cable read" takes and which is no use cut, and the title stay.
var dropOrder = []int{colWords, colAuthor, colMinutes, colRead}

const (
	// minTitleCells is the shortest a title is cut to before a column is
	// dropped to give it room; when even the ID and the title alone do
	// not fit, the title takes what is left.
	minTitleCells = 20
	// maxAuthorCells is the widest the author column stays in a table
	// that does not fit whole: the title has the room first, and what it
	// leaves goes to the author.
	maxAuthorCells = 20
)

// fitColumns fits the list's rows (the header first) into width display
// cells. Whole rows that fit are kept as they are. Otherwise titles are
// cut with "…" to the room the other columns leave, with the author cut
// to maxAuthorCells first; when that leaves a title less than
// minTitleCells, columns are dropped in dropOrder until it does not.
func fitColumns(rows [][]string, width int) [][]string {
	widths := columnWidths(rows)
	if tableWidth(widths, nil) <= width {
		return rows
	}
	dropped := map[int]bool{}
	titleCells, authorCells := fitTitle(widths, dropped, width)
	for _, c := range dropOrder {
		if titleCells >= min(widths[colTitle], minTitleCells) {
			break
		}
		dropped[c] = true
		titleCells, authorCells = fitTitle(widths, dropped, width)
	}
	out := make([][]string, len(rows))
	for r, row := range rows {
		kept := make([]string, 0, len(row))
		for c, cell := range row {
			switch {
			case dropped[c]:
				continue
			case c == colTitle:
				cell = ansi.Truncate(cell, max(titleCells, 1), "…")
			case c == colAuthor:
				cell = ansi.Truncate(cell, max(authorCells, 1), "…")
			}
			kept = append(kept, cell)
		}
		out[r] = kept
	}
	return out
}

// fitTitle is how wide the title and author columns can be in width
// cells, without the dropped columns: the author at most maxAuthorCells
// (or its own width) until the title has all it needs, then what the
// title leaves.
func fitTitle(widths []int, dropped map[int]bool, width int) (title, author int) {
	others := tableWidth(widths, dropped) - widths[colTitle]
	if !dropped[colAuthor] {
		author = min(widths[colAuthor], maxAuthorCells)
		others += author - widths[colAuthor]
	}
	title = min(widths[colTitle], width-others)
	if !dropped[colAuthor] {
		author = min(widths[colAuthor], author+width-others-title)
	}
	return title, author
}

// tableWidth is how wide a table with these column widths is, without
// the dropped columns, with its gaps.
func tableWidth(widths []int, dropped map[int]bool) int {
	total, n := 0, 0
	for c, w := range widths {
		if !dropped[c] {
			total += w
			n++
		}
	}
	return total + columnGap*max(n-1, 0)
}
