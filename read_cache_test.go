package main

import (
	"os"
	"strings"
	"testing"

	"cable/render"

	"github.com/muesli/termenv"
	"github.com/spf13/cobra"
)

// TestReadUsesTheRenderCache: "cable read" keeps what it renders where
// the reader keeps its renderings, and a second read prints what was kept.
// The kept rendering is swapped for one with a line of its own, which
// only a read from the cache prints. --no-state keeps nothing.
func TestReadUsesTheRenderCache(t *testing.T) {
	dir := testHome(t).Cache

	if _, err := run(t, "read", "azerbaijan-israel-relations", "--style", "notty", "--width", "70", "--no-state"); err != nil {
		t.Fatal(err)
	}
	if files, _ := os.ReadDir(dir); len(files) != 0 {
		t.Fatalf("--no-state kept %d renderings", len(files))
	}

	first, err := run(t, "read", "azerbaijan-israel-relations", "--style", "notty", "--width", "70")
	if err != nil {
		t.Fatal(err)
	}
	a, err := findArticle(&cobra.Command{}, "azerbaijan-israel-relations", &env{})
	if err != nil {
		t.Fatal(err)
	}
	// Not a terminal: the notty style has no colour, and links are
	// numbered.
	opts := render.Options{Width: 70, Style: render.StyleNoTTY, Profile: termenv.Ascii, Links: render.LinksNumbered}
	c := render.OpenCache(dir, render.DefaultCacheMaxBytes, buildVersion())
	kept, ok := c.Load(a, opts)
	if !ok {
		t.Fatal("cable read kept no rendering the reader could use")
	}
	swapped := *kept
	swapped.Lines = append([]string(nil), kept.Lines...)
	const mark = "read back from the cache"
	swapped.Lines[len(swapped.Lines)-1] = mark
	c.Store(a, &swapped)
	second, err := run(t, "read", "azerbaijan-israel-relations", "--style", "notty", "--width", "70")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(second, mark) {
		t.Error("the second cable read rendered again instead of reading the cache")
	}
	if strings.Contains(first, mark) {
		t.Error("the first cable read printed the swapped line")
	}
}
