package articles

import (
	"slices"
	"testing"
)

// TestParagraphBlocks: an article without headings of its own is read by
// paragraph, a title heading above its text aside; one with sections is
// not; a place in it is numbered among its paragraphs.
func TestParagraphBlocks(t *testing.T) {
	tests := []struct {
		name, src string
		blocks    []int
		at        map[int]int // block → paragraph
	}{
		{"paragraphs", "---\ntitle: T\n---\nOne.\n\nTwo.\n\nThree.\n", []int{0, 1, 2}, map[int]int{0: 1, 2: 3, 9: 3}},
		{"a title heading above them", "---\ntitle: T\n---\n# T\n\nOne.\n\nTwo.\n", []int{1, 2}, map[int]int{0: 1, 1: 1, 2: 2}},
		{"notes and an editor's note after them", "---\ntitle: T\neditors_note: A fellow.\n---\nOne.[^1]\n\nTwo.\n\n[^1]: A note.\n", []int{0, 1}, map[int]int{1: 2}},
		{"sections", "---\ntitle: T\n---\nOne.\n\n## A\n\nTwo.\n", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse("t.md", []byte(tt.src), "t")
			if err != nil {
				t.Fatal(err)
			}
			got := a.ParagraphBlocks()
			if !slices.Equal(got, tt.blocks) {
				t.Errorf("ParagraphBlocks() = %v, want %v", got, tt.blocks)
			}
			if !slices.Equal(a.Summarise().ParagraphBlocks, tt.blocks) {
				t.Errorf("the summary says %v, want %v", a.Summarise().ParagraphBlocks, tt.blocks)
			}
			for block, want := range tt.at {
				if got := ParagraphAt(got, block); got != want {
					t.Errorf("ParagraphAt(block %d) = %d, want %d", block, got, want)
				}
			}
		})
	}
}

// TestFindSectionInAnArticleWithoutHeadings: a section number asked of an
// article without headings says it has none, rather than "sections 1 to
// 1", and names what follows its text.
func TestFindSectionInAnArticleWithoutHeadings(t *testing.T) {
	tests := []struct{ src, query, want string }{
		{"---\ntitle: T\n---\nOne.\n\nTwo.\n", "3", "t has no sections: it has no headings, and is read by paragraph"},
		{"---\ntitle: T\neditors_note: A fellow.\n---\nOne.[^1]\n\n[^1]: A note.\n", "4",
			`t has no sections: it has no headings, and is read by paragraph; after its text come 2 "Notes", 3 "Editor's note"`},
		{"---\ntitle: T\n---\nOne.\n\n## A\n\nTwo.\n", "3", "t has sections 1 to 2, not 3"},
	}
	for _, tt := range tests {
		a, err := Parse("t.md", []byte(tt.src), "t")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.FindSection(tt.query); err == nil || err.Error() != tt.want {
			t.Errorf("FindSection(%q) error = %v, want %q", tt.query, err, tt.want)
		}
	}
}
