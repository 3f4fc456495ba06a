package main

// The terminal at start-up and after: keys typed while cable starts (and
// asks the terminal for its background) reach the reader, and the
// terminal is left as the shell had it after q, ctrl+z and fg, and
// SIGTERM.

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// reportSections is how many sections the long article of these tests
// has (longArticle's "Part 1" to "Part 8").
const reportSections = 8

// report is a long article of reportSections sections.
func report(t *testing.T) string {
	t.Helper()
	return longArticle(t, reportSections, 6)
}

// sectionShown accepts a screen whose status line names section n of
// report.
func sectionShown(n int) (string, func(rows []string) bool) {
	want := fmt.Sprintf("§%d/%d Part %d", n, reportSections, n)
	return strconv.Quote(want) + " in the status line", func(rows []string) bool {
		return strings.Contains(statusLine(rows), want)
	}
}

// emulatorTerm is the TERM of a terminal emulator. In a tmux pane TERM is
// tmux's own, for which cable does not ask the background (a multiplexer
// is shared by terminals of different colours); under an emulator's TERM
// it asks, and tmux answers as the emulator would.
const emulatorTerm = "TERM=xterm-256color"

// startTyping is startCableIn with typed sent to the pane by the same
// tmux command that starts cable: the keys are in the terminal before
// cable has even begun. cable runs with emulatorTerm. After it exits the
// shell prints exitMarker, the status, and then the terminal's modes
// with "stty -a".
func startTyping(t *testing.T, h *home, typed string, args ...string) *session {
	t.Helper()
	requireEndToEnd(t)
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
	t.Cleanup(func() { _ = s.command("kill-server").Run() })
	cmd := []string{"new-session", "-d", "-s", s.session, "-x", strconv.Itoa(termCols), "-y", strconv.Itoa(termRows)}
	for _, kv := range h.env {
		cmd = append(cmd, "-e", kv)
	}
	script := `pidfile=$1; shift; ` + emulatorTerm + ` sh -c 'echo $$ >"$0"; exec "$@"' "$pidfile" "$@"; echo "` +
		exitMarker + `$?"; stty -a; sleep 60`
	cmd = append(cmd, "--", "sh", "-c", script, "sh", s.pidFile, cableBinary(t))
	cmd = append(cmd, args...)
	if typed != "" {
		cmd = append(cmd, ";", "send-keys", "-t", s.session, "-l", typed)
	}
	s.tmux(cmd...)
	return s
}

// saneTerminal fails the test unless the screen shows "stty -a" output
// with the modes a shell's terminal has: lines edited by the terminal,
// keys echoed, signals on, carriage returns made newlines, output
// processed.
func saneTerminal(t *testing.T, when string, rows []string) {
	t.Helper()
	modes := map[string]bool{}
	for _, f := range strings.FieldsFunc(strings.Join(rows, "\n"), func(r rune) bool {
		return r == ' ' || r == ';' || r == '\n'
	}) {
		modes[f] = true
	}
	if !modes["icanon"] && !modes["-icanon"] {
		t.Fatalf("%s: the screen shows no stty -a output:\n%s", when, dump(rows))
	}
	for _, mode := range []string{"icanon", "echo", "isig", "icrnl", "opost"} {
		if !modes[mode] {
			t.Errorf("%s: the terminal is not as the shell had it: stty -a shows -%s, want %s:\n%s", when, mode, mode, dump(rows))
		}
	}
}

// TestEndToEndKeysTypedAtLaunch: "]" "]" typed as cable is started, in
// the same tmux command, are neither lost to the terminal's background
// query nor taken for its answer: the reader is at §3. After q the
// terminal is as the shell had it.
func TestEndToEndKeysTypedAtLaunch(t *testing.T) {
	t.Parallel()
	s := startTyping(t, newHome(t), "]]", report(t))

	what, ok := sectionShown(3)
	s.waitUntil(what+" (the keys typed at launch moved the reader on twice)", patience, ok)

	s.quitFromReader()
	saneTerminal(t, "after q", s.waitFor("icanon", patience))
}

// TestEndToEndSigtermRestoresTerminal: SIGTERM in the reader leaves the
// terminal as the shell had it.
func TestEndToEndSigtermRestoresTerminal(t *testing.T) {
	t.Parallel()
	s := startTyping(t, newHome(t), "", report(t))
	what, ok := sectionShown(1)
	s.waitUntil(what, patience, ok)

	s.signal(syscall.SIGTERM)
	if code := s.exitStatus(); code != 0 {
		t.Fatalf("cable exited with %d on SIGTERM, want 0", code)
	}
	saneTerminal(t, "after SIGTERM", s.waitFor("icanon", patience))
}

// TestEndToEndSuspendRestoresTerminal runs cable from an interactive
// shell: ctrl+z gives the shell its terminal as it was, fg gives cable
// keys one at a time again (no Enter needed), and q leaves the terminal
// as the shell had it. The shell is sh, which leaves the terminal's modes
// to the program stopped.
func TestEndToEndSuspendRestoresTerminal(t *testing.T) {
	t.Parallel()
	requireEndToEnd(t)
	h := newHome(t)
	article := report(t)
	n := sessionCount.Add(1)
	term := &terminal{
		t:       t,
		socket:  fmt.Sprintf("cable-e2e-%d-%d-%s", os.Getpid(), n, t.Name()),
		session: "cable",
		env:     append(h.env, "PS1=$ "),
	}
	t.Cleanup(func() { _ = term.command("kill-server").Run() })
	cmd := []string{"new-session", "-d", "-s", term.session, "-x", strconv.Itoa(termCols), "-y", strconv.Itoa(termRows)}
	for _, kv := range term.env {
		cmd = append(cmd, "-e", kv)
	}
	term.tmux(append(cmd, "--", "sh", "-i")...)
	prompt := func(rows []string) bool {
		for i := len(rows) - 1; i >= 0; i-- {
			if r := strings.TrimSpace(rows[i]); r != "" {
				return r == "$"
			}
		}
		return false
	}
	run := func(line string) {
		t.Helper()
		term.waitUntil("the shell's prompt", patience, prompt)
		term.tmux("send-keys", "-t", term.session, "-l", line)
		term.sendKey("Enter")
	}

	run(emulatorTerm + " " + cableBinary(t) + " " + article)
	what, ok := sectionShown(1)
	term.waitUntil(what, patience, ok)

	term.sendKey("C-z")
	term.waitUntil("the shell's prompt after ctrl+z", patience, prompt)
	run("clear; stty -a")
	saneTerminal(t, "after ctrl+z", term.waitFor("icanon", patience))

	run("clear; fg")
	term.waitUntil(what+" after fg", patience, ok)
	term.sendKey("]")
	what, ok = sectionShown(2)
	term.waitUntil(what+" after fg and ] without Enter", patience, ok)

	term.sendKey("q")
	term.waitUntil("the library", patience, libraryShown)
	term.sendKey("q")
	run("clear; stty -a")
	saneTerminal(t, "after fg and q", term.waitFor("icanon", patience))
}
