package ui

import (
	"fmt"
	"os"
	"time"

	"github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/glamour/styles"
	"github.com/muesli/termenv"
)

// Style names accepted by --style.
const (
	StyleAuto  = "auto"
	StyleDark  = "dark"
	StyleLight = "light"
	StyleNoTTY = "notty"
)

// StyleNames lists the styles a reader can choose, for help and errors.
var StyleNames = []string{StyleAuto, StyleDark, StyleLight, StyleNoTTY}

// GlamourStyle is the Glamour style for a resolved style name.
func GlamourStyle(name string) (ansi.StyleConfig, error) {
	switch name {
	case StyleDark:
		return styles.DarkStyleConfig, nil
	case StyleLight:
		return styles.LightStyleConfig, nil
	case StyleNoTTY:
		return styles.NoTTYStyleConfig, nil
	}
	return ansi.StyleConfig{}, fmt.Errorf("unknown style %q (choose one of auto, dark, light, notty)", name)
}

// ResolveStyle turns the style asked for into dark, light or notty.
// Without a terminal, or with NO_COLOR set, "auto" is notty; otherwise the
// terminal is asked for its background, for at most detectTimeout, and a
// terminal that does not answer in time is taken to be dark.
func ResolveStyle(asked string, out *os.File, isTTY bool) (string, error) {
	switch asked {
	case StyleDark, StyleLight, StyleNoTTY:
		return asked, nil
	case StyleAuto, "":
	default:
		_, err := GlamourStyle(asked)
		return "", err
	}
	if !isTTY || os.Getenv("NO_COLOR") != "" {
		return StyleNoTTY, nil
	}
	if detectDark(out) {
		return StyleDark, nil
	}
	return StyleLight, nil
}

// detectTimeout bounds the background-colour query. A terminal that
// answers does so in a few milliseconds; one that never answers must not
// hold up start-up.
const detectTimeout = 250 * time.Millisecond

func detectDark(out *os.File) bool {
	// termenv waits up to five seconds for an answer, so the query runs
	// aside and start-up goes on without it. Terminals answer the device
	// attributes request that termenv sends along with it even when they
	// ignore the colour query, so the query itself ends at once.
	answer := make(chan bool, 1)
	go func() { answer <- termenv.NewOutput(out).HasDarkBackground() }()
	select {
	case dark := <-answer:
		return dark
	case <-time.After(2 * detectTimeout):
		return true
	}
}

// ColorProfile is the colour profile for a resolved style: none for notty,
// otherwise what the terminal supports.
func ColorProfile(style string, out *os.File) termenv.Profile {
	if style == StyleNoTTY {
		return termenv.Ascii
	}
	return termenv.NewOutput(out).EnvColorProfile()
}
