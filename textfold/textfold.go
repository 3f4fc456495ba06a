// Package textfold folds text for matching what a reader types against
// what is written: lower case, without diacritics, and the letters that
// are letters of their own spelled as a reader of English types them
// ("Bakı" as "baki", "Straße" as "strasse", "Øresund" as "oresund").
//
// It is the one table both the library screen's filter and the full-text
// search fold with, so that they find the same things. Each keeps its own
// map from folded text back to the original, since one highlights runes
// and the other cuts bytes: Rune gives the folding of one rune, which may
// be longer (ß, æ, þ) or empty (a combining mark) but never spans two
// runes of the original.
package textfold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// asciiLower holds the folding of every ASCII character at its own index,
// so that folding ASCII allocates nothing.
const asciiLower = "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f" +
	"\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f" +
	" !\"#$%&'()*+,-./0123456789:;<=>?" +
	"@abcdefghijklmnopqrstuvwxyz[\\]^_" +
	"`abcdefghijklmnopqrstuvwxyz{|}~\x7f"

// ownLetter spells the lower-case letters that Unicode does not decompose
// into a base letter and marks, as a reader types them: two letters for
// the ligatures and for thorn, one for the rest.
func ownLetter(r rune) (string, bool) {
	switch r {
	case 'ı': // dotless i (Azerbaijani, Turkish)
		return "i", true
	case 'ə': // schwa (Azerbaijani): Əliyev, Aliyev
		return "a", true
	case 'ø':
		return "o", true
	case 'ł', 'ŀ':
		return "l", true
	case 'đ', 'ð':
		return "d", true
	case 'ħ':
		return "h", true
	case 'ŧ':
		return "t", true
	case 'ſ': // long s
		return "s", true
	case 'ß':
		return "ss", true
	case 'æ':
		return "ae", true
	case 'œ':
		return "oe", true
	case 'þ':
		return "th", true
	case 'ĳ':
		return "ij", true
	}
	return "", false
}

// Rune returns the folding of r and true, or "" and false when r folds to
// itself, as most runes do. The folding is r in lower case; a letter
// Unicode decomposes into a base letter and combining marks folds to its
// base ("ş" to "s", "ǿ" to "o"); a letter of its own to its Latin spelling
// (see ownLetter); a combining mark to nothing, so that text written with
// separate accents folds as precomposed text does. Other runes (CJK,
// Hangul, punctuation, symbols) are left as they are.
func Rune(r rune) (string, bool) {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return asciiLower[r : r+1], true
		}
		return "", false
	}
	if unicode.Is(unicode.Mn, r) {
		return "", true
	}
	lower := unicode.ToLower(r)
	if f, ok := ownLetter(lower); ok {
		return f, true
	}
	if base, ok := decomposed(lower); ok {
		if base < utf8.RuneSelf {
			return asciiLower[base : base+1], true
		}
		if f, ok := ownLetter(base); ok {
			return f, true
		}
		return string(base), true
	}
	if lower != r {
		return string(lower), true
	}
	return "", false
}

// decomposed returns the base of a rune whose canonical decomposition is
// a base and combining marks (or a single other rune), in lower case.
func decomposed(r rune) (rune, bool) {
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	d := norm.NFD.Properties(buf[:n]).Decomposition()
	if len(d) == 0 {
		return 0, false
	}
	base, size := utf8.DecodeRune(d)
	for _, m := range string(d[size:]) {
		if !unicode.Is(unicode.Mn, m) {
			return 0, false // Hangul syllables, which decompose into letters
		}
	}
	return unicode.ToLower(base), base != r
}

// String returns s with every rune folded.
func String(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if f, ok := Rune(r); ok {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
