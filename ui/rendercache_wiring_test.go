package ui

import (
	"os"
	"reflect"
	"testing"

	"cable/articles"
	"cable/render"

	tea "github.com/charmbracelet/bubbletea"
)

// TestTheReaderReadsRenderingsFromTheCache: the first opening misses and
// renders (first screen, then the whole, which is kept); the second reads
// the whole rendering back at once.
func TestTheReaderReadsRenderingsFromTheCache(t *testing.T) {
	ctx := testContext(render.StyleDark, 100, 30)
	ctx.Cache = render.OpenCache(t.TempDir(), 0, "test")
	a := seed(t)
	opts := ctx.renderOptions(100)
	msg := cachedRenderCmd(a, opts, ctx.Cache, articles.Position{}, 27)()
	batch, ok := msg.(tea.BatchMsg)
	if !ok || len(batch) != 2 {
		t.Fatalf("a first opening gave %T, want the first screen and the whole to render", msg)
	}
	var whole *render.Document
	for _, cmd := range batch {
		if r := cmd().(renderedMsg); !r.doc.Partial {
			whole = r.doc
		}
	}
	again, ok := cachedRenderCmd(a, opts, ctx.Cache, articles.Position{}, 27)().(renderedMsg)
	if !ok || again.doc.Partial || !reflect.DeepEqual(again.doc, whole) {
		t.Fatalf("a second opening did not read the whole rendering back")
	}

	// A JSON style file can change under the same path: it is never cached.
	path := t.TempDir() + "/style.json"
	if err := os.WriteFile(path, []byte(`{"document": {"color": "252"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx.StyleFile = path
	if c := ctx.renderCache(ctx.renderOptions(100)); c != nil {
		t.Error("renderings with a style file are cached")
	}
}
