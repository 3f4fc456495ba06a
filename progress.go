package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/term"
)

// progress.go shows, on a terminal, what a command that waits on the
// network is waiting for: one line on stderr, redrawn in place, gone once
// the wait is over. Piped or redirected, it shows nothing.

// progressDelay is how long a wait goes unsaid: a page that comes at once
// needs no line.
const progressDelay = time.Second

// progressLine is the line "cable get" keeps while pages come in.
type progressLine struct {
	w     io.Writer
	width int
	start time.Time
	count int // addresses asked for

	mu      sync.Mutex
	last    string           // the address that received bytes last
	got     map[string]int64 // bytes received, by address
	drawn   bool
	stopped chan struct{}
	done    chan struct{}
}

// startProgress starts the line on w when w is a terminal, redrawn every
// tick; it returns nil otherwise. A nil line does nothing.
func startProgress(w io.Writer, count int, tick time.Duration) *progressLine {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil || width < 20 {
		width = 80
	}
	p := &progressLine{w: w, width: width, start: time.Now(), count: count, got: map[string]int64{},
		stopped: make(chan struct{}), done: make(chan struct{})}
	go p.run(tick)
	return p
}

// received records that address has sent n bytes so far.
func (p *progressLine) received(address string, n int64) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.got[address], p.last = n, address
}

func (p *progressLine) run(tick time.Duration) {
	defer close(p.done)
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		select {
		case <-p.stopped:
			return
		case now := <-t.C:
			elapsed := now.Sub(p.start)
			if elapsed < progressDelay {
				continue
			}
			p.mu.Lock()
			var total int64
			for _, n := range p.got {
				total += n
			}
			line := progressText(p.last, p.count, total, elapsed, p.width)
			p.drawn = true
			p.mu.Unlock()
			fmt.Fprint(p.w, "\r"+line+"\x1b[K")
		}
	}
}

// stop ends the line and clears it, before the command prints.
func (p *progressLine) stop() {
	if p == nil {
		return
	}
	close(p.stopped)
	<-p.done
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

// progressText is the line: what is being fetched, how much has come
// and for how long, cut to width at its address's end, never mid-figure:
// "Fetching example.org/a/long/page… (1 of 3) · 1.2 MB · 4 s".
func progressText(address string, count int, received int64, elapsed time.Duration, width int) string {
	figures := fmt.Sprintf(" · %s · %d s", byteSize(received), int(elapsed.Seconds()))
	if count > 1 {
		figures = fmt.Sprintf(" (%d addresses)", count) + figures
	}
	if address == "" {
		address = "…"
	}
	room := width - 1 - ansi.StringWidth("Fetching ") - ansi.StringWidth(figures)
	if room < 8 {
		return ansi.Truncate("Fetching"+figures, width-1, "…")
	}
	return "Fetching " + ansi.Truncate(address, room, "…") + figures
}

// byteSize says a count of bytes as a reader reads sizes.
func byteSize(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d bytes", n)
	case n < 1000*1000:
		return fmt.Sprintf("%.0f kB", float64(n)/1000)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}
