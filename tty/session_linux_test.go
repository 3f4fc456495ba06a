package tty

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal: the test plays the terminal on its
// master side, and cable's session runs on its slave side, the terminal
// cable is started in.
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	if err := unix.IoctlSetPointerInt(int(m.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(int(m.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(); m.Close() })
	return m, s
}

// modes are the terminal's local modes that cooked and raw differ in.
func modes(t *testing.T, f *os.File) uint32 {
	t.Helper()
	tio, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	return tio.Lflag & (unix.ICANON | unix.ECHO | unix.ISIG)
}

// readUntil reads r until what it read holds want, and returns it.
func readUntil(t *testing.T, r io.Reader, want string) string {
	t.Helper()
	got := make(chan string, 1)
	go func() {
		var b []byte
		buf := make([]byte, 256)
		for !bytes.Contains(b, []byte(want)) {
			n, err := r.Read(buf)
			b = append(b, buf[:n]...)
			if err != nil {
				break
			}
		}
		got <- string(b)
	}()
	select {
	case s := <-got:
		if !strings.Contains(s, want) {
			t.Fatalf("read %q, want %q in it", s, want)
		}
		return s
	case <-time.After(patience):
		t.Fatalf("no %q after %v", want, patience)
		return ""
	}
}

// TestSession plays a terminal that answers: keys typed before cable
// starts, and between and after the answers, reach the program in order;
// the terminal is raw while cable runs, cooked while it is suspended, and
// as it was after Close, when nothing reads it any more.
func TestSession(t *testing.T) {
	master, slave := openPTY(t)
	cooked := modes(t, slave)
	if cooked&unix.ICANON == 0 {
		t.Fatal("a new terminal is not cooked")
	}
	// Typed before cable starts: the terminal holds the keys (and echoes
	// them, as a terminal does before a program takes it).
	io.WriteString(master, "]]")

	s, err := start(slave, slave, true, patience, patience)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if m := modes(t, slave); m != 0 {
		t.Errorf("while cable runs the terminal's local modes are %#x, want raw (0)", m)
	}
	readUntil(t, master, query)
	io.WriteString(master, "\x1b]11;rgb:ffff/ffff/ffff\x1b\\j\x1b[1;1Rk")
	if c := s.Background(); c != "#ffffff" {
		t.Errorf("background %q, want #ffffff", c)
	}
	if got := readUntil(t, s.Input(), "]]jk"); got != "]]jk" {
		t.Errorf("the program read %q, want \"]]jk\"", got)
	}

	if err := s.Input().Suspend(); err != nil {
		t.Fatal(err)
	}
	if m := modes(t, slave); m != cooked {
		t.Errorf("while cable is suspended the terminal's modes are %#x, want the shell's, %#x", m, cooked)
	}
	if err := s.Input().Resume(); err != nil {
		t.Fatal(err)
	}
	if m := modes(t, slave); m != 0 {
		t.Errorf("after resume the terminal's local modes are %#x, want raw (0)", m)
	}
	io.WriteString(master, "l")
	readUntil(t, s.Input(), "l")

	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if m := modes(t, slave); m != cooked {
		t.Errorf("after Close the terminal's modes are %#x, want the shell's, %#x", m, cooked)
	}
	// Nothing of cable's reads the terminal now: a line typed is the
	// shell's.
	io.WriteString(master, "ls\n")
	readUntil(t, slave, "ls\n")
}

// TestSessionSilentTerminal: a terminal that never answers costs the
// wait, and no key.
func TestSessionSilentTerminal(t *testing.T) {
	master, slave := openPTY(t)
	s, err := start(slave, slave, true, 20*time.Millisecond, 50*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	readUntil(t, master, query)
	io.WriteString(master, "q\x1b")
	if c := s.Background(); c != "" {
		t.Errorf("background %q from a terminal that said nothing", c)
	}
	readUntil(t, s.Input(), "q\x1b")
}

func TestAsks(t *testing.T) {
	_, slave := openPTY(t)
	_, other := openPTY(t)
	tests := []struct {
		term    string
		in, out *os.File
		want    bool
	}{
		{"xterm-256color", slave, slave, true},
		{"", slave, slave, true},
		{"tmux-256color", slave, slave, false},
		{"screen", slave, slave, false},
		{"dumb", slave, slave, false},
		{"xterm-256color", slave, other, false},
	}
	for _, tt := range tests {
		if got := asks(tt.in, tt.out, tt.term); got != tt.want {
			t.Errorf("asks(TERM=%q, same terminal %v) = %v, want %v", tt.term, tt.in == tt.out, got, tt.want)
		}
	}
}

// TestSignalBeforeHandOver: SIGTERM before the program has started ends
// cable as it always did, with the terminal given back. The session runs
// in a child process, the test binary run again, which the signal ends.
func TestSignalBeforeHandOver(t *testing.T) {
	if path := os.Getenv("CABLE_TTY_CHILD"); path != "" {
		f, err := os.OpenFile(path, os.O_RDWR|syscall.O_NOCTTY, 0)
		if err != nil {
			os.Exit(2)
		}
		if _, err := start(f, f, false, 0, 0); err != nil {
			os.Exit(3)
		}
		fmt.Println("raw")
		time.Sleep(patience)
		os.Exit(4)
	}
	master, slave := openPTY(t)
	_ = master
	cooked := modes(t, slave)
	cmd := exec.Command(os.Args[0], "-test.run=^TestSignalBeforeHandOver$")
	cmd.Env = append(os.Environ(), "CABLE_TTY_CHILD="+slave.Name())
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	readUntil(t, out, "raw")
	if m := modes(t, slave); m != 0 {
		t.Errorf("in the child the terminal's local modes are %#x, want raw (0)", m)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	err = cmd.Wait()
	status, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
	if !ok || !status.Signaled() || status.Signal() != syscall.SIGTERM {
		t.Errorf("the child ended with %v, want killed by SIGTERM", err)
	}
	if m := modes(t, slave); m != cooked {
		t.Errorf("after SIGTERM the terminal's modes are %#x, want the shell's, %#x", m, cooked)
	}
}
