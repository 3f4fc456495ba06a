package ui

import (
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
)

// TestReadmeNamesEveryKey keeps the README's key tables honest: every key
// of every keymap must appear in it, in backquotes, as it is typed.
func TestReadmeNamesEveryKey(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	var bindings []key.Binding
	for _, column := range newReaderKeys().FullHelp() {
		bindings = append(bindings, column...)
	}
	lib := newLibraryKeys(true, true)
	bindings = append(bindings, lib.FullHelp()...)
	bindings = append(bindings, newGlobalKeys().Suspend)
	for _, b := range bindings {
		k := b.Keys()[0]
		shown := map[string]string{" ": "space", "pgdown": "pgdn"}[k]
		if shown == "" {
			shown = k
		}
		if !strings.Contains(text, "`"+shown+"`") {
			t.Errorf("README.md does not name the key %q (%s)", shown, b.Help().Desc)
		}
	}
}
