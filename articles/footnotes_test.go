package articles

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestFootnotes(t *testing.T) {
	const src = `---
title: Notes
---

Baku buys drones.[^drones] Oil flows back.[^Oil]

## Second

Drones again[^drones], a literal [2], ` + "`[^oil]`" + ` in code, and [^nope].

` + "```" + `
[^drones] in a fence
[^fenced]: not a note
` + "```" + `

[^oil]: Forty per cent
    of Israel's oil.

    A second paragraph.

[^drones]: SIPRI, 2020.
[^spare]: Never referred to.
[^drones]: Defined twice.

Last paragraph.
`
	a, err := Parse("notes.md", []byte(src), "notes")
	if err != nil {
		t.Fatal(err)
	}
	check(t, "sections", sectionTitles(a), []string{"Opening", "Second", "Notes"})
	if a.Sections[2].Kind != Notes {
		t.Errorf("the notes section is of kind %d, want Notes", a.Sections[2].Kind)
	}
	var got []string
	for _, f := range a.Footnotes {
		got = append(got, f.Label+"="+f.Text)
	}
	check(t, "notes in the order first referred to, then the rest", got, []string{
		"drones=SIPRI, 2020.",
		"oil=Forty per cent of Israel's oil. A second paragraph.",
		"spare=Never referred to.",
	})
	check(t, "the lede's text", []string{a.Sections[0].Blocks[0].Text}, []string{"Baku buys drones.[1] Oil flows back.[2]"})
	check(t, "the second section's text", []string{a.Sections[1].Blocks[1].Text}, []string{"Drones again[1], a literal [2], [^oil] in code, and [^nope]."})
	wantRefs := [][]Position{
		{{Section: 0, Block: 0, Offset: len("Bakubuysdrones.")}, {Section: 1, Block: 1, Offset: len("Dronesagain")}},
		{{Section: 0, Block: 0, Offset: len("Bakubuysdrones.[1]Oilflowsback.")}},
		nil,
	}
	for i, f := range a.Footnotes {
		if !reflect.DeepEqual(f.Refs, wantRefs[i]) {
			t.Errorf("note %d's markers: got %v, want %v", f.Number, f.Refs, wantRefs[i])
		}
	}
	if md := a.Sections[0].Markdown; !strings.Contains(md, `drones.\[1\] Oil flows back.\[2\]`) {
		t.Errorf("markers are not escaped brackets in the Markdown:\n%s", md)
	}
	if md := a.Sections[1].Markdown; !strings.Contains(md, "[^drones] in a fence") || !strings.Contains(md, "[^fenced]: not a note") {
		t.Errorf("a fenced code block was rewritten:\n%s", md)
	}
	last := a.Sections[1].Blocks[len(a.Sections[1].Blocks)-1]
	if last.Text != "Last paragraph." || last.Line != 25 {
		t.Errorf("the paragraph after the notes: %q on line %d, want line 25", last.Text, last.Line)
	}
	if a.Footnotes[0].Line != 21 || a.Footnotes[1].Line != 16 {
		t.Errorf("notes' lines: %d and %d, want 21 and 16", a.Footnotes[0].Line, a.Footnotes[1].Line)
	}
	var warnings []string
	for _, w := range a.Warnings {
		warnings = append(warnings, strings.TrimSuffix(w.Error(), " (warning)"))
	}
	check(t, "warnings", warnings, []string{
		`notes.md:23: footnote [^drones] is defined twice (first on line 21); the first is kept`,
		`notes.md:9: footnote [^nope] has no text: no line starts with "[^nope]:"`,
	})
}

func TestFootnotesBesideAnAuthorsNotesAndEditorsNote(t *testing.T) {
	src := "---\ntitle: T\neditors_note: The author is a fellow.\n---\n\nText.[^1]\n\n## Notes\n\nThe author's own notes.\n\n[^1]: A note.\n"
	a, err := Parse("t.md", []byte(src), "t")
	if err != nil {
		t.Fatal(err)
	}
	check(t, "sections", sectionTitles(a), []string{"Opening", "Notes", "Footnotes", "Editor's note"})
	if len(a.Warnings) != 0 {
		t.Errorf("warnings: %v", a.Warnings)
	}
}

