package main

import (
	"bytes"
	"io"
	"path/filepath"
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
	if err := writeTable(&got, list, 0); err != nil {
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

// fitList is a list whose whole rows are 142 cells wide: a long title, a
// long author, a Chinese title (two cells a character) and a short row.
func fitList() []listedArticle {
	now := time.Now()
	return []listedArticle{
		{Summary: articles.Summary{ID: "sanctions-and-their-limits", Title: "Sanctions and Their Limits: A Decade of Pressure on Iran's Economy",
			Author: "Esfandyar Batmanghelidj", Words: 5120, Minutes: 22}, Progress: 42, LastRead: &now},
		{Summary: articles.Summary{ID: "zh-relations", Title: "中国与中亚的关系：合作、竞争与共同利益的未来", Author: "王", Words: 1000, Minutes: 4}, New: true},
		{Summary: articles.Summary{ID: "a", Title: "Short", Words: 100, Minutes: 1}, Finished: true, LastRead: &now},
	}
}

// TestListFitsTheTerminal: in a terminal the table fits its width: titles
// are cut with "…" by display cells (a Chinese character is two), the
// author is cut to 20 cells, and when the title would be cut below 20
// cells, WORDS, then AUTHOR, then MIN, then READ are dropped. Whole rows
// that fit are printed as they are.
func TestListFitsTheTerminal(t *testing.T) {
	whole := []string{
		"ID                          TITLE                                                               AUTHOR                   WORDS  MIN  READ",
		"sanctions-and-their-limits  Sanctions and Their Limits: A Decade of Pressure on Iran's Economy  Esfandyar Batmanghelidj  5120   22   42%",
		"zh-relations                中国与中亚的关系：合作、竞争与共同利益的未来                        王                       1000   4    new",
		"a                           Short                                                                                        100    1    finished",
	}
	tests := []struct {
		width int
		want  []string
	}{
		{200, whole},
		{141, whole},
		{140, []string{
			"ID                          TITLE                                                               AUTHOR                  WORDS  MIN  READ",
			"sanctions-and-their-limits  Sanctions and Their Limits: A Decade of Pressure on Iran's Economy  Esfandyar Batmangheli…  5120   22   42%",
			"zh-relations                中国与中亚的关系：合作、竞争与共同利益的未来                        王                      1000   4    new",
			"a                           Short                                                                                       100    1    finished",
		}},
		{100, []string{
			"ID                          TITLE                         AUTHOR                WORDS  MIN  READ",
			"sanctions-and-their-limits  Sanctions and Their Limits:…  Esfandyar Batmanghe…  5120   22   42%",
			"zh-relations                中国与中亚的关系：合作、竞…   王                    1000   4    new",
			"a                           Short                                               100    1    finished",
		}},
		{80, []string{
			"ID                          TITLE                                  MIN  READ",
			"sanctions-and-their-limits  Sanctions and Their Limits: A Decade…  22   42%",
			"zh-relations                中国与中亚的关系：合作、竞争与共同利…  4    new",
			"a                           Short                                  1    finished",
		}},
		{60, []string{
			"ID                          TITLE                   READ",
			"sanctions-and-their-limits  Sanctions and Their L…  42%",
			"zh-relations                中国与中亚的关系：合…   new",
			"a                           Short                   finished",
		}},
		// The ID and the title alone do not fit 20 cells of title: the
		// title takes what is left.
		{40, []string{
			"ID                          TITLE",
			"sanctions-and-their-limits  Sanctions a…",
			"zh-relations                中国与中亚…",
			"a                           Short",
		}},
	}
	for _, tt := range tests {
		var got bytes.Buffer
		if err := writeTable(&got, fitList(), tt.width); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(got.String(), "\n"), "\n")
		if strings.Join(lines, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("at %d columns:\n%s\nwant:\n%s", tt.width, strings.Join(lines, "\n"), strings.Join(tt.want, "\n"))
		}
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > tt.width {
				t.Errorf("at %d columns a line is %d wide: %q", tt.width, w, l)
			}
		}
	}
}

// terminalBuffer is a terminal for a test: what is written to it, and its
// width.
type terminalBuffer struct {
	bytes.Buffer
	width int
}

// TerminalWidth is the width terminalWidth reads from a terminal.
func (b *terminalBuffer) TerminalWidth() int { return b.width }

// TestListCommandFitsTheTerminal: "cable list" to a terminal 60, 80 or 100
// columns wide prints no line wider than it; to a pipe it prints whole
// rows.
func TestListCommandFitsTheTerminal(t *testing.T) {
	testHome(t)
	lib := t.TempDir()
	writeFile(t, filepath.Join(lib, "long.md"), "---\ntitle: \"Assessing a Decade of Pressure: Sanctions, Shadow Fleets and the Limits of Economic Statecraft\"\nauthor: Esfandyar Batmanghelidj and Jonathan Schanzer\n---\n\nText of the report.\n")
	for _, width := range []int{60, 80, 100} {
		cmd := newRootCommand()
		out := &terminalBuffer{width: width}
		cmd.SetOut(out)
		cmd.SetErr(io.Discard)
		cmd.SetArgs([]string{"list", "--library", lib})
		if err := cmd.Execute(); err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
			if w := ansi.StringWidth(l); w > width {
				t.Errorf("at %d columns a line is %d wide: %q", width, w, l)
			}
		}
		if !strings.Contains(out.String(), "…") {
			t.Errorf("at %d columns no title is cut:\n%s", width, out.String())
		}
	}
	piped, _, err := runSplit(t, "list", "--library", lib)
	if err != nil || !strings.Contains(piped, "the Limits of Economic Statecraft  Esfandyar Batmanghelidj and Jonathan Schanzer") {
		t.Errorf("to a pipe: %v\n%s", err, piped)
	}
}

// TestCellWidth: printable ASCII is measured by its length, anything
// else as the terminal shows it.
func TestCellWidth(t *testing.T) {
	for _, tt := range []struct {
		cell string
		want int
	}{
		{"", 0}, {"Baku", 4}, {"a ~ b", 5}, {"Bakı", 4}, {"北京", 4}, {"e\u0301", 1}, {"tab\there", ansi.StringWidth("tab\there")},
	} {
		if got := cellWidth(tt.cell); got != tt.want {
			t.Errorf("cellWidth(%q) = %d; want %d", tt.cell, got, tt.want)
		}
	}
}
