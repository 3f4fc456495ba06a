package ui

import (
	"strings"
	"testing"
)

// TestNoKeyWaitsOnTheFindIndex: the text's index for "/" is built in the
// background when a whole rendering arrives, never by a key. A query typed
// before it is ready is shown as being found and is found when the index
// comes; n meanwhile says so.
func TestNoKeyWaitsOnTheFindIndex(t *testing.T) {
	m := openSeed(t, 90, 24)
	if !m.reader.find.ready(m.reader.doc) {
		t.Fatal("the index was not built in the background as the article opened")
	}
	// A new rendering arrives (as after a resize); its index is the
	// command the reader hands back, not yet run.
	copied := *m.reader.doc
	fresh := &copied
	next, indexCmd := m.Update(renderedMsg{articleID: m.reader.article.ID, options: m.ctx.renderOptions(m.reader.textRoom()), doc: fresh})
	m = next.(Model)
	if m.reader.doc != fresh || indexCmd == nil {
		t.Fatalf("the new rendering is not shown, or no index is asked for")
	}
	m, _ = press(t, m, "/")
	for _, r := range "iran" {
		m, _ = press(t, m, string(r))
	}
	m, _ = press(t, m, "enter")
	if m.reader.find.ready(fresh) {
		t.Fatal("a key built the index")
	}
	if status := statusOf(m); !strings.Contains(status, "finding…") {
		t.Errorf("status %q while the index is on its way; want finding…", status)
	}
	n, _ := press(t, m, "n")
	if !strings.Contains(statusOf(n), "Still finding iran") {
		t.Errorf("n while finding: %q", statusOf(n))
	}
	m = settle(t, m, indexCmd)
	if !m.reader.find.ready(fresh) || len(m.reader.find.matches) == 0 || m.reader.find.waiting {
		t.Fatalf("after the index came: ready %v, %d matches, waiting %v", m.reader.find.ready(fresh), len(m.reader.find.matches), m.reader.find.waiting)
	}
	if status := statusOf(m); !strings.Contains(status, "match 1/") && !strings.Contains(status, "match ") {
		t.Errorf("status %q; want the match counted", status)
	}
}
