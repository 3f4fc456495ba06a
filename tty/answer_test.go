package tty

import (
	"strings"
	"testing"
)

// Answers as terminals send them.
const (
	darkOSC  = "\x1b]11;rgb:1e1e/1e1e/1e1e\x1b\\" // ended by ST (xterm, kitty)
	lightOSC = "\x1b]11;rgb:ffff/ffff/ffff\x07"   // ended by BEL (rxvt, older VTE)
	position = "\x1b[24;1R"                       // the cursor position (DSR 6)
	devAttrs = "\x1b[?62;22c"                     // device attributes (DA1)
)

// bytewise splits s into chunks of one byte, as a slow line delivers it.
func bytewise(s string) []string { return strings.Split(s, "") }

func TestScanner(t *testing.T) {
	tests := []struct {
		name   string
		chunks []string
		// ended: the answer window closes after the chunks (scanner.end).
		ended bool
		// keys are every byte passed on, in order, the held ones last.
		keys     string
		answered bool
		color    string
		done     bool
	}{
		{name: "colour ended by ST, then the position", chunks: []string{darkOSC + position},
			answered: true, color: "#1e1e1e", done: true},
		{name: "colour ended by BEL", chunks: []string{lightOSC + position},
			answered: true, color: "#ffffff", done: true},
		{name: "answers split across reads", chunks: bytewise(darkOSC + position),
			answered: true, color: "#1e1e1e", done: true},
		{name: "answers split at the terminator", chunks: []string{"\x1b]11;rgb:ffff/ffff/ffff\x1b", "\\\x1b[24", ";1R"},
			answered: true, color: "#ffffff", done: true},
		{name: "keys before the answers", chunks: []string{"]]" + darkOSC + position},
			keys: "]]", answered: true, color: "#1e1e1e", done: true},
		{name: "keys before, in reads of their own", chunks: []string{"]", "]", darkOSC, position},
			keys: "]]", answered: true, color: "#1e1e1e", done: true},
		{name: "a key between the answers", chunks: []string{darkOSC + "j" + position},
			keys: "j", answered: true, color: "#1e1e1e", done: true},
		{name: "keys after the answers, in the same read and later", chunks: []string{darkOSC + position + "kk", "\x1b[A", position},
			keys: "kk\x1b[A" + position, answered: true, color: "#1e1e1e", done: true},
		{name: "keys everywhere, byte by byte", chunks: bytewise("a" + darkOSC + "b" + position + "c"),
			keys: "abc", answered: true, color: "#1e1e1e", done: true},
		{name: "no colour: the position alone", chunks: []string{"ab" + position + "cd"},
			keys: "abcd", done: true},
		{name: "no colour: device attributes alone", chunks: []string{devAttrs + "q"},
			keys: "q", done: true},
		{name: "colour, then device attributes", chunks: []string{lightOSC, devAttrs},
			answered: true, color: "#ffffff", done: true},
		{name: "colour without the end of the answers", chunks: []string{"x" + darkOSC + "y"},
			keys: "xy", answered: true, color: "#1e1e1e"},
		{name: "no answer at all", chunks: []string{"jj", "k"},
			keys: "jjk"},
		{name: "no answer at all, a lone escape held until the end", chunks: []string{"jj", "\x1b"}, ended: true,
			keys: "jj\x1b", done: true},
		{name: "an unfinished answer is given back as keys at the end", chunks: []string{"\x1b]11;rgb:ff"}, ended: true,
			keys: "\x1b]11;rgb:ff", done: true},
		{name: "keys with escapes are no answer", chunks: []string{"\x1b[A\x1b[1;5A\x1bx\x1b[<0;10;5M\x1b[200~hi\x1b[201~\x1bOP"},
			keys: "\x1b[A\x1b[1;5A\x1bx\x1b[<0;10;5M\x1b[200~hi\x1b[201~\x1bOP"},
		{name: "escape, then an answer", chunks: []string{"\x1b" + darkOSC}, ended: true,
			keys: "\x1b", answered: true, color: "#1e1e1e", done: true},
		{name: "another OSC is no answer", chunks: []string{"\x1b]10;rgb:0000/0000/0000\x1b\\"},
			keys: "\x1b]10;rgb:0000/0000/0000\x1b\\"},
		{name: "garbage: a control byte in the colour", chunks: []string{"\x1b]11;rgb\x01:0/0/0\x07"},
			keys: "\x1b]11;rgb\x01:0/0/0\x07"},
		{name: "garbage: a colour too long", chunks: []string{"\x1b]11;" + strings.Repeat("f", 100) + "\x07"},
			keys: "\x1b]11;" + strings.Repeat("f", 100) + "\x07"},
		{name: "garbage: escape inside the colour", chunks: []string{"\x1b]11;rgb\x1bx"},
			keys: "\x1b]11;rgb\x1bx"},
		{name: "garbage: a position without its column", chunks: []string{"\x1b[24R\x1b[;1R"},
			keys: "\x1b[24R\x1b[;1R"},
		{name: "an answer whose colour cable cannot read", chunks: []string{"\x1b]11;cmyk:1/2/3/4\x1b\\" + position},
			answered: true, done: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s scanner
			var keys []byte
			for _, c := range tt.chunks {
				keys = append(keys, s.scan([]byte(c))...)
			}
			if tt.ended {
				keys = append(keys, s.end()...)
			}
			if string(keys) != tt.keys {
				t.Errorf("keys %q, want %q", keys, tt.keys)
			}
			if s.answered != tt.answered || s.color != tt.color || s.done != tt.done {
				t.Errorf("answered %v, colour %q, done %v; want %v, %q, %v", s.answered, s.color, s.done, tt.answered, tt.color, tt.done)
			}
		})
	}
}

