package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cable/articles"
	"cable/render"
)

// TestQuoteAfterASectionJumpIsItsFirstParagraph presses y right after ]:
// the heading is on the top line, and the quote saved is the section's
// first paragraph, placed there, not the heading.
func TestQuoteAfterASectionJumpIsItsFirstParagraph(t *testing.T) {
	ctx := storeContext(t, 100, 30, filepath.Join(t.TempDir(), "cable.db"))
	m := open(t, startModel(t, ctx), "azerbaijan-israel-relations")
	m, _ = press(t, m, "]")
	if got := firstTextLine(m); got != "## A periphery strategy" {
		t.Fatalf("after ] the first text line is %q", got)
	}
	m, cmd := press(t, m, "y")
	m = settle(t, m, cmd)
	quotes, err := ctx.Catalog.Store.Quotes("azerbaijan-israel-relations")
	if err != nil || len(quotes) != 1 {
		t.Fatalf("quotes = %+v, %v", quotes, err)
	}
	q := quotes[0]
	if !strings.HasPrefix(q.Text, "We must keep in mind that neither country") {
		t.Errorf("the quote is %q, want the section's first paragraph", q.Text)
	}
	if q.Position.Section != 1 || q.Position.Block != 1 || q.SectionTitle != "A periphery strategy" {
		t.Errorf("the quote is placed at %+v in %q, want §2 ¶1 in \"A periphery strategy\"", q.Position, q.SectionTitle)
	}
	if !strings.Contains(m.reader.status.text, "§2 ¶1") {
		t.Errorf("the status says %q, want it to name §2 ¶1", m.reader.status.text)
	}
}

// TestBookmarkLabelIsShownAsItIsTyped presses m: the status line asks for
// the bookmark's label and shows it as it is typed.
func TestBookmarkLabelIsShownAsItIsTyped(t *testing.T) {
	ctx := storeContext(t, 100, 30, filepath.Join(t.TempDir(), "cable.db"))
	m := open(t, startModel(t, ctx), "azerbaijan-israel-relations")
	for _, k := range []string{"m", "a", "l", "l", "i", "e", "s"} {
		m, _ = press(t, m, k)
	}
	if got := statusOf(m); !strings.HasPrefix(got, "Bookmark label (enter saves, esc cancels): allies") {
		t.Errorf("while the label is typed the status line says %q", got)
	}
}

// TestAPassageIsQuotedOnce presses y twice on the same paragraph: the
// second says the passage is saved already and saves nothing.
func TestAPassageIsQuotedOnce(t *testing.T) {
	ctx := storeContext(t, 100, 30, filepath.Join(t.TempDir(), "cable.db"))
	m := open(t, startModel(t, ctx), "azerbaijan-israel-relations")
	m, _ = press(t, m, "]")
	m, cmd := press(t, m, "y")
	m = settle(t, m, cmd)
	m, cmd = press(t, m, "y")
	m = settle(t, m, cmd)
	quotes, err := ctx.Catalog.Store.Quotes("azerbaijan-israel-relations")
	if err != nil || len(quotes) != 1 {
		t.Fatalf("after y twice the quotes are %d, %v; want one", len(quotes), err)
	}
	if got := m.reader.status.text; !strings.Contains(got, "Already highlighted") || !strings.Contains(got, "§2 ¶1") {
		t.Errorf("the second y says %q", got)
	}
}

// TestAQuoteLeavesTheMarkersOut quotes a paragraph with a footnote and a
// link, its links numbered: the text has neither the note's marker nor
// the link's number, and the quote keeps its place.
func TestAQuoteLeavesTheMarkersOut(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "marked.md")
	src := "---\ntitle: Marked\n---\n\nA claim[^1] about the [Soviet Union](https://example.org/su) and its end.\n\n[^1]: The source.\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := storeContext(t, 100, 30, filepath.Join(dir, "cable.db"), path)
	ctx.Links = render.LinksNumbered
	m := open(t, startModel(t, ctx), "marked")
	if view := strings.Join(screenLines(m), "\n"); !strings.Contains(view, "Union¹") {
		t.Fatalf("the link is not numbered on screen:\n%s", view)
	}
	m, cmd := press(t, m, "y")
	m = settle(t, m, cmd)
	quotes, err := ctx.Catalog.Store.Quotes("marked")
	if err != nil || len(quotes) != 1 {
		t.Fatalf("quotes = %+v, %v", quotes, err)
	}
	if q := quotes[0]; q.Text != "A claim about the Soviet Union and its end." || q.Position != (articles.Position{Section: 0, Block: 0}) {
		t.Errorf("the quote is %q at %+v", q.Text, q.Position)
	}
}
