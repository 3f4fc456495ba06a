package articles

import (
	"fmt"
	"strings"
	"testing"
)

// TestSubheadings checks which headings are a section's sub-sections,
// how deep each is, and their titles: the headings below the section's
// own level, nested under the nearest higher heading above them.
func TestSubheadings(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // per section: "block:depth:title" joined by "|"
	}{
		{
			name: "### under ##",
			src:  "Lede.\n\n## A\n\nx\n\n### A.1\n\ny\n\n### A.2\n\nz\n\n## B\n\nw\n",
			want: []string{"", "2:1:A.1|4:1:A.2", ""},
		},
		{
			name: "#### under ### under ##, and a #### straight under ##",
			src:  "## A\n\n#### A.0\n\nx\n\n### A.1\n\n#### A.1.1\n\ny\n\n### A.2\n\nz\n",
			want: []string{"1:1:A.0|3:1:A.1|4:2:A.1.1|6:1:A.2"},
		},
		{
			name: "a title heading is no sub-section; a ### in the opening is",
			src:  "# The title\n\nLede.\n\n### Before\n\nx\n\n## A\n\ny\n",
			want: []string{"2:1:Before", ""},
		},
		{
			name: "furniture is stripped as from a section's title",
			src:  "## A\n\n### Early life [edit]\n\nx\n",
			want: []string{"1:1:Early life"},
		},
		{
			name: "sections made by ###: #### are their sub-sections",
			src:  "Lede.\n\n### A\n\n#### A.1\n\nx\n\n### B\n\ny\n",
			want: []string{"", "1:1:A.1", ""},
		},
		{
			name: "no headings at all",
			src:  "One.\n\nTwo.\n",
			want: []string{""},
		},
		{
			name: "a heading in a quote is text, not a sub-section",
			src:  "## A\n\n> ### Quoted\n\nx\n",
			want: []string{""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse("t.md", []byte("---\ntitle: The title\n---\n"+tt.src), "t")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for i := range a.Sections {
				var parts []string
				for _, s := range a.Subheadings(i) {
					parts = append(parts, fmt.Sprintf("%d:%d:%s", s.Block, s.Depth, s.Title))
				}
				got = append(got, strings.Join(parts, "|"))
			}
			if strings.Join(got, " / ") != strings.Join(tt.want, " / ") {
				t.Errorf("sub-headings\n got %q\nwant %q", got, tt.want)
			}
		})
	}
	var a Article
	if a.Subheadings(0) != nil || a.Subheadings(-1) != nil {
		t.Error("an article without sections has sub-headings")
	}
}
