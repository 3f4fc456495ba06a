package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestStreamTableIsTableLines: the table "cable list" writes to a pipe
// from the index, row by row into one buffer, is byte for byte the one
// tableLines lays out from its cells: accented, Chinese and Japanese
// cells, a cell wider than its header, empty cells at the end of a row
// and in its middle, a title ending in spaces, numbers of every width.
func TestStreamTableIsTableLines(t *testing.T) {
	rows := []listRow{
		{cells: [4]string{"a", "Bakı talks", "Ə. Əliyev", ""}, words: 1500, minutes: 7},
		{cells: [4]string{"long-id-here", "T", "", "42%"}, words: 0, minutes: 0},
		{cells: [4]string{"f", "Finished", "", "finished"}, words: 123456, minutes: 600},
		{cells: [4]string{"zh", "中国与中亚的关系", "王", "new"}, words: 1000, minutes: 4},
		{cells: [4]string{"ja", "日本の外交 ", "", ""}, words: 12, minutes: 1},
		{cells: [4]string{"", "", "", ""}},
		{cells: [4]string{"tab", "a\ttab and a control\x01", "x", "broken"}, words: 9999999999, minutes: 1 << 40},
	}
	for n := range len(rows) + 1 {
		table := &streamTable{widths: make([]int, len(tableHeader))}
		table.add(listRow{cells: [4]string{tableHeader[colID], tableHeader[colTitle], tableHeader[colAuthor], tableHeader[colRead]}},
			tableHeader[colWords], tableHeader[colMinutes])
		for _, r := range rows[:n] {
			table.add(r, "", "")
		}
		var got bytes.Buffer
		if err := table.write(&got); err != nil {
			t.Fatal(err)
		}
		want := strings.Join(tableLines(table.cells()), "\n") + "\n"
		if got.String() != want {
			t.Errorf("%d rows:\n%q\nwant\n%q", n, got.String(), want)
		}
	}
}
