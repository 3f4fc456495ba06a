package main

// The reading-state end-to-end tests run the real cable binary, as the
// tests in e2e_test.go do, but several times over one home: the place kept
// in $XDG_STATE_HOME/cable/cable.db must survive quitting, a different
// terminal size, a second process running at the same time, SIGKILL,
// SIGTERM and a damaged database.
// Their sessions and homes are the harness's, in e2e_harness_test.go.

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"cable/library"
)

const (
	seedTitle  = "How Deep Are Azerbaijan-Israel Relations?"
	guideTitle = "Reading with cable"
	// continuePrefix starts the library's first entry when there is an
	// article to go back to.
	continuePrefix = "Continue reading: "
)

// libraryEntry is one entry of the library list: its title and the line
// under it, without the selection bar.
type libraryEntry struct{ title, desc string }

// libraryEntries reads the library list off the screen: under the title
// row, entries are two rows each, separated by blank rows, down to the
// help line.
func libraryEntries(rows []string) []libraryEntry {
	var entries []libraryEntry
	var group []string
	flush := func() {
		if len(group) == 2 {
			entries = append(entries, libraryEntry{group[0], group[1]})
		}
		group = nil
	}
	for _, r := range rows[1 : len(rows)-1] {
		r = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(r), "│┃|"))
		if r == "" {
			flush()
			continue
		}
		group = append(group, r)
	}
	flush()
	return entries
}

// libraryShown reports whether the library is on screen with both bundled
// articles.
func libraryShown(rows []string) bool {
	var titles []string
	for _, e := range libraryEntries(rows) {
		titles = append(titles, strings.TrimPrefix(e.title, continuePrefix))
	}
	joined := strings.Join(titles, "\n")
	return strings.Contains(joined, seedTitle) && strings.Contains(joined, guideTitle)
}

// listEntry is what the tests read from "cable list --json".
type listEntry struct {
	ID       string     `json:"id"`
	Title    string     `json:"title"`
	Progress int        `json:"progress"`
	Finished bool       `json:"finished"`
	LastRead *time.Time `json:"last_read"`
}

// listJSON runs "cable list --json" over home, outside tmux, as a person
// would from another shell, and returns the articles by title.
func listJSON(t *testing.T, h *home) map[string]listEntry {
	t.Helper()
	cmd := exec.Command(cableBinary(t), "list", "--json")
	cmd.Env = h.env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("cable list --json: %v\n%s", err, stderr.Bytes())
	}
	var list []listEntry
	if err := json.Unmarshal(out, &list); err != nil {
		t.Fatalf("cable list --json printed what is not a JSON array: %v\n%s", err, out)
	}
	byTitle := map[string]listEntry{}
	for _, a := range list {
		byTitle[a.Title] = a
	}
	return byTitle
}

// article is the entry of one title in a listing, failing the test when
// it is missing.
func article(t *testing.T, list map[string]listEntry, title string) listEntry {
	t.Helper()
	a, ok := list[title]
	if !ok {
		t.Fatalf("cable list --json has no article %q: %v", title, list)
	}
	return a
}

// quitFromReader leaves the reader with q, quits the library with q and
// waits for cable to exit with status 0.
func (s *session) quitFromReader() {
	s.t.Helper()
	s.sendKey("q")
	s.waitUntil("the library", patience, libraryShown)
	s.sendKey("q")
	s.waitFor(exitMarker+"0", patience)
}

// continueEntry waits for the library and checks that its first entry is
// "Continue reading" the seed article at section, returning the line under
// it.
func (s *session) continueEntry(section string) string {
	s.t.Helper()
	rows := s.waitUntil("the library with both bundled articles", patience, libraryShown)
	// The list may be drawn before the row that continues the reading
	// comes: wait for it a while before saying it is missing.
	rows, _ = s.poll(patience, func(rows []string) bool {
		entries := libraryEntries(rows)
		return len(entries) > 0 && entries[0].title == continuePrefix+seedTitle && strings.HasPrefix(entries[0].desc, section+" ·")
	})
	entries := libraryEntries(rows)
	if len(entries) == 0 {
		s.t.Fatalf("the library lists nothing:\n%s", dump(rows))
	}
	if got, want := entries[0].title, continuePrefix+seedTitle; got != want {
		s.t.Fatalf("the library's first entry is %q, want %q:\n%s", got, want, dump(rows))
	}
	if !strings.HasPrefix(entries[0].desc, section+" ·") {
		s.t.Fatalf("under %q the library says %q, want it to start with %q:\n%s",
			entries[0].title, entries[0].desc, section+" ·", dump(rows))
	}
	return entries[0].desc
}

