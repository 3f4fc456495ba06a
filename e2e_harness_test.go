package main

// The end-to-end harness: the real cable binary in a real terminal, a
// detached tmux session of a fixed size on a tmux server of its own, over
// a temporary home. A test presses keys one at a time and reads the
// screen back as a person would.
//
// build is a cable binary, built once for every test; terminal is one
// cable in a tmux pane, with the keys it is sent and the screen read back
// (screenRows and the readers after it); home is one person's home, whose
// XDG directories every process of a test shares; session is a terminal
// started over a home by startCableIn, which can be signalled and whose
// exit status is read. Every session is started by startCableIn over a
// home made by newHome; startCable is startCableIn over a fresh home.

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

const (
	// termCols and termRows are the terminal's size; the layout the tests
	// expect (title, byline, blank line, text, status line) is cable's at
	// this size.
	termCols = 100
	termRows = 30
	// textTop is the row, counted from 0, of the first line of text in the
	// reader: under the title, the byline and a blank line.
	textTop = 3
	// patience is how long a screen may take to appear. It is generous
	// because CI machines are slow and shared; a passing test never waits
	// for it.
	patience = 10 * time.Second
	// pollInterval is how often the screen is read while waiting.
	pollInterval = 50 * time.Millisecond
	// exitMarker starts the line the shell prints when cable has exited,
	// followed by its exit status.
	exitMarker = "EXIT="
)

// Each binary is built once and shared by every test. They live in a
// directory of their own, made and removed by TestMain, rather than in a
// test's t.TempDir(), which would vanish when the first test to ask for it
// ends.
var (
	// buildEnv is the environment the tests started with, for go build.
	buildEnv []string
	binDir   string
	// plainBuild is cable as users get it; panicBuild is cable built with
	// the cablepanic tag, whose parser panics on a file named
	// "…panics-when-parsed…", to show that one file's panic stops nothing
	// else.
	plainBuild = &build{name: "cable"}
	panicBuild = &build{name: "cable-panics", tags: "cablepanic"}
)

// build is one binary of cable the tests run.
type build struct {
	name, tags string
	once       sync.Once
	path       string
	err        error
}

// cableBinary is cable as users get it, built the first time a test needs
// it, so that "go test -short" and machines without tmux never pay for the
// build.
func cableBinary(t *testing.T) string {
	t.Helper()
	return plainBuild.binary(t)
}

// binary builds b the first time a test asks for it.
func (b *build) binary(t *testing.T) string {
	t.Helper()
	b.once.Do(func() {
		path := filepath.Join(binDir, b.name)
		cmd := exec.Command("go", "build", "-tags", b.tags, "-o", path, ".")
		cmd.Env = buildEnv
		if out, err := cmd.CombinedOutput(); err != nil {
			b.err = fmt.Errorf("go build -tags %q: %v\n%s", b.tags, err, out)
			return
		}
		b.path = path
	})
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b.path
}

// terminal is one cable running in a tmux pane of termCols×termRows.
type terminal struct {
	t       *testing.T
	socket  string // the -L name of this test's own tmux server
	session string
	env     []string
}

// startCable runs "cable args..." in a new tmux session of
// termCols×termRows over a fresh home of its own, and returns the terminal
// it runs in. It skips the test under -short, and when tmux is missing
// unless CABLE_E2E=1 asks for the end-to-end tests to be required. The
// sessions of state_e2e_test.go, which share a home, are made the same way
// by startCableIn.
func startCable(t *testing.T, args ...string) *terminal {
	t.Helper()
	return startCableIn(t, newHome(t), termCols, termRows, args...).terminal
}

// command is a tmux command addressed to this test's own server (-L), so
// that the user's tmux sessions are never touched, with no configuration
// file (-f /dev/null), so that theirs cannot change the terminal.
func (term *terminal) command(args ...string) *exec.Cmd {
	cmd := exec.Command("tmux", append([]string{"-L", term.socket, "-f", "/dev/null"}, args...)...)
	cmd.Env = term.env
	return cmd
}

