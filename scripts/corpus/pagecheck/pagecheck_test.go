package pagecheck

import (
	"math"
	"slices"
	"strings"
	"testing"
)

func TestProseAddresses(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  int
	}{
		{"link address inside a sentence", []string{"  The talks https://example.org/talks ended."}, 1},
		{"two in one line, www too", []string{"See http://a.example/x and www.b.example for more."}, 2},
		{"a reference line is not prose", []string{"  [3]: https://example.org/very/long/address"}, 0},
		{"a reference line with a superscript number is not prose", []string{"  [³]: https://example.org/very/long/address"}, 0},
		{"an address alone is the text itself", []string{"  https://example.org/report.pdf", "<https://example.org/x>"}, 0},
		{"a bullet with an address is prose", []string{"  • Aral Sea https://en.wikipedia.org/wiki/Aral_Sea"}, 1},
		{"no address", []string{"The www of it: nothing here.", ""}, 0},
	}
	for _, tt := range tests {
		if got := ProseAddresses(tt.lines); got != tt.want {
			t.Errorf("%s: %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestFurniture(t *testing.T) {
	tests := []struct {
		title string
		want  bool
	}{
		{"History", false},
		{"History[edit]", true},
		{"History [ edit ]", true},
		{"Will the newcomers be content to observe?¶", true},
		{"# What happens next", true},
		{"What happens next #", true},
		{"Who takes the chair? Permalink", true},
		{"Should we? Link to this section", true},
		{"Title https://example.org/#title", true},
		{"Sanctions §", true},
		{"Sanctions 🔗", true},
		{"C# and the permalinks of old", false},
		{"Section 5: the #MeToo debate", false},
	}
	for _, tt := range tests {
		if got := Furniture(tt.title); got != tt.want {
			t.Errorf("Furniture(%q) = %v, want %v", tt.title, got, tt.want)
		}
	}
}

func TestTopHeadings(t *testing.T) {
	tests := []struct {
		name, markdown string
		want           Headings
	}{
		{"h2 wins over h3", "---\ntitle: \"## not this\"\n---\n\n# Title\n\n## A\n\ntext\n\n### a1\n\n## B\n", Headings{2, []string{"A", "B"}}},
		{"only h3", "Intro.\n\n### One\n\nx\n\n### Two\n\n#### deeper\n", Headings{3, []string{"One", "Two"}}},
		{"none", "---\ntitle: T\n---\n\nJust text.\n\n#hashtag is no heading\n", Headings{}},
		{"code is skipped", "```\n## not a heading\n```\n\n#### Four\n", Headings{4, []string{"Four"}}},
	}
	for _, tt := range tests {
		got := TopHeadings(tt.markdown)
		if got.Level != tt.want.Level || !slices.Equal(got.Titles, tt.want.Titles) {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestBodyDropsTheHeader(t *testing.T) {
	printed := strings.Split("\n  # Title\n\n  Jane Roe · Site · 2024-01-02\n\n  **Summary:** s\n\n  First paragraph.\n\n  ## A\n", "\n")
	e := Entry{Title: "Title", Author: "Jane Roe", Source: "Site", Summary: "s"}
	got := strings.TrimSpace(strings.Join(Body(printed, e.HeaderBlocks()), "\n"))
	if want := "First paragraph.\n\n  ## A"; got != want {
		t.Errorf("Body = %q, want %q", got, want)
	}
	// Output that does not start with the title is kept whole.
	if got := Body([]string{"text"}, 3); !slices.Equal(got, []string{"text"}) {
		t.Errorf("Body without a title = %q", got)
	}
}

func TestContentSections(t *testing.T) {
	tests := []struct {
		e    Entry
		want []string
	}{
		{Entry{Title: "T", Sections: []string{"Opening", "A", "B", "Notes", "Editor’s note"}, EditorsNote: true}, []string{"A", "B"}},
		{Entry{Title: "T", Sections: []string{"T"}}, nil},
		{Entry{Title: "T", Sections: []string{"T", "Notes"}}, nil},
		{Entry{Title: "T", Sections: []string{"A", "B"}}, []string{"A", "B"}},
	}
	for _, tt := range tests {
		if got := tt.e.ContentSections(); !slices.Equal(got, tt.want) {
			t.Errorf("%q: %q, want %q", tt.e.Sections, got, tt.want)
		}
	}
}

func TestOverlap(t *testing.T) {
	expected := Words([]string{"The talks ended; the talks resumed."})
	got := Words([]string{"  The talks[1] ended https://example.org/x", "[1]: https://example.org/x", "[Figure: resumed]"})
	recall, precision := Overlap(expected, got)
	// expected: the×2 talks×2 ended resumed (6); printed: the talks ended
	// https example org x resumed (8); matched: the talks ended resumed (4).
	if math.Abs(recall-4.0/6) > 1e-9 || math.Abs(precision-4.0/8) > 1e-9 {
		t.Errorf("recall %.3f precision %.3f, want %.3f %.3f", recall, precision, 4.0/6, 4.0/8)
	}
}

func TestStranded(t *testing.T) {
	lines := []string{
		"  Zimbabwe President Robert Mugabe",
		"  http://www.example.co.uk/news/2017/11/17/a-very-long-address/,",
		"  his",
		"  wife Grace, said the party.",
		"",
		"  A paragraph that ends on one",
		"  word.",
	}
	if got := Stranded(lines); got != 1 {
		t.Errorf("Stranded = %d, want 1", got)
	}
}

func TestSameAuthors(t *testing.T) {
	if !SameAuthors("Miriam Okafor, Tomás Lindqvist", "Miriam Okafor and Tomás Lindqvist") {
		t.Error("a comma and an \"and\" give different bylines")
	}
	if SameAuthors("Author unknown", "") || !SameAuthors("", "") {
		t.Error("empty bylines compare wrongly")
	}
}

func TestMedian(t *testing.T) {
	if m := Median([]float64{3, 1, 2}); m != 2 {
		t.Errorf("median %v", m)
	}
	if m := Median([]float64{4, 1, 2, 3}); m != 2.5 {
		t.Errorf("median %v", m)
	}
	if m := Median(nil); m != 0 {
		t.Errorf("median %v", m)
	}
}

// TestBodyOfWrappedOutput: at a width, the title and the byline may take
// several lines each; the header is counted in paragraphs.
func TestBodyOfWrappedOutput(t *testing.T) {
	printed := []string{"", "  # A long title that", "  wraps", "", "  Jane Roe · A site", "  that wraps", "", "  Text.", ""}
	if got := Body(printed, 2); !slices.Equal(got, []string{"", "  Text.", ""}) {
		t.Errorf("Body = %q", got)
	}
}

func TestWithoutNotes(t *testing.T) {
	e := Entry{Title: "T", Sections: []string{"Opening", "History", "References", "Notes"}}
	if !e.HasNotes() {
		t.Error("HasNotes is false")
	}
	if got := WithoutNotes(e.ContentSections()); !slices.Equal(got, []string{"History"}) {
		t.Errorf("WithoutNotes = %q", got)
	}
	if (Entry{Sections: []string{"A", "Editor's note"}, EditorsNote: true}).HasNotes() {
		t.Error("HasNotes is true without notes")
	}
}
