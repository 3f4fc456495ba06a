package tty

import (
	"errors"
	"io"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/muesli/cancelreader"
)

// patience is how long a test waits for what must come; a passing test
// never waits for it.
const patience = 5 * time.Second

// pumpRig is a pump from a pipe the test writes, as the terminal would,
// to a pipe the test reads, as the program would.
type pumpRig struct {
	t        *testing.T
	pump     *pump
	term     *os.File // what the terminal sends is written here
	src      *os.File // and read by the pump from here
	out      *os.File // what the program reads
	decided  chan string
	decision sync.Once
}

func newPumpRig(t *testing.T, asked bool, window time.Duration) *pumpRig {
	t.Helper()
	srcR, srcW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	src, err := cancelreader.NewReader(srcR)
	if err != nil {
		t.Fatal(err)
	}
	r := &pumpRig{t: t, term: srcW, src: srcR, out: outR, decided: make(chan string, 2)}
	r.pump = newPump(src, outW, !asked, window, func(color string) { r.decided <- color })
	t.Cleanup(func() {
		r.pump.stop()
		<-r.pump.done
		srcR.Close()
		srcW.Close()
		outR.Close()
	})
	go r.pump.run()
	return r
}

// send writes to the pump's input as the terminal would.
func (r *pumpRig) send(s string) {
	r.t.Helper()
	if _, err := io.WriteString(r.term, s); err != nil {
		r.t.Fatal(err)
	}
}

// expect reads what the program gets until it is want.
func (r *pumpRig) expect(want string) {
	r.t.Helper()
	got := make([]byte, 0, len(want))
	r.out.SetReadDeadline(time.Now().Add(patience))
	for len(got) < len(want) {
		buf := make([]byte, len(want)-len(got))
		n, err := r.out.Read(buf)
		got = append(got, buf[:n]...)
		if err != nil {
			r.t.Fatalf("the program read %q, then %v; want %q", got, err, want)
		}
	}
	if string(got) != want {
		r.t.Fatalf("the program read %q, want %q", got, want)
	}
}

// color is the background the pump decided on.
func (r *pumpRig) color() string {
	r.t.Helper()
	select {
	case c := <-r.decided:
		return c
	case <-time.After(patience):
		r.t.Fatal("the pump never decided on the background")
		return ""
	}
}

func TestPumpKeepsTheKeysAroundTheAnswers(t *testing.T) {
	r := newPumpRig(t, true, patience)
	// Keys typed before cable asked, then the answers with keys between
	// them, in reads of their own, then keys typed later.
	r.send("]]")
	r.send(darkOSC[:7])
	r.send(darkOSC[7:] + "j")
	if c := r.color(); c != "#1e1e1e" {
		t.Errorf("background %q, want #1e1e1e", c)
	}
	r.send(position + "k")
	r.send("\x1b[A")
	r.send(position) // a key now: the answers have ended
	r.expect("]]jk\x1b[A" + position)
	select {
	case c := <-r.decided:
		t.Errorf("the pump decided twice, the second time %q", c)
	default:
	}
}

func TestPumpWithoutAnAnswer(t *testing.T) {
	// The terminal never answers: a lone escape, which might have begun
	// an answer, is passed on when the window closes, and the
	// background is decided unknown.
	r := newPumpRig(t, true, 50*time.Millisecond)
	r.send("a\x1b")
	r.expect("a")
	if c := r.color(); c != "" {
		t.Errorf("background %q, want none", c)
	}
	r.expect("\x1b")
	r.send("b")
	r.expect("b")
}

func TestPumpNotAsked(t *testing.T) {
	r := newPumpRig(t, false, patience)
	if c := r.color(); c != "" {
		t.Errorf("background %q from a terminal not asked", c)
	}
	r.send("]]" + darkOSC)
	r.expect("]]" + darkOSC)
}

func TestPumpStopLeavesTheTerminalUnread(t *testing.T) {
	r := newPumpRig(t, true, patience)
	r.send("x" + lightOSC + position)
	r.expect("x")
	r.pump.stop()
	select {
	case <-r.pump.done:
	case <-time.After(patience):
		t.Fatal("the pump did not end when stopped")
	}
	// The program reads the end of its input.
	r.out.SetReadDeadline(time.Now().Add(patience))
	if n, err := r.out.Read(make([]byte, 1)); n != 0 || !errors.Is(err, io.EOF) {
		t.Errorf("after stop the program reads %d bytes, %v; want the end", n, err)
	}
	// A key typed now is left for whoever reads the terminal next.
	// (The pump's reader made the pipe blocking: no deadline can be set.)
	r.send("y")
	read := make(chan string, 1)
	go func() {
		buf := make([]byte, 4)
		n, _ := r.src.Read(buf)
		read <- string(buf[:n])
	}()
	select {
	case got := <-read:
		if got != "y" {
			t.Errorf("after stop the terminal holds %q, want the key typed, \"y\"", got)
		}
	case <-time.After(patience):
		t.Fatal("after stop the key typed is gone from the terminal")
	}
}

func TestPumpEndsWhenTheProgramStopsReading(t *testing.T) {
	r := newPumpRig(t, false, patience)
	r.out.Close()
	r.send("q")
	select {
	case <-r.pump.done:
	case <-time.After(patience):
		t.Fatal("the pump did not end when its output was closed")
	}
}
