package articles

import "testing"

// coverageArticle has a lede of one paragraph, two sections of two
// paragraphs each (a heading and a paragraph of three words), a footnote
// and an editor's note.
func coverageArticle(t *testing.T) *Article {
	t.Helper()
	src := "---\ntitle: T\neditors_note: A note on the author, who writes.\n---\n" +
		"One two three four.\n\n## First\n\nAlpha beta gamma.[^1]\n\n## Last\n\nDelta epsilon zeta.\n\n[^1]: A footnote here.\n"
	a, err := Parse("c.md", []byte(src), "c")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Sections) != 5 || a.Sections[3].Kind != Notes || a.Sections[4].Kind != EditorsNote {
		t.Fatalf("unexpected sections: %+v", a.Sections)
	}
	return a
}

func TestCoverage(t *testing.T) {
	a := coverageArticle(t)
	words := func(s, b int) int { return max(a.Sections[s].Blocks[b].Words, 1) }
	total := words(0, 0) + words(1, 0) + words(1, 1) + words(2, 0) + words(2, 1)
	tests := []struct {
		name     string
		seen     []Position
		percent  int
		finished bool
	}{
		{"nothing", nil, 0, false},
		{"the editor's note", []Position{{Section: 4}, {Section: 4, Block: 1}}, 0, false},
		{"the notes", []Position{{Section: 3}, {Section: 3, Block: 1}}, 0, false},
		{"the lede", []Position{{Section: 0}}, words(0, 0) * 100 / total, false},
		{"the last paragraph only", []Position{{Section: 2, Block: 1}}, words(2, 1) * 100 / total, true},
		{"the offset is ignored", []Position{{Section: 2, Block: 1, Offset: 7}}, words(2, 1) * 100 / total, true},
		{"all but the end", []Position{{Section: 0}, {Section: 1}, {Section: 1, Block: 1}, {Section: 2}},
			(total - words(2, 1)) * 100 / total, false},
		{"everything", []Position{{Section: 0}, {Section: 1}, {Section: 1, Block: 1}, {Section: 2}, {Section: 2, Block: 1}}, 100, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c Coverage
			for _, p := range tt.seen {
				c.See(p)
			}
			if got := c.Percent(a); got != tt.percent {
				t.Errorf("Percent = %d, want %d", got, tt.percent)
			}
			if got := c.ReachedEnd(a); got != tt.finished {
				t.Errorf("ReachedEnd = %v, want %v", got, tt.finished)
			}
		})
	}
}

func TestLastTextBlockIsBeforeTheNotes(t *testing.T) {
	a := coverageArticle(t)
	if got, ok := a.LastTextBlock(); !ok || got != (Position{Section: 2, Block: 1}) {
		t.Errorf("LastTextBlock = %+v, %v; want §3 ¶1", got, ok)
	}
	for i, want := range []bool{true, true, true, false, false} {
		if got := a.IsText(i); got != want {
			t.Errorf("IsText(%d) = %v, want %v", i, got, want)
		}
	}
}
