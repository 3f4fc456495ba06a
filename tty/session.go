// Package tty holds the terminal for the interactive reader, from
// start to exit. It asks the terminal for its background colour without
// losing a key typed meanwhile: the terminal is put in raw mode, the
// question is asked, and a pump reads every byte the terminal sends,
// takes the answers out and passes the keys on, in order, to a pipe the
// reader's program reads its input from. The program, reading a pipe,
// leaves the terminal's mode alone: the Session gives the terminal back
// as it was on ctrl+z (Suspend, Resume) and at the end (Close), and on a
// signal that ends cable before the program has started.
package tty

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/muesli/cancelreader"
)

const (
	// AnswerWait bounds how long Background waits for the terminal's
	// answer. A terminal answers in a few milliseconds (over ssh, a round
	// trip); one that never answers must not hold up the first frame.
	AnswerWait = 500 * time.Millisecond
	// answerWindow is how long answers are looked for among the keys when
	// the terminal has not ended them: an answer later than AnswerWait is
	// still taken out rather than typed into the reader. A key is never
	// held for it, only a sequence that starts as an answer does (a lone
	// escape, until the next byte).
	answerWindow = 2 * time.Second
	// closeWait bounds how long Close waits for the pump to stop.
	closeWait = time.Second
)

// query asks for the background colour (OSC 11) and then for the cursor
// position (DSR 6), which every terminal answers, after the colour when it
// knows it: that answer ends the wait.
const query = "\x1b]11;?\x1b\\" + "\x1b[6n"

// Session is the terminal while the reader runs.
type Session struct {
	in *os.File
	// input is what the program reads its keys from: the pipe's read end.
	input *Input
	pump  *pump

	// mu guards saved, the mode to give back: the terminal's mode before
	// Start, or before Resume.
	mu    sync.Mutex
	saved *term.State

	// decided is closed when the background is known, or known not to
	// come; color is then the colour ("#rrggbb") or "".
	decided   chan struct{}
	color     string
	waitUntil time.Time

	signals   chan os.Signal
	handed    chan struct{}
	handOnce  sync.Once
	closeOnce sync.Once
}

// Input is the program's input: the read end of the pipe the pump fills.
// It is a file, so the program's own reader can be cancelled, and no
// terminal, so the program leaves the terminal's mode to the Session,
// which Suspend and Resume hand over around a suspension (ctrl+z).
type Input struct {
	*os.File
	s *Session
}

// Suspend gives the terminal back in the mode it had, for the shell,
// while cable is stopped.
func (in *Input) Suspend() error { return in.s.restore() }

// Resume takes the terminal again, in raw mode, once cable is continued.
func (in *Input) Resume() error { return in.s.makeRaw() }

// Start takes the terminal in and out are (one terminal, as cable is
// started from a shell) and asks it for its background colour, unless
// TERM names a multiplexer (screen, tmux), which is shared by terminals of
// different colours and is not asked, or a dumb terminal.
func Start(in, out *os.File) (*Session, error) {
	return start(in, out, asks(in, out, os.Getenv("TERM")), AnswerWait, answerWindow)
}

func start(in, out *os.File, ask bool, wait, window time.Duration) (*Session, error) {
	s := &Session{
		in:        in,
		decided:   make(chan struct{}),
		waitUntil: time.Now().Add(wait),
		signals:   make(chan os.Signal, 1),
		handed:    make(chan struct{}),
	}
	// From the raw mode on, a signal that ends cable gives the terminal
	// back: it is caught from before.
	signal.Notify(s.signals, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	saved, err := term.MakeRaw(in.Fd())
	if err != nil {
		s.HandOver()
		return nil, fmt.Errorf("the terminal cannot be put in raw mode: %w", err)
	}
	s.mu.Lock()
	s.saved = saved
	s.mu.Unlock()
	go s.watchSignals()
	fail := func(err error) (*Session, error) {
		s.HandOver()
		s.restore()
		return nil, err
	}
	r, w, err := os.Pipe()
	if err != nil {
		return fail(err)
	}
	src, err := cancelreader.NewReader(in)
	if err != nil {
		r.Close()
		w.Close()
		return fail(err)
	}
	if ask {
		if _, err := io.WriteString(out, query); err != nil {
			ask = false
		}
	}
	s.input = &Input{File: r, s: s}
	s.pump = newPump(src, w, !ask, window, func(color string) {
		s.color = color
		close(s.decided)
	})
	go s.pump.run()
	return s, nil
}

// asks reports whether the terminal is asked for its background: in and
// out are the same terminal, and TERM is no multiplexer's or dumb
// terminal's (as termenv, which "cable read" asks through, has it).
func asks(in, out *os.File, termName string) bool {
	for _, p := range []string{"screen", "tmux", "dumb"} {
		if strings.HasPrefix(termName, p) {
			return false
		}
	}
	a, errA := in.Stat()
	b, errB := out.Stat()
	return errA == nil && errB == nil && os.SameFile(a, b)
}

// Input is what the program reads its keys from.
func (s *Session) Input() *Input { return s.input }

// Background is the terminal's background colour, "#rrggbb", or "" when
// the terminal does not say, waiting for its answer until AnswerWait after
// Start at most.
func (s *Session) Background() string {
	select {
	case <-s.decided:
		return s.color
	default:
	}
	t := time.NewTimer(time.Until(s.waitUntil))
	defer t.Stop()
	select {
	case <-s.decided:
		return s.color
	case <-t.C:
		return ""
	}
}

// HandOver stops watching for the signals that end cable: the program,
// which handles them itself, is about to start. Until then SIGINT, SIGTERM
// and SIGHUP give the terminal back and end cable as they would have. A
// signal caught but not yet acted on ends cable now.
func (s *Session) HandOver() {
	s.handOnce.Do(func() {
		signal.Stop(s.signals)
		close(s.handed)
		select {
		case sig := <-s.signals:
			s.end(sig)
		default:
		}
	})
}

// watchSignals gives the terminal back on a signal that comes before
// HandOver, and lets the signal end cable as it would have.
func (s *Session) watchSignals() {
	select {
	case sig := <-s.signals:
		// Caught before HandOver stopped the catching: cable had no
		// other handler for it then.
		s.end(sig)
	case <-s.handed:
	}
}

// end gives the terminal back and lets sig end cable as it would have.
func (s *Session) end(sig os.Signal) {
	s.restore()
	signal.Reset(sig)
	raise(sig)
}

// Close stops the pump, so that nothing is left reading the terminal, and
// gives the terminal back in the mode it had. It is safe to call more
// than once; the program must be done with Input.
func (s *Session) Close() error {
	var err error
	s.closeOnce.Do(func() {
		s.HandOver()
		s.pump.stop()
		// A pump writing to a pipe nobody reads is ended by closing the
		// read end.
		s.input.Close()
		select {
		case <-s.pump.done:
		case <-time.After(closeWait):
		}
		err = s.restore()
	})
	return err
}

// restore gives the terminal back in the mode saved.
func (s *Session) restore() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.saved == nil {
		return nil
	}
	return term.Restore(s.in.Fd(), s.saved)
}

// makeRaw puts the terminal in raw mode again, saving the mode it had.
func (s *Session) makeRaw() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	saved, err := term.MakeRaw(s.in.Fd())
	if err != nil {
		return err
	}
	s.saved = saved
	return nil
}
