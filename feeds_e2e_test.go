package main

import (
	"os/exec"
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
	srv.held, srv.gate = "/talks-resume", make(chan struct{})
	gateOpen := false
	release := func() {
		if !gateOpen {
			gateOpen = true
			close(srv.gate)
		}
	}
	t.Cleanup(release)

	add := exec.Command(cableBinary(t), "feeds", "add", srv.URL+"/feed.xml")
	add.Env = h.env
	if out, err := add.CombinedOutput(); err != nil || !strings.Contains(string(out), "Following The Straits Review") {
		t.Fatalf("cable feeds add: %v\n%s", err, out)
	}

	s := startCableIn(t, h, termCols, termRows)
	s.waitFor("cable · 2 articles", patience)
	s.sendKey("u")
	rows := s.waitFor("Updating 0/1 feeds · 2 new", patience)
	screen := strings.Join(rows, "\n")
	if !strings.Contains(screen, "Pilots Strike") || !strings.Contains(screen, "Ports Wait") {
		t.Errorf("the articles saved are not listed while the update runs:\n%s", dump(rows))
	}
	release()
	rows = s.waitFor("Updated 1 feed · 3 new", patience)
	screen = strings.Join(rows, "\n")
	if !strings.Contains(screen, "cable · 5 articles") || !strings.Contains(screen, "Talks Resume") || strings.Count(screen, "new ·") != 3 {
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
