package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"cable/library"
)

func TestFoldText(t *testing.T) {
	tests := []struct {
		in, want string
		from     []int // the rune of in each byte of want comes from; nil: not checked
	}{
		{"Bakı", "baki", []int{0, 1, 2, 3}},
		{"Şirin Əliyev", "sirin aliyev", nil},
		{"Łódź", "lodz", nil},
		{"naïve café", "naive cafe", nil},
		{"İlham", "ilham", nil},
		{"Straße", "strasse", []int{0, 1, 2, 3, 4, 4, 5}},
		{"cafe\u0301!", "cafe!", []int{0, 1, 2, 3, 5}},
		{"Мир", "мир", []int{0, 0, 1, 1, 2, 2}},
		{"東京 🙂", "東京 🙂", nil},
	}
	for _, tt := range tests {
		got, from := foldText(tt.in)
		if got != tt.want {
			t.Errorf("foldText(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if len(from) != len(got) {
			t.Errorf("foldText(%q) gave %d origins for %d bytes", tt.in, len(from), len(got))
		}
		if tt.from != nil && !slices.Equal(from, tt.from) {
			t.Errorf("foldText(%q) origins %v, want %v", tt.in, from, tt.from)
		}
	}
}

// TestLibraryFilterFolds checks what "/" finds and which letters of the
// title it highlights: runes of the title as written, whatever the
// folding made of them.
func TestLibraryFilterFolds(t *testing.T) {
	tests := []struct {
		term, title, matched string
	}{
		{"baki", "Talks in Bakı", "Bakı"},
		{"strasse", "Straße", "Straße"},
		{"oresund", "Crossing the Øresund", "Øresund"},
		{"москв", "Москва", "Москв"},
		{"cafe", "Le cafe\u0301", "cafe"},
	}
	for _, tt := range tests {
		ranks := foldingFilter(tt.term, []string{"Tbilisi", tt.title})
		if len(ranks) != 1 || ranks[0].Index != 1 {
			t.Errorf("%q in %q: matched %+v", tt.term, tt.title, ranks)
			continue
		}
		title := []rune(tt.title)
		var matched []rune
		for _, i := range ranks[0].MatchedIndexes {
			matched = append(matched, title[i])
		}
		if string(matched) != tt.matched {
			t.Errorf("%q in %q highlights %q, want %q", tt.term, tt.title, string(matched), tt.matched)
		}
	}
}

// TestFilterAndSearchAgree checks that the library's "/" filter and the
// full-text search fold alike: each word a reader types finds the same
// article in both.
func TestFilterAndSearchAgree(t *testing.T) {
	words := []struct{ query, written string }{
		{"strasse", "Straße"},
		{"baki", "Bakı"},
		{"oresund", "Øresund"},
		{"lodz", "Łódź"},
		{"thingvellir", "Þingvellir"},
		{"aesir", "Æsir"},
		{"oeuvre", "Œuvre"},
		{"ilham", "İlham"},
		{"aliyev", "Əliyev"},
		{"dakovo", "Đakovo"},
		{"hamrun", "Ħamrun"},
		{"naive", "naïve"},
		{"sirin", "Şirin"},
	}
	dir := t.TempDir()
	var titles []string
	for i, w := range words {
		title := "Letters from " + w.written
		titles = append(titles, title)
		text := fmt.Sprintf("---\ntitle: %s\n---\n\n## About\n\nA piece on %s and nothing else.\n", title, w.written)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%02d.md", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	store, _, err := library.Open(filepath.Join(t.TempDir(), "cable.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if _, _, err := store.Sync(library.Sources{Dirs: []string{dir}}); err != nil {
		t.Fatal(err)
	}
	for i, w := range words {
		ranks := foldingFilter(w.query, titles)
		if len(ranks) == 0 || ranks[0].Index != i {
			t.Errorf("the filter: %q does not find %q first (%+v)", w.query, titles[i], ranks)
		}
		hits, err := store.Search(w.query, 5)
		if err != nil || len(hits) != 1 || hits[0].Title != titles[i] {
			t.Errorf("search: %q finds %+v, %v; want %q", w.query, hits, err, titles[i])
		}
	}
}
