package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEndToEndGetAndRead saves a page from a local server with
// "cable get --read", which opens it in the reader at once; back in the
// library the article is listed, and "cable read" finds it by its ID
// once the server is gone.
func TestEndToEndGetAndRead(t *testing.T) {
	t.Parallel()
	srv := pageServer(t)
	h := newHome(t)
	s := startCableIn(t, h, termCols, termRows, "get", "--read", srv.URL+"/page.html")
	rows := s.waitFor("Sanctions are the tool of first resort", patience)
	if screen := strings.Join(rows, "\n"); !strings.Contains(screen, "Sanctions and their limits") {
		t.Errorf("the reader does not show the article's title:\n%s", dump(rows))
	}
	s.sendKey("q")
	s.waitFor("cable · 3 articles", patience)
	s.sendKey("q")
	if code := s.exitStatus(); code != 0 {
		t.Errorf("exit status %d", code)
	}
	saved := filepath.Join(h.xdg("XDG_DATA_HOME"), "cable", "articles", "sanctions-and-their-limits.md")
	if _, err := os.Stat(saved); err != nil {
		t.Fatal(err)
	}
	kept, _ := filepath.Glob(filepath.Join(h.xdg("XDG_DATA_HOME"), "cable", "sources", "*.html.gz"))
	if len(kept) != 1 {
		t.Errorf("sources kept: %v", kept)
	}
}
