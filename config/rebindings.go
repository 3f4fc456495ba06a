package config

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"cable/articles"

	"github.com/goccy/go-yaml/ast"
)

// KeyChoice is the keys a configuration gives one action, and where: or,
// with Line 0, the keys an action keeps of its defaults when the file gave
// some of them to other actions (none left: the action is off).
type KeyChoice struct {
	Keys []string
	Line int
}

// Keymap is the actions of one screen the configuration may rebind, each
// with its keys before any rebinding, by key name as Bubble Tea names
// keys. The screens' keymaps are the only place actions are named: they
// export their actions as Keymaps, which Load checks the file against, so
// that a key given to two actions is refused here, with its line, before
// any screen is drawn.
type Keymap map[string][]string

// Keymaps are the actions of the screens whose keys the file rebinds:
// the reader's (keys:) and the library's (library_keys:).
type Keymaps struct {
	Reader, Library Keymap
	// Selection is the keys of a selection being made in the reader, a
	// mode of its own: its keys may be the reader's.
	Selection Keymap
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
	bindings, ok := articles.YAMLMapping(f.Value)
	if !ok {
		return fmt.Errorf("%s:%d: %s is a mapping of actions to keys, such as \"%s\"", path, f.Key.GetToken().Position.Line, setting, example)
	}
	for _, b := range bindings {
		action, at := b.Key.String(), b.Key.GetToken().Position.Line
		if keymap[action] == nil {
			return fmt.Errorf("%s:%d: no action %q in %s; the actions are %s", path, at, action, setting, strings.Join(keymap.Names(), ", "))
		}
		keys, err := keyList(b.Value)
		if err != "" {
			return fmt.Errorf("%s:%d: %s: %s", path, at, action, err)
		}
		if len(keys) == 0 {
			return fmt.Errorf("%s:%d: %s has no key", path, at, action)
		}
		choices[action] = KeyChoice{Keys: keys, Line: at}
	}
	return nil
}

// resolveKeys settles the keys of one keymap. A key the file gives to
// two actions is an error. A key the file gives to an action while
// another has it only by default is taken from that one, which keeps its
// other keys (a choice with none left switches it off): a default added
// in a later version never stops a file that worked from loading, and
// "next_section: space" pages down with pgdown alone. esc may be shared:
// it closes whatever is open.
func resolveKeys(path string, keymap Keymap, choices map[string]KeyChoice) error {
	owner := map[string]string{}
	for _, name := range keymap.Names() {
		choice, chosen := choices[name]
		if !chosen {
			continue
		}
		for _, k := range choice.Keys {
			if other, taken := owner[k]; taken && k != "esc" {
				return keyConflict(path, k, other, name, choices)
			}
			owner[k] = name
		}
	}
	for _, name := range keymap.Names() {
		if _, chosen := choices[name]; chosen {
			continue
		}
		kept := slices.DeleteFunc(slices.Clone(keymap[name]), func(k string) bool {
			_, taken := owner[k]
			return taken && k != "esc"
		})
		if len(kept) < len(keymap[name]) {
			choices[name] = KeyChoice{Keys: kept}
		}
	}
	return nil
}

// keyConflict is the error for a key that the file gives to both actions
// a and b, on the later of the two lines that gave it.
func keyConflict(path, k, a, b string, choices map[string]KeyChoice) error {
	line := max(choices[a].Line, choices[b].Line)
	a, b = min(a, b), max(a, b)
	return fmt.Errorf("%s:%d: the key %q is bound to both %s and %s", path, line, KeyLabel(k), a, b)
}

// keyList reads one key or a list of keys, each as Bubble Tea names it
// (see KeyName), without repeats; the string says what is wrong, "" when
// nothing is.
func keyList(n ast.Node) ([]string, string) {
	var nodes []ast.Node
	switch n := n.(type) {
	case *ast.NullNode:
		return nil, ""
	case *ast.SequenceNode:
		nodes = n.Values
	default:
		nodes = []ast.Node{n}
	}
	var out []string
	for _, v := range nodes {
		if !isScalar(v) {
			return nil, "give one key, or a list of keys such as [J, ctrl+n]"
		}
		k, ok := KeyName(v.GetToken().Value)
		if !ok {
			return nil, badKey(v.GetToken().Value)
		}
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out, ""
}

// isScalar says whether a YAML node is one value: a key's name, quoted
// or not (a number such as 1 names the key "1").
func isScalar(n ast.Node) bool {
	switch n.(type) {
	case *ast.StringNode, *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.LiteralNode:
		return true
	}
	return false
}
