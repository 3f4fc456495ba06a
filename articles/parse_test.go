package articles

import (
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

func TestParseSections(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		titles   []string // section titles as shown, in reading order
		kinds    []SectionKind
		lines    []int
		warnings []string
	}{
		{
			name:   "lede, sections and a note in the middle moved last",
			src:    "---\ntitle: T\n---\n\nLede.\n\n## One\n\nText.\n\n## Editor’s Note\n\nWho.\n\n## Two\n\n### Deeper\n\nMore.\n",
			titles: []string{"Opening", "One", "Two", "Editor’s Note"},
			kinds:  []SectionKind{Lede, Body, Body, EditorsNote},
			lines:  []int{4, 7, 15, 11},
		},
		{
			name:   "no headings is one section named after the article",
			src:    "---\ntitle: Only text\n---\nOne paragraph.\n\nAnother.\n",
			titles: []string{"Only text"},
			kinds:  []SectionKind{Lede},
			lines:  []int{4},
		},
		{
			name:   "no lede: the first section is the first heading",
			src:    "---\ntitle: T\n---\n## First\n\nText.\n",
			titles: []string{"First"},
			kinds:  []SectionKind{Body},
			lines:  []int{4},
		},
		{
			name:   "headings inside code blocks do not cut sections",
			src:    "---\ntitle: T\n---\n## A\n\n```\n## not a section\n```\n\n## B\n\nText.\n",
			titles: []string{"A", "B"},
			kinds:  []SectionKind{Body, Body},
			lines:  []int{4, 10},
		},
		{
			name:   "editors_note field becomes the last section",
			src:    "---\ntitle: T\neditors_note: The author is a diplomat.\n---\nText.\n",
			titles: []string{"Opening", "Editor's note"},
			kinds:  []SectionKind{Lede, EditorsNote},
			lines:  []int{5, 3},
		},
		{
			name:   "note from the editor, setext heading, CRLF and BOM",
			src:    "\ufeff---\r\ntitle: T\r\n---\r\nText.\r\n\r\nNote from the editor\r\n---\r\n\r\nWho.\r\n",
			titles: []string{"Opening", "Note from the editor"},
			kinds:  []SectionKind{Lede, EditorsNote},
			lines:  []int{4, 6},
		},
		{
			name:     "unknown fields and repeated titles are warnings",
			src:      "---\ntitle: T\nautor: Someone\n---\n## A\n\nx\n\n## a\n\ny\n",
			titles:   []string{"A", "a"},
			kinds:    []SectionKind{Body, Body},
			lines:    []int{5, 9},
			warnings: []string{`t.md:3: unknown field "autor" (did you mean "author"?)`, `t.md:9: section title "a" is used twice (first on line 5)`},
		},
		{
			name:     "no front matter: title from the first heading",
			src:      "# A plain file\n\nText.\n",
			titles:   []string{"A plain file"},
			kinds:    []SectionKind{Lede},
			lines:    []int{1},
			warnings: []string{`t.md:1: no front matter: the title "A plain file" is taken from the text`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse("t.md", []byte(tt.src), "t")
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			var titles, warnings []string
			var kinds []SectionKind
			var lines []int
			for i, s := range a.Sections {
				titles = append(titles, a.SectionTitle(i))
				kinds = append(kinds, s.Kind)
				lines = append(lines, s.Line)
			}
			for _, w := range a.Warnings {
				if !w.Warning || !strings.HasSuffix(w.Error(), " (warning)") {
					t.Errorf("a warning not marked as one: %q", w)
				}
				warnings = append(warnings, strings.TrimSuffix(w.Error(), " (warning)"))
			}
			check(t, "titles", titles, tt.titles)
			check(t, "kinds", kinds, tt.kinds)
			check(t, "lines", lines, tt.lines)
			check(t, "warnings", warnings, tt.warnings)
		})
	}
}