// TestEndToEndPlaceKeptAcrossRunsAndWidths is the acceptance criterion:
// open the seed article, go to the fourth section and scroll two
// paragraphs in, quit; start again at another width: "continue reading"
// opens that paragraph at the top.
//
// The place is kept as a position in the text, so at 70 columns, where
// every line breaks elsewhere, the same paragraph must still be the first
// line of text.
func TestEndToEndPlaceKeptAcrossRunsAndWidths(t *testing.T) {
	t.Parallel()
	h := newHome(t)
	const paragraph = "But, it is worth noting, a military build-up"

	first := startCableIn(t, h, termCols, termRows)
	first.openSeed()
	rows := first.nextSections(2, "A periphery strategy", "Wary of provoking Iran", "Arms and Karabakh")
	if got, want := firstTextLine(rows), "## Arms and Karabakh"; got != want {
		t.Fatalf("after ] ] ] the first text line is %q, want the heading %q:\n%s", got, want, dump(rows))
	}

	// j one line at a time, each time waiting for the text to move, until
	// the section's second paragraph starts the text. The heading, a blank
	// line, a paragraph of a few lines and a blank line come before it.
	for presses := 0; !strings.HasPrefix(firstTextLine(rows), paragraph); presses++ {
		if presses == 40 {
			t.Fatalf("after %d presses of j the first text line is not %q:\n%s", presses, paragraph, dump(rows))
		}
		before := textArea(rows)
		first.sendKey("j")
		rows = first.waitUntil("the text one line further down", patience, func(rows []string) bool {
			return !equalRows(textArea(rows), before)
		})
	}
	if !strings.Contains(statusLine(rows), "§4/8 Arms and Karabakh") {
		t.Fatalf("scrolling to %q left the fourth section:\n%s", paragraph, dump(rows))
	}
	t.Logf("the place left at %d×%d:\n%s", termCols, termRows, dump(rows))
	first.quitFromReader()

	// At 70×24 the reader's layout is the same (title, byline, blank line,
	// then text from row textTop), only narrower and shorter.
	second := startCableIn(t, h, 70, 24)
	desc := second.continueEntry("§4 Arms and Karabakh")
	if !regexp.MustCompile(`^§4 Arms and Karabakh · \d+% read$`).MatchString(desc) {
		t.Errorf("the continue entry says %q, want \"§4 Arms and Karabakh · N%% read\"", desc)
	}
	second.sendKey("Enter")
	rows = second.waitUntil("§4/8 with \"But, it is worth noting,\" on the first text line", patience, func(rows []string) bool {
		return strings.Contains(statusLine(rows), "§4/8") &&
			strings.HasPrefix(firstTextLine(rows), "But, it is worth noting,")
	})
	t.Logf("the place found at 70×24:\n%s", dump(rows))
	second.quitFromReader()
}

// equalRows reports whether two screens' rows are the same.
func equalRows(a, b []string) bool {
	return strings.Join(a, "\n") == strings.Join(b, "\n")
}

// TestEndToEndTwoProcessesKeepBothPlaces runs two cable processes at once
// on one database, each reading a different article: neither may lose the
// other's place (a process writing back a stale copy of every reading, or
// failing on the other's lock, would).
func TestEndToEndTwoProcessesKeepBothPlaces(t *testing.T) {
	t.Parallel()
	h := newHome(t)

	a := startCableIn(t, h, termCols, termRows)
	b := startCableIn(t, h, termCols, termRows)
	a.waitUntil("the library in the first process", patience, libraryShown)
	b.waitUntil("the library in the second process", patience, libraryShown)

	// Both are in their articles before either moves or quits.
	a.openSeed()
	b.sendKey("j")
	b.waitUntil("the guide selected in the second process", patience, func(rows []string) bool {
		return strings.Contains(strings.Join(rows, "\n"), "│ "+guideTitle)
	})
	b.sendKey("Enter")
	b.waitFor("§1/8 Opening", patience)

	a.nextSections(2, "A periphery strategy", "Wary of provoking Iran")
	b.sendKey("]")
	b.waitFor("§2/8", patience)
	b.sendKey("]")
	b.waitFor("§3/8", patience)
	b.sendKey("]")
	b.waitFor("§4/8", patience)

	a.quitFromReader()
	b.quitFromReader()

	list := listJSON(t, h)
	for _, title := range []string{seedTitle, guideTitle} {
		got := article(t, list, title)
		if got.Progress <= 0 || got.LastRead == nil {
			t.Errorf("cable list --json has %q with progress %d and last_read %v; want progress > 0 and a time",
				title, got.Progress, got.LastRead)
		}
	}
}

