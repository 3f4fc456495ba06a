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