func TestArticleWithoutFootnotesIsUnchanged(t *testing.T) {
	src := "---\ntitle: T\n---\n\nA [link][^x] and [^y] with no notes at all.\n"
	a, err := Parse("t.md", []byte(src), "t")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Footnotes) != 0 || len(a.Sections) != 1 || !strings.Contains(a.Sections[0].Markdown, "[link][^x] and [^y]") {
		t.Errorf("an article without definitions changed: %+v", a.Sections)
	}
}

func TestFoldSpaceAndCountWords(t *testing.T) {
	for _, s := range []string{"", "  ", "one", " a  b\tc\n", "Bakı\u00a0şəhəri  al-Sham ", "\u2003x\u3000y ", "a – b", "«Oui», dit-il."} {
		if got, want := foldSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("foldSpace(%q) = %q, want %q", s, got, want)
		}
		if got, want := countWords(s), len(strings.Fields(s)); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestChineseAndJapaneseCountByCharacter: text without spaces between its
// words counts by character, at the speeds measured for each language, so
// that 1,000 characters of Chinese read in about four minutes at 238
// words a minute, not as the 22 "words" its spaces make.
func TestChineseAndJapaneseCountByCharacter(t *testing.T) {
	chinese := strings.Repeat("中", 1000)
	japanese := strings.Repeat("日本の外交は、", 100) // 700 characters, kana among them
	tests := []struct {
		text string
		want int
	}{
		{chinese, (1000*238 + 127) / 255}, // 933
		{japanese, (600*238 + 178) / 357}, // the 、 is punctuation: 600 characters, 400
		{"Baku 和 Tehran", 2 + 1},          // one character of Chinese rounds to one word
		{"한국 외교 정책", 3},                   // Korean is written with spaces
		{"中国。「中亚」", (4*238 + 127) / 255},  // marks are not words
	}
	for _, tt := range tests {
		if got := countWords(tt.text); got != tt.want {
			t.Errorf("countWords(%.20q…) = %d, want %d", tt.text, got, tt.want)
		}
	}
	if m := MinutesAt(countWords(chinese), WordsPerMinute); m != 4 {
		t.Errorf("1,000 characters of Chinese take %d minutes at 238 words a minute, want 4", m)
	}
}

// TestManyMarkersParseInLinearTime: a paragraph of 20,000 markers, which
// took time growing with the square of their number when each marker
// rebuilt the paragraph's text.
func TestManyMarkersParseInLinearTime(t *testing.T) {
	src := "---\ntitle: T\n---\n\n" + strings.Repeat("x[^1]", 20000) + "\n\n[^1]: One.\n"
	a, err := Parse("many.md", []byte(src), "many")
	if err != nil {
		t.Fatal(err)
	}
	refs := a.Footnotes[0].Refs
	if len(refs) != 20000 || refs[1].Offset != len("x[1]x") || refs[19999].Offset != 19999*len("x[1]")+1 {
		t.Errorf("%d markers, the second at %d, the last at %d", len(refs), refs[1].Offset, refs[len(refs)-1].Offset)
	}
}

// TestDuplicatedAndContinuedDefinitions: a note defined twice keeps its
// first text, and the second definition's continuation lines (indented,
// blank, lazy) go with the dropped definition rather than into the text
// or into the kept note. The first row is the input FuzzParse found,
// which crashed when the dropped definition had no lines to continue.
func TestDuplicatedAndContinuedDefinitions(t *testing.T) {
	tests := []struct {
		name     string
		body     string
		notes    []string // label=text, in number order
		text     []string // every block's text outside the Notes section
		warnings int
	}{
		{
			name:     "fuzz: a continued note, then its duplicate with a lazy line",
			body:     "000[^1] `0000`000[^1]\n\n## Notes\n\n[^1]:0000\n    00000\n\n    00A0\n[^1]:0000000\n000000000\n",
			notes:    []string{"1=0000 00000 00A0"},
			text:     []string{"000[1] 0000000[1]"},
			warnings: 1,
		},
		{
			name:     "the duplicate's indented lines are dropped with it",
			body:     "A.[^a]\n\n[^a]: First.\n[^a]: Second.\n    still second.\n\nAfter.\n",
			notes:    []string{"a=First."},
			text:     []string{"A.[1]", "After."},
			warnings: 1,
		},
		{
			name:     "a duplicate after a continued original",
			body:     "B.[^b]\n\n[^b]: One\n    two.\n\n    Three.\n[^b]: Again\n\nEnd.\n",
			notes:    []string{"b=One two. Three."},
			text:     []string{"B.[1]", "End."},
			warnings: 1,
		},
		{
			name:     "three definitions of one note, each continued",
			body:     "C[^c]\n\n[^c]: 1\n    1b\n[^c]: 2\n    2b\n[^c]: 3\nlazy 3\n",
			notes:    []string{"c=1 1b"},
			text:     []string{"C[1]"},
			warnings: 2,
		},
		{
			name:     "fuzz: the last note's second paragraph starts like a note number",
			body:     "X[^0]\n\n[^0]:0\n\n    [2]\n",
			notes:    []string{"0=0 [2]"},
			text:     []string{"X[1]"},
			warnings: 0,
		},
		{
			name:     "a duplicate with an empty first line",
			body:     "D[^d]\n\n[^d]: d\n[^d]:\n\n    more\n\nText.\n",
			notes:    []string{"d=d"},
			text:     []string{"D[1]", "Text."},
			warnings: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse("dup.md", []byte("---\ntitle: T\n---\n"+tt.body), "dup")
			if err != nil {
				t.Fatal(err)
			}
			var notes, text []string
			for _, f := range a.Footnotes {
				notes = append(notes, f.Label+"="+f.Text)
			}
			for _, s := range a.Sections {
				if s.Kind == Notes {
					continue
				}
				for _, b := range s.Blocks {
					if s.Title == "Notes" && b.Text == "Notes" {
						continue
					}
					text = append(text, b.Text)
				}
			}
			check(t, "notes", notes, tt.notes)
			check(t, "text", text, tt.text)
			if len(a.Warnings) != tt.warnings {
				t.Errorf("%d warnings, want %d: %v", len(a.Warnings), tt.warnings, a.Warnings)
			}
		})
	}
}

