package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// terminal.go drives cable in tmux: keys sent, screens read and waited for.

// terminal is one cable running in a tmux pane on a tmux server of its
// own.
type terminal struct {
	socket  string // the -L name of the server
	conf    string // its configuration file
	env     []string
	timeout time.Duration
	// last is the last screen read, with its escape sequences.
	last string
}

// shoot runs one scene and returns the screen at its end, as tmux
// captures it with its colours.
func shoot(sc scene, bin, tmp string, timeout time.Duration) (string, error) {
	home := filepath.Join(tmp, sc.name)
	env := []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + home,
		"LANG=C.UTF-8",
		"TZ=UTC",
		// The terminal tmux itself runs in: it has none, being detached,
		// but it reads these when it starts.
		"TERM=xterm-256color",
		"COLORTERM=truecolor",
	}
	for _, v := range []string{"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"} {
		dir := filepath.Join(home, strings.ToLower(v))
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return "", err
		}
		env = append(env, v+"="+dir)
	}
	conf := filepath.Join(home, "tmux.conf")
	// remain-on-exit keeps the pane when cable exits, so that what it
	// printed can be shown.
	confText := "set -g default-terminal tmux-256color\nset -g status off\nset -g remain-on-exit on\n"
	if err := os.WriteFile(conf, []byte(confText), 0o644); err != nil {
		return "", err
	}
	t := &terminal{
		socket:  fmt.Sprintf("cable-shots-%d-%s", os.Getpid(), sc.name),
		conf:    conf,
		env:     env,
		timeout: timeout,
	}
	defer t.close()

	args := []string{"new-session", "-d", "-s", session, "-x", strconv.Itoa(sc.cols), "-y", strconv.Itoa(sc.rows)}
	// The pane's environment is the server's, which is env; -e sets it
	// again in case a tmux keeps some of its own. TERM is left to
	// default-terminal.
	for _, kv := range env {
		if !strings.HasPrefix(kv, "TERM=") {
			args = append(args, "-e", kv)
		}
	}
	args = append(args, "--", bin, "--style", "dark")
	if _, err := t.tmux(args...); err != nil {
		return "", err
	}
	size, err := t.tmux("display-message", "-p", "-t", session, "#{pane_width}x#{pane_height}")
	if err != nil {
		return "", err
	}
	if want := fmt.Sprintf("%dx%d", sc.cols, sc.rows); strings.TrimSpace(size) != want {
		return "", fmt.Errorf("the pane is %s, not %s", strings.TrimSpace(size), want)
	}

	for _, st := range sc.steps {
		if st.do != nil {
			if err := st.do(t); err != nil {
				return "", err
			}
			continue
		}
		if st.key != "" {
			if err := t.send(st.key); err != nil {
				return "", err
			}
		}
		about := st.about
		if about == "" {
			about = strconv.Quote(st.want)
		}
		if _, err := t.waitFor(st.want, st.ready, about); err != nil {
			if st.key != "" {
				err = fmt.Errorf("after %q: %w", st.key, err)
			}
			return "", err
		}
	}
	if _, err := t.settled(); err != nil {
		return "", err
	}
	return t.last, nil
}

// tmux runs a tmux command on the terminal's own server (-L), with its
// own configuration (-f), and returns what it prints.
func (t *terminal) tmux(args ...string) (string, error) {
	cmd := exec.Command("tmux", append([]string{"-L", t.socket, "-f", t.conf}, args...)...)
	cmd.Env = t.env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	output, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("tmux %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return string(output), nil
}

// close stops the terminal's tmux server, and cable with it.
func (t *terminal) close() {
	socketPath, _ := t.tmux("display-message", "-p", "#{socket_path}")
	_, _ = t.tmux("kill-server")
	if p := strings.TrimSpace(socketPath); p != "" {
		os.Remove(p)
	}
}

// send presses one key: a single character literally (-l), so that it is
// never taken for a tmux key name, anything longer as a key name.
func (t *terminal) send(key string) error {
	if len([]rune(key)) == 1 {
		_, err := t.tmux("send-keys", "-t", session, "-l", key)
		return err
	}
	_, err := t.tmux("send-keys", "-t", session, key)
	return err
}

// read reads the screen: it records it, with its escape sequences, in
// t.last, and returns its rows as plain text, and whether cable has
// exited.
func (t *terminal) read() (rows []string, dead bool, err error) {
	// One tmux command for both, so that they are of the same moment.
	output, err := t.tmux("display-message", "-p", "-t", session, "#{pane_dead}", ";", "capture-pane", "-p", "-e", "-t", session)
	if err != nil {
		return nil, false, err
	}
	status, screen, _ := strings.Cut(output, "\n")
	t.last = screen
	return strings.Split(strings.TrimSuffix(ansi.Strip(screen), "\n"), "\n"), strings.TrimSpace(status) == "1", nil
}

// waitFor reads the screen until it holds want and ready (when set)
// accepts it, and returns its rows. It gives
// up after the timeout, or at once if cable has exited.
func (t *terminal) waitFor(want string, ready func([]string) bool, about string) ([]string, error) {
	deadline := time.Now().Add(t.timeout)
	for {
		rows, dead, err := t.read()
		if err != nil {
			return nil, err
		}
		if strings.Contains(strings.Join(rows, "\n"), want) && (ready == nil || ready(rows)) {
			return rows, nil
		}
		switch {
		case dead:
			return nil, fmt.Errorf("cable exited before the screen showed %s:\n%s", about, dump(rows))
		case time.Now().After(deadline):
			return nil, fmt.Errorf("after %v the screen still does not show %s:\n%s", t.timeout, about, dump(rows))
		}
		time.Sleep(pollInterval)
	}
}

// settled reads the screen until it has stayed the same, colours
// included, for settleTime, and returns its rows.
func (t *terminal) settled() ([]string, error) {
	deadline := time.Now().Add(t.timeout + settleTime)
	rows, _, err := t.read()
	if err != nil {
		return nil, err
	}
	same, since := t.last, time.Now()
	for time.Since(since) < settleTime {
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("the screen is still changing after %v:\n%s", t.timeout, dump(rows))
		}
		time.Sleep(pollInterval)
		if rows, _, err = t.read(); err != nil {
			return nil, err
		}
		if t.last != same {
			same, since = t.last, time.Now()
		}
	}
	return rows, nil
}

// dump numbers a screen's rows and frames them, so that blank rows and
// trailing text can be seen in an error.
func dump(rows []string) string {
	var b strings.Builder
	for i, r := range rows {
		fmt.Fprintf(&b, "%3d │%s\n", i, r)
	}
	return b.String()
}
