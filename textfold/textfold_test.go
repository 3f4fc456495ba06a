package textfold

import (
	"testing"
	"unicode/utf8"
)

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain ascii, 42!", "plain ascii, 42!"},
		{"MiXeD Case", "mixed case"},
		{"Bakı", "baki"},
		{"BAKI", "baki"},
		{"Şirin Əliyev", "sirin aliyev"},
		{"Gəncə", "ganca"},
		{"Łódź", "lodz"},
		{"naïve café", "naive cafe"},
		{"nai\u0308ve cafe\u0301", "naive cafe"}, // combining marks, as NFD writes them
		{"İlham", "ilham"},
		{"Straße", "strasse"},
		{"STRAẞE", "strasse"},
		{"Øresund", "oresund"},
		{"Ǿ", "o"},
		{"Æsir, Œuvre, Þing", "aesir, oeuvre, thing"},
		{"Đakovo, Ðoð", "dakovo, dod"},
		{"Ħal Far", "hal far"},
		{"Ŀl, Ŧ, ſ, Ĳssel", "ll, t, s, ijssel"},
		{"Ἀθῆναι", "αθηναι"},
		{"Москва́ Йошкар", "москва иошкар"},
		{"東京 🙂 한국", "東京 🙂 한국"},
		{"“quoted” — dash", "“quoted” — dash"},
		{"\ue001marker\ue002", "\ue001marker\ue002"},
	}
	for _, tt := range tests {
		if got := String(tt.in); got != tt.want {
			t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestRuneNeverSpansRunes checks what both users of the table rely on:
// every folding is valid UTF-8 of at most two runes, none of which folds
// again, and a rune that folds to itself says so.
func TestRuneProperties(t *testing.T) {
	for r := rune(0); r < 0x30000; r++ {
		if r >= 0xd800 && r < 0xe000 {
			continue
		}
		f, ok := Rune(r)
		if !ok {
			if f != "" {
				t.Fatalf("Rune(%U) = %q, false", r, f)
			}
			continue
		}
		if f == string(r) {
			t.Fatalf("Rune(%U) = itself, true", r)
		}
		if !utf8.ValidString(f) || utf8.RuneCountInString(f) > 2 {
			t.Fatalf("Rune(%U) = %q", r, f)
		}
		for _, g := range f {
			if _, again := Rune(g); again {
				t.Fatalf("Rune(%U) = %q, which folds again", r, f)
			}
		}
	}
}
