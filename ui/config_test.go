package ui

import (
	"os"
	"path/filepath"
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

func TestLoadConfig(t *testing.T) {
	path := writeConfig(t, "style: light\nwidth: 72\nkeys:\n  next_section: J\n  previous_section: [K, ctrl+k]\n")
	c, err := LoadConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	if c.Style != "light" || c.Width != 72 || strings.Join(c.Keys["next_section"].Keys, ",") != "J" ||
		strings.Join(c.Keys["previous_section"].Keys, ",") != "K,ctrl+k" || c.Keys["previous_section"].Line != 5 {
		t.Errorf("config = %+v", c)
	}
	if c, err := LoadConfig(filepath.Join(t.TempDir(), "none.yaml")); err != nil || len(c.Keys) != 0 || c.Style != "" {
		t.Errorf("a missing file gave %+v, %v", c, err)
	}
}

func TestConfigErrors(t *testing.T) {
	tests := []struct{ body, want string }{
		{"colour: red\n", `:1: unknown setting "colour" (the settings are style, width and keys)`},
		{"style: dark\nwidth: wide\n", ":2: width is a number of columns (0 for the terminal's width)"},
		{"style: sepia\n", `:1: unknown style "sepia" (choose one of auto, dark, light, notty)`},
		{"keys:\n  jump: J\n", `:2: no action "jump"; the actions are back_from_note, bookmark,`},
		{"keys:\n  down: j\n  next_section: j\n", `:3: the key "j" is bound to both down and next_section`},
		{"keys:\n  next_section: k\n", `:2: the key "k" is bound to both next_section and up`},
		{"style: [\n", `: not valid YAML:`},
	}
	for _, tt := range tests {
		path := writeConfig(t, tt.body)
		_, err := LoadConfig(path)
		if err == nil || !strings.HasPrefix(err.Error(), path+tt.want) {
			t.Errorf("config %q: error %v, want %q", tt.body, err, path+tt.want)
		}
	}
}

func TestReboundKeysWorkAndShowInTheHelp(t *testing.T) {
	c, err := LoadConfig(writeConfig(t, "keys:\n  next_section: J\n  previous_section: K\n"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := testContext(StyleDark, 100, 30)
	ctx.Keys = c.Keys
	m := open(t, startModel(t, ctx), "azerbaijan-israel-relations")
	m, _ = press(t, m, "J")
	m, _ = press(t, m, "J")
	if got := firstTextLine(m); got != "## Wary of provoking Iran" {
		t.Fatalf("J J: top line %q", got)
	}
	m, _ = press(t, m, "]")
	if got := firstTextLine(m); got != "## Wary of provoking Iran" {
		t.Errorf("] still jumps after rebinding: %q", got)
	}
	m, _ = press(t, m, "K")
	if got := firstTextLine(m); got != "## A periphery strategy" {
		t.Errorf("K: top line %q", got)
	}
	m, _ = press(t, m, "?")
	help := strings.Join(screenLines(m), "\n")
	if !strings.Contains(help, "J      next section") || !strings.Contains(help, "K      previous section") {
		t.Errorf("the help does not show the new keys:\n%s", help)
	}
}