func TestScannerNotAsked(t *testing.T) {
	// A terminal not asked: every byte is a key, answers or not.
	s := scanner{done: true}
	in := "]]" + darkOSC + position
	if got := string(s.scan([]byte(in))); got != in {
		t.Errorf("keys %q, want %q", got, in)
	}
	if s.answered {
		t.Error("a terminal not asked was taken to answer")
	}
}

func TestParseColor(t *testing.T) {
	tests := []struct{ in, want string }{
		{"rgb:1e1e/1e1e/1e1e", "#1e1e1e"},
		{"rgb:ffff/0000/8080", "#ff0080"},
		{"rgb:FFFF/FFFF/FFFF", "#ffffff"},
		{"rgb:ff/00/80", "#ff0080"},
		{"rgb:f/0/8", "#ff0088"},
		{"rgb:fff/000/888", "#ff0088"},
		{"rgba:0000/0000/0000/ffff", "#000000"},
		{"rgb:1e1e/1e1e", ""},
		{"rgb:1e1e/1e1e/1e1e/1e1e", ""},
		{"rgb:12345/0/0", ""},
		{"rgb:/0/0", ""},
		{"rgb:gg/0/0", ""},
		{"rgb:+f/0/0", ""},
		{"#ffffff", ""},
		{"?", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := parseColor(tt.in); got != tt.want {
			t.Errorf("parseColor(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzScanner: whatever the terminal sends, in whatever reads, the
// scanner never panics, and the keys it passes on are the bytes sent
// with whole answers taken out, in order.
func FuzzScanner(f *testing.F) {
	f.Add([]byte("]]"+darkOSC+"j"+position+"k"), uint8(3))
	f.Add([]byte("\x1b\x1b]11;\x1b[?1;2c"), uint8(1))
	f.Add([]byte(lightOSC+devAttrs), uint8(7))
	f.Fuzz(func(t *testing.T, data []byte, step uint8) {
		n := int(step%16) + 1
		var s scanner
		var keys []byte
		for i := 0; i < len(data); i += n {
			keys = append(keys, s.scan(data[i:min(i+n, len(data))])...)
		}
		keys = append(keys, s.end()...)
		if len(keys) > len(data) {
			t.Fatalf("%d keys from %d bytes", len(keys), len(data))
		}
		// The keys are the bytes sent, in order, some left out.
		j := 0
		for _, b := range data {
			if j < len(keys) && keys[j] == b {
				j++
			}
		}
		if j != len(keys) {
			t.Fatalf("the keys %q are not the bytes %q in order", keys, data)
		}
		// Without an escape there is no answer, and every byte is a key.
		if !strings.ContainsRune(string(data), esc) && string(keys) != string(data) {
			t.Fatalf("keys %q, want every byte of %q", keys, data)
		}
	})
}
