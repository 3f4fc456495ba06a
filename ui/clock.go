package ui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// Clock makes the screens' timers: how long a status message stays, the
// pause before the reader's place is saved, the wait for a resized
// window to keep its size, the spinner's frames. Every timer goes through
// it, none through tea.Tick or a component's own ticking, so that a test
// can give the context a clock whose timers it fires itself instead of
// sleeping, and tell a timer from work that has yet to finish.
type Clock interface {
	// Tick is a command that waits d and then sends what fn makes of the
	// time.
	Tick(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd
}

// wallClock is the real clock: its timers are Bubble Tea's.
type wallClock struct{}

func (wallClock) Tick(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
	return tea.Tick(d, fn)
}
