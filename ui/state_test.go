package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cable/articles"

	tea "github.com/charmbracelet/bubbletea"
)

// runCmd runs a command that writes to the store and feeds its message
// back, as the program would.
func runCmd(t *testing.T, m Model, cmd tea.Cmd) Model {
	t.Helper()
	return settle(t, m, cmd)
}

// saveTick delivers the reader's save reminder at once, instead of after
// saveDelay.
func saveTick(t *testing.T, m Model) Model {
	t.Helper()
	next, cmd := m.Update(saveTickMsg{key: m.reader.entry.Key})
	return runCmd(t, next.(Model), cmd)
}

func TestPlaceIsSavedAndRestoredAtAnotherWidth(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cable.db")
	ctx := storeContext(t, 100, 30, db)
	m := open(t, startModel(t, ctx), "azerbaijan-israel-relations")
	for range 3 {
		m, _ = press(t, m, "]")
	}
	var cmd tea.Cmd
	for range 8 {
		m, cmd = press(t, m, "j")
	}
	if cmd != nil {
		t.Fatal("a scroll with a save already scheduled scheduled another")
	}
	m = saveTick(t, m)
	want := m.reader.doc.PositionAt(m.reader.top)
	saved, ok, err := ctx.Catalog.Store.Reading(m.reader.entry.Key)
	if err != nil || !ok || saved.Position != m.reader.anchor {
		t.Fatalf("saved %+v %v %v, want position %+v", saved, ok, err, m.reader.anchor)
	}

	// A new run at another width opens the same paragraph at the top.
	ctx2 := storeContext(t, 64, 24, db)
	readings, _ := ctx2.Catalog.Store.Readings()
	last, _, _ := ctx2.Catalog.Store.LastReading()
	m2 := NewModel(ctx2, Start{Readings: readings, Last: last})
	m2 = resize(t, m2, 64, 24)
	if first, ok := m2.library.list.Items()[0].(continueItem); !ok || first.entry.Key != m.reader.entry.Key {
		t.Fatalf("the library's first entry is %#v, want continue reading", m2.library.list.Items()[0])
	}
	m2, cmd = press(t, m2, "enter")
	m2 = settle(t, m2, cmd)
	got := m2.reader.doc.PositionAt(m2.reader.top)
	if got.Section != want.Section || got.Block != want.Block {
		t.Errorf("reopened at %+v, left at %+v", got, want)
	}
}

func TestLeavingSavesAndTheLibraryShowsProgress(t *testing.T) {
	ctx := storeContext(t, 80, 24, filepath.Join(t.TempDir(), "cable.db"))
	m := open(t, startModel(t, ctx), "azerbaijan-israel-relations")
	m, _ = press(t, m, "G")
	m, cmd := press(t, m, "q")
	m = settle(t, m, cmd)
	r, _, _ := ctx.Catalog.Store.Reading(m.reader.entry.Key)
	if !r.Finished || r.Progress != 100 {
		t.Errorf("reading after the end = %+v, want finished", r)
	}
	view := strings.Join(screenLines(m), "\n")
	if !strings.Contains(view, "8 sections · finished") {
		t.Errorf("the library does not show the article finished:\n%s", view)
	}
	// U marks it unread again.
	m, _ = press(t, m, "j") // past "continue reading"? it is finished, so not shown
	m, _ = press(t, m, "k")
	m, cmd = press(t, m, "U")
	m = settle(t, m, cmd)
	if r, _, _ := ctx.Catalog.Store.Reading(m.reader.entry.Key); r.Finished || r.Progress != 0 {
		t.Errorf("after U the reading is %+v", r)
	}
}

func TestBookmarksAndQuotes(t *testing.T) {
	ctx := storeContext(t, 80, 24, filepath.Join(t.TempDir(), "cable.db"))
	m := open(t, startModel(t, ctx), "azerbaijan-israel-relations")
	m, _ = press(t, m, "]")
	m, _ = press(t, m, "]")
	m, _ = press(t, m, "j")
	m, _ = press(t, m, "j")
	m, _ = press(t, m, "m")
	if !overlayIs[labelPrompt](m) {
		t.Fatal("m did not ask for a label")
	}
	for _, r := range "wary" {
		m, _ = press(t, m, string(r))
	}
	m, cmd := press(t, m, "enter")
	m = settle(t, m, cmd)
	marks, err := ctx.Catalog.Store.Bookmarks(m.reader.entry.Key)
	if err != nil || len(marks) != 1 {
		t.Fatalf("bookmarks = %v, %v", marks, err)
	}
	b := marks[0]
	if b.Label != "wary" || b.Position != (articles.Position{Section: 2, Block: 1}) || !strings.HasPrefix(b.Excerpt, "Some of Israel’s") {
		t.Errorf("bookmark = %+v", b)
	}
	if !strings.Contains(statusOf(m), "Bookmarked §3 ¶1.") {
		t.Errorf("status = %q", statusOf(m))
	}
	// Away and back through the bookmarks list.
	m, _ = press(t, m, "g")
	m, _ = press(t, m, "'")
	if !overlayIs[marksList](m) || !strings.Contains(strings.Join(screenLines(m), "\n"), "§3 ¶1  wary") {
		t.Fatalf("' does not list the bookmark:\n%s", strings.Join(screenLines(m), "\n"))
	}
	m, _ = press(t, m, "enter")
	if got := m.reader.doc.PositionAt(m.reader.top); got.Section != 2 || got.Block != 1 {
		t.Errorf("enter on the bookmark went to %+v", got)
	}
	// y keeps the paragraph at the top as a quote, cited.
	m, cmd = press(t, m, "y")
	m = settle(t, m, cmd)
	quotes, err := ctx.Catalog.Store.Quotes("azerbaijan-israel-relations")
	if err != nil || len(quotes) != 1 {
		t.Fatalf("quotes = %v, %v", quotes, err)
	}
	q := quotes[0]
	if q.Title != "How Deep Are Azerbaijan-Israel Relations?" || q.Author != "Eldar Mamedov" || q.SectionTitle != "Wary of provoking Iran" || !strings.HasPrefix(q.Text, "Some of Israel’s") {
		t.Errorf("quote = %+v", q)
	}
}