// savedSection is the section of the place the database of home holds
// for an article, read from outside as another process would; -1 when
// there is none yet.
func savedSection(t *testing.T, h *home, key string) int {
	t.Helper()
	store, _, err := library.Open(h.dbPath())
	if err != nil {
		return -1 // not created yet, or busy: asked again
	}
	defer store.Close()
	r, ok, err := store.Reading(key)
	if err != nil || !ok {
		return -1
	}
	return r.Position.Section
}

// TestEndToEndKilledWhileReading kills cable with SIGKILL, which it cannot
// catch, once the place has been saved by the timer alone: the next start
// opens normally and offers the last saved place.
func TestEndToEndKilledWhileReading(t *testing.T) {
	t.Parallel()
	h := newHome(t)

	first := startCableIn(t, h, termCols, termRows)
	first.openSeed()
	rows := first.nextSections(2, "A periphery strategy", "Wary of provoking Iran", "Arms and Karabakh", "The lobby in Washington")

	// The place is saved 2 s after it stops moving. Rather than sleep, ask
	// the database from outside until it holds the section the status line
	// shows: the earlier sections come before it, so a save made before the
	// last ] cannot pass for this one. (The share read does not tell: jumps
	// count nothing towards it.)
	if !strings.Contains(statusLine(rows), "§5/8") {
		t.Fatalf("the status line does not show §5:\n%s", dump(rows))
	}
	deadline := time.Now().Add(patience)
	for {
		if savedSection(t, h, "bundled:azerbaijan-israel-relations") == 4 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after %v the database still does not hold the place at §5: the place was not saved while reading", patience)
		}
		time.Sleep(4 * pollInterval)
	}

	first.signal(syscall.SIGKILL)
	if code := first.exitStatus(); code != 128+int(syscall.SIGKILL) {
		t.Fatalf("after SIGKILL the shell says cable exited with %d, want %d: was it cable that was killed?",
			code, 128+int(syscall.SIGKILL))
	}

	second := startCableIn(t, h, termCols, termRows)
	second.continueEntry("§5 The lobby in Washington")
	second.sendKey("Enter")
	second.waitFor("§5/8 The lobby in Washington", patience)
	second.quitFromReader()
}

// TestEndToEndSigtermSaves sends SIGTERM at once after moving, before the
// timer could save: cable quits as q does, restores the terminal, and the
// place is saved.
func TestEndToEndSigtermSaves(t *testing.T) {
	t.Parallel()
	h := newHome(t)

	first := startCableIn(t, h, termCols, termRows)
	first.openSeed()
	first.nextSections(2, "A periphery strategy", "Wary of provoking Iran")
	first.signal(syscall.SIGTERM)

	code := first.exitStatus()
	rows := screenRows(first.capture())
	t.Logf("cable exited with status %d on SIGTERM", code)
	if code != 0 {
		// ui.Run: "SIGTERM and SIGHUP quit as q does, place saved".
		t.Errorf("on SIGTERM cable exited with status %d, want 0 (it quits as q does):\n%s", code, dump(rows))
	}
	if first.alternateScreen() {
		t.Errorf("the terminal is still on the alternate screen after SIGTERM:\n%s", dump(rows))
	}
	if strings.Contains(strings.Join(rows, "\n"), "§") {
		t.Errorf("the reader's screen is still shown after SIGTERM:\n%s", dump(rows))
	}

	got := article(t, listJSON(t, h), seedTitle)
	if got.Progress <= 0 || got.LastRead == nil {
		t.Fatalf("after SIGTERM cable list --json has the seed with progress %d and last_read %v; want progress > 0 and a time",
			got.Progress, got.LastRead)
	}

	// What was saved is the place itself, not just some progress.
	second := startCableIn(t, h, termCols, termRows)
	second.continueEntry("§3 Wary of provoking Iran")
	second.sendKey("q")
	second.waitFor(exitMarker+"0", patience)
}

