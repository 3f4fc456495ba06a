package tty

import (
	"io"
	"time"

	"github.com/muesli/cancelreader"
)

// pump copies what the terminal sends to the program's input, taking the
// answers to the background query out: every other byte is passed on in
// the order it came, the keys typed before and around the answers first.
type pump struct {
	src cancelreader.CancelReader
	dst io.WriteCloser
	sc  scanner
	// window is how long answers are looked for, if the terminal does not
	// end them first.
	window time.Duration
	// decide is called once, with the background colour or "", as soon
	// as it is known whether the terminal gave one.
	decide func(color string)
	// done is closed when run has returned: src is then no longer read,
	// and dst is closed.
	done chan struct{}
}

// newPump makes a pump from src to dst; answered says no answer is
// awaited (the terminal was not asked).
func newPump(src cancelreader.CancelReader, dst io.WriteCloser, answered bool, window time.Duration, decide func(string)) *pump {
	return &pump{src: src, dst: dst, sc: scanner{done: answered}, window: window, decide: decide, done: make(chan struct{})}
}

// run copies until src ends or is cancelled (stop), or dst can no longer
// be written.
func (p *pump) run() {
	chunks, quit := make(chan []byte), make(chan struct{})
	go p.read(chunks, quit)
	defer func() {
		// Nothing is left reading src: the reading goroutine has ended
		// before run returns.
		p.src.Cancel()
		close(quit)
		for range chunks {
		}
		p.src.Close()
		p.dst.Close()
		close(p.done)
	}()

	decided := false
	settle := func() {
		if !decided && (p.sc.answered || p.sc.done) {
			decided = true
			p.decide(p.sc.color)
		}
	}
	var window <-chan time.Time
	if !p.sc.done {
		t := time.NewTimer(p.window)
		defer t.Stop()
		window = t.C
	}
	settle()
	for {
		var keys []byte
		select {
		case chunk, ok := <-chunks:
			if !ok {
				if held := p.sc.end(); len(held) > 0 {
					_, _ = p.dst.Write(held)
				}
				settle()
				return
			}
			keys = p.sc.scan(chunk)
		case <-window:
			window = nil
			keys = p.sc.end()
		}
		settle()
		if len(keys) > 0 {
			if _, err := p.dst.Write(keys); err != nil {
				return
			}
		}
	}
}

// read reads src into chunks until it ends, is cancelled, or quit is
// closed.
func (p *pump) read(chunks chan<- []byte, quit <-chan struct{}) {
	defer close(chunks)
	for {
		buf := make([]byte, 4096)
		n, err := p.src.Read(buf)
		if n > 0 {
			select {
			case chunks <- buf[:n]:
			case <-quit:
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// stop cancels the reading of src; run then returns.
func (p *pump) stop() { p.src.Cancel() }
