package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"cable/library"
	"cable/render"
)

// TestTheLibraryFollowsTheRecord: what another process writes to the
// record while the library is open ("cable archive", "cable tag", a
// reading) shows within recordPoll, without a key pressed.
func TestTheLibraryFollowsTheRecord(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cable.db")
	ctx := themedStoreContext(t, render.StyleNoTTY, 100, 24, db)
	m := startModel(t, ctx)
	m = settle(t, m, m.Init())
	other, _, err := library.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()

	if err := other.Tag("bundled:reading-with-cable", "guide"); err != nil {
		t.Fatal(err)
	}
	if err := other.Archive(seedKey); err != nil {
		t.Fatal(err)
	}
	if view := ansiStrip(m.View()); !strings.Contains(view, "How Deep Are") {
		t.Fatalf("the seed is gone before the record was read again:\n%s", view)
	}
	m = elapse(t, m, recordPoll)
	view := ansiStrip(m.View())
	if strings.Contains(view, "How Deep Are") || !strings.Contains(view, "[guide]") {
		t.Errorf("after %v the library does not show the archive and the tag made elsewhere:\n%s", recordPoll, view)
	}

	if err := other.MarkFinished("bundled:reading-with-cable"); err != nil {
		t.Fatal(err)
	}
	m = elapse(t, m, recordPoll)
	if view := ansiStrip(m.View()); !strings.Contains(view, "finished") {
		t.Errorf("a reading marked finished elsewhere is not shown:\n%s", view)
	}
}
