package ui

import (
	"cable/render"

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
	Path string
	// Style is dark, light, notty, auto or the path of a Glamour JSON
	// style; "" when the file does not say.
	Style string
	Width int // 0 when the file does not say; -1 for the terminal's width
	// WordsPerMinute is the reading speed behind reading times; 0 when the
	// file does not say.
	WordsPerMinute int
	// Hyperlinks is auto, always or never: whether links are OSC 8
	// hyperlinks; "" when the file does not say.
	Hyperlinks string
	// Keys rebinds reader actions and LibraryKeys the library's: action
	// name → keys, with the line each is set on, for errors.
	Keys, LibraryKeys map[string]KeyChoice
}

// KeyChoice is the keys a configuration gives one action, and where.
type KeyChoice struct {
	Keys []string
	Line int
}

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
}

// Reading speeds the configuration accepts, in words a minute: slower or
// faster than any reader of prose is a typing mistake.
const (
	minWordsPerMinute = 50
	maxWordsPerMinute = 2000
)

// LoadConfig reads the configuration file at path. A missing file is an
// empty configuration; a broken one is an error naming the file and line.
func LoadConfig(path string) (Config, error) {
	c := Config{Path: path, Keys: map[string]KeyChoice{}, LibraryKeys: map[string]KeyChoice{}}
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
	if err := checkKeys(path, new(newReaderKeys()), readerActions, c.Keys); err != nil {
		return c, err
	}
	return c, checkKeys(path, new(newLibraryKeys(true)), libraryActions, c.LibraryKeys)
}

func (c *Config) set(f *ast.MappingValueNode) error {
	name, line := f.Key.String(), f.Key.GetToken().Position.Line
	wrong := func(format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s", c.Path, line, fmt.Sprintf(format, args...))
	}
	value := strings.TrimSpace(f.Value.GetToken().Value)
	switch name {
	case "style":
		c.Style = value
		if c.Style != render.StyleAuto {
			if _, err := render.GlamourStyle(c.Style, nil); err != nil {
				return wrong("%v", err)
			}
		}
	case "width":
		w, err := strconv.Atoi(value)
		if err != nil || w < 0 {
			return wrong("width is a number of columns (0 for the terminal's width)")
		}
		c.Width = w
		if w == 0 {
			c.Width = -1
		}
	case "words_per_minute":
		n, err := strconv.Atoi(value)
		if err != nil || n < minWordsPerMinute || n > maxWordsPerMinute {
			return wrong("words_per_minute is a reading speed from %d to %d words a minute", minWordsPerMinute, maxWordsPerMinute)
		}
		c.WordsPerMinute = n
	case "hyperlinks":
		switch value {
		case "auto", "always", "never":
			c.Hyperlinks = value
		default:
			return wrong("hyperlinks is auto, always or never")
		}
	case "keys":
		return readKeys(c.Path, f, readerActions, c.Keys, "keys", "next_section: J")
	case "library_keys":
		return readKeys(c.Path, f, libraryActions, c.LibraryKeys, "library_keys", "sort: o")
	default:
		return wrong("unknown setting %q (the settings are %s)", name, strings.Join(settingNames, ", "))
	}
	return nil
}

// settingNames are the settings the file may hold.
var settingNames = []string{"style", "width", "words_per_minute", "hyperlinks", "keys", "library_keys"}

// readKeys reads one keymap's rebindings into choices.
func readKeys[K any](path string, f *ast.MappingValueNode, acts actions[K], choices map[string]KeyChoice, setting, example string) error {
	bindings, ok := mapping(f.Value)
	if !ok {
		return fmt.Errorf("%s:%d: %s is a mapping of actions to keys, such as \"%s\"", path, f.Key.GetToken().Position.Line, setting, example)
	}
	for _, b := range bindings {
		action, at := b.Key.String(), b.Key.GetToken().Position.Line
		if acts[action] == nil {
			return fmt.Errorf("%s:%d: no action %q in %s; the actions are %s", path, at, action, setting, strings.Join(acts.names(), ", "))
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
// same keymap keeps.
func checkKeys[K any](path string, keys *K, acts actions[K], choices map[string]KeyChoice) error {
	acts.apply(keys, choices)
	owner := map[string]string{}
	for _, name := range acts.names() {
		for _, k := range acts[name](keys).Keys() {
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

// apply rebinds the actions a configuration names.
func (acts actions[K]) apply(k *K, choices map[string]KeyChoice) {
	for action, choice := range choices {
		if get := acts[action]; get != nil {
			b := get(k)
			b.SetKeys(choice.Keys...)
			b.SetHelp(strings.Join(choice.Keys, "/"), b.Help().Desc)
		}
	}
}

func (acts actions[K]) names() []string {
	names := make([]string, 0, len(acts))
	for n := range acts {
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