// TestEndToEndBrokenDatabase starts cable over a database file full of
// garbage: it must still list the bundled articles, say in one line that
// the database was set aside, and keep the broken file next to the new one.
func TestEndToEndBrokenDatabase(t *testing.T) {
	t.Parallel()
	h := newHome(t)
	garbage := bytes.Repeat([]byte("this is not an SQLite database \x00\x01\xfe\xff\n"), 200)
	if err := os.MkdirAll(filepath.Dir(h.dbPath()), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(h.dbPath(), garbage, 0o600); err != nil {
		t.Fatal(err)
	}

	s := startCableIn(t, h, termCols, termRows)
	rows := s.waitUntil("the library with both bundled articles", patience, libraryShown)

	// The warning is a passing message in the library's title row (it
	// goes after a few seconds), so it is looked for from the first
	// screen on.
	mentions := func(rows []string) []string {
		var found []string
		for _, r := range rows {
			if strings.Contains(strings.ToLower(r), "database") {
				found = append(found, r)
			}
		}
		return found
	}
	rows, seen := s.poll(patience, func(rows []string) bool {
		return libraryShown(rows) && len(mentions(rows)) > 0
	})
	switch {
	case !seen:
		t.Errorf("the library never said that the database was broken (no line mentions \"database\"); the screen:\n%s", dump(rows))
	case len(mentions(rows)) > 2:
		// A warning too long for a line is wrapped onto a second.
		t.Errorf("the warning takes %d lines, want one or two:\n%s", len(mentions(rows)), dump(rows))
	default:
		t.Logf("the warning: %s", strings.TrimSpace(mentions(rows)[0]))
	}

	s.sendKey("q")
	s.waitFor(exitMarker+"0", patience)

	broken, err := filepath.Glob(h.dbPath() + ".broken-*")
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, p := range broken {
		if b, err := os.ReadFile(p); err == nil && bytes.Equal(b, garbage) {
			kept = append(kept, p)
		}
	}
	if len(kept) != 1 {
		t.Errorf("want the garbage kept, unchanged, in one cable.db.broken-* file next to cable.db; found %q", broken)
	}
	db, err := os.ReadFile(h.dbPath())
	switch {
	case errors.Is(err, os.ErrNotExist):
		t.Errorf("no new database at %s", h.dbPath())
	case err != nil:
		t.Fatal(err)
	case !bytes.HasPrefix(db, []byte("SQLite format 3\x00")):
		t.Errorf("the new %s is not an SQLite database (it starts %q)", h.dbPath(), db[:min(len(db), 16)])
	}
}

// TestEndToEndRenderCache opens the seed article, which leaves its
// rendering in $XDG_CACHE_HOME/cable/render; garbage is then written over
// that entry, and the next opening shows the article as before, never the
// garbage, and writes the entry anew.
func TestEndToEndRenderCache(t *testing.T) {
	t.Parallel()
	h := newHome(t)
	first := func() []string {
		s := startCableIn(t, h, termCols, termRows)
		s.openSeed()
		rows := s.nextSections(2, "A periphery strategy")
		s.quitFromReader()
		return rows
	}()
	entries, err := filepath.Glob(filepath.Join(h.xdg("XDG_CACHE_HOME"), "cable", "render", "*"))
	if err != nil || len(entries) != 1 {
		t.Fatalf("after one opening the render cache holds %v (%v), want one entry", entries, err)
	}
	garbage := bytes.Repeat([]byte("\x1b]52;c;Z2FyYmFnZQ==\x07 not a rendering\n"), 100)
	if err := os.WriteFile(entries[0], garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	// The library offers to continue where the first left off.
	s := startCableIn(t, h, termCols, termRows)
	s.waitUntil("the library", patience, libraryShown)
	s.sendKey("Enter")
	second := s.waitFor("§2/8 A periphery strategy", patience)
	s.quitFromReader()
	if got, want := strings.Join(textArea(second), "\n"), strings.Join(textArea(first), "\n"); got != want {
		t.Errorf("over a corrupt cache entry the text differs:\n%s\nwant:\n%s", got, want)
	}
	if data, err := os.ReadFile(entries[0]); err != nil || bytes.Equal(data, garbage) {
		t.Errorf("the corrupt entry was not written anew (%v)", err)
	}
}
