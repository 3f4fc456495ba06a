package articles

import (
	"strings"
	"testing"
)

// TestTextPrint: the print stands for the article's own text, whatever
// its mark-up, front matter, notes or editor's note; a short text is
// told by its title too; an article without text has none.
func TestTextPrint(t *testing.T) {
	long := strings.Repeat("The delegations met again and agreed on little. ", 10)
	print := func(src string) string {
		t.Helper()
		a, err := Parse("a.md", []byte(src), "a")
		if err != nil {
			t.Fatal(err)
		}
		return a.TextPrint()
	}
	base := print("---\ntitle: Talks\n---\n\n" + long + "\n")
	tests := []struct {
		name string
		src  string
		same bool
	}{
		{"other front matter and title", "---\ntitle: Talks resume | The Review\nurl: https://x.org/a\nfeed: F\n---\n\n" + long + "\n", true},
		{"other mark-up", "---\ntitle: Talks\n---\n\n*" + strings.TrimSpace(long) + "*\n", true},
		{"case and punctuation", "---\ntitle: Talks\n---\n\n" + strings.ToUpper(strings.ReplaceAll(long, ".", ";")) + "\n", true},
		{"an editor's note added", "---\ntitle: Talks\neditors_note: The author writes for us.\n---\n\n" + long + "\n", true},
		{"a word more", "---\ntitle: Talks\n---\n\n" + long + "Again.\n", false},
	}
	for _, tt := range tests {
		if got := print(tt.src); (got == base) != tt.same {
			t.Errorf("%s: print %q, base %q, want same = %v", tt.name, got, base, tt.same)
		}
	}
	short := "\n\nSubscribe to read.\n"
	if a, b := print("---\ntitle: One\n---"+short), print("---\ntitle: Two\n---"+short); a == b || a == "" {
		t.Errorf("two short pieces with other titles share a print: %q", a)
	}
	if a, b := print("---\ntitle: One\n---"+short), print("---\ntitle: One\nurl: https://x.org\n---"+short); a != b {
		t.Errorf("the same short piece has two prints")
	}
	if got := print("---\ntitle: Empty\n---\n\n## A heading alone\n"); got == "" {
		t.Errorf("a heading is text, and has no print")
	}
}
