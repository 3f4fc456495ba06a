package articles

import "testing"

// TestPlaceNames: a place is named the one way cable names it, whatever
// the article's shape.
func TestPlaceNames(t *testing.T) {
	const report = "Lede.\n\n## A\n\nx\n\n### A.1\n\ny\n\nmore\n\n#### A.1.1\n\nz\n\n### A.2\n\nw\n\n## B\n\nv\n\nu\n"
	const essay = "First paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n"
	tests := []struct {
		name, src string
		pos       Position
		want      string
	}{
		{"the opening", report, Position{Section: 0, Block: 0}, "§1"},
		{"a section's start", report, Position{Section: 1, Block: 0}, "§2"},
		{"its text before any sub-section", report, Position{Section: 1, Block: 1}, "§2 ¶1"},
		{"a sub-section's heading", report, Position{Section: 1, Block: 2}, "§2.1"},
		{"its paragraphs, counted from its heading", report, Position{Section: 1, Block: 4}, "§2.1 ¶2"},
		{"a sub-section of a sub-section", report, Position{Section: 1, Block: 6}, "§2.1.1 ¶1"},
		{"the next sub-section restarts the count below it", report, Position{Section: 1, Block: 7}, "§2.2"},
		{"a section without sub-sections", report, Position{Section: 2, Block: 2}, "§3 ¶2"},
		{"an essay read by paragraph", essay, Position{Section: 0, Block: 1}, "¶2"},
	}
	for _, tt := range tests {
		a, err := Parse("t.md", []byte("---\ntitle: The title\n---\n"+tt.src), "t")
		if err != nil {
			t.Fatal(err)
		}
		if got := a.Places().Name(tt.pos); got != tt.want {
			t.Errorf("%s: %+v is %q, want %q", tt.name, tt.pos, got, tt.want)
		}
	}
}