func check[T comparable](t *testing.T, what string, got, want []T) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s = %v, want %v", what, got, want)
		return
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("%s = %v, want %v", what, got, want)
			return
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"empty file", "", "bad.md: file is empty"},
		{"blank file", "\n\n  \n", "bad.md: file is empty"},
		{"unclosed front matter", "---\ntitle: T\n\nText.\n", `bad.md:1: front matter is not closed: no "---" line after the opening one`},
		{"front matter alone", "---\ntitle: T\n---\n", "bad.md:4: article has no text after its front matter"},
		{"no title", "---\nauthor: A\n---\nText.\n", `bad.md:1: front matter has no title: add a line "title: ..."`},
		{"empty title", "---\ntitle:\n---\nText.\n", "bad.md:2: title is empty"},
		{"empty front matter", "---\n---\nText.\n", "bad.md:1: front matter is empty: it needs at least a title"},
		{"bad date", "---\ntitle: T\npublished: 2013-02-30\n---\nText.\n", `bad.md:3: published "2013-02-30" is not a date of the form YYYY-MM-DD`},
		{"date in words", "---\ntitle: T\nupdated: March 2013\n---\nText.\n", `bad.md:3: updated "March 2013" is not a date of the form YYYY-MM-DD`},
		{"summary_only not a flag", "---\ntitle: T\nsummary_only: yes please\n---\nText.\n", `bad.md:3: summary_only must be true or false, not "yes please"`},
		{"list for a scalar", "---\ntitle: [a, b]\n---\nText.\n", "bad.md:2: title must be a single value, not a list or mapping"},
		{"anchor in a list", "---\ntitle: T\ntopics: [&a x, *a]\n---\nText.\n", "bad.md:3: topics uses a YAML anchor or alias (&name, *name); they are not accepted in front matter: write the value out"},
		{"mapping for topics", "---\ntitle: T\ntopics:\n  a: b\n---\nText.\n", "bad.md:3: topics must be a list of words, such as [Iran, Israel]"},
		{"field twice", "---\ntitle: T\ntitle: U\n---\nText.\n", `bad.md:3: field "title" given twice (first on line 2)`},
		{"not a mapping", "---\n- a\n- b\n---\nText.\n", `bad.md:2: front matter must be a mapping of fields such as "title: ..."`},
		{"alias", "---\ntitle: &t T\nsubtitle: *t\n---\nText.\n", "bad.md:2: title uses a YAML anchor or alias (&name, *name); they are not accepted in front matter: write the value out"},
		{"two editor's notes", "---\ntitle: T\n---\n## Editor's note\n\na\n\n## Editors' note\n\nb\n", "bad.md:8: a second editor's note (the first is on line 4)"},
		{"note twice", "---\ntitle: T\neditors_note: x\n---\n## Editor's note\n\na\n", "bad.md:5: editor's note given twice: here and in the front matter's editors_note"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("bad.md", []byte(tt.src), "bad")
			if err == nil {
				t.Fatalf("Parse succeeded, want %q", tt.want)
			}
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error is %T, want ErrorList", err)
			}
			if got := list[0].Error(); got != tt.want {
				t.Errorf("error = %q\nwant    %q", got, tt.want)
			}
		})
	}
}

// TestErrorsComeWithTheirWarnings: a file with errors reports its
// warnings too, after the errors and marked, so that a writer fixes
// everything in one pass.
func TestErrorsComeWithTheirWarnings(t *testing.T) {
	src := "---\nautor: A\npublished: 2013-13-01\n---\nText.\n\n## A\n\nx\n\n## A\n\ny\n"
	_, err := Parse("bad.md", []byte(src), "bad")
	want := `bad.md:3: published "2013-13-01" is not a date of the form YYYY-MM-DD
bad.md:1: front matter has no title: add a line "title: ..."
bad.md:2: unknown field "autor" (did you mean "author"?) (warning)
bad.md:11: section title "A" is used twice (first on line 7) (warning)`
	if err == nil || err.Error() != want {
		t.Fatalf("error:\n%v\nwant\n%s", err, want)
	}
	var list ErrorList
	errors.As(err, &list)
	errs, warnings := list.Split()
	if len(errs) != 2 || len(warnings) != 2 {
		t.Errorf("Split: %d errors and %d warnings, want 2 and 2", len(errs), len(warnings))
	}
}

func TestParseYAMLSyntaxErrorNamesItsLine(t *testing.T) {
	_, err := Parse("bad.md", []byte("---\ntitle: T\nauthor: \"unclosed\n---\nText.\n"), "bad")
	if err == nil || !strings.HasPrefix(err.Error(), "bad.md:3: front matter is not valid YAML") {
		t.Fatalf("error = %v, want it at bad.md:3", err)
	}
}