// tmux runs a tmux command and returns its output, failing the test if
// tmux fails.
func (term *terminal) tmux(args ...string) string {
	term.t.Helper()
	cmd := term.command(args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		term.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	return string(out)
}

// sendKey presses one key. Bubble Tea reads runes that arrive together as
// a single key ("jj"), so keys go one per call and the tests wait for the
// screen to answer each before pressing the next. A single character is
// sent literally (-l), so that it is never taken for a tmux key name;
// anything longer is a tmux key name such as Enter, Escape, BSpace or C-c.
func (term *terminal) sendKey(key string) {
	term.t.Helper()
	if len([]rune(key)) == 1 {
		term.tmux("send-keys", "-t", term.session, "-l", key)
		return
	}
	term.tmux("send-keys", "-t", term.session, key)
}

// capture is the screen as a person sees it now: the text of every row of
// the pane, without colours.
func (term *terminal) capture() string {
	term.t.Helper()
	return term.tmux("capture-pane", "-p", "-t", term.session)
}

// resize changes the terminal's size, as a person dragging the window.
func (term *terminal) resize(cols, rows int) {
	term.t.Helper()
	term.tmux("resize-window", "-t", term.session, "-x", strconv.Itoa(cols), "-y", strconv.Itoa(rows))
}

// alternateScreen reports whether the pane is showing the alternate
// screen, which a full-screen program must leave when it exits.
func (term *terminal) alternateScreen() bool {
	term.t.Helper()
	return strings.TrimSpace(term.tmux("display-message", "-p", "-t", term.session, "#{alternate_on}")) == "1"
}

// waitUntil reads the screen every pollInterval until ok accepts its rows,
// and returns those rows. cable draws in the background and CI machines
// are slow, so the tests never assume a screen is ready after a fixed
// time. A screen that never comes fails the test with the last screen
// seen; so does cable exiting first, at once, since the screen can no
// longer change then.
func (term *terminal) waitUntil(what string, timeout time.Duration, ok func(rows []string) bool) []string {
	term.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		screen := term.capture()
		rows := screenRows(screen)
		if ok(rows) {
			return rows
		}
		switch {
		case strings.Contains(screen, exitMarker):
			term.t.Fatalf("cable exited before the screen showed %s:\n%s", what, dump(rows))
		case time.Now().After(deadline):
			term.t.Fatalf("after %v the screen still does not show %s:\n%s", timeout, what, dump(rows))
		}
		time.Sleep(pollInterval)
	}
}

// waitFor waits until text is somewhere on the screen and returns the
// screen's rows.
func (term *terminal) waitFor(text string, timeout time.Duration) []string {
	term.t.Helper()
	return term.waitUntil(strconv.Quote(text), timeout, func(rows []string) bool {
		return strings.Contains(strings.Join(rows, "\n"), text)
	})
}

// typeInto types text one key at a time, waiting for each to show, so
// that Bubble Tea reads every key on its own.
func (term *terminal) typeInto(prompt, text string) {
	term.t.Helper()
	for i, r := range text {
		term.sendKey(string(r))
		term.waitFor(prompt+text[:i+len(string(r))], patience)
	}
}

// screenRows splits a capture into its rows.
func screenRows(screen string) []string {
	return strings.Split(strings.TrimSuffix(screen, "\n"), "\n")
}

// dump numbers a screen's rows from 0, as the tests count them, and frames
// them so that blank rows and trailing text can be seen in a failure.
func dump(rows []string) string {
	var b strings.Builder
	for i, r := range rows {
		fmt.Fprintf(&b, "%3d │%s\n", i, r)
	}
	return b.String()
}

// firstTextLine is the reader's first line of text, without its margin.
func firstTextLine(rows []string) string {
	if len(rows) <= textTop {
		return ""
	}
	return strings.TrimSpace(rows[textTop])
}

// textArea is the rows between the reader's header and its status line.
func textArea(rows []string) []string {
	if len(rows) <= textTop+1 {
		return nil
	}
	return slices.Clone(rows[textTop : len(rows)-1])
}

// statusLine is the screen's last row.
func statusLine(rows []string) string {
	return rows[len(rows)-1]
}

