package render

import (
	"testing"

	"cable/articles"
)

func TestAuthorNotePlaced(t *testing.T) {
	a := parseArticle(t, "---\ntitle: T\nauthor_note: \"Fellow at *Some* Institute & co, writing [privately].\"\n---\n\nText.\n\n## Editor's note\n\nThe views are the author's own.\n")
	for _, w := range []int{20, 40, 80} {
		doc, err := Article(a, Options{Width: w, Style: StyleNoTTY})
		if err != nil {
			t.Fatal(err)
		}
		i, _ := a.EditorsNote()
		for b := range a.Sections[i].Blocks {
			pos := articles.Position{Section: i, Block: b}
			if got := doc.PositionAt(doc.LineOf(pos)); got != pos {
				t.Errorf("width %d: block %d round-trips to %+v", w, b, got)
			}
		}
	}
}
