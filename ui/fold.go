package ui

import (
	"unicode"

	"github.com/charmbracelet/bubbles/list"
	"golang.org/x/text/unicode/norm"
)

// The library's filter folds case and diacritics, so "baki" finds "Bakı"
// and "sirin" finds "Şirin", as the full-text search does. Folding maps
// each rune to exactly one rune, so the positions the fuzzy matcher marks
// in the folded title are the positions of the letters to highlight in the
// title on screen.

// ownLetters are letters with no decomposition into a base letter and a
// mark, folded to the Latin letter a reader types for them.
var ownLetters = map[rune]rune{
	'ı': 'i', 'ə': 'a', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'ħ': 'h',
	'ß': 's', 'æ': 'a', 'œ': 'o', 'þ': 't', 'ŀ': 'l', 'ŧ': 't',
}

// foldRune is r in lower case without its diacritics.
func foldRune(r rune) rune {
	r = unicode.ToLower(r)
	if f, ok := ownLetters[r]; ok {
		return f
	}
	if r < 0x80 {
		return r
	}
	// The first rune of the canonical decomposition is the base letter:
	// "ş" is "s" and a combining cedilla.
	for _, base := range norm.NFD.String(string(r)) {
		return base
	}
	return r
}

// foldText folds every rune of s, keeping their number.
func foldText(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		out = append(out, foldRune(r))
	}
	return string(out)
}

// foldingFilter is the list's fuzzy filter over folded text.
func foldingFilter(term string, targets []string) []list.Rank {
	folded := make([]string, len(targets))
	for i, t := range targets {
		folded[i] = foldText(t)
	}
	return list.DefaultFilter(foldText(term), folded)
}