func TestParseMeta(t *testing.T) {
	src := "---\ntitle: \"A: B\"\nsubtitle: S\nauthor: Au\nauthor_note: N\nsource: Src\nurl: https://example.org/a\npublished: 2013-05-01\nupdated: 2013-06-01\ntopics: [Iran, Israel]\nsummary: |\n  Two\n  lines.\nlanguage: en\n---\nText.\n"
	a, err := Parse("m.md", []byte(src), "m")
	if err != nil {
		t.Fatal(err)
	}
	want := Meta{Title: "A: B", Subtitle: "S", Author: "Au", AuthorNote: "N", Source: "Src",
		URL: "https://example.org/a", Published: "2013-05-01", Updated: "2013-06-01",
		Topics: []string{"Iran", "Israel"}, Summary: "Two\nlines.", Language: "en"}
	got := a.Meta
	if got.Title != want.Title || got.Subtitle != want.Subtitle || got.Author != want.Author ||
		got.AuthorNote != want.AuthorNote || got.Source != want.Source || got.URL != want.URL ||
		got.Published != want.Published || got.Updated != want.Updated || got.Summary != want.Summary ||
		got.Language != want.Language || strings.Join(got.Topics, ",") != "Iran,Israel" {
		t.Errorf("meta = %+v\nwant   %+v", got, want)
	}
}

func TestBlocksAndWords(t *testing.T) {
	src := "---\ntitle: T\n---\nOne *two* [three](http://x) `four`.\n\n- five six\n- seven\n\n> eight\n\n| a | b |\n|---|---|\n| c | d |\n"
	a, err := Parse("b.md", []byte(src), "b")
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, b := range a.Sections[0].Blocks {
		texts = append(texts, b.Text)
	}
	check(t, "blocks", texts, []string{"One two three four.", "five six", "seven", "eight", "a b c d"})
	if a.Words() != 12 {
		t.Errorf("Words = %d, want 12", a.Words())
	}
}

func TestMinutesFor(t *testing.T) {
	for _, tt := range []struct{ words, want int }{{0, 0}, {1, 1}, {238, 1}, {239, 2}, {2380, 10}} {
		if got := MinutesFor(tt.words); got != tt.want {
			t.Errorf("MinutesFor(%d) = %d, want %d", tt.words, got, tt.want)
		}
	}
}

func TestReferencesTravelWithSections(t *testing.T) {
	src := "---\ntitle: T\n---\nSee [the spec][cm].\n\n## Later\n\nAgain [the spec][cm].\n\n[cm]: https://spec.commonmark.org/ \"CommonMark\"\n"
	a, err := Parse("r.md", []byte(src), "r")
	if err != nil {
		t.Fatal(err)
	}
	want := `[cm]: <https://spec.commonmark.org/> "CommonMark"`
	if a.References != want {
		t.Fatalf("References = %q, want %q", a.References, want)
	}
	if md := a.SectionMarkdown(0); !strings.HasSuffix(md, want) {
		t.Errorf("section 0 lacks the definition: %q", md)
	}
}

