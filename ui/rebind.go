package ui

import (
	"strings"

	"cable/config"
)

// The configuration file rebinds actions by the names keys.go gives
// them. Package config reads the file and refuses an action no keymap
// has, or a key the file gives to two actions, by the table Keymaps
// exports, and takes from an action the default keys the file gives to
// another; apply puts the keys settled on the bindings.

// Keymaps are the reader's and the library's actions, each with its keys
// before any rebinding, for the configuration to check its file against.
func Keymaps() config.Keymaps {
	rk, lk := newReaderKeys(), newLibraryKeys(true, true)
	return config.Keymaps{Reader: readerActions.keymap(&rk), Library: libraryActions.keymap(&lk), Selection: selectionActions.keymap(&rk)}
}

// keymap is the actions and their keys in k.
func (acts actions[K]) keymap(k *K) config.Keymap {
	m := config.Keymap{}
	for name, get := range acts {
		m[name] = get(k).Keys()
	}
	return m
}

// apply rebinds the actions a configuration names. The keys are stored
// as Bubble Tea names them, the space bar as " "; the help names them as
// the file does, so that it shows "space" rather than a blank.
func (acts actions[K]) apply(k *K, choices map[string]config.KeyChoice) {
	for action, choice := range choices {
		if get := acts[action]; get != nil {
			b := get(k)
			b.SetKeys(choice.Keys...)
			if len(choice.Keys) == 0 {
				b.SetEnabled(false) // its keys were all given to other actions
				continue
			}
			labels := make([]string, len(choice.Keys))
			for i, name := range choice.Keys {
				labels[i] = config.KeyLabel(name)
			}
			b.SetHelp(strings.Join(labels, "/"), b.Help().Desc)
		}
	}
}
