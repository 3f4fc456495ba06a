package ui

import (
	"encoding/binary"
	"slices"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"cable/library"
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
	return foldingFilterWith(term, targets, nil)
}

// foldingFilterWith is foldingFilter, taking the targets that folded
// holds as folding to themselves.
func foldingFilterWith(term string, targets []string, folded *textSpan) []list.Rank {
	term, _ = foldText(term)
	words := wordSpans(term)
	if len(words) == 0 {
		return nil
	}
	ranks := make([]list.Rank, 0, len(targets))
	var arena []int // the matched positions of every target, in one array
	for i, t := range targets {
		if folded.holds(t) || foldsToItself(t) {
			// Most targets (filterText folds them ahead): no copy is
			// made, a target without every word of the term is passed
			// over at once, and bytes are runes.
			start := len(arena)
			var ok bool
			if arena, ok = asciiPrefixMatch(term, words, t, arena); ok {
				ranks = append(ranks, list.Rank{Index: i, MatchedIndexes: arena[start:len(arena):len(arena)]})
			} else {
				arena = arena[:start]
			}
			continue
		}
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

// foldsToItself reports whether s is ASCII without capitals, which
// folding leaves as it is, byte for byte.
func foldsToItself(s string) bool {
	// Eight bytes at a time: every target is looked at for every letter
	// typed, 5 MB of them at 50,000 articles.
	const ones, highs, lows = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	i := 0
	b := unsafe.Slice(unsafe.StringData(s), len(s)) // read only
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		if w&highs != 0 {
			return false
		}
		// A byte between '@' and '[', exclusive, that is a capital
		// (Bit Twiddling Hacks' hasbetween, for bytes below 0x80).
		low := w & lows
		if (ones*(127+'[')-low) & ^w & (low+ones*(127-'@')) & highs != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// asciiPrefixMatch is prefixMatch for a target that folds to itself: the
// bytes matched, which are its runes, in order, appended to matched.
func asciiPrefixMatch(term string, words [][2]int, target string, matched []int) ([]int, bool) {
	for _, w := range words {
		if !strings.Contains(target, term[w[0]:w[1]]) {
			return matched, false
		}
	}
	from := len(matched)
	for _, w := range words {
		q := term[w[0]:w[1]]
		found := false
		for i := 0; i < len(target); {
			if !isWordByte(target[i]) {
				i++
				continue
			}
			start := i
			for i < len(target) && isWordByte(target[i]) {
				i++
			}
			if strings.HasPrefix(target[start:i], q) {
				found = true
				for b := start; b < start+len(q); b++ {
					matched = append(matched, b)
				}
			}
		}
		if !found {
			return matched, false
		}
	}
	if len(words) > 1 {
		slices.Sort(matched[from:])
		matched = append(matched[:from], slices.Compact(matched[from:])...)
	}
	return matched, true
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z'
}

// filterText is what the filter matches of an entry (its title, author,
// source, feed and topics), folded ahead when folding keeps its runes one
// for one, as it does most text: the positions the filter marks are then
// those of the text as written, and the filter folds nothing as it is
// typed. Text whose folding adds or drops runes ("ß", a combining mark)
// is left as written, and folded by the filter.
func filterText(e *library.Entry) string {
	s := &e.Summary
	text := strings.Join(append([]string{s.Title, s.Author, s.Source, s.Feed}, s.Topics...), " ")
	folded, from := foldText(text)
	at := 0
	for i := range folded {
		if from[i] != at {
			return text
		}
		at++
	}
	if at != utf8.RuneCountInString(text) {
		return text
	}
	return folded
}

// filterTexts keeps filterText of each of the catalog's entries, made
// again only when the catalog's entries change: the list is made again at
// every sort and every reading saved. The texts that fold to themselves
// are kept in one array, so that the filter knows them by where they are,
// without looking at their bytes.
type filterTexts struct {
	first *library.Entry // the entries they were made of, by their first
	texts []string
	// folded is where the texts that fold to themselves are; the filter
	// reads it on the list's goroutine.
	folded atomic.Pointer[textSpan]
	// memo keeps what the last terms typed found.
	memo filterMemo
}

// textSpan is the addresses of an array of texts, from lo up to hi.
type textSpan struct{ lo, hi uintptr }

func (s *textSpan) holds(t string) bool {
	p := uintptr(unsafe.Pointer(unsafe.StringData(t)))
	return s != nil && len(t) > 0 && p >= s.lo && p < s.hi
}

// of returns filterText of each of entries, in their order.
func (f *filterTexts) of(entries []library.Entry) []string {
	if len(entries) == 0 {
		return nil
	}
	if f.first == &entries[0] && len(f.texts) == len(entries) {
		return f.texts
	}
	texts := make([]string, len(entries))
	size := 0
	for i := range entries {
		texts[i] = filterText(&entries[i])
		if foldsToItself(texts[i]) {
			size += len(texts[i])
		}
	}
	arena := make([]byte, 0, size)
	for i, t := range texts {
		if t != "" && foldsToItself(t) {
			arena = append(arena, t...)
			texts[i] = unsafe.String(&arena[len(arena)-len(t)], len(t))
		}
	}
	f.first, f.texts = &entries[0], texts
	if size > 0 {
		lo := uintptr(unsafe.Pointer(unsafe.SliceData(arena)))
		f.folded.Store(&textSpan{lo: lo, hi: lo + uintptr(size)})
	}
	return texts
}

// filter is the library's filter, foldingFilter, knowing which targets
// fold to themselves by where they are.
func (f *filterTexts) filter(term string, targets []string) []list.Rank {
	return f.memo.filter(term, targets, f.folded.Load())
}
