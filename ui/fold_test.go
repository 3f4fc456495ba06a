package ui

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFoldText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Bakı", "baki"},
		{"Şirin Əliyev", "sirin aliyev"},
		{"Łódź", "lodz"},
		{"Gəncə", "ganca"},
		{"naïve café", "naive cafe"},
		{"İlham", "ilham"},
		{"Straße", "strase"},
		{"東京 🙂", "東京 🙂"},
	}
	for _, tt := range tests {
		got := foldText(tt.in)
		if got != tt.want {
			t.Errorf("foldText(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if utf8.RuneCountInString(got) != utf8.RuneCountInString(tt.in) {
			t.Errorf("foldText(%q) changed the number of runes", tt.in)
		}
	}
}

func TestLibraryFilterFoldsDiacritics(t *testing.T) {
	ranks := foldingFilter("baki", []string{"Talks in Bakı", "Tbilisi", "BAKU"})
	if len(ranks) != 1 || ranks[0].Index != 0 {
		t.Fatalf("baki matched %+v", ranks)
	}
	// The matched runes are those of "Bakı" in the original title.
	title := []rune("Talks in Bakı")
	var matched []string
	for _, i := range ranks[0].MatchedIndexes {
		matched = append(matched, string(title[i]))
	}
	if strings.Join(matched, "") != "Bakı" {
		t.Errorf("matched %q, want the letters of Bakı", strings.Join(matched, ""))
	}
}
