package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cable/articles"
)

// TestByline names what is known of an article's origin, and nothing when
// nothing is known.
func TestByline(t *testing.T) {
	tests := []struct {
		meta articles.Meta
		want string
	}{
		{articles.Meta{Author: "Our Foreign Staff", Source: "The Telegraph", Published: "2024-03-14"}, "Our Foreign Staff · The Telegraph · 2024-03-14"},
		{articles.Meta{Source: "Reuters"}, "Reuters"},
		{articles.Meta{Title: "Untitled"}, ""},
	}
	for _, tt := range tests {
		if got := Byline(tt.meta); got != tt.want {
			t.Errorf("Byline(%+v) = %q, want %q", tt.meta, got, tt.want)
		}
	}
}

// TestHeaderWithoutBylineShowsNothing opens a page with no author, source
// or date: the reader's header is its title and nothing under it.
func TestHeaderWithoutBylineShowsNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "anonymous.md")
	if err := os.WriteFile(path, []byte("---\ntitle: Nobody's piece\n---\n\nSome text.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cat, err := catalogOf(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := testContext(StyleDark, 80, 24)
	ctx.Catalog = cat
	m := open(t, startModel(t, ctx), "anonymous")
	lines := screenLines(m)
	if got := strings.TrimSpace(lines[0]); got != "Nobody's piece" {
		t.Fatalf("the header's title is %q", got)
	}
	if got := strings.TrimSpace(lines[1]); got != "" {
		t.Errorf("under the title of a piece with no byline the header says %q, want nothing", got)
	}
}
