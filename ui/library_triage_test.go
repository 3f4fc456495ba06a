package ui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"cable/config"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
)

const guideKey = "bundled:reading-with-cable"

// triageModel starts the library over a store in a temporary directory.
func triageModel(t *testing.T, w, h int) Model {
	t.Helper()
	return startModel(t, storeContext(t, w, h, filepath.Join(t.TempDir(), "cable.db")))
}

// typeKeys presses every character of s.
func typeKeys(s string) []string {
	var keys []string
	for _, r := range s {
		keys = append(keys, string(r))
	}
	return keys
}

// pressTab presses tab (press would type the word).
func pressTab(t *testing.T, m Model) Model {
	t.Helper()
	next, cmd := m.Update(tea.KeyMsg{Type: tea.KeyTab})
	return settle(t, next.(Model), cmd)
}

// listedKeys are the articles the library lists, in order, a "continue
// reading" row as "continue:" and its key.
func listedKeys(m Model) []string {
	var keys []string
	for _, it := range m.library.list.VisibleItems() {
		key, resumed, _ := itemIdentity(it)
		if resumed {
			key = "continue:" + key
		}
		keys = append(keys, key)
	}
	return keys
}

// TestArchiveAndTheArchiveView: a puts the selected article aside, and
// the library no longer lists it; A shows the archive, with it; a there
// takes it out, and A brings the library back with both. The messages
// say how to undo, and the title says which list is shown.
func TestArchiveAndTheArchiveView(t *testing.T) {
	m := triageModel(t, 100, 30)
	m = pressAll(t, m, "a")
	if got := listedKeys(m); !slices.Equal(got, []string{guideKey}) {
		t.Fatalf("after a the library lists %q, want the guide alone", got)
	}
	if s := statusOf(m); !strings.Contains(s, `Archived "How Deep Are Azerbaijan-Israel Relations?"`) || !strings.Contains(s, "A shows the archive") {
		t.Errorf("the message after a: %q", s)
	}
	if title := m.library.list.Title; !strings.HasPrefix(title, "cable · 1 article ·") {
		t.Errorf("the title after a: %q", title)
	}
	if archived, _ := m.ctx.store().Archived(); len(archived) != 1 || archived[seedKey].IsZero() {
		t.Errorf("the store's archive: %v", archived)
	}

	m = pressAll(t, m, "A")
	if got := listedKeys(m); !slices.Equal(got, []string{seedKey}) {
		t.Fatalf("A lists %q, want the seed", got)
	}
	if title := m.library.list.Title; !strings.HasPrefix(title, "Archive · 1 article ·") {
		t.Errorf("the archive's title: %q", title)
	}
	m = pressAll(t, m, "a")
	if got := listedKeys(m); len(got) != 0 {
		t.Errorf("a in the archive left %q in it", got)
	}
	if s := statusOf(m); !strings.Contains(s, "Out of the archive") {
		t.Errorf("the message after a in the archive: %q", s)
	}
	m = pressAll(t, m, "A")
	if got := listedKeys(m); !slices.Equal(got, []string{seedKey, guideKey}) {
		t.Errorf("back in the library: %q, want both", got)
	}
}

// TestAnArchivedArticleIsNotOfferedToContinue: an article started and
// put aside leaves the "continue reading" rows, and c.
func TestAnArchivedArticleIsNotOfferedToContinue(t *testing.T) {
	m := triageModel(t, 100, 30)
	m = pressAll(t, m, "enter", "j", "q")
	if got := listedKeys(m); !slices.Contains(got, "continue:"+seedKey) {
		t.Fatalf("no continue row after reading: %q", got)
	}
	m = pressAll(t, m, "k", "a") // on the continue row: its article
	if got := listedKeys(m); !slices.Equal(got, []string{guideKey}) {
		t.Errorf("after archiving the article being read: %q", got)
	}
	if m.library.keys.Continue.Enabled() {
		t.Error("c is still on with the only article started archived")
	}
}