func TestParseFile(t *testing.T) {
	fsys := fstest.MapFS{
		"ok.md":    {Data: []byte("---\ntitle: T\n---\nText.\n")},
		"big.md":   {Data: make([]byte, MaxSize+1)},
		"dir/x.md": {Data: []byte("x")},
	}
	if a, err := ParseFile(fsys, "ok.md", "/lib/ok.md"); err != nil || a.Origin != "/lib/ok.md" || a.ID != "ok" {
		t.Errorf("ParseFile(ok.md) = %+v, %v", a, err)
	}
	for name, want := range map[string]string{
		"missing.md": "/lib/missing.md: no such file",
		"big.md":     "/lib/big.md: is 16 MiB; articles larger than 16 MiB are not read",
		"dir":        "/lib/dir: is a directory, not an article file",
	} {
		if _, err := ParseFile(fsys, name, "/lib/"+name); err == nil || err.Error() != want {
			t.Errorf("ParseFile(%s) error = %v, want %q", name, err, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: T\n---\nText.\n\n## A\n\nB [x][y].\n\n[y]: http://z\n",
		"---\ntitle: &a T\nx: *a\n---\n",
		"# Plain\n\n> quote\n> > deeper\n\n- a\n  - b\n",
		"\ufeff---\r\ntitle: T\r\n---\r\n## Editor's note\r\n\r\nx\r\n",
		"---\ntitle: T\n---\nA.[^1] `[^1]` B.[^x]\n\n## Notes\n\n[^1]: One\n    more.\n\n    Two.\n[^x]: X.[^1]\n[^1]: again\n",
		// Footnotes: a duplicate with a lazy continuation, markers in a
		// fence and a code span, a note that refers to itself, a marker
		// without a note, a definition inside a list.
		"A[^1]\n\n[^1]: a\n    b\n\n    c\n[^1]: d\nlazy\n",
		"```\n[^f]: in a fence\n[^f]\n```\n``[^f]`` [^f]\n\n[^f]: F[^f]\n\t\ttabbed\n- [^g]: item\n",
		"[^]: empty [^ ] [^a]:[^a]\n[^A]: upper\n    [^a]\n",
		// Front matter: every field, a CRLF file, a list where one value
		// belongs, a field given twice, unclosed front matter.
		"---\ntitle: T\nsubtitle: S\nauthor: A\nauthor_note: N\nsource: Src\nurl: https://x\npublished: 2013-05-01\nupdated: 2013-05-02\ntopics: [a, b]\nsummary: Sum.\nlanguage: en\neditors_note: E.\n---\nBody.\n",
		"---\r\ntitle: [a, b]\r\ntitle: again\r\nautor: X\r\npublished: 2013-13-40\r\n---\r\n",
		"---\ntitle: T\n",
		"---\n---\n## Editor's note\n\nx\n\n## Editors' note\n\ny\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse("f.md", data, "f")
		if err != nil {
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error %v is not an ErrorList", err)
			}
			return
		}
		if a.Meta.Title == "" || len(a.Sections) == 0 {
			t.Fatalf("article without title or sections: %+v", a)
		}
		for i := range a.Sections {
			_ = a.SectionTitle(i)
		}
		// Every footnote marker stands in a block of the article, where
		// the block's text shows "[n]".
		for _, fn := range a.Footnotes {
			mark := "[" + strconv.Itoa(fn.Number) + "]"
			for _, ref := range fn.Refs {
				if ref.Section >= len(a.Sections) || ref.Block >= len(a.Sections[ref.Section].Blocks) {
					t.Fatalf("note %d's marker is outside the article: %+v", fn.Number, ref)
				}
				if text := a.Sections[ref.Section].Blocks[ref.Block].Text; !strings.Contains(text, mark) {
					t.Fatalf("note %d's block does not show %s: %q", fn.Number, mark, text)
				}
			}
		}
	})
}

// update is accepted so that "go test ./... -update", which refreshes the
// golden files of the ui package, runs here too.
var _ = flag.Bool("update", false, "refresh golden files (none in this package)")

// TestNamesOfTheSeedArticle pins the names index of the seed article: the
// places, people, organisations and peoples it mentions, and no sentence
// openers such as "Today" or "Thus"; each count is the name's whole-word
// mentions, headings and longer names included ("Karabakh" in
// "Nagorno-Karabakh"), as the reader's find finds them.
func TestNamesOfTheSeedArticle(t *testing.T) {
	list, err := Bundle()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range Names(list[0]) {
		got = append(got, fmt.Sprintf("%s %d", n.Text, n.Count))
	}
	check(t, "names", got, []string{
		"Azerbaijan 17", "Israel 16", "Baku 12", "Iran 10", "Azerbaijani 6", "Israeli 6", "Karabakh 6",
		"Muslim 4", "Turkey 4", "Washington 3", "Arab 2", "Armenia 2", "Armenian 2", "Azerbaijanis 2",
		"Karabakh Armenians 2", "Nagorno-Karabakh 2", "US 2", "American 1", "Azerbaijani-Israeli 1", "Azeris 1",
		"EU 1", "Efraim Sneh 1", "Eldar Mamedov 1", "European Parliament 1", "Islamists 1", "Israelis 1",
		"Jewish-Americans 1", "Kemalist Turkey 1", "Michael Lotem 1", "Palestine 1",
		"Socialists & Democrats Group 1", "South Caucasus 1", "United Nations 1", "United States 1", "West 1",
	})
}

func TestCapitalRuns(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"Today, Israel’s relations with Turkey are tense.", "[Today]* [Israel] [Turkey]"},
		{"the Socialists & Democrats Group in the European Parliament, who", "[Socialists & Democrats Group] [European Parliament]"},
		{"Bank of England. Thus Baku", "[Bank of England]* [Thus Baku]*"},
		{"“icon of progress in the Muslim world,” it", "[Muslim]"},
		{"People's Daily, the paper", "[People's Daily]*"},
		{"China's Xi Jinping said", "[China]* [Xi Jinping]"},
		{"Photograph: Reuters", "[Photograph]* [Reuters]*"},
	}
	for _, tt := range tests {
		var got []string
		for _, r := range capitalRuns(tt.text) {
			s := "[" + strings.Join(r.words, " ") + "]"
			if r.sentenceStart {
				s += "*"
			}
			got = append(got, s)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("capitalRuns(%q) = %s, want %s", tt.text, strings.Join(got, " "), tt.want)
		}
	}
}

