package articles

import (
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// TestSectionLevel checks which heading level makes the sections: the
// highest the body uses, not counting a "#" title heading or an editor's
// note, and what the sections then are.
func TestSectionLevel(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		titles []string // as the contents shows them
		kinds  []SectionKind
	}{
		{
			name:   "## makes the sections, ### stays inside",
			src:    "---\ntitle: T\n---\nLede.\n\n## A\n\n### A.1\n\nx\n\n## B\n\ny\n",
			titles: []string{"Opening", "A", "B"},
			kinds:  []SectionKind{Lede, Body, Body},
		},
		{
			name:   "only ### headings make the sections",
			src:    "---\ntitle: T\n---\nLede.\n\n### A\n\nx\n\n### B\n\ny\n",
			titles: []string{"Opening", "A", "B"},
			kinds:  []SectionKind{Lede, Body, Body},
		},
		{
			name:   "### sections with #### inside",
			src:    "---\ntitle: T\n---\n### A\n\n#### A.1\n\nx\n\n### B\n\n#### B.1\n\ny\n",
			titles: []string{"A", "B"},
			kinds:  []SectionKind{Body, Body},
		},
		{
			name:   "only #### headings",
			src:    "---\ntitle: T\n---\nLede.\n\n#### A\n\nx\n\n#### B\n\ny\n",
			titles: []string{"Opening", "A", "B"},
			kinds:  []SectionKind{Lede, Body, Body},
		},
		{
			name:   "a lone ### among #### is the top level",
			src:    "---\ntitle: T\n---\n#### a\n\nx\n\n### B\n\n#### c\n\ny\n",
			titles: []string{"Opening", "B"},
			kinds:  []SectionKind{Lede, Body},
		},
		{
			name:   "### editor's note in a ### article",
			src:    "---\ntitle: T\n---\nLede.\n\n### Editor's note\n\nWho.\n\n### A\n\nx\n",
			titles: []string{"Opening", "A", "Editor's note"},
			kinds:  []SectionKind{Lede, Body, EditorsNote},
		},
		{
			name:   "### editor's note does not make ### the level of a ## article",
			src:    "---\ntitle: T\n---\nLede.\n\n## A\n\nx\n\n### Editor’s note\n\nWho.\n",
			titles: []string{"Opening", "A", "Editor’s note"},
			kinds:  []SectionKind{Lede, Body, EditorsNote},
		},
		{
			name:   "an editor's note alone in a headingless article",
			src:    "---\ntitle: T\n---\nOne.\n\nTwo.\n\n#### Editor's note\n\nWho.\n",
			titles: []string{"Opening", "Editor's note"},
			kinds:  []SectionKind{Lede, EditorsNote},
		},
		{
			name:   "a # title heading opens the body: ## makes the sections",
			src:    "# The title\n\nLede.\n\n## A\n\nx\n",
			titles: []string{"Opening", "A"},
			kinds:  []SectionKind{Lede, Body},
		},
		{
			name:   "a # title heading and ### subheads",
			src:    "# The title\n\nLede.\n\n### A\n\nx\n\n### B\n\ny\n",
			titles: []string{"Opening", "A", "B"},
			kinds:  []SectionKind{Lede, Body, Body},
		},
		{
			name:   "a # heading repeating the front matter's title is no section",
			src:    "---\ntitle: The Title\n---\n# The title\n\nLede.\n\n# Part one\n\nx\n",
			titles: []string{"Opening", "Part one"},
			kinds:  []SectionKind{Lede, Body},
		},
		{
			name:   "# subheads under front matter are the sections",
			src:    "---\ntitle: T\n---\n# Part one\n\nx\n\n# Part two\n\ny\n",
			titles: []string{"Part one", "Part two"},
			kinds:  []SectionKind{Body, Body},
		},
		{
			name:   "a # heading alone at the top is the title, not a section",
			src:    "---\ntitle: T\n---\n# Something else\n\nx\n\ny\n",
			titles: []string{"T"},
			kinds:  []SectionKind{Lede},
		},
		{
			name:   "a # heading further down is a section",
			src:    "---\ntitle: T\n---\nLede.\n\n# Part\n\nx\n\n## Sub\n\ny\n",
			titles: []string{"Opening", "Part"},
			kinds:  []SectionKind{Lede, Body},
		},
		{
			name:   "headings in quotes and lists cut nothing",
			src:    "---\ntitle: T\n---\nLede.\n\n> ## quoted\n\n- ### listed\n\ntext\n",
			titles: []string{"T"},
			kinds:  []SectionKind{Lede},
		},
		{
			name:   "section titles lose their furniture",
			src:    "---\ntitle: T\n---\n### History[edit](https://en.wikipedia.org/w/index.php?title=X&action=edit&section=1)\n\nx\n\n### Method [¶](#method)\n\ny\n",
			titles: []string{"History", "Method"},
			kinds:  []SectionKind{Body, Body},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse("t.md", []byte(tt.src), "t")
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			var titles []string
			var kinds []SectionKind
			for i, s := range a.Sections {
				titles = append(titles, a.SectionTitle(i))
				kinds = append(kinds, s.Kind)
			}
			check(t, "titles", titles, tt.titles)
			check(t, "kinds", kinds, tt.kinds)
			for i, s := range a.Sections {
				if s.Kind != Lede && (len(s.Blocks) == 0 || s.Blocks[0].Heading == 0) {
					t.Errorf("section %d (%q) does not have its heading as block 0: %+v", i, s.Title, s.Blocks)
				}
			}
		})
	}
}

// TestHeadingTitle checks that a section's title is its heading without
// the site's furniture, and with everything of the article's own.
func TestHeadingTitle(t *testing.T) {
	tests := []struct {
		heading string
		want    string
	}{
		{"## Plain heading", "Plain heading"},
		{"## Early life[edit](https://en.wikipedia.org/w/index.php?title=A&action=edit&section=1)", "Early life"},
		{"## Early life\\[[edit](https://en.wikipedia.org/w/index.php?title=A&action=edit&section=1)\\]", "Early life"},
		{"## Early life [edit]", "Early life"},
		{"## Early life\\[edit\\]", "Early life"},
		{"## Early life [[edit source](https://x.org/w?veaction=edit)]", "Early life"},
		{"## Method ¶", "Method"},
		{"## Method [¶](#method)", "Method"},
		{"## [#](#method) Method", "Method"},
		{"## Method [#](#method)", "Method"},
		{"## Method [§](#method)", "Method"},
		{"## Method [🔗](#method)", "Method"},
		{"## Method [Permalink](https://blog.example/p#method)", "Method"},
		{"## Method [Link to this section](#method)", "Method"},
		{"## Method Permalink", "Method"},
		{"## ¶ Method", "Method"},
		{"## Early life\\[", "Early life"},
		{"## Learning C#", "Learning C#"},
		{"## § 3 Remedies", "§ 3 Remedies"},
		{"## Talks in [Vienna](https://example.org/vienna)", "Talks in Vienna"},
		{"## What the *edit* war means", "What the edit war means"},
		{"## Editing the record", "Editing the record"},
		{"## ¶", "¶"},
		{"## [edit](https://x.org/?action=edit)", "edit"},
	}
	for _, tt := range tests {
		src := []byte(tt.heading)
		doc := markdown.Parser().Parse(text.NewReader(src))
		h, ok := doc.FirstChild().(*ast.Heading)
		if !ok {
			t.Fatalf("%q is not a heading", tt.heading)
		}
		if got := HeadingTitle(h, src); got != tt.want {
			t.Errorf("HeadingTitle(%q) = %q, want %q", tt.heading, got, tt.want)
		}
	}
}