// tocEntry is a row of the table of contents: an optional mark for the
// section being read, the section's number and its title.
var tocEntry = regexp.MustCompile(`^(?:›\s*)?\d+ {2}(.+)$`)

// tocEntries are the section titles listed in the table of contents on
// screen, in order.
func tocEntries(rows []string) []string {
	var titles []string
	for _, r := range textArea(rows) {
		if m := tocEntry.FindStringSubmatch(strings.TrimSpace(r)); m != nil {
			titles = append(titles, m[1])
		}
	}
	return titles
}

// rewrapped reports whether the text area has been set again since before
// was recorded at a wider width. Until cable has drawn the text for the new
// width, every row is a row of before, cut by the narrower terminal (or by
// cable, while the new width is rendered in the background); only when a
// row holds words that before's row did not has the text been re-wrapped.
func rewrapped(rows, before []string) bool {
	for i, r := range textArea(rows) {
		if i < len(before) && !strings.HasPrefix(strings.TrimSpace(before[i]), strings.TrimSpace(r)) {
			return true
		}
	}
	return false
}

// requireEndToEnd skips the test under -short, and when tmux is missing
// unless CABLE_E2E=1 makes that a failure.
func requireEndToEnd(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test skipped with -short")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CABLE_E2E") == "1" {
			t.Fatal("CABLE_E2E=1 but tmux is not on PATH: the end-to-end tests require tmux")
		}
		t.Skip("tmux is missing (not on PATH); set CABLE_E2E=1 to make this a failure")
	}
}

// home is one person's home for the length of a test: every cable process
// the test starts, in tmux or not, sees the same $XDG_STATE_HOME (and so
// the same database) and the same $XDG_DATA_HOME.
type home struct {
	dir string
	// env is built from scratch rather than inherited, so that the
	// developer's NO_COLOR, CABLE_STYLE, configuration or tmux settings
	// cannot change what cable shows.
	env []string
	// bin is the cable binary its sessions run; "" is cableBinary's.
	bin string
}

// newHome makes a temporary home with its XDG directories.
func newHome(t *testing.T) *home {
	t.Helper()
	requireEndToEnd(t)
	h := &home{dir: t.TempDir()}
	h.env = []string{
		"PATH=" + os.Getenv("PATH"),
		"TERM=xterm-256color",
		"LANG=C.UTF-8",
		"HOME=" + h.dir,
	}
	for _, v := range []string{"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR"} {
		dir := h.xdg(v)
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		h.env = append(h.env, v+"="+dir)
	}
	return h
}

// xdg is the directory an XDG variable names in this home.
func (h *home) xdg(name string) string {
	return filepath.Join(h.dir, strings.ToLower(name))
}

// dbPath is the database every cable process of the home shares.
func (h *home) dbPath() string {
	return filepath.Join(h.xdg("XDG_STATE_HOME"), "cable", "cable.db")
}

