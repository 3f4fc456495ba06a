package ui

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// Config is what $XDG_CONFIG_HOME/cable/config.yaml may set. Flags beat
// the environment, which beats the file, which beats the defaults; the
// file only fills what the others leave.
type Config struct {
	Path  string
	Style string // "" when the file does not say
	Width int    // 0 when the file does not say; -1 for the terminal's width
	// Keys rebinds reader actions: action name → keys, with the line each
	// is set on, for errors.
	Keys map[string]KeyChoice
}

// KeyChoice is the keys a configuration gives one action, and where.
type KeyChoice struct {
	Keys []string
	Line int
}

// readerActions names the reader's actions for the configuration file.
var readerActions = map[string]func(k *readerKeys) *key.Binding{
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

// LoadConfig reads the configuration file at path. A missing file is an
// empty configuration; a broken one is an error naming the file and line.
func LoadConfig(path string) (Config, error) {
	c := Config{Path: path, Keys: map[string]KeyChoice{}}
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("%s: %w", path, err)
	}
	file, err := parser.ParseBytes(data, 0)
	if err != nil {
		return c, fmt.Errorf("%s: not valid YAML: %v", path, strings.SplitN(err.Error(), "\n", 2)[0])
	}
	if len(file.Docs) == 0 || file.Docs[0].Body == nil {
		return c, nil
	}
	fields, ok := mapping(file.Docs[0].Body)
	if !ok {
		return c, fmt.Errorf("%s:1: the configuration is a mapping of settings such as \"style: dark\"", path)
	}
	for _, f := range fields {
		if err := c.set(f); err != nil {
			return c, err
		}
	}
	return c, checkKeys(c)
}

func (c *Config) set(f *ast.MappingValueNode) error {
	name, line := f.Key.String(), f.Key.GetToken().Position.Line
	wrong := func(format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s", c.Path, line, fmt.Sprintf(format, args...))
	}
	switch name {
	case "style":
		c.Style = strings.TrimSpace(f.Value.GetToken().Value)
		if _, err := GlamourStyle(c.Style); err != nil && c.Style != StyleAuto {
			return wrong("%v", err)
		}
	case "width":
		w, err := strconv.Atoi(f.Value.GetToken().Value)
		if err != nil || w < 0 {
			return wrong("width is a number of columns (0 for the terminal's width)")
		}
		c.Width = w
		if w == 0 {
			c.Width = -1
		}
	case "keys":
		bindings, ok := mapping(f.Value)
		if !ok {
			return wrong("keys is a mapping of actions to keys, such as \"next_section: J\"")
		}
		for _, b := range bindings {
			action, at := b.Key.String(), b.Key.GetToken().Position.Line
			if readerActions[action] == nil {
				return fmt.Errorf("%s:%d: no action %q; the actions are %s", c.Path, at, action, strings.Join(actionNames(), ", "))
			}
			c.Keys[action] = KeyChoice{Keys: keyList(b.Value), Line: at}
		}
	default:
		return wrong("unknown setting %q (the settings are style, width and keys)", name)
	}
	return nil
}

// checkKeys reports a key given to an action that another action keeps.
func checkKeys(c Config) error {
	keys := newReaderKeys()
	applyKeys(&keys, c.Keys)
	owner := map[string]string{}
	for _, name := range actionNames() {
		for _, k := range readerActions[name](&keys).Keys() {
			if other, taken := owner[k]; taken && k != "esc" {
				choice, ok := c.Keys[name]
				if !ok {
					choice = c.Keys[other]
				}
				return fmt.Errorf("%s:%d: the key %q is bound to both %s and %s", c.Path, choice.Line, k, other, name)
			}
			owner[k] = name
		}
	}
	return nil
}

// applyKeys rebinds the actions a configuration names.
func applyKeys(k *readerKeys, choices map[string]KeyChoice) {
	for action, choice := range choices {
		b := readerActions[action](k)
		b.SetKeys(choice.Keys...)
		b.SetHelp(strings.Join(choice.Keys, "/"), b.Help().Desc)
	}
}

func actionNames() []string {
	names := make([]string, 0, len(readerActions))
	for n := range readerActions {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
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
