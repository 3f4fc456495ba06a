package main

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
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

// TestEndToEndGetShowsProgress: a page that is slow to come shows, on the
// terminal, what is being fetched, how much has come and for how long;
// once it has come the line is gone and the article's path is printed.
// Piped, the same get prints no progress at all.
func TestEndToEndGetShowsProgress(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	var once sync.Once
	t.Cleanup(func() { once.Do(func() { close(release) }) })
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		half := len(getPage) / 2
		io.WriteString(w, getPage[:half])
		w.(http.Flusher).Flush()
		<-release
		io.WriteString(w, getPage[half:])
	}))
	defer srv.Close()
	h := newHome(t)
	s := startCableIn(t, h, 100, 10, "get", srv.URL+"/slow.html")
	rows := s.waitUntil("the progress line", patience, func(rows []string) bool {
		return strings.Contains(strings.Join(rows, "\n"), "Fetching "+srv.URL+"/slow.html · ")
	})
	if screen := strings.Join(rows, "\n"); !strings.Contains(screen, "bytes · ") && !strings.Contains(screen, "kB · ") {
		t.Errorf("no byte count:\n%s", dump(rows))
	}
	once.Do(func() { close(release) })
	rows = s.waitUntil("the article's path", patience, func(rows []string) bool {
		return strings.Contains(strings.Join(rows, ""), "sanctions-and-their-limits.md (sanctions-and-their-limits)")
	})
	if screen := strings.Join(rows, "\n"); strings.Contains(screen, "Fetching") {
		t.Errorf("the progress line stayed:\n%s", dump(rows))
	}

	// Piped: nothing but the path.
	other := newHome(t)
	other.bin = cableBinary(t)
	done := make(chan struct{})
	go func() {
		time.Sleep(1500 * time.Millisecond) // past the delay a line would wait
		close(done)
	}()
	piped := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		<-done
		io.WriteString(w, getPage)
	}))
	defer piped.Close()
	stdout, stderr, code := other.run(t, "get", piped.URL+"/slow.html")
	if code != 0 || stderr != "" || !strings.HasSuffix(strings.TrimSpace(stdout), "(sanctions-and-their-limits)") {
		t.Errorf("piped get: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}