// run runs the home's cable with args and returns its output and status.
func (h *home) run(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(h.bin, args...)
	cmd.Env = h.env
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if exit, ok := err.(*exec.ExitError); ok {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errOut.String(), code
}

// crashReports are the reports written in the home.
func (h *home) crashReports(t *testing.T) []string {
	t.Helper()
	found, err := filepath.Glob(filepath.Join(h.xdg("XDG_STATE_HOME"), "cable", "crash-*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// sessionCount numbers the tmux servers of this test binary, so that two
// sessions of one test, at once or one after the other, never share one.
var sessionCount atomic.Int64

// session is one cable process in a tmux pane, and where to find its
// process ID.
type session struct {
	*terminal
	pidFile string
}

// startCableIn runs "cable args..." in a new tmux session of cols×rows on a
// tmux server of its own, over home. cable runs under sh, which prints
// exitMarker and the exit status when it ends and keeps the pane open to
// be read.
//
// To signal cable itself, not the shell around it, cable is started
// through a second sh that writes its own PID to a file and then execs
// cable: the PID in the file is cable's from the exec on, on any Unix,
// with no need to search the process tree under the pane's shell.
func startCableIn(t *testing.T, h *home, cols, rows int, args ...string) *session {
	t.Helper()
	requireEndToEnd(t)
	bin := h.bin
	if bin == "" {
		bin = cableBinary(t)
	}

	n := sessionCount.Add(1)
	s := &session{
		terminal: &terminal{
			t:       t,
			socket:  fmt.Sprintf("cable-e2e-%d-%d-%s", os.Getpid(), n, t.Name()),
			session: "cable",
			env:     h.env,
		},
		pidFile: filepath.Join(t.TempDir(), "cable.pid"),
	}
	var socketPath string
	t.Cleanup(func() {
		_ = s.command("kill-server").Run()
		if socketPath != "" {
			os.Remove(socketPath)
		}
	})

	cmd := []string{"new-session", "-d", "-s", s.session, "-x", strconv.Itoa(cols), "-y", strconv.Itoa(rows)}
	for _, kv := range h.env {
		cmd = append(cmd, "-e", kv)
	}
	// $1 is the PID file; the inner sh gets it as its $0.
	script := `pidfile=$1; shift; sh -c 'echo $$ >"$0"; exec "$@"' "$pidfile" "$@"; echo "` +
		exitMarker + `$?"; sleep 60`
	cmd = append(cmd, "--", "sh", "-c", script, "sh", s.pidFile, bin)
	s.tmux(append(cmd, args...)...)
	socketPath = strings.TrimSpace(s.tmux("display-message", "-p", "#{socket_path}"))
	return s
}

// pid is cable's process ID. Call it once cable has drawn a screen: the
// file is written before the exec, so it is complete by then.
func (s *session) pid() int {
	s.t.Helper()
	b, err := os.ReadFile(s.pidFile)
	if err != nil {
		s.t.Fatalf("reading cable's PID: %v", err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 1 {
		s.t.Fatalf("cable's PID file holds %q", b)
	}
	return pid
}

// signal sends sig to cable.
func (s *session) signal(sig syscall.Signal) {
	s.t.Helper()
	if err := syscall.Kill(s.pid(), sig); err != nil {
		s.t.Fatalf("sending %v to cable: %v", sig, err)
	}
}

// exitStatus waits for the shell's exit line and returns the status it
// prints.
func (s *session) exitStatus() int {
	s.t.Helper()
	marker := regexp.MustCompile(regexp.QuoteMeta(exitMarker) + `(\d+)`)
	rows := s.waitFor(exitMarker, patience)
	m := marker.FindStringSubmatch(strings.Join(rows, "\n"))
	if m == nil {
		s.t.Fatalf("the shell's exit line has no status:\n%s", dump(rows))
	}
	code, _ := strconv.Atoi(m[1])
	return code
}

// poll reads the screen until ok accepts it or timeout passes, like
// waitUntil, but reports failure to the caller instead of ending the test,
// so that a test can go on to check what else it can.
func (s *session) poll(timeout time.Duration, ok func(rows []string) bool) (rows []string, seen bool) {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		screen := s.capture()
		rows = screenRows(screen)
		if ok(rows) {
			return rows, true
		}
		if strings.Contains(screen, exitMarker) || time.Now().After(deadline) {
			return rows, false
		}
		time.Sleep(pollInterval)
	}
}

// openSeed waits for the library, opens its first entry (the seed
// article) and waits for the reader.
func (s *session) openSeed() {
	s.t.Helper()
	s.waitUntil("the library with both bundled articles", patience, libraryShown)
	s.sendKey("Enter")
	s.waitFor("§1/8 Opening", patience)
}

// nextSections presses ] once for each title, waiting each time for the
// status line to name that section ("§3/8 Wary of provoking Iran").
func (s *session) nextSections(first int, titles ...string) []string {
	s.t.Helper()
	var rows []string
	for i, title := range titles {
		s.sendKey("]")
		want := fmt.Sprintf("§%d/8 %s", first+i, title)
		rows = s.waitUntil(strconv.Quote(want)+" in the status line", patience, func(rows []string) bool {
			return strings.Contains(statusLine(rows), want)
		})
	}
	return rows
}
