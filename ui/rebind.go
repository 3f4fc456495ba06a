package ui

import (
	"strings"

	"cable/config"

	"github.com/charmbracelet/bubbles/key"
)

// The configuration file rebinds actions by name (package config reads
// it and refuses a key given to two actions); the tables below name the
// bindings of each keymap, and apply puts the chosen keys on them.

// actions names the bindings of one keymap for the configuration file.
type actions[K any] map[string]func(k *K) *key.Binding

// readerActions names the reader's actions.
var readerActions = actions[readerKeys]{
	"down": func(k *readerKeys) *key.Binding { return &k.Down }, "up": func(k *readerKeys) *key.Binding { return &k.Up },
	"page_down": func(k *readerKeys) *key.Binding { return &k.PageDown }, "page_up": func(k *readerKeys) *key.Binding { return &k.PageUp },
	"half_page_down": func(k *readerKeys) *key.Binding { return &k.HalfDown }, "half_page_up": func(k *readerKeys) *key.Binding { return &k.HalfUp },
	"top": func(k *readerKeys) *key.Binding { return &k.Top }, "bottom": func(k *readerKeys) *key.Binding { return &k.Bottom },
	"next_section": func(k *readerKeys) *key.Binding { return &k.NextSection }, "previous_section": func(k *readerKeys) *key.Binding { return &k.PrevSection },
	"contents": func(k *readerKeys) *key.Binding { return &k.Contents }, "side_contents": func(k *readerKeys) *key.Binding { return &k.SideTOC },
	"editors_note": func(k *readerKeys) *key.Binding { return &k.EditorsNote }, "back_from_note": func(k *readerKeys) *key.Binding { return &k.Return },
	"jump_back": func(k *readerKeys) *key.Binding { return &k.JumpBack }, "jump_forward": func(k *readerKeys) *key.Binding { return &k.JumpForward },
	"bookmark": func(k *readerKeys) *key.Binding { return &k.Bookmark }, "bookmarks": func(k *readerKeys) *key.Binding { return &k.Marks },
	"quote": func(k *readerKeys) *key.Binding { return &k.Quote }, "width": func(k *readerKeys) *key.Binding { return &k.Measure },
	"links": func(k *readerKeys) *key.Binding { return &k.Links }, "names": func(k *readerKeys) *key.Binding { return &k.Names },
	"search": func(k *readerKeys) *key.Binding { return &k.Find }, "next_match": func(k *readerKeys) *key.Binding { return &k.NextMatch },
	"previous_match": func(k *readerKeys) *key.Binding { return &k.PrevMatch }, "library": func(k *readerKeys) *key.Binding { return &k.Back },
	"help": func(k *readerKeys) *key.Binding { return &k.Help }, "footnote": func(k *readerKeys) *key.Binding { return &k.Footnote },
}

// libraryActions names the library's actions, moving and filtering (the
// list's own keys) included.
var libraryActions = actions[libraryKeys]{
	"open": func(k *libraryKeys) *key.Binding { return &k.Open }, "continue": func(k *libraryKeys) *key.Binding { return &k.Continue },
	"sort": func(k *libraryKeys) *key.Binding { return &k.Sort }, "search": func(k *libraryKeys) *key.Binding { return &k.Search },
	"bookmarks": func(k *libraryKeys) *key.Binding { return &k.Marks }, "finished": func(k *libraryKeys) *key.Binding { return &k.Finished },
	"unread": func(k *libraryKeys) *key.Binding { return &k.Unread }, "quit": func(k *libraryKeys) *key.Binding { return &k.Quit },
	"down": func(k *libraryKeys) *key.Binding { return &k.List.CursorDown }, "up": func(k *libraryKeys) *key.Binding { return &k.List.CursorUp },
	"next_page": func(k *libraryKeys) *key.Binding { return &k.List.NextPage }, "previous_page": func(k *libraryKeys) *key.Binding { return &k.List.PrevPage },
	"first": func(k *libraryKeys) *key.Binding { return &k.List.GoToStart }, "last": func(k *libraryKeys) *key.Binding { return &k.List.GoToEnd },
	"filter": func(k *libraryKeys) *key.Binding { return &k.List.Filter }, "help": func(k *libraryKeys) *key.Binding { return &k.List.ShowFullHelp },
	"update_feeds": func(k *libraryKeys) *key.Binding { return &k.UpdateFeeds },
}

// apply rebinds the actions a configuration names. The keys are stored
// as Bubble Tea names them, the space bar as " "; the help names them as
// the file does, so that it shows "space" rather than a blank.
func (acts actions[K]) apply(k *K, choices map[string]config.KeyChoice) {
	for action, choice := range choices {
		if get := acts[action]; get != nil {
			b := get(k)
			b.SetKeys(choice.Keys...)
			labels := make([]string, len(choice.Keys))
			for i, name := range choice.Keys {
				labels[i] = config.KeyLabel(name)
			}
			b.SetHelp(strings.Join(labels, "/"), b.Help().Desc)
		}
	}
}