// TestTagPrompt: + asks for the tags, enter saves them; + again shows
// them, and a tag taken out of the text is taken off the article; tab
// completes from the tags in use and, pressed again, offers the next.
func TestTagPrompt(t *testing.T) {
	m := triageModel(t, 100, 30)
	m = pressAll(t, m, "+")
	if last := statusOf(m); !strings.HasPrefix(last, "Tags, comma-separated") {
		t.Fatalf("+ shows no prompt: %q", last)
	}
	m, cmd := click(t, m, 10, 2) // on the seed's title, behind the prompt
	if m = settle(t, m, cmd); m.screen != libraryScreen || m.library.triage.ask == nil {
		t.Fatal("a click behind the tags prompt acted")
	}
	m = pressAll(t, m, append(typeKeys("iran, Gulf"), "enter")...)
	store := m.ctx.store()
	if tags, _ := store.Tags(seedKey); !slices.Equal(tags, []string{"Gulf", "iran"}) {
		t.Errorf("tags after +: %q", tags)
	}
	if s := statusOf(m); !strings.Contains(s, "Tagged iran, Gulf") {
		t.Errorf("the message: %q", s)
	}
	if desc := screenLines(m)[3]; !strings.Contains(desc, "[Gulf, iran]") {
		t.Errorf("the row does not show its tags: %q", desc)
	}

	m = pressAll(t, m, "+")
	if got := m.library.triage.ask.(*tagPrompt).input.Value(); got != "Gulf, iran, " {
		t.Errorf("+ on a tagged article starts from %q", got)
	}
	m = pressAll(t, m, append([]string{"esc"}, "+")...) // esc leaves them
	for range len("iran, ") {
		m = pressAll(t, m, "backspace")
	}
	m = pressAll(t, m, "enter")
	if tags, _ := store.Tags(seedKey); !slices.Equal(tags, []string{"Gulf"}) {
		t.Errorf("tags after taking iran out of the text: %q", tags)
	}
	if s := statusOf(m); !strings.Contains(s, "Took off iran") {
		t.Errorf("the message: %q", s)
	}
	if err := store.Tag(seedKey, "georgia"); err != nil {
		t.Fatal(err)
	}

	m = pressTab(t, pressAll(t, m, "j", "+", "g"))
	p := m.library.triage.ask.(*tagPrompt)
	if got := p.input.Value(); got != "georgia" {
		t.Errorf("g tab: %q, want the first tag in use", got)
	}
	m = pressTab(t, m)
	if got := m.library.triage.ask.(*tagPrompt).input.Value(); got != "Gulf" {
		t.Errorf("g tab tab: %q, want the next", got)
	}
	m = pressTab(t, pressAll(t, m, ","))
	if got := m.library.triage.ask.(*tagPrompt).input.Value(); got != "Gulf, georgia" {
		t.Errorf("a second tag completed: %q, want the one not yet typed", got)
	}
}

// TestFilterTerms: the library's filter with terms lists what every term
// allows, beside plain words; "archived" lists the archive too, its
// articles marked.
func TestFilterTerms(t *testing.T) {
	ctx := storeContext(t, 100, 30, filepath.Join(t.TempDir(), "cable.db"))
	if err := ctx.store().Tag(seedKey, "iran"); err != nil {
		t.Fatal(err)
	}
	if err := ctx.store().Tag(guideKey, "manual"); err != nil {
		t.Fatal(err)
	}
	m := startModel(t, ctx)
	m = pressAll(t, m, "j", "enter", "j", "q") // the guide opened: the seed is the unread one
	tests := []struct {
		filter string
		want   []string
	}{
		{"tag:iran", []string{seedKey}},
		{"tag:ir", []string{seedKey}},
		{"TAG:MANUAL", []string{"continue:" + guideKey, guideKey}},
		{"tag:iran cable", nil},
		{"tag:manual cable", []string{"continue:" + guideKey, guideKey}},
		{"author:mamedov", []string{seedKey}},
		{`author:"eldar mam"`, []string{seedKey}},
		{"unread", []string{seedKey}},
		{"unread azer", []string{seedKey}},
		{"unread cable", nil},
		{"new", nil},
		{`feed:"War on the Rocks"`, nil},
		{"tag:", []string{"continue:" + guideKey, seedKey, guideKey}},
	}
	for _, tt := range tests {
		m = pressAll(t, m, append(append([]string{"/"}, typeKeys(tt.filter)...), "enter")...)
		if got := listedKeys(m); !slices.Equal(got, tt.want) {
			t.Errorf("/%s lists %q, want %q", tt.filter, got, tt.want)
		}
		m = pressAll(t, m, "esc")
	}

	m = pressAll(t, m, "g", "j", "a") // the seed, under the guide's continue row, archived
	m = pressAll(t, m, append(append([]string{"/"}, typeKeys("tag:iran")...), "enter")...)
	if got := listedKeys(m); len(got) != 0 {
		t.Errorf("/tag:iran with the seed archived lists %q", got)
	}
	m = pressAll(t, m, "esc")
	m = pressAll(t, m, append(append([]string{"/"}, typeKeys("tag:iran archived")...), "enter")...)
	if got := listedKeys(m); !slices.Equal(got, []string{seedKey}) {
		t.Errorf("/tag:iran archived lists %q, want the archived seed", got)
	}
	if desc := screenLines(m)[3]; !strings.Contains(desc, "archived · [iran]") {
		t.Errorf("the archived row found is not marked: %q", desc)
	}
	m = pressAll(t, m, "esc")
	if got := listedKeys(m); slices.Contains(got, seedKey) {
		t.Errorf("the filter cleared, the archive is still listed: %q", got)
	}
}

