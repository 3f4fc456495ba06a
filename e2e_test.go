package main

// The end-to-end tests run the real cable binary in a real terminal: a
// detached tmux session of a fixed size, on a tmux server of their own.
// They press keys one at a time and read the screen back as a person
// would, so they cover what unit tests cannot: the terminal set-up and
// restore, key decoding, resizing and the exit status.

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
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
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

// TestMain gives the tests a home of their own: the in-process command
// tests open the library database and directory under $XDG_STATE_HOME and
// $XDG_DATA_HOME, and the reader keeps renderings under $XDG_CACHE_HOME,
// which must never be the developer's.
func TestMain(m *testing.M) {
	home, err := os.MkdirTemp("", "cable-test-home-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	buildEnv = os.Environ()
	if binDir, err = os.MkdirTemp("", "cable-e2e-"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	// cable's own places move, its render cache included; go build keeps
	// the environment the tests started with, and with it the toolchain's
	// caches under HOME and XDG_CACHE_HOME.
	for _, v := range []string{"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"} {
		os.Setenv(v, filepath.Join(home, strings.ToLower(v)))
	}
	code := m.Run()
	os.RemoveAll(home)
	os.RemoveAll(binDir)
	os.Exit(code)
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

// TestEndToEndReadSeedArticle reads the bundled seed article as a person
// would: section jumps, the contents, the editor's note and back, a
// narrower window, and leaving through the library.
func TestEndToEndReadSeedArticle(t *testing.T) {
	t.Parallel()
	term := startCable(t)

	term.waitFor("How Deep Are Azerbaijan-Israel Relations?", patience)
	term.waitFor("Reading with cable", patience)

	// The seed article is the first entry of the library.
	term.sendKey("Enter")
	term.waitFor("§1/8 Opening", patience)

	term.sendKey("]")
	rows := term.waitFor("§2/8 A periphery strategy", patience)
	if got, want := firstTextLine(rows), "## A periphery strategy"; got != want {
		t.Fatalf("after ] the first text line is %q, want the heading %q:\n%s", got, want, dump(rows))
	}

	term.sendKey("]")
	rows = term.waitFor("§3/8 Wary of provoking Iran", patience)
	if got, want := firstTextLine(rows), "## Wary of provoking Iran"; got != want {
		t.Fatalf("after ] the first text line is %q, want the heading %q:\n%s", got, want, dump(rows))
	}
	before := textArea(rows)

	// The editor's note is the last entry of the contents. Waiting for it,
	// not for "Contents" alone, makes sure the whole list has been drawn.
	term.sendKey("t")
	rows = term.waitUntil("the contents down to the editor’s note", patience, func(rows []string) bool {
		return strings.Contains(strings.Join(rows, "\n"), "Contents") &&
			slices.Contains(tocEntries(rows), "Editor’s note")
	})
	entries := tocEntries(rows)
	if n := len(entries); n < 2 || entries[n-1] != "Editor’s note" || entries[n-2] != "A sober assessment" {
		t.Fatalf("the contents list %q; want \"Editor’s note\" last, after \"A sober assessment\":\n%s", entries, dump(rows))
	}

	term.sendKey("Escape")
	term.waitUntil("the text again, from the heading \"## Wary of provoking Iran\"", patience, func(rows []string) bool {
		return firstTextLine(rows) == "## Wary of provoking Iran"
	})

	term.sendKey("e")
	rows = term.waitFor("§8/8", patience)
	if screen := strings.Join(rows, "\n"); !strings.Contains(screen, "Eldar Mamedov is a political adviser") {
		t.Fatalf("e shows §8/8 but not the editor's note's text:\n%s", dump(rows))
	}

	// Pressed again, e goes back to the very line it left.
	term.sendKey("e")
	rows = term.waitFor("§3/8 Wary of provoking Iran", patience)
	if after := textArea(rows); !slices.Equal(after, before) {
		t.Fatalf("e from the editor's note did not return to the same line.\nbefore:\n%s\nafter:\n%s", dump(before), dump(after))
	}

	// A narrower window keeps the place: the same section, its heading on
	// the first text line, and nothing wider than the window.
	const narrow = 70
	term.resize(narrow, termRows)
	rows = term.waitUntil("§3/8 with \"## Wary of provoking Iran\" on the first text line, re-wrapped for 70 columns", patience, func(rows []string) bool {
		return strings.Contains(statusLine(rows), "§3/8") &&
			firstTextLine(rows) == "## Wary of provoking Iran" &&
			rewrapped(rows, before)
	})
	for i, r := range rows {
		if w := ansi.StringWidth(r); w > narrow {
			t.Fatalf("row %d is %d columns wide, wider than the %d-column window:\n%s", i, w, narrow, dump(rows))
		}
	}

	term.sendKey("q")
	term.waitFor("2 articles", patience)
	term.sendKey("q")
	rows = term.waitFor(exitMarker+"0", patience)

	// The terminal is restored: the reader's screen is gone with the
	// alternate screen it was drawn on.
	if strings.Contains(strings.Join(rows, "\n"), "§") {
		t.Errorf("the reader's screen is still shown after cable exited:\n%s", dump(rows))
	}
	if term.alternateScreen() {
		t.Errorf("the terminal is still on the alternate screen after cable exited:\n%s", dump(rows))
	}
}

// TestEndToEndOpenFileDirectly starts cable on one file, which opens
// straight in the reader and joins the bundled articles in the library.
func TestEndToEndOpenFileDirectly(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "piece.md")
	article := "---\ntitle: Test piece\nauthor: A. Writer\n---\n\nLede text.\n\n## First\n\nOne.\n\n## Editor's note\n\nA note.\n"
	if err := os.WriteFile(path, []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	term := startCable(t, path)

	term.waitFor("§1/3 Opening", patience)
	term.waitFor("Test piece", patience)

	term.sendKey("e")
	term.waitFor("A note.", patience)

	term.sendKey("Escape")
	term.waitUntil("the library listing \"Test piece\" with the bundled articles", patience, func(rows []string) bool {
		screen := strings.Join(rows, "\n")
		for _, s := range []string{"3 articles", "Test piece", "How Deep Are Azerbaijan-Israel Relations?", "Reading with cable"} {
			if !strings.Contains(screen, s) {
				return false
			}
		}
		return true
	})

	// ctrl+c exits at once, with the status of a program interrupted.
	term.sendKey("C-c")
	term.waitFor(exitMarker+"130", patience)
}
