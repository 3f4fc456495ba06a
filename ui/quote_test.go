package ui

import (
	"path/filepath"
	"strings"
	"testing"
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
