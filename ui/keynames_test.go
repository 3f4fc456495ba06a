package ui

import (
	"slices"
	"testing"

	"cable/config"

	tea "github.com/charmbracelet/bubbletea"
)

// TestConfigKeyNamesAreBubbleTeas: package config keeps a copy of the
// names Bubble Tea gives keys, to check the keys of the configuration
// file without importing Bubble Tea. The copy must be Bubble Tea's list,
// no more and no less, and a key the file names must be matched by the
// name Bubble Tea gives its press.
func TestConfigKeyNamesAreBubbleTeas(t *testing.T) {
	var bubbleTea []string
	for kt := tea.KeyType(-1000); kt <= 1000; kt++ {
		if name := (tea.Key{Type: kt}).String(); name != "" {
			bubbleTea = append(bubbleTea, name)
		}
	}
	ours := config.NamedKeys()
	slices.Sort(bubbleTea)
	slices.Sort(ours)
	if !slices.Equal(ours, bubbleTea) {
		t.Errorf("config.NamedKeys() = %q\nBubble Tea names %q", ours, bubbleTea)
	}
	presses := map[string]tea.Key{
		"space":     {Type: tea.KeySpace, Runes: []rune{' '}},
		"alt+space": {Type: tea.KeySpace, Runes: []rune{' '}, Alt: true},
		"J":         {Type: tea.KeyRunes, Runes: []rune{'J'}},
		"alt+j":     {Type: tea.KeyRunes, Runes: []rune{'j'}, Alt: true},
		"ctrl+k":    {Type: tea.KeyCtrlK},
		"alt+up":    {Type: tea.KeyUp, Alt: true},
		"shift+tab": {Type: tea.KeyShiftTab},
		"f20":       {Type: tea.KeyF20},
	}
	for name, press := range presses {
		if k, ok := config.KeyName(name); !ok || k != tea.KeyMsg(press).String() {
			t.Errorf("the file's %q is %q, %v; Bubble Tea names the press %q", name, k, ok, tea.KeyMsg(press).String())
		}
	}
}
