package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"cable/articles"

	"github.com/charmbracelet/x/ansi"
)

// TestWriteTableCells checks the table line by line: every kind of READ,
// accented letters, numbers, and Chinese and Japanese titles, which take
// two cells a character and must not push their row's columns out of
// line.
func TestWriteTableCells(t *testing.T) {
	now := time.Now()
	list := []listedArticle{
		{Summary: articles.Summary{ID: "a", Title: "Bakı talks", Author: "Ə. Əliyev", Words: 1500, Minutes: 7}},
		{Summary: articles.Summary{ID: "long-id-here", Title: "T", Words: 0, Minutes: 0}, Progress: 42, LastRead: &now},
		{Summary: articles.Summary{ID: "f", Title: "Finished", Words: 123456, Minutes: 600}, Finished: true, LastRead: &now},
		{Summary: articles.Summary{ID: "b", Title: "b.md"}, Error: "b.md:3: bad"},
		{Summary: articles.Summary{ID: "zh", Title: "中国与中亚的关系", Author: "王", Words: 1000, Minutes: 4}},
	}
	var got bytes.Buffer
	if err := writeTable(&got, list); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"ID            TITLE             AUTHOR     WORDS   MIN  READ",
		"a             Bakı talks        Ə. Əliyev  1500    7",
		"long-id-here  T                            0       0    42%",
		"f             Finished                     123456  600  finished",
		"b             b.md                         0       0    broken",
		"zh            中国与中亚的关系  王         1000    4",
	}
	lines := strings.Split(strings.TrimSuffix(got.String(), "\n"), "\n")
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("table:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	// The WORDS column starts at the same cell on every line.
	for _, l := range lines[1:] {
		if at := strings.IndexAny(l, "0123456789"); ansi.StringWidth(l[:at]) != ansi.StringWidth(lines[0][:strings.Index(lines[0], "WORDS")]) {
			t.Errorf("out of line: %q", l)
		}
	}
}
