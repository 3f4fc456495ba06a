package tty

import "github.com/charmbracelet/lipgloss"

// init keeps Bubble Tea from asking the terminal for its background as
// cable loads. Bubble Tea v1 does so in its own init, through Lip Gloss's
// default renderer, before main runs, reading the terminal for up to five
// seconds and dropping every key it reads meanwhile; cable asks once
// itself, keeping the keys (Session), and sets the default renderer's
// background from the answer (ui) before anything is drawn with it.
//
// This init runs before Bubble Tea's: Go initialises the packages in the
// order of their import paths, each as soon as the packages it imports
// are, and this package imports only packages Bubble Tea imports too
// (TestQuietBeforeBubbleTea checks the order in the built binary).
func init() {
	lipgloss.SetHasDarkBackground(true)
}