// TestFinishEveryListedArticle: F with a filter set asks first, and
// marks every article listed finished on y only; without a filter it
// marks the one selected, as it did.
func TestFinishEveryListedArticle(t *testing.T) {
	m := triageModel(t, 100, 30)
	m = pressAll(t, m, append(append([]string{"/"}, typeKeys("unread")...), "enter")...)
	m = pressAll(t, m, "F")
	if last := statusOf(m); last != "Mark 2 articles finished? y/n" {
		t.Fatalf("F with a filter asks %q", last)
	}
	m = pressAll(t, m, "n")
	readings, _ := m.ctx.store().Readings()
	if len(readings) != 0 || statusOf(m) != "Nothing marked." {
		t.Errorf("n marked %v; the message %q", readings, statusOf(m))
	}
	m = pressAll(t, m, "F", "y")
	readings, _ = m.ctx.store().Readings()
	if !readings[seedKey].Finished || !readings[guideKey].Finished {
		t.Errorf("y did not mark both finished: %+v", readings)
	}
	if s := statusOf(m); !strings.HasPrefix(s, "Marked 2 articles finished.") {
		t.Errorf("the message after y: %q", s)
	}
	m = pressAll(t, m, "esc", "F")
	if s := statusOf(m); s != "Marked as finished." {
		t.Errorf("F without a filter: %q", s)
	}
	m = pressAll(t, m, "/", "a", "z", "enter", "F")
	if s := statusOf(m); s != "Every article listed is finished already." {
		t.Errorf("F on a filter of finished articles: %q", s)
	}
}

// TestTriageKeysRebind: the configuration's archive, archive_view and
// tags take other keys, and the help names them.
func TestTriageKeysRebind(t *testing.T) {
	ctx := storeContext(t, 100, 30, filepath.Join(t.TempDir(), "cable.db"))
	ctx.LibraryKeys = map[string]config.KeyChoice{
		"archive": {Keys: []string{"x"}}, "archive_view": {Keys: []string{"X"}}, "tags": {Keys: []string{"#"}},
	}
	m := startModel(t, ctx)
	m = pressAll(t, m, "a")
	if archived, _ := ctx.store().Archived(); len(archived) != 0 {
		t.Fatalf("a still archives when archive is x")
	}
	m = pressAll(t, m, "x", "X")
	if !strings.HasPrefix(m.library.list.Title, "Archive") {
		t.Errorf("X does not show the archive: %q", m.library.list.Title)
	}
	m = pressAll(t, m, "#")
	if m.library.triage.ask == nil {
		t.Error("# does not ask for the tags")
	}
	m = pressAll(t, m, "esc", "?")
	screen := strings.Join(screenLines(m), "\n")
	for _, want := range []string{"x      take out of the archive", "X      back to the library", "#      tags"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the help does not say %q:\n%s", want, screen)
		}
	}
}

// TestTriageViews compares the library's triage screens with golden
// files: tags on the rows, the archive, the tags prompt and F's question,
// at two sizes. Refresh with -update.
func TestTriageViews(t *testing.T) {
	tests := []struct {
		name string
		w, h int
		keys []string
	}{
		{"tagged-80x24", 80, 24, nil},
		{"archive-80x24", 80, 24, []string{"a", "A"}},
		{"tag-prompt-60x16", 60, 16, append([]string{"j", "+"}, typeKeys("arms, g")...)},
		{"finish-question-60x16", 60, 16, append(append([]string{"/"}, typeKeys("tag:gulf")...), "enter", "F")},
		{"archived-term-100x30", 100, 30, append(append([]string{"a", "/"}, typeKeys("archived")...), "enter")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := storeContext(t, tt.w, tt.h, filepath.Join(t.TempDir(), "cable.db"))
			if err := ctx.store().Tag(seedKey, "iran", "gulf"); err != nil {
				t.Fatal(err)
			}
			m := pressAll(t, startModel(t, ctx), tt.keys...)
			view := m.View()
			checkSize(t, view, tt.w, tt.h)
			golden.RequireEqualEscape(t, []byte(view), true)
		})
	}
}

// TestTriageQuestionsFitEverySize: the tags prompt, with tags typed, and
// F's question fit the screen at every width, the prompt leaving room to
// type.
func TestTriageQuestionsFitEverySize(t *testing.T) {
	ctx := storeContext(t, 100, 30, filepath.Join(t.TempDir(), "cable.db"))
	base := startModel(t, ctx)
	for _, keys := range [][]string{
		append([]string{"+"}, typeKeys("arms control, south caucasus, iran")...),
		append(append([]string{"/"}, typeKeys("azer")...), "enter", "F"),
	} {
		m := pressAll(t, base, keys...)
		for w := minWidth; w <= 120; w += 7 {
			m = resize(t, m, w, 12)
			view := m.View()
			checkSize(t, view, w, 12)
			if keys[0] == "+" && !strings.Contains(ansiStrip(view), "iran") {
				t.Errorf("at %d columns the prompt hides what is typed:\n%s", w, ansiStrip(view))
			}
		}
	}
}
