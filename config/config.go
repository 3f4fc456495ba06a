// Package config reads cable's configuration file and settles what is in
// effect: flags beat the environment, which beats the file, which beats
// the defaults. The file is YAML, read by package articles' YAML reader,
// and every mistake in it is reported before any screen is drawn as an
// articles.Error naming its file and line, as the front matter's
// mistakes are: "path:line: message". Key rebindings are kept as action
// names and key names, checked against the actions the screens' keymaps
// export (Keymaps), since config names no action itself; the screens
// apply them to their keymaps.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"cable/articles"
	"cable/render"
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
	// Links is how links show in the text: clean, numbered or inline; ""
	// when the file does not say.
	Links string
	// Keys rebinds reader actions, LibraryKeys the library's and
	// SelectionKeys those of a selection being made in the reader: action
	// name → keys, with the line each is set on, for errors.
	Keys, LibraryKeys, SelectionKeys map[string]KeyChoice
}

// Reading speeds the configuration accepts, in words a minute: slower or
// faster than any reader of prose is a typing mistake.
const (
	minWordsPerMinute = 50
	maxWordsPerMinute = 2000
)

// Load reads the configuration file at path, its keys checked against
// the screens' keymaps. A missing file is an empty configuration; a
// broken one is an error naming the file and line.
func Load(path string, keymaps Keymaps) (Config, error) {
	c := Config{Path: path, Keys: map[string]KeyChoice{}, LibraryKeys: map[string]KeyChoice{}, SelectionKeys: map[string]KeyChoice{}}
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("%s: %w", path, err)
	}
	y := articles.YAMLText{Path: path, FirstLine: 1}
	docs, yamlErr := y.Documents(data)
	if yamlErr != nil {
		return c, yamlErr
	}
	if len(docs) == 0 || docs[0] == nil {
		return c, nil
	}
	fields, ok := articles.YAMLMapping(docs[0])
	if !ok {
		return c, y.Errorf(1, "the configuration is a mapping of settings such as \"style: dark\"")
	}
	for _, f := range fields {
		if err := c.set(f, keymaps); err != nil {
			return c, err
		}
	}
	if err := resolveKeys(path, keymaps.Reader, c.Keys); err != nil {
		return c, err
	}
	if err := resolveKeys(path, keymaps.Selection, c.SelectionKeys); err != nil {
		return c, err
	}
	return c, resolveKeys(path, keymaps.Library, c.LibraryKeys)
}

func (c *Config) set(f *articles.YAMLField, keymaps Keymaps) error {
	y := articles.YAMLText{Path: c.Path, FirstLine: 1}
	name, line := f.Key.String(), y.Line(f.Key)
	wrong := func(format string, args ...any) error {
		return y.Errorf(line, format, args...)
	}
	value := strings.TrimSpace(f.Value.GetToken().Value)
	switch name {
	case "style":
		c.Style = value
		if render.IsStyleFile(value) {
			path, err := resolvePath(c.Path, value)
			if err != nil {
				return wrong("style %v", err)
			}
			c.Style = path
		}
		if c.Style != render.StyleAuto {
			if _, err := render.GlamourStyle(c.Style, nil); err != nil {
				return wrong("%v", err)
			}
		}
	case "width":
		w, err := parseWidth(value)
		if err != nil {
			return wrong("width %s %v", value, err)
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
	case "links":
		if _, err := render.ParseLinkMode(value); err != nil {
			return wrong("links is %s", render.LinkModes)
		}
		c.Links = value
	case "keys":
		return readKeys(c.Path, f, keymaps.Reader, c.Keys, "keys", "next_section: J")
	case "library_keys":
		return readKeys(c.Path, f, keymaps.Library, c.LibraryKeys, "library_keys", "sort: S")
	case "selection_keys":
		return readKeys(c.Path, f, keymaps.Selection, c.SelectionKeys, "selection_keys", "next_sentence: n")
	default:
		if best := articles.Suggest(name, strings.Split(settingNames, ", ")); best != "" {
			return wrong("unknown setting %q (did you mean %q?)", name, best)
		}
		return wrong("unknown setting %q (the settings are %s)", name, settingNames)
	}
	return nil
}

// LinkMode is how links show in the text: the file's setting, or clean.
func (c Config) LinkMode() render.LinkMode {
	m, _ := render.ParseLinkMode(c.Links)
	return m
}

// resolvePath is where a path written in the configuration file at
// config points: "~/" is the home directory, as in a shell, and a
// relative path is taken from the file's own directory, not from wherever
// cable happens to be started.
func resolvePath(config, p string) (string, error) {
	if p == "~" || strings.HasPrefix(p, "~/") {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("%s: the home directory is not known: %v", p, err)
		}
		return filepath.Join(home, p[1:]), nil
	}
	if strings.HasPrefix(p, "~") {
		return "", fmt.Errorf("%s: only ~/ is expanded, to your home directory; give the path in full", p)
	}
	if filepath.IsAbs(p) {
		return p, nil
	}
	return filepath.Join(filepath.Dir(config), p), nil
}

// settingNames are the settings the file may hold. It is one string, not
// a table: two settings share their names with actions ("width",
// "links"), and only the keymaps list actions (layers_test.go).
const settingNames = "style, width, words_per_minute, hyperlinks, links, keys, library_keys, selection_keys"
