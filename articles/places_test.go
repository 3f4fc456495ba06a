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

// TestFindPart: "--section" names a section as before, or a sub-section
// by the number the status line gives it, which runs to the next heading
// at its depth or above.
func TestFindPart(t *testing.T) {
	const report = "Lede.\n\n## A\n\nx\n\n### A.1\n\ny\n\nmore\n\n#### A.1.1\n\nz\n\n### A.2\n\nw\n\n## B\n\nv\n\nu\n"
	a, err := Parse("t.md", []byte("---\ntitle: The title\n---\n"+report), "t")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		want  Part
		err   string
	}{
		{query: "2", want: Part{Section: 1, From: 0, To: 9}},
		{query: "B", want: Part{Section: 2, From: 0, To: 3}},
		{query: "2.1", want: Part{Section: 1, From: 2, To: 7}},
		{query: "2.1.1", want: Part{Section: 1, From: 5, To: 7}},
		{query: "2.2", want: Part{Section: 1, From: 7, To: 9}},
		{query: "2.3", err: "t has no sub-section 2.3; section 2's are 2.1, 2.1.1, 2.2"},
		{query: "3.1", err: "t: section 3 has no sub-sections"},
		{query: "9.1", err: "t has sections 1 to 3, not 9"},
		{query: "2.", err: `t has no section "2."; its sections are 1 "Opening", 2 "A", 3 "B"`},
	}
	for _, tt := range tests {
		got, err := a.FindPart(tt.query)
		switch {
		case tt.err != "" && (err == nil || err.Error() != tt.err):
			t.Errorf("FindPart(%q) error = %v, want %q", tt.query, err, tt.err)
		case tt.err == "" && (err != nil || got != tt.want):
			t.Errorf("FindPart(%q) = %+v, %v; want %+v", tt.query, got, err, tt.want)
		}
	}
}
