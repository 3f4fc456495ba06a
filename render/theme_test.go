package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/muesli/termenv"
)

func TestStyleFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	light := write("light-text.json", `{"document": {"color": "#f8f8f2", "margin": 2}, "heading": {"bold": true}}`)
	dark := write("dark-text.json", `{"document": {"color": "234"}}`)
	bare := write("bare.json", `{"paragraph": {}}`)
	broken := write("broken.json", "{\n  \"document\": {\n    \"color\": 12\n  }\n}")
	for path, want := range map[string]string{light: StyleDark, dark: StyleLight, bare: StyleDark} {
		theme, err := ResolveStyle(path, nil, nil, false)
		if err != nil || theme != want {
			t.Errorf("ResolveStyle(%s) = %q, %v; want %q", filepath.Base(path), theme, err, want)
		}
	}
	if _, err := ResolveStyle(broken, nil, nil, false); err == nil || !strings.HasPrefix(err.Error(), broken+":3: not a Glamour JSON style") {
		t.Errorf("a broken style: %v", err)
	}
	a := bundle(t)[1]
	doc, err := Article(a, Options{Width: 60, Style: light, Profile: termenv.TrueColor})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(doc.Lines, "\n"), "248;248;242") {
		t.Error("the text is not in the style's colour")
	}
}

func TestDarkBackground(t *testing.T) {
	tests := []struct {
		color, colorfgbg string
		want             bool
	}{
		{"#1e1e1e", "", true},
		{"#ffffff", "", false},
		{"#fdf6e3", "", false},     // Solarized light
		{"#002b36", "", true},      // Solarized dark
		{"#ffffff", "15;0", false}, // the terminal's answer wins
		{"", "15;0", true},
		{"", "0;15", false},
		{"", "0;default;15", false},
		{"", "0;300", true}, // no colour of the 16: taken to be dark
		{"", "garbage", true},
		{"", "", true},
	}
	for _, tt := range tests {
		getenv := func(k string) string {
			if k == "COLORFGBG" {
				return tt.colorfgbg
			}
			return ""
		}
		if got := DarkBackground(tt.color, getenv); got != tt.want {
			t.Errorf("DarkBackground(%q, COLORFGBG=%q) = %v, want %v", tt.color, tt.colorfgbg, got, tt.want)
		}
	}
}

// TestResolveStyleAsksOnlyWhenNeeded: the terminal's background is asked
// for only when the theme depends on it.
func TestResolveStyleAsksOnlyWhenNeeded(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	bare := filepath.Join(t.TempDir(), "bare.json")
	if err := os.WriteFile(bare, []byte(`{"paragraph": {}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		asked string
		isTTY bool
		dark  bool
		want  string
		asks  bool
	}{
		{StyleDark, true, false, StyleDark, false},
		{StyleLight, true, true, StyleLight, false},
		{StyleNoTTY, true, true, StyleNoTTY, false},
		{StyleAuto, false, true, StyleNoTTY, false},
		{StyleAuto, true, true, StyleDark, true},
		{StyleAuto, true, false, StyleLight, true},
		{bare, true, false, StyleLight, true},
		{bare, false, false, StyleDark, false},
	}
	for _, tt := range tests {
		asked := false
		got, err := ResolveStyleBy(tt.asked, nil, tt.isTTY, func() bool { asked = true; return tt.dark })
		if err != nil || got != tt.want || asked != tt.asks {
			t.Errorf("ResolveStyleBy(%q, tty %v, dark %v) = %q, %v, asked %v; want %q, asked %v",
				filepath.Base(tt.asked), tt.isTTY, tt.dark, got, err, asked, tt.want, tt.asks)
		}
	}
}
