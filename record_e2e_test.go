package main

// End-to-end runs of the reading record: what counts as finished, the
// rows to continue reading, and the "new" mark across restarts.

import (
	"os/exec"
	"strings"
	"testing"
)

// runIn runs cable outside tmux over home, as from another shell, and
// fails the test unless it exits 0.
func runIn(t *testing.T, h *home, args ...string) string {
	t.Helper()
	cmd := exec.Command(cableBinary(t), args...)
	cmd.Env = h.env
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("cable %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// continueRows are the library's "Continue reading" rows on screen.
func continueRows(rows []string) []string {
	var titles []string
	for _, e := range libraryEntries(rows) {
		if strings.HasPrefix(e.title, continuePrefix) {
			titles = append(titles, strings.TrimPrefix(e.title, continuePrefix))
		}
	}
	return titles
}

// TestEndToEndTheEditorsNoteDoesNotFinish: e, e, q on the bundled article
// leaves it unfinished, in "cable list" and in the library, which still
// offers to continue it; scrolling to the end (G) and back finishes it.
func TestEndToEndTheEditorsNoteDoesNotFinish(t *testing.T) {
	h := newHome(t)
	s := startCableIn(t, h, 80, 24)
	s.openSeed()
	s.sendKey("e")
	s.waitFor("§8/8 Editor’s note", patience)
	s.sendKey("e")
	s.waitFor("§1/8 Opening", patience)
	s.sendKey("q")
	// The library shows the place once it is saved, a moment after q.
	rows := s.waitUntil("the library offering to continue the article", patience, func(rows []string) bool {
		got := continueRows(rows)
		return libraryShown(rows) && len(got) == 1 && got[0] == seedTitle
	})
	if strings.Contains(strings.Join(rows, "\n"), "finished") {
		t.Errorf("after e e q the library says finished:\n%s", dump(rows))
	}
	s.sendKey("q")
	s.waitFor(exitMarker+"0", patience)
	if a := article(t, listJSON(t, h), seedTitle); a.Finished || a.Progress >= 50 || a.LastRead == nil {
		t.Errorf("after e e q cable list --json says %+v", a)
	}
	if out := runIn(t, h, "list"); strings.Contains(out, "finished") {
		t.Errorf("after e e q cable list says:\n%s", out)
	}

	// Read to the end of the text, then back to the top, and leave.
	s = startCableIn(t, h, 80, 24)
	s.waitUntil("the library", patience, libraryShown)
	s.sendKey("Enter") // the first row: continue reading
	s.waitFor("§1/8 Opening", patience)
	s.sendKey("G")
	s.waitFor("100% · end", patience)
	s.sendKey("g")
	s.waitFor("§1/8 Opening", patience)
	s.sendKey("q")
	s.waitUntil("the library showing the article finished, no longer offered to continue", patience, func(rows []string) bool {
		return libraryShown(rows) && len(continueRows(rows)) == 0 && strings.Contains(strings.Join(rows, "\n"), "finished")
	})
	s.sendKey("q")
	s.waitFor(exitMarker+"0", patience)
	if a := article(t, listJSON(t, h), seedTitle); !a.Finished {
		t.Errorf("read to the end, cable list --json says %+v", a)
	}
}

// TestEndToEndNewLastsUntilOpened: an article "cable feeds update" saves
// from the shell is new in the library, still new after a restart, and no
// longer new once it has been opened, in the library and in cable list.
func TestEndToEndNewLastsUntilOpened(t *testing.T) {
	h := newHome(t)
	srv := newFeedServer(t, "Talks Resume")
	runIn(t, h, "feeds", "add", srv.URL+"/feed.xml")
	if out := runIn(t, h, "feeds", "update"); !strings.Contains(out, "1 new") {
		t.Fatalf("cable feeds update said %q", out)
	}
	isNew := func(rows []string) bool {
		for _, e := range libraryEntries(rows) {
			if e.title == "Talks Resume" {
				return strings.HasPrefix(e.desc, "new ·")
			}
		}
		t.Fatalf("no row for Talks Resume:\n%s", dump(rows))
		return false
	}
	for run := range 2 {
		s := startCableIn(t, h, 100, 30)
		rows := s.waitFor("cable · 3 articles", patience)
		if !isNew(rows) {
			t.Fatalf("start %d: the article saved by cable feeds update is not new:\n%s", run+1, dump(rows))
		}
		if run == 1 {
			for _, e := range libraryEntries(rows) {
				if e.title == "Talks Resume" {
					break
				}
				s.sendKey("j")
			}
			s.sendKey("Enter")
			s.waitFor("The talks over the straits went on", patience)
			s.sendKey("q")
			rows = s.waitFor("cable · 3 articles", patience)
			if isNew(rows) {
				t.Errorf("back from reading it, the article is still new:\n%s", dump(rows))
			}
		}
		s.sendKey("q")
		s.waitFor(exitMarker+"0", patience)
	}
	s := startCableIn(t, h, 100, 30)
	rows := s.waitFor("cable · 3 articles", patience)
	if isNew(rows) {
		t.Errorf("after a restart the article read is new again:\n%s", dump(rows))
	}
	s.sendKey("q")
	s.waitFor(exitMarker+"0", patience)
	if out := runIn(t, h, "list", "--json"); strings.Contains(out, `"new": true`) {
		t.Errorf("cable list --json still says new:\n%s", out)
	}
}

// TestEndToEndNewFromTheLibraryLasts: an article the library's u saves is
// still new after a restart.
func TestEndToEndNewFromTheLibraryLasts(t *testing.T) {
	h := newHome(t)
	srv := newFeedServer(t, "Ports Wait")
	runIn(t, h, "feeds", "add", srv.URL+"/feed.xml")
	s := startCableIn(t, h, 100, 30)
	s.waitFor("cable · 2 articles", patience)
	s.sendKey("u")
	s.waitFor("Updated 1 feed · 1 new", patience)
	s.sendKey("q")
	s.waitFor(exitMarker+"0", patience)

	s = startCableIn(t, h, 100, 30)
	rows := s.waitFor("cable · 3 articles", patience)
	found := false
	for _, e := range libraryEntries(rows) {
		if e.title == "Ports Wait" {
			found = strings.HasPrefix(e.desc, "new ·")
		}
	}
	if !found {
		t.Errorf("after a restart the article u saved is not new:\n%s", dump(rows))
	}
	s.sendKey("q")
	s.waitFor(exitMarker+"0", patience)
}