// sectionTitles lists the titles as the table of contents shows them.
func sectionTitles(a *Article) []string {
	titles := make([]string, len(a.Sections))
	for i := range a.Sections {
		titles[i] = a.SectionTitle(i)
	}
	return titles
}

// TestMadeSectionsTakeTheArticlesLevel: the sections cable writes itself
// (Notes, an editor's note from the front matter) take the level of the
// article's own section headings, "##" when it has none.
func TestMadeSectionsTakeTheArticlesLevel(t *testing.T) {
	tests := []struct {
		name, body string
		level      int
	}{
		{"sections at ##", "Lede.[^1]\n\n## One\n\nText.\n\n## Two\n\nText.\n\n[^1]: A note.\n", 2},
		{"sections at ###", "Lede.[^1]\n\n### One\n\nText.\n\n### Two\n\nText.\n\n[^1]: A note.\n", 3},
		{"sections at ### with #### inside", "Lede.[^1]\n\n### One\n\n#### Sub\n\nText.\n\n### Two\n\nText.\n\n[^1]: A note.\n", 3},
		{"one section at ####", "Lede.[^1]\n\n#### One\n\nText.\n\n[^1]: A note.\n", 4},
		{"no headings", "Lede.[^1]\n\nMore.\n\n[^1]: A note.\n", 2},
	}
	for _, tt := range tests {
		for _, front := range []string{"editors_note: The author is a fellow.\n", "author_note: A fellow at the institute.\n"} {
			t.Run(tt.name+" "+strings.SplitN(front, ":", 2)[0], func(t *testing.T) {
				a, err := Parse("a.md", []byte("---\ntitle: T\n"+front+"---\n\n"+tt.body), "a")
				if err != nil {
					t.Fatal(err)
				}
				marks := strings.Repeat("#", tt.level) + " "
				for _, kind := range []SectionKind{Notes, EditorsNote} {
					i := slices.IndexFunc(a.Sections, func(s Section) bool { return s.Kind == kind })
					if i < 0 {
						t.Fatalf("no section of kind %d in %+v", kind, a.Sections)
					}
					s := a.Sections[i]
					if !strings.HasPrefix(s.Markdown, marks) || s.Blocks[0].Heading != tt.level {
						t.Errorf("section %q is written %q (heading level %d), want level %d", s.Title, s.Markdown, s.Blocks[0].Heading, tt.level)
					}
				}
			})
		}
	}
}
