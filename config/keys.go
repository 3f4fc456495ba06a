package config

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// KeyChoice is the keys a configuration gives one action, and where.
type KeyChoice struct {
	Keys []string
	Line int
}

// Keymap is the actions of one screen the configuration may rebind, each
// with its keys before any rebinding, by key name as Bubble Tea names
// keys. The screens keep their own keymaps; a test in package ui checks
// that they agree with these, so that a key given to two actions is
// refused here, with its line, before any screen is drawn.
type Keymap map[string][]string

// ReaderKeymap is the reader's actions and their keys.
func ReaderKeymap() Keymap {
	return Keymap{
		"back_from_note": {"backspace"}, "bookmark": {"m"}, "bookmarks": {"'"},
		"bottom": {"G", "end", ">"}, "contents": {"t"}, "down": {"j", "down", "ctrl+n", "ctrl+e"},
		"editors_note": {"e"}, "footnote": {"f"}, "half_page_down": {"ctrl+d", "d"},
		"half_page_up": {"ctrl+u", "u"}, "help": {"?"}, "jump_back": {"ctrl+o"},
		"jump_forward": {"tab"}, "library": {"q", "esc"}, "links": {"L"}, "names": {"i"},
		"next_match": {"n"}, "next_section": {"]"}, "page_down": {" ", "pgdown", "ctrl+f"},
		"page_up": {"b", "pgup", "ctrl+b"}, "previous_match": {"N"}, "previous_section": {"["},
		"quote": {"y"}, "search": {"/"}, "side_contents": {"T"}, "top": {"g", "home", "<"},
		"up": {"k", "up", "ctrl+p", "ctrl+y"}, "width": {"w"},
	}
}

// LibraryKeymap is the library's actions and their keys, moving and
// filtering (the list's own keys) included.
func LibraryKeymap() Keymap {
	return Keymap{
		"bookmarks": {"'"}, "continue": {"c"}, "down": {"down", "j"}, "filter": {"/"},
		"finished": {"F"}, "first": {"home", "g"}, "help": {"?"}, "last": {"end", "G"},
		"next_page": {"right", "l", "pgdown", "f", "d"}, "open": {"enter"},
		"previous_page": {"left", "h", "pgup", "b", "u"}, "quit": {"q"}, "search": {"ctrl+f"},
		"sort": {"s"}, "unread": {"U"}, "up": {"up", "k"},
	}
}

// Names are the keymap's actions in alphabetical order.
func (m Keymap) Names() []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// readKeys reads one keymap's rebindings into choices.
func readKeys(path string, f *ast.MappingValueNode, keymap Keymap, choices map[string]KeyChoice, setting, example string) error {
	bindings, ok := mapping(f.Value)
	if !ok {
		return fmt.Errorf("%s:%d: %s is a mapping of actions to keys, such as \"%s\"", path, f.Key.GetToken().Position.Line, setting, example)
	}
	for _, b := range bindings {
		action, at := b.Key.String(), b.Key.GetToken().Position.Line
		if keymap[action] == nil {
			return fmt.Errorf("%s:%d: no action %q in %s; the actions are %s", path, at, action, setting, strings.Join(keymap.Names(), ", "))
		}
		keys := keyList(b.Value)
		if len(keys) == 0 {
			return fmt.Errorf("%s:%d: %s has no key", path, at, action)
		}
		choices[action] = KeyChoice{Keys: keys, Line: at}
	}
	return nil
}

// checkKeys reports a key given to an action that another action of the
// same keymap keeps. esc may be shared: it closes whatever is open.
func checkKeys(path string, keymap Keymap, choices map[string]KeyChoice) error {
	for action, choice := range choices {
		keymap[action] = slices.Clone(choice.Keys)
	}
	owner := map[string]string{}
	for _, name := range keymap.Names() {
		for _, k := range keymap[name] {
			if other, taken := owner[k]; taken && k != "esc" {
				choice, ok := choices[name]
				if !ok {
					choice = choices[other]
				}
				return fmt.Errorf("%s:%d: the key %q is bound to both %s and %s", path, choice.Line, k, other, name)
			}
			owner[k] = name
		}
	}
	return nil
}

func mapping(n ast.Node) ([]*ast.MappingValueNode, bool) {
	switch n := n.(type) {
	case *ast.MappingNode:
		return n.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{n}, true
	}
	return nil, false
}

// keyList is one key or a list of keys.
func keyList(n ast.Node) []string {
	if seq, ok := n.(*ast.SequenceNode); ok {
		var out []string
		for _, v := range seq.Values {
			out = append(out, v.GetToken().Value)
		}
		return out
	}
	return []string{n.GetToken().Value}
}
