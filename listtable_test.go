package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"text/tabwriter"
	"time"

	"cable/articles"
)

// TestWriteTableCells checks the table's lines cell by cell against the
// same cells written with Fprintf: every kind of READ, wide letters and
// numbers.
func TestWriteTableCells(t *testing.T) {
	now := time.Now()
	list := []listedArticle{
		{Summary: articles.Summary{ID: "a", Title: "Bakı talks", Author: "Ə. Əliyev", Words: 1500, Minutes: 7}},
		{Summary: articles.Summary{ID: "long-id-here", Title: "T", Words: 0, Minutes: 0}, Progress: 42, LastRead: &now},
		{Summary: articles.Summary{ID: "f", Title: "Finished", Words: 123456, Minutes: 600}, Finished: true, LastRead: &now},
		{Summary: articles.Summary{ID: "b", Title: "b.md"}, Error: "b.md:3: bad"},
	}
	var got bytes.Buffer
	if err := writeTable(&got, list); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	tw := tabwriter.NewWriter(&want, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTITLE\tAUTHOR\tWORDS\tMIN\tREAD")
	for i, read := range []string{"", "42%", "finished", "broken"} {
		a := list[i]
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%s\n", a.ID, a.Title, a.Author, a.Words, a.Minutes, read)
	}
	tw.Flush()
	if got.String() != want.String() {
		t.Errorf("table:\n%s\nwant:\n%s", got.String(), want.String())
	}
	if !strings.Contains(got.String(), "long-id-here  T ") {
		t.Errorf("columns are not aligned:\n%s", got.String())
	}
}
