package ui

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestFoldsToItselfEightAtATime: the check of eight bytes at a time
// agrees with one a byte at a time, for every byte at every place.
func TestFoldsToItselfEightAtATime(t *testing.T) {
	slow := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if c := s[i]; c >= 0x80 || ('A' <= c && c <= 'Z') {
				return false
			}
		}
		return true
	}
	base := []byte("the sanctions of ceasefire corridors 2024!")
	for at := range len(base) {
		for c := range 256 {
			b := append([]byte(nil), base...)
			b[at] = byte(c)
			if got, want := foldsToItself(string(b)), slow(string(b)); got != want {
				t.Fatalf("foldsToItself(%q) = %v; want %v", b, got, want)
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = byte(r.IntN(128))
		}
		if got, want := foldsToItself(string(b)), slow(string(b)); got != want {
			t.Fatalf("foldsToItself(%q) = %v; want %v", b, got, want)
		}
	}
}

// FuzzFilterFastPath: for a target that folds to itself, the filter's
// fast path marks what the general one marks, and matches when it does.
func FuzzFilterFastPath(f *testing.F) {
	f.Add("isr rel", "how deep are azerbaijan-israel relations? eldar mamedov")
	f.Add("s", "sanctions and the ceasefire, 2024")
	f.Add("ba ba", "baku baki ba")
	f.Add("Straße", "strasse")
	f.Fuzz(func(t *testing.T, term, target string) {
		if !foldsToItself(target) {
			return
		}
		folded, _ := foldText(term)
		words := wordSpans(folded)
		if len(words) == 0 {
			return
		}
		want, wantOK := prefixMatch(folded, words, target)
		got, gotOK := asciiPrefixMatch(folded, words, target, nil)
		if gotOK != wantOK || (wantOK && !slices.Equal(got, want)) {
			t.Errorf("term %q, target %q: fast path %v %v; general %v %v", term, target, got, gotOK, want, wantOK)
		}
	})
}
