package export

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cable/articles"
	"cable/library"
)

// TestBookCitedAsBook: a piece whose front matter says "type: book" (an
// imported EPUB) is cited as a book of its publisher, not as an article
// in a magazine of that name.
func TestBookCitedAsBook(t *testing.T) {
	md := "---\ntitle: The Long Walk\nauthor: Anna Keller\nsource: Walk Press\npublished: 2024-03-15\ntype: book\n---\n\nThe text.\n"
	a, err := articles.Parse("walk.md", []byte(md), "the-long-walk")
	if err != nil {
		t.Fatal(err)
	}
	cat, err := library.OpenCatalog(library.Options{
		Sources: library.Sources{Bundle: []*articles.Article{a}},
		DBPath:  filepath.Join(t.TempDir(), "cable.db"),
	})
	if err != nil {
		t.Fatal(err)
	}
	arts, err := Collect(cat, []string{"bundled:the-long-walk"}, time.Time{})
	if err != nil || len(arts) != 1 || arts[0].Kind != KindBook {
		t.Fatalf("Collect = %+v, %v; want one book", arts, err)
	}
	var bib bytes.Buffer
	if err := WriteBibTeX(&bib, arts); err != nil {
		t.Fatal(err)
	}
	if out := bib.String(); !strings.HasPrefix(out, "@book{") || !strings.Contains(out, "  publisher = {Walk Press},\n") || strings.Contains(out, "journal") {
		t.Errorf("BibTeX:\n%s", out)
	}
	var csl bytes.Buffer
	if err := WriteCSL(&csl, arts); err != nil {
		t.Fatal(err)
	}
	var items []map[string]any
	if err := json.Unmarshal(csl.Bytes(), &items); err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0]["type"] != "book" || items[0]["publisher"] != "Walk Press" || items[0]["container-title"] != nil {
		t.Errorf("CSL: %v", items)
	}
}
