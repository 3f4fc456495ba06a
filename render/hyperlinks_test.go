package render

import "testing"

func TestHyperlinksWanted(t *testing.T) {
	tests := []struct {
		setting string
		env     map[string]string
		want    bool
	}{
		{"always", map[string]string{"TMUX": "/tmp/tmux"}, true},
		{"never", map[string]string{"TERM_PROGRAM": "WezTerm"}, false},
		{"auto", map[string]string{"TERM_PROGRAM": "iTerm.app"}, true},
		{"", map[string]string{"TERM": "xterm-kitty"}, true},
		{"", map[string]string{"VTE_VERSION": "7200"}, true},
		{"", map[string]string{"VTE_VERSION": "4800"}, false},
		{"", map[string]string{"WT_SESSION": "x"}, true},
		{"", map[string]string{"TERM_PROGRAM": "ghostty", "TMUX": "/tmp/tmux"}, false},
		{"", map[string]string{"TERM": "screen-256color", "VTE_VERSION": "7200"}, false},
		{"", map[string]string{"TERM": "xterm-256color"}, false},
		{"", nil, false},
	}
	for _, tt := range tests {
		got := HyperlinksWanted(tt.setting, func(k string) string { return tt.env[k] })
		if got != tt.want {
			t.Errorf("HyperlinksWanted(%q, %v) = %v, want %v", tt.setting, tt.env, got, tt.want)
		}
	}
}

func TestLinkLine(t *testing.T) {
	const a, ab = "https://x.example/a", "https://x.example/ab"
	tests := []struct {
		name, line string
		urls       []string
		want       string
	}{
		{"no address", "plain text", []string{a}, "plain text"},
		{"one", "see \x1b[4m" + a + "\x1b[0m.", []string{a}, "see \x1b[4m" + Hyperlink(a, a) + "\x1b[0m."},
		{"the longer of two that start alike", "at " + ab, []string{a, ab}, "at " + Hyperlink(ab, ab)},
		{"both, in order", a + " and " + ab, []string{ab, a}, Hyperlink(a, a) + " and " + Hyperlink(ab, ab)},
		{"twice", a + " " + a, []string{a}, Hyperlink(a, a) + " " + Hyperlink(a, a)},
		{"an address not of this line", "https://y.example", []string{a}, "https://y.example"},
		{"split by wrapping", "https://x.exam", []string{a}, "https://x.exam"},
	}
	for _, tt := range tests {
		if got := LinkLine(tt.line, tt.urls); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}
