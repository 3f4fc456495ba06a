package config_test

import (
	"cable/articles"
	"cable/config"
	"cable/render"
	"cable/ui"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func writeConfig(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// load reads the configuration file at path, its keys checked against
// the screens' keymaps, as cable reads it.
func load(path string) (config.Config, error) { return config.Load(path, ui.Keymaps()) }

func TestLoad(t *testing.T) {
	path := writeConfig(t, "style: light\nwidth: 72\nkeys:\n  next_section: J\n  previous_section: [K, ctrl+k]\n")
	c, err := load(path)
	if err != nil {
		t.Fatal(err)
	}
	if c.Style != "light" || c.Width != 72 || strings.Join(c.Keys["next_section"].Keys, ",") != "J" ||
		strings.Join(c.Keys["previous_section"].Keys, ",") != "K,ctrl+k" || c.Keys["previous_section"].Line != 5 {
		t.Errorf("config = %+v", c)
	}
	if c, err := load(filepath.Join(t.TempDir(), "none.yaml")); err != nil || len(c.Keys) != 0 || c.Style != "" {
		t.Errorf("a missing file gave %+v, %v", c, err)
	}
}

func TestConfigErrors(t *testing.T) {
	tests := []struct{ body, want string }{
		{"colour: red\n", `:1: unknown setting "colour" (the settings are style, width, words_per_minute, hyperlinks, links, keys, library_keys, selection_keys)`},
		{"style: dark\nwidth: wide\n", ":2: width wide is not a number of columns (0 for the terminal's width)"},
		{"width: -3\n", ":1: width -3 is not a number of columns (0 for the terminal's width)"},
		{"style: dark\nwidth: 5\n", ":2: width 5 is too narrow: text is set at least 20 columns wide (0 for the terminal's width)"},
		{"width: 19\n", ":1: width 19 is too narrow: text is set at least 20 columns wide (0 for the terminal's width)"},
		{"widht: 72\n", `:1: unknown setting "widht" (did you mean "width"?)`},
		{"library_key:\n  sort: S\n", `:1: unknown setting "library_key" (did you mean "library_keys"?)`},
		{"style: sepia\n", `:1: unknown style "sepia" (choose one of auto, dark, light, notty, or the path of a Glamour JSON style)`},
		{"style: /nonexistent/sepia.json\n", `:1: style /nonexistent/sepia.json: open /nonexistent/sepia.json: no such file or directory`},
		{"words_per_minute: 12\n", ":1: words_per_minute is a reading speed from 50 to 2000 words a minute"},
		{"style: dark\nwords_per_minute: fast\n", ":2: words_per_minute is a reading speed from 50 to 2000 words a minute"},
		{"hyperlinks: yes\n", ":1: hyperlinks is auto, always or never"},
		{"style: dark\nlinks: footnotes\n", ":2: links is clean, numbered or inline"},
		{"keys:\n  jump: J\n", `:2: no action "jump" in keys; the actions are back_from_note, bookmark,`},
		{"library_keys:\n  jump: J\n", `:2: no action "jump" in library_keys; the actions are archive, archive_view, bookmarks, continue,`},
		{"library_keys: o\n", `:1: library_keys is a mapping of actions to keys, such as "sort: S"`},
		{"keys:\n  down: j\n  next_section: j\n", `:3: the key "j" is bound to both down and next_section`},
		{"style: [\n", `:1: not valid YAML: sequence end token ']' not found`},
		{"style: dark\nwidth: 72\nwidth: 80\n", `:3: not valid YAML: mapping key "width" already defined at [2:1]`},
		// Keys are named as Bubble Tea names them; anything else is refused.
		{"keys:\n  next_section: foo\n", `:2: next_section: "foo" is not a key: a key is one character`},
		{"keys:\n  next_section: \"\"\n", `:2: next_section: "" is not a key: a key is one character`},
		{"keys:\n  next_section: ctrl+shift+alt+zz\n", `:2: next_section: "ctrl+shift+alt+zz" is not a key`},
		{"keys:\n  next_section: {a: b}\n", `:2: next_section: give one key, or a list of keys such as [J, ctrl+n]`},
		{"keys:\n  next_section: [J, {a: b}]\n", `:2: next_section: give one key, or a list of keys such as [J, ctrl+n]`},
		{"keys:\n  next_section: Enter\n", `:2: next_section: "Enter" is not a key: a key is one character ("J", "]"), or a name such as space, enter, tab, esc, backspace, up, pgdown, home, f1, ctrl+k or shift+tab, with alt+ before it if you like (did you mean "enter"?)`},
		{"library_keys:\n  sort: alt+\n", `:2: sort: "alt+" is not a key`},
		{"keys:\n  up: x\n  down: x\n", `:3: the key "x" is bound to both down and up`},
		// Two actions the file names may not share a key; "space" is the
		// space bar, however it is written.
		{"keys:\n  next_section: \" \"\n  page_down: space\n", `:3: the key "space" is bound to both next_section and page_down`},
	}
	for _, tt := range tests {
		path := writeConfig(t, tt.body)
		_, err := load(path)
		if err == nil || !strings.HasPrefix(err.Error(), path+tt.want) {
			t.Errorf("config %q: error %v, want %q", tt.body, err, path+tt.want)
		}
	}
}

// TestConfigTakesDefaultKeys: a key the file gives to an action is
// taken from the action that has it by default, which keeps its other
// keys or, with none left, is switched off; the actions the file does not
// touch keep theirs. So a file that worked keeps working when a later
// version gives a new action a default key.
func TestConfigTakesDefaultKeys(t *testing.T) {
	tests := []struct {
		body    string
		library bool
		action  string
		want    []string
	}{
		{"keys: {next_section: space}\n", false, "page_down", []string{"pgdown", "ctrl+f"}},
		{"keys: {next_section: space}\n", false, "next_section", []string{" "}},
		{"keys:\n  help: [ctrl+f, x]\n", false, "page_down", []string{" ", "pgdown"}},
		{"keys:\n  next_section: k\n", false, "up", []string{"up", "ctrl+p", "ctrl+y"}},
		{"library_keys:\n  sort: o\n", true, "open_url", []string{}},
	}
	for _, tt := range tests {
		c, err := load(writeConfig(t, tt.body))
		if err != nil {
			t.Fatalf("config %q: %v", tt.body, err)
		}
		choices := c.Keys
		if tt.library {
			choices = c.LibraryKeys
		}
		if got := choices[tt.action].Keys; !slices.Equal(got, tt.want) {
			t.Errorf("config %q: %s has %q, want %q", tt.body, tt.action, got, tt.want)
		}
	}
	c, err := load(writeConfig(t, "keys: {next_section: space}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, touched := c.Keys["down"]; touched {
		t.Errorf("down, which shares no key with the file, was given %q", c.Keys["down"].Keys)
	}
}

// TestConfigErrorsAreArticleErrors: the configuration's mistakes come
// from the one YAML reader, the front matter's, as one error type, so
// that a caller finds the file and line the same way for both.
func TestConfigErrorsAreArticleErrors(t *testing.T) {
	for _, body := range []string{"style: [\n", "style: dark\nwidth: wide\n", "- a\n- b\n"} {
		path := writeConfig(t, body)
		_, err := load(path)
		var e *articles.Error
		if !errors.As(err, &e) || e.File != path || e.Line == 0 {
			t.Errorf("config %q: error %#v, want an *articles.Error with its file and line", body, err)
		}
	}
}

// TestOneRuleForWidths: a width is a whole number of columns, at least
// 20, or 0 for the terminal's, whether it comes from the file, CABLE_WIDTH
// or --width; a negative or narrower one is refused from each, with the
// same words.
func TestOneRuleForWidths(t *testing.T) {
	const rule = "is not a number of columns (0 for the terminal's width)"
	const narrow = "is too narrow: text is set at least 20 columns wide (0 for the terminal's width)"
	env := func(v string) func(string) string {
		return func(name string) string {
			if name == "CABLE_WIDTH" {
				return v
			}
			return ""
		}
	}
	width := func(w int) *int { return &w }
	tests := []struct {
		name  string
		env   string
		flag  *int
		want  int
		error string
	}{
		{"default", "", nil, config.DefaultWidth, ""},
		{"environment", "72", nil, 72, ""},
		{"environment zero", "0", nil, 0, ""},
		{"flag beats environment", "72", width(60), 60, ""},
		{"flag zero", "", width(0), 0, ""},
		{"negative flag", "", width(-5), 0, "--width -5 " + rule},
		{"negative environment", "-5", nil, 0, "CABLE_WIDTH=-5 " + rule},
		{"words in the environment", "wide", nil, 0, "CABLE_WIDTH=wide " + rule},
		{"narrowest", "20", nil, 20, ""},
		{"narrow environment", "5", nil, 0, "CABLE_WIDTH=5 " + narrow},
		{"narrow flag", "", width(19), 0, "--width 19 " + narrow},
		{"narrow flag beats a good environment", "72", width(1), 0, "--width 1 " + narrow},
	}
	for _, tt := range tests {
		v, err := config.Config{}.View(config.Flags{Width: tt.flag}, env(tt.env))
		switch {
		case tt.error != "" && (err == nil || err.Error() != tt.error):
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.error)
		case tt.error == "" && (err != nil || v.Width != tt.want):
			t.Errorf("%s: width %d, error %v; want %d", tt.name, v.Width, err, tt.want)
		}
	}
}

func TestLoadConfigReadingSpeedLinksAndLibraryKeys(t *testing.T) {
	c, err := load(writeConfig(t, "words_per_minute: 300\nhyperlinks: never\nlinks: numbered\nlibrary_keys:\n  sort: S\n  down: [n, down]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.LinkMode() != render.LinksNumbered || (config.Config{}).LinkMode() != render.LinksClean {
		t.Errorf("links: numbered gives %v, no setting %v", c.LinkMode(), config.Config{}.LinkMode())
	}
	if c.WordsPerMinute != 300 || c.Hyperlinks != "never" || strings.Join(c.LibraryKeys["down"].Keys, ",") != "n,down" || c.LibraryKeys["sort"].Line != 5 {
		t.Errorf("config = %+v", c)
	}
}

// TestKeyNames: what the configuration takes for a key, and the name
// Bubble Tea gives it.
func TestKeyNames(t *testing.T) {
	good := map[string]string{
		"J": "J", "]": "]", "é": "é", "?": "?", "space": " ", " ": " ", "alt+space": "alt+ ", "enter": "enter",
		"esc": "esc", "tab": "tab", "shift+tab": "shift+tab", "backspace": "backspace", "up": "up",
		"pgdown": "pgdown", "f20": "f20", "ctrl+k": "ctrl+k", `ctrl+\`: `ctrl+\`, "alt+j": "alt+j",
		"alt+ctrl+a": "alt+ctrl+a", "alt+enter": "alt+enter", "ctrl+shift+home": "ctrl+shift+home", "alt++": "alt++",
	}
	for in, want := range good {
		if got, ok := config.KeyName(in); !ok || got != want {
			t.Errorf("config.KeyName(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "foo", "ctrl+shift+alt+zz", "Enter", "f21", "alt+", "alt+alt+j", "ctrl+i", "\t", "\x1b", "jk", "space+j", "shift+a", "ctrl+space"} {
		if got, ok := config.KeyName(bad); ok {
			t.Errorf("config.KeyName(%q) = %q, want it refused", bad, got)
		}
	}
}

// TestRebindingBothActions: a key another action has by default may be
// given away when the file rebinds that action too; the space bar is
// stored as Bubble Tea names it, and written back as "space".
func TestRebindingBothActions(t *testing.T) {
	c, err := load(writeConfig(t, "keys:\n  next_section: space\n  page_down: [pgdown, ctrl+f]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Keys["next_section"].Keys; len(got) != 1 || got[0] != " " {
		t.Errorf("next_section keys %q, want the space bar", got)
	}
	var out strings.Builder
	c.Write(&out, config.View{Style: "dark", Width: 80})
	if !strings.Contains(out.String(), "  next_section: [space]\n") {
		t.Errorf("cable config wrote:\n%s", out.String())
	}
}

// TestStylePathsInTheFile: a style's path in the file may start with ~/,
// the home directory, and a relative one is taken from the file's own
// directory, wherever cable is started.
func TestStylePathsInTheFile(t *testing.T) {
	home, elsewhere := t.TempDir(), t.TempDir()
	t.Setenv("HOME", home)
	t.Chdir(elsewhere)
	dir := filepath.Join(t.TempDir(), "cable")
	for _, p := range []string{filepath.Join(home, "my-style.json"), filepath.Join(dir, "styles", "near.json")} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := map[string]string{
		"~/my-style.json":                    filepath.Join(home, "my-style.json"),
		"styles/near.json":                   filepath.Join(dir, "styles", "near.json"),
		"./styles/near.json":                 filepath.Join(dir, "styles", "near.json"),
		filepath.Join(home, "my-style.json"): filepath.Join(home, "my-style.json"),
	}
	config := filepath.Join(dir, "config.yaml")
	for style, want := range tests {
		if err := os.WriteFile(config, []byte("style: "+style+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := load(config)
		if err != nil || c.Style != want {
			t.Errorf("style: %s gave %q, %v; want %q", style, c.Style, err, want)
		}
	}
	for style, want := range map[string]string{
		"~/none.json": ":1: style " + filepath.Join(home, "none.json") + ": open " + filepath.Join(home, "none.json") + ": no such file or directory",
		"~bob/x.json": ":1: style ~bob/x.json: only ~/ is expanded, to your home directory; give the path in full",
	} {
		os.WriteFile(config, []byte("style: "+style+"\n"), 0o644)
		if _, err := load(config); err == nil || err.Error() != config+want {
			t.Errorf("style: %s: error %v, want %q", style, err, config+want)
		}
	}
}

// TestWidthGiven: a width from the file, CABLE_WIDTH or --width is given,
// and beats the one the reader chose with w; the default is not.
func TestWidthGiven(t *testing.T) {
	ninety := 90
	env := func(v string) func(string) string {
		return func(name string) string {
			if name == "CABLE_WIDTH" {
				return v
			}
			return ""
		}
	}
	tests := []struct {
		name  string
		cfg   config.Config
		flags config.Flags
		env   string
		given bool
	}{
		{"the default", config.Config{}, config.Flags{}, "", false},
		{"the file", config.Config{Width: 72}, config.Flags{}, "", true},
		{"the environment", config.Config{}, config.Flags{}, "100", true},
		{"the flag", config.Config{}, config.Flags{Width: &ninety}, "", true},
	}
	for _, tt := range tests {
		v, err := tt.cfg.View(tt.flags, env(tt.env))
		if err != nil || v.WidthGiven != tt.given {
			t.Errorf("%s: %+v, %v; want given = %v", tt.name, v, err, tt.given)
		}
	}
}
