package ui

import (
	"strings"
	"unicode"
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

// foldingFilter is the library's filter: every word of the term must
// begin a word of the target, after both are folded, in any order ("isr
// rel" finds "Israel Relations", "maori" does not find "Azerbaijan …"
// because no word starts with it). Matches keep the library's order, the
// order the reader chose with s, rather than a fuzzy score's. The matched
// positions it returns are runes of the targets as given.
func foldingFilter(term string, targets []string) []list.Rank {
	term, _ = foldText(term)
	words := wordSpans(term)
	if len(words) == 0 {
		return nil
	}
	var ranks []list.Rank
	for i, t := range targets {
		folded, from := foldText(t)
		matched, ok := prefixMatch(term, words, folded)
		if !ok {
			continue
		}
		var runes []int
		for _, b := range matched {
			if at := from[b]; len(runes) == 0 || runes[len(runes)-1] != at {
				runes = append(runes, at)
			}
		}
		ranks = append(ranks, list.Rank{Index: i, MatchedIndexes: runes})
	}
	return ranks
}

// prefixMatch reports whether each word of term (given as spans) begins a
// word of target, and returns the bytes of target those words cover, in
// order. A word of the term may begin several words of the target; all
// of them are marked.
func prefixMatch(term string, words [][2]int, target string) ([]int, bool) {
	spans := wordSpans(target)
	covered := make([]bool, len(target))
	for _, w := range words {
		q := term[w[0]:w[1]]
		found := false
		for _, s := range spans {
			if strings.HasPrefix(target[s[0]:s[1]], q) {
				found = true
				for b := s[0]; b < s[0]+len(q); b++ {
					covered[b] = true
				}
			}
		}
		if !found {
			return nil, false
		}
	}
	var matched []int
	for b, c := range covered {
		if c {
			matched = append(matched, b)
		}
	}
	return matched, true
}

// wordSpans are the byte ranges of the words of s: runs of letters and
// digits, so "Azerbaijan-Israel" is two words and "U.S." two.
func wordSpans(s string) [][2]int {
	var spans [][2]int
	start := -1
	for i, r := range s {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			spans = append(spans, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		spans = append(spans, [2]int{start, len(s)})
	}
	return spans
}
