package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestCommandsAskTheTerminalNothing runs "cable --version" in a terminal
// of its own that never answers: cable writes its version and nothing
// else, asking the terminal nothing as it loads (Bubble Tea v1 asks for
// the background in its own init, and waits five seconds for an answer
// that does not come).
func TestCommandsAskTheTerminalNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds cable")
	}
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer master.Close()
	if err := unix.IoctlSetPointerInt(int(master.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(int(master.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	slave, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer slave.Close()

	cmd := exec.Command(cableBinary(t), "--version")
	cmd.Env = []string{"TERM=xterm-256color", "HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	// The terminal is cable's controlling terminal, and cable is in its
	// foreground, as when started from a shell.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	slave.Close()
	var out bytes.Buffer
	read := make(chan struct{})
	go func() {
		defer close(read)
		buf := make([]byte, 1024)
		for {
			n, err := master.Read(buf)
			out.Write(buf[:n])
			if err != nil {
				return
			}
		}
	}()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("cable --version: %v", err)
		}
	case <-time.After(patience):
		cmd.Process.Kill()
		<-done
		t.Fatalf("cable --version still runs after %v; it wrote %q", patience, out.Bytes())
	}
	<-read // the terminal's end reads EIO once cable, its last user, is gone
	if strings.Contains(out.String(), "\x1b") {
		t.Errorf("cable --version wrote %q to the terminal: it asked the terminal something", out.Bytes())
	}
	if !strings.Contains(out.String(), "cable") {
		t.Errorf("cable --version wrote %q, no version", out.Bytes())
	}
}
