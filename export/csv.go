package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"time"
)

// csvColumns are the columns of Readwise's CSV import, in its order.
var csvColumns = []string{"Highlight", "Title", "Author", "URL", "Note", "Location", "Date"}

// readwiseDate is how Readwise's import reads a highlight's date.
const readwiseDate = "2006-01-02 15:04:05"

// WriteCSV writes one row per highlight in Readwise's import columns:
// the passage, its article's title, author and address, its note, its
// location (the highlight's number in its article, in the order of the
// text, for Readwise sorts by it) and when it was made, in UTC.
func WriteCSV(w io.Writer, arts []Article) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvColumns); err != nil {
		return err
	}
	for _, a := range arts {
		for i, h := range a.Highlights {
			row := []string{h.Text(), a.Title, a.Author, a.URL, h.Note, strconv.Itoa(i + 1), h.Created.In(time.UTC).Format(readwiseDate)}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
