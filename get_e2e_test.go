package main

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
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

// TestGetStopsOnSIGTERM: "cable get" stopped by SIGTERM (a service
// manager, a closed session) stops as a ctrl+c does, exiting 130, rather
// than being killed by the signal.
func TestGetStopsOnSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	asked := make(chan struct{}, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case asked <- struct{}{}:
		default:
		}
		<-r.Context().Done() // a page that never comes
	}))
	defer srv.Close()
	cmd := exec.Command(cableBinary(t), "--library", t.TempDir(), "get", srv.URL+"/slow")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	<-asked
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 130 {
		t.Errorf("cable get after SIGTERM: %v; want exit status 130", err)
	}
}
