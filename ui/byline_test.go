package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cable/render"
)

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
	ctx := testContext(render.StyleDark, 80, 24)
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
