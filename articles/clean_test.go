package articles

import "testing"

func TestClean(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain text stays", "Bakı – “quoted” 中文", "Bakı – “quoted” 中文"},
		{"tab and newline stay", "a\tb\nc", "a\tb\nc"},
		{"C0 controls go", "a\x00b\x07c\x08d", "abcd"},
		{"DEL goes", "a\x7fb", "ab"},
		{"CSI sequence goes whole", "a\x1b[2Jb\x1b[31mc", "abc"},
		{"OSC title with BEL", "a\x1b]2;pwned\x07b", "ab"},
		{"OSC 52 with ST", "a\x1b]52;c;aGk=\x1b\\b", "ab"},
		{"DCS, APC, PM, SOS", "a\x1bPq\x1b\\b\x1b_x\x1b\\c\x1b^y\x1b\\d\x1bXz\x1b\\e", "abcde"},
		{"two-byte escape", "a\x1bcb", "ab"},
		{"unterminated OSC stops at the line's end", "a\x1b]2;title\nnext", "a\nnext"},
		{"C1 controls go", "a\u0085b\u009b31mc", "abc"},
		{"invalid UTF-8 is replaced", "a\xffb", "a\uFFFDb"},
		{"lone ESC at the end", "a\x1b", "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.in); got != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"plain", "a\x1b[31mb", "\x1b]52;c;x\x07", "\x9b2J", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Clean(s)
		for _, r := range out {
			if r == 0x1b || r == 0x7f || (r < 0x20 && r != '\t' && r != '\n') || (r >= 0x80 && r < 0xa0) {
				t.Fatalf("Clean(%q) left control %U in %q", s, r, out)
			}
		}
		if Clean(out) != out {
			t.Fatalf("Clean is not idempotent on %q", s)
		}
	})
}
