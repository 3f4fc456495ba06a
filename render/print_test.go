package render

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"cable/articles"
)

// TestPrintReadsRenderingsFromTheCache: the first Print renders and keeps
// the rendering; the second reads it back. To tell a rendering read back
// from one made again, the kept rendering is swapped for one with a line
// of its own, which only a read from the cache can print.
func TestPrintReadsRenderingsFromTheCache(t *testing.T) {
	dir := t.TempDir()
	a := seed(t)
	opts := PrintOptions{Render: Options{Width: 60, Style: StyleNoTTY, Profile: testProfile}, Section: -1, Cache: OpenCache(dir, 0, "test")}
	var first bytes.Buffer
	if err := Print(&first, a, opts); err != nil {
		t.Fatal(err)
	}
	kept, ok := opts.Cache.Load(a, opts.Render)
	if !ok {
		t.Fatal("printing kept no rendering")
	}
	if files, _ := os.ReadDir(dir); len(files) != 1 {
		t.Fatalf("the cache holds %d files, want 1", len(files))
	}
	swapped := *kept
	swapped.Lines = append([]string(nil), kept.Lines...)
	const mark = "read back from the cache"
	swapped.Lines[len(swapped.Lines)-1] = mark
	opts.Cache.Store(a, &swapped)
	var second bytes.Buffer
	if err := Print(&second, a, opts); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(second.String(), mark) {
		t.Error("the second Print rendered again instead of reading the cache")
	}

	// Without a cache, the same Print renders.
	opts.Cache = nil
	var uncached bytes.Buffer
	if err := Print(&uncached, a, opts); err != nil {
		t.Fatal(err)
	}
	if uncached.String() != first.String() {
		t.Error("printing without a cache differs from the first printing")
	}
}

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
