package tty

import "github.com/charmbracelet/lipgloss"

// init keeps Bubble Tea from asking the terminal for its background as
// cable loads. Bubble Tea v1 does so in its own init, through Lip Gloss's
// default renderer, before main runs, reading the terminal for up to five
// seconds and dropping every key it reads meanwhile; cable asks once
// itself, keeping the keys (Session), and sets the default renderer's
// background from the answer (ui) before anything is drawn with it.
//
// This init runs before Bubble Tea's: at each step Go initialises the
// first package, by import path, whose imports are all initialised, and
// this package imports only packages Bubble Tea imports too, so it is
// ready no later than Bubble Tea, and "cable/tty" comes before
// "github.com/…". An import of another package here could change that:
// TestCommandsAskTheTerminalNothing checks the built binary asks nothing.
func init() {
	lipgloss.SetHasDarkBackground(true)
}
