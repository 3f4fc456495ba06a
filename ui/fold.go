package ui

import (
	"unicode/utf8"

	"cable/textfold"

	"github.com/charmbracelet/bubbles/list"
)

// The library's filter folds case and diacritics with the table the
// full-text search folds with (package textfold), so "baki" finds "Bakı"
// and "strasse" finds "Straße" in both. A rune may fold to two ("ß" to
// "ss") or to none (a combining mark), so the filter keeps, for every byte
// of the folded text, the rune of the original it comes from: the fuzzy
// matcher marks bytes of the folded text, and the list highlights runes of
// the title on screen.

// foldText folds s and returns, for each byte of the result, the index of
// the rune of s it comes from.
func foldText(s string) (string, []int) {
	folded := make([]byte, 0, len(s))
	from := make([]int, 0, len(s))
	i := 0
	for _, r := range s {
		n := len(folded)
		if f, ok := textfold.Rune(r); ok {
			folded = append(folded, f...)
		} else {
			folded = utf8.AppendRune(folded, r)
		}
		for range len(folded) - n {
			from = append(from, i)
		}
		i++
	}
	return string(folded), from
}

// foldingFilter is the list's fuzzy filter over folded text. The matched
// positions it returns are runes of the targets as given.
func foldingFilter(term string, targets []string) []list.Rank {
	folded := make([]string, len(targets))
	from := make([][]int, len(targets))
	for i, t := range targets {
		folded[i], from[i] = foldText(t)
	}
	term, _ = foldText(term)
	ranks := list.DefaultFilter(term, folded)
	for i, r := range ranks {
		var runes []int
		for _, b := range r.MatchedIndexes {
			if b < 0 || b >= len(from[r.Index]) {
				continue
			}
			if at := from[r.Index][b]; len(runes) == 0 || runes[len(runes)-1] != at {
				runes = append(runes, at)
			}
		}
		ranks[i].MatchedIndexes = runes
	}
	return ranks
}