func TestStateKeysWithoutAStore(t *testing.T) {
	m := openSeed(t, 80, 24)
	for _, k := range []string{"m", "'", "y"} {
		next, cmd := press(t, m, k)
		if cmd == nil || !strings.Contains(next.reader.status.text, "not available") {
			t.Errorf("%s without a store: status %q", k, next.reader.status.text)
		}
	}
}

func TestSearchScreenOpensAtThePassage(t *testing.T) {
	ctx := storeContext(t, 90, 24, filepath.Join(t.TempDir(), "cable.db"))
	m := startModel(t, ctx)
	m, _ = press(t, m, "ctrl+f")
	if m.screen != searchScreen {
		t.Fatal("ctrl+f did not open the search")
	}
	var cmd tea.Cmd
	for _, r := range "drone" {
		m, cmd = press(t, m, string(r))
	}
	m = settle(t, m, cmd) // the last query's results
	view := strings.Join(screenLines(m), "\n")
	if !strings.Contains(view, "Arms and Karabakh") || !strings.Contains(view, "drone aircraft") {
		t.Fatalf("search for drone shows:\n%s", view)
	}
	m, cmd = press(t, m, "enter")
	m = settle(t, m, cmd)
	if m.screen != readerScreen {
		t.Fatal("enter did not open the article")
	}
	if got := m.reader.doc.PositionAt(m.reader.top); got.Section != 3 || got.Block != 1 {
		t.Errorf("opened at %+v, want the paragraph with the match", got)
	}
	if !strings.Contains(strings.Join(screenLines(m), "\n"), "drone") {
		t.Error("the match is not on screen")
	}
}

func TestLibraryShowsProgressAfterLeaving(t *testing.T) {
	ctx := storeContext(t, 80, 24, filepath.Join(t.TempDir(), "cable.db"))
	m := open(t, startModel(t, ctx), "azerbaijan-israel-relations")
	for range 3 {
		m, _ = press(t, m, "]")
	}
	m, cmd := press(t, m, "q")
	m = settle(t, m, cmd)
	view := strings.Join(screenLines(m), "\n")
	if !strings.Contains(view, "§4 Arms and Karabakh · ") || !strings.Contains(view, "% read · bundled") {
		t.Errorf("the library after leaving at §4:\n%s", view)
	}
}

// TestAFileThatVanishesOrChangesAfterListing opens a listed file that has
// since been deleted (the library says so and stays), then one that has
// been cut short below the place saved in it (it opens, at its end).
func TestAFileThatVanishesOrChangesAfterListing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "gone.md")
	long := "---\ntitle: Soon gone\n---\n\n" + strings.Repeat("A paragraph of some length to read.\n\n", 200)
	if err := os.WriteFile(path, []byte(long), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := storeContext(t, 80, 24, filepath.Join(dir, "cable.db"), path)
	m := startModel(t, ctx)
	e, ok := ctx.Catalog.Find(path)
	if !ok {
		t.Fatal("the file is not listed")
	}
	m = settle(t, m, openEntry(e, &articles.Position{Section: 0, Block: 150}))
	if m.screen != readerScreen {
		t.Fatalf("the file did not open")
	}
	m, cmd := press(t, m, "q")
	m = settle(t, m, cmd)

	if err := os.WriteFile(path, []byte("---\ntitle: Soon gone\n---\n\nOnly this is left.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	m = settle(t, m, openEntry(e, nil))
	if m.screen != readerScreen || !strings.Contains(strings.Join(screenLines(m), "\n"), "Only this is left.") {
		t.Errorf("a file cut short after its place was saved:\n%s", strings.Join(screenLines(m), "\n"))
	}
	m, cmd = press(t, m, "q")
	m = settle(t, m, cmd)

	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	m = settle(t, m, openEntry(e, nil))
	if m.screen != libraryScreen || !strings.Contains(strings.Join(screenLines(m), "\n"), "Cannot open") {
		t.Errorf("a vanished file: screen %v\n%s", m.screen, strings.Join(screenLines(m), "\n"))
	}
}

// TestTheEndReachedStaysReached: an article read to its end and then
// scrolled back to the top before leaving is finished, in the store and in
// the library at once, and its progress does not go down.
func TestTheEndReachedStaysReached(t *testing.T) {
	ctx := storeContext(t, 80, 24, filepath.Join(t.TempDir(), "cable.db"))
	m := open(t, startModel(t, ctx), "azerbaijan-israel-relations")
	m, _ = press(t, m, "G")
	m = saveTick(t, m)
	m, _ = press(t, m, "g")
	m, cmd := press(t, m, "q")
	m = settle(t, m, cmd)
	if r, _, _ := ctx.Catalog.Store.Reading(m.reader.entry.Key); !r.Finished || r.Progress != 100 {
		t.Errorf("the reading saved = %+v, want finished at 100%%", r)
	}
	view := strings.Join(screenLines(m), "\n")
	if !strings.Contains(view, "8 sections · finished") || strings.Contains(view, "Continue reading") {
		t.Errorf("the library does not show the article finished:\n%s", view)
	}
}
