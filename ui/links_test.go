package ui

import (
	"cable/render"

	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestOpener(t *testing.T) {
	have := func(names ...string) func(string) (string, error) {
		return func(name string) (string, error) {
			for _, n := range names {
				if n == name {
					return "/usr/bin/" + n, nil
				}
			}
			return "", errors.New("not found")
		}
	}
	tests := []struct {
		goos  string
		found []string
		want  string
	}{
		{"linux", []string{"xdg-open"}, "xdg-open"},
		{"linux", []string{"wslview"}, "wslview"},
		{"linux", nil, ""},
		{"darwin", []string{"open", "xdg-open"}, "open"},
		{"darwin", nil, ""},
	}
	for _, tt := range tests {
		if got := opener(tt.goos, have(tt.found...)); got != tt.want {
			t.Errorf("opener(%s, %v) = %q, want %q", tt.goos, tt.found, got, tt.want)
		}
	}
	for link, want := range map[string]bool{
		"https://example.org": true, "http://x.org/a?b": true, "mailto:a@b.org": true,
		"file:///etc/passwd": false, "javascript:alert(1)": false, "/tmp/x": false, "": false,
	} {
		if got := safeToOpen(link); got != want {
			t.Errorf("safeToOpen(%q) = %v", link, got)
		}
	}
}

func TestLinksListAndCopy(t *testing.T) {
	t.Setenv("PATH", "") // no opener: the link is copied
	m := open(t, startModel(t, testContext(render.StyleDark, 100, 30)), "reading-with-cable")
	var out bytes.Buffer
	m.ctx.Output = &out
	m, _ = press(t, m, "L")
	view := strings.Join(screenLines(m), "\n")
	if !overlayIs[linksList](m) || !strings.Contains(view, " 1  Glamour  https://github.com/charmbracelet/glamour") {
		t.Fatalf("L shows:\n%s", view)
	}
	m, cmd := press(t, m, "enter")
	m = settle(t, m, cmd)
	if out.String() != osc52("https://github.com/charmbracelet/glamour") {
		t.Errorf("wrote %q to the terminal", out.String())
	}
	if !strings.Contains(statusOf(m), "Copied to the clipboard: https://github.com/charmbracelet/glamour") {
		t.Errorf("status = %q", statusOf(m))
	}
	seed := openSeed(t, 80, 24)
	if seed, cmd = press(t, seed, "L"); cmd == nil || seed.reader.status.text != "This article has no links." {
		t.Errorf("L without links: %q", seed.reader.status.text)
	}
}

// TestWithSection: a link's row keeps its section at its end, cutting its
// text and address instead, down to a width too small for both.
func TestWithSection(t *testing.T) {
	tests := []struct {
		row   string
		width int
		want  string
	}{
		{"   1  Grace  https://x.example/a", 40, "   1  Grace  https://x.example/a  §3"},
		{"   1  Grace  https://x.example/a/very/long/path", 30, "   1  Grace  https://x.ex…  §3"},
		{"   1  Grace  https://x.example/a", 10, "   1  Gra…"},
	}
	for _, tt := range tests {
		if got := withSection(tt.row, "  §3", tt.width); got != tt.want {
			t.Errorf("withSection(%q, %d) = %q, want %q", tt.row, tt.width, got, tt.want)
		}
	}
}

// TestSideContentsKeyOnlyWhereTheyFit: below 120 columns "T" is left out
// of the help and pressing it says why; at 120 it is listed and works.
func TestSideContentsKeyOnlyWhereTheyFit(t *testing.T) {
	m := openSeed(t, 60, 40)
	m, _ = press(t, m, "T")
	if got := statusOf(m); !strings.Contains(got, "The side contents need") || m.reader.display.sideTOC {
		t.Errorf("T at 60 columns: status %q, side contents %v", got, m.reader.display.sideTOC)
	}
	m, _ = press(t, m, "?")
	if strings.Contains(m.View(), "contents beside the text") {
		t.Errorf("the help at 60 columns lists T:\n%s", m.View())
	}
	m, _ = press(t, m, "?")
	m = resize(t, m, 120, 40)
	m, _ = press(t, m, "?")
	if !strings.Contains(m.View(), "contents beside the text") {
		t.Errorf("the help at 120 columns does not list T:\n%s", m.View())
	}
	m, _ = press(t, m, "?")
	m, cmd := press(t, m, "T")
	m = settle(t, m, cmd)
	if !m.reader.display.sideTOC {
		t.Errorf("T at 120 columns did not show the side contents")
	}
}
