package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestEndToEndFeedsInTheLibrary follows a publication as a reader would:
// "cable feeds add", then u in the library; the progress shows while
// the articles are saved, the three appear, marked new, and one opens and
// reads; with the server gone, u again says the feed is unreachable and
// the articles still open.
func TestEndToEndFeedsInTheLibrary(t *testing.T) {
	h := newHome(t)
	srv := newFeedServer(t, "Talks Resume", "Ports Wait", "Pilots Strike")
	// The first entry saved is the last in the feed; the third saved
	// waits until the progress has been seen.
	release := srv.Hold("/talks-resume")
	t.Cleanup(release)

	add := exec.Command(cableBinary(t), "feeds", "add", srv.URL+"/feed.xml")
	add.Env = h.env
	if out, err := add.CombinedOutput(); err != nil || !strings.Contains(string(out), "Following The Straits Review") {
		t.Fatalf("cable feeds add: %v\n%s", err, out)
	}

	s := startCableIn(t, h, termCols, termRows)
	s.waitFor("cable · 2 articles", patience)
	s.sendKey("u")
	// The list is read again in the background after each article: it
	// may follow the progress line by a moment.
	s.waitUntil("the two articles saved, listed while the update runs", patience, func(rows []string) bool {
		screen := strings.Join(rows, "\n")
		return strings.Contains(screen, "Updating 0/1 feeds · 2 new") && strings.Contains(screen, "Pilots Strike") && strings.Contains(screen, "Ports Wait")
	})
	release()
	// The list read again after the last article may follow the message
	// by a moment, as above.
	rows, _ := s.poll(patience, func(rows []string) bool {
		screen := strings.Join(rows, "\n")
		return strings.Contains(screen, "Updated 1 feed · 3 new") && strings.Contains(screen, "cable · 5 articles") && strings.Contains(screen, "Talks Resume")
	})
	screen := strings.Join(rows, "\n")
	if !strings.Contains(screen, "Updated 1 feed · 3 new") || !strings.Contains(screen, "cable · 5 articles") || !strings.Contains(screen, "Talks Resume") || strings.Count(screen, "new ·") != 3 {
		t.Errorf("after the update:\n%s", dump(rows))
	}

	// The newest is first; the cursor stayed on the article it was on.
	s.sendKey("g")
	s.sendKey("Enter")
	s.waitFor("The talks over the straits went on", patience)
	s.sendKey("q")
	s.waitFor("cable · 5 articles", patience)

	srv.Close()
	s.sendKey("u")
	rows = s.waitFor("1 failed", patience)
	if screen := strings.Join(rows, "\n"); !strings.Contains(screen, "The Straits Review: unreachable") {
		t.Errorf("the failed feed is not listed with its error:\n%s", dump(rows))
	}
	s.sendKey("Enter")
	s.waitFor("The talks over the straits went on", patience)
}

// TestEndToEndQuitDuringFeedUpdate: q while the library's update runs
// quits at once, the update stopped; every article it saved was
// recorded, so the next update saves only the one left, and none twice
// (as name-2.md).
func TestEndToEndQuitDuringFeedUpdate(t *testing.T) {
	h := newHome(t)
	srv := newFeedServer(t, "Talks Resume", "Ports Wait", "Pilots Strike")
	release := srv.Hold("/talks-resume")
	t.Cleanup(release)
	add := exec.Command(cableBinary(t), "feeds", "add", srv.URL+"/feed.xml")
	add.Env = h.env
	if out, err := add.CombinedOutput(); err != nil {
		t.Fatalf("cable feeds add: %v\n%s", err, out)
	}
	s := startCableIn(t, h, termCols, termRows)
	s.waitFor("cable · 2 articles", patience)
	s.sendKey("u")
	s.waitFor("Updating 0/1 feeds · 2 new", patience)
	s.sendKey("q")
	if code := s.exitStatus(); code != 0 {
		t.Errorf("exit status %d", code)
	}
	release()
	update := exec.Command(cableBinary(t), "feeds", "update")
	update.Env = h.env
	out, err := update.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "The Straits Review: 1 new") {
		t.Errorf("the next update: %v\n%s", err, out)
	}
	saved, _ := filepath.Glob(filepath.Join(h.xdg("XDG_DATA_HOME"), "cable", "articles", "the-straits-review", "*.md"))
	if len(saved) != 3 {
		t.Errorf("saved %v, want the three articles once each", saved)
	}
}