// TestBinaryFilesAreRefused: a file holding a NUL byte is no article's
// text, whatever its name says; it is refused with the line of the byte.
func TestBinaryFilesAreRefused(t *testing.T) {
	_, err := Parse("image.md", []byte("PNG\n\x1a\n\x00\x00\x00\rIHDR"), "image")
	if err == nil || err.Error() != "image.md:3: is a binary file (it holds a NUL byte), not an article's text" {
		t.Errorf("error %v", err)
	}
}

// TestALinkDefinitionAfterANoteIsTheArticles: a reference definition right
// under a note's last line is not part of the note.
func TestALinkDefinitionAfterANoteIsTheArticles(t *testing.T) {
	a, err := Parse("n.md", []byte("---\ntitle: T\n---\n\nSee the [report][r1].[^n]\n\n[^n]: A note.\n[r1]: https://example.org/report\n"), "n")
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Footnotes[0].Text; got != "A note." {
		t.Errorf("the note reads %q", got)
	}
	if links := a.Links(); len(links) != 1 || links[0].URL != "https://example.org/report" {
		t.Errorf("links: %+v", links)
	}
}

// TestFieldsAreOneLine: a field written as a YAML block scalar keeps its
// words on one line, since it is shown on one; the editor's note, which
// is Markdown, keeps its lines.
func TestFieldsAreOneLine(t *testing.T) {
	src := "---\ntitle: T\nsubtitle: |\n  Two\n  lines\nauthor_note: >\n  A fellow,\n\n  ---\n  writing privately.\neditors_note: |\n  One.\n\n  Two.\n---\n\nText.\n"
	a, err := Parse("t.md", []byte(src), "t")
	if err != nil {
		t.Fatal(err)
	}
	if a.Meta.Subtitle != "Two lines" || a.Meta.AuthorNote != "A fellow, --- writing privately." {
		t.Errorf("subtitle %q, author note %q", a.Meta.Subtitle, a.Meta.AuthorNote)
	}
	i, _ := a.EditorsNote()
	var texts []string
	for _, b := range a.Sections[i].Blocks {
		texts = append(texts, b.Text)
	}
	check(t, "the editor's note", texts, []string{"Editor's note", "One.", "Two.", "About the author: A fellow, --- writing privately."})
}

// TestColonInAValueSaysToQuoteIt: a value holding ": " unquoted is not
// YAML; the error names the field's line and gives the line as it should
// be written, quoted (with any quote or backslash inside escaped), and
// says nothing more when the line is no such field.
func TestColonInAValueSaysToQuoteIt(t *testing.T) {
	const yamlSays = "front matter is not valid YAML: mapping value is not allowed in this context"
	tests := []struct{ name, front, want string }{
		{"title", "title: A: B\n", `bad.md:2: ` + yamlSays + `; put the title in quotes: title: "A: B"`},
		{"subtitle on line 3", "title: T\nsubtitle: Iran: the year after\n", `bad.md:3: ` + yamlSays + `; put the subtitle in quotes: subtitle: "Iran: the year after"`},
		{"quotes and backslashes inside", "title: Iran: \"maximum\" pressure \\ 2\n", `bad.md:2: ` + yamlSays + `; put the title in quotes: title: "Iran: \"maximum\" pressure \\ 2"`},
		{"unknown field", "headline: A: B\n", `bad.md:2: ` + yamlSays + `; put the headline in quotes: headline: "A: B"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("bad.md", []byte("---\n"+tt.front+"---\nText.\n"), "bad")
			var list ErrorList
			if !errors.As(err, &list) || list[0].Error() != tt.want {
				t.Errorf("error %v\nwant  %s", err, tt.want)
			}
		})
	}
	for _, front := range []string{"title: T\nauthor: \"unclosed: x\n", "title: [A: B\n", "title: T\n  - a: b\n"} {
		_, err := Parse("bad.md", []byte("---\n"+front+"---\nText.\n"), "bad")
		if err != nil && strings.Contains(err.Error(), "in quotes") {
			t.Errorf("front matter %q: error %v, want no hint to quote", front, err)
		}
	}
}
