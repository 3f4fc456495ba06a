package articles

import (
	"testing"

	"github.com/yuin/goldmark/text"
)

// TestLiteral: text put into Markdown through Literal reads back as
// written, whatever markup characters it holds.
func TestLiteral(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Plain title", "Plain title"},
		{"*Not* emphasis", `\*Not\* emphasis`},
		{"a_b_c", `a\_b\_c`},
		{"[link](x)", `\[link\](x)`},
		{"<b>raw</b>", `\<b\>raw\</b\>`},
		{"# not a heading", `\# not a heading`},
		{"a | b", `a \| b`},
		{"~~gone~~", `\~\~gone\~\~`},
		{`back\slash`, `back\\slash`},
		{"`code`", "\\`code\\`"},
		{"![not an image](x)", `\!\[not an image\](x)`},
		{"AT&T", "AT&T"}, // Glamour shows `\&` as it is, so & is left alone
		{"Ünïcode — “quotes”", "Ünïcode — “quotes”"},
	}
	for _, tt := range tests {
		if got := Literal(tt.in); got != tt.want {
			t.Errorf("Literal(%q) = %q, want %q", tt.in, got, tt.want)
		}
		src := []byte(Literal(tt.in))
		if got := PlainText(markdown.Parser().Parse(text.NewReader(src)), src); got != tt.in {
			t.Errorf("Literal(%q) reads back as %q", tt.in, got)
		}
	}
}

// TestAuthorNoteReadsAsWritten: the editor's note made from author_note
// shows an ampersand as written, and markup characters literally.
func TestAuthorNoteReadsAsWritten(t *testing.T) {
	if got, want := authorNoteMarkdown("Writes at AT&T *alone*"), `*About the author:* Writes at AT&T \*alone\*`; got != want {
		t.Errorf("authorNoteMarkdown = %q, want %q", got, want)
	}
}
