package articles

import (
	"strings"
	"testing"
)

func TestNestingDepth(t *testing.T) {
	tests := []struct {
		line string
		want int
	}{
		{"plain text", 0},
		{"> quote", 1},
		{"> > > deep", 3},
		{">>>> tight", 4},
		{"- item", 1},
		{"  - nested", 2},
		{"    - nested twice", 3},
		{"> - in a quote", 2},
		{"- - - three on a line", 3},
		{"1. numbered", 1},
		{"   12) numbered", 2},
		{"-not a marker", 0},
		{"    indented code", 0},
	}
	for _, tt := range tests {
		if got := nestingDepth(tt.line); got != tt.want {
			t.Errorf("nestingDepth(%q) = %d, want %d", tt.line, got, tt.want)
		}
	}
}

func TestDeepNestingIsRefused(t *testing.T) {
	var lists strings.Builder
	for i := range 2000 {
		lists.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	tests := []struct{ name, body, want string }{
		{"quotes", "Text.\n\n" + strings.Repeat(">", 10000) + " deep\n", "deep.md:6: quotes and lists nested 10000 deep; cable reads at most 16 levels"},
		{"lists", lists.String(), "deep.md:20: quotes and lists nested 17 deep; cable reads at most 16 levels"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("deep.md", []byte("---\ntitle: T\n---\n"+tt.body), "deep")
			if err == nil || err.Error() != tt.want {
				t.Errorf("error = %v, want %q", err, tt.want)
			}
		})
	}
	ok := "---\ntitle: T\n---\n" + strings.Repeat("> ", MaxNesting) + "fine\n\n```\n" + strings.Repeat(">", 100) + "\n```\n"
	if _, err := Parse("ok.md", []byte(ok), "ok"); err != nil {
		t.Errorf("%d levels, and deep quotes in code, were refused: %v", MaxNesting, err)
	}
}
