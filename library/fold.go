package library

import (
	"database/sql"
	"strings"
	"unicode"
	"unicode/utf8"

	"cable/textfold"
)

// FTS5's unicode61 tokenizer folds case, and with remove_diacritics 2 the
// letters Unicode decomposes into a base letter and a mark; it cannot fold
// the letters that are letters of their own, so "Baki" would not find
// "Bakı", nor "Lodz" "Łódź", nor "strasse" "Straße". So the text indexed
// and the queries are folded first with textfold, the table the library
// screen's filter folds with, so that the two find the same things. ASCII
// is left to the tokenizer, which folds its case alike, so that most
// blocks are indexed as they are written.
//
// Chinese and Japanese write no spaces between words, and the tokenizer
// takes a run of their characters for one word: "半导体" inside a clause
// could not be found. So each of their characters is indexed as a word of
// its own (folded to itself with a space on either side), and a query
// finds a run of them as a phrase: the characters one after the other
// (see matchQuery). Korean, which spaces its words, is left as it is.
//
// A folding may be longer or shorter than the letter it replaces ("ı" is
// two bytes, "i" one), so a snippet, which FTS5 marks in the folded text,
// is mapped back onto the original by restore.

// spaced reports whether r is indexed as a word of its own: a Chinese
// character or Japanese kana.
func spaced(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// foldRune is what r is indexed as, and whether that is not r itself.
func foldRune(r rune) (string, bool) {
	if r < utf8.RuneSelf {
		return "", false
	}
	if spaced(r) {
		return " " + string(r) + " ", true
	}
	return textfold.Rune(r)
}

// fold returns s with every non-ASCII rune folded, and whether anything
// changed.
func fold(s string) (string, bool) {
	for i, r := range s {
		if r < utf8.RuneSelf {
			continue
		}
		if _, ok := foldRune(r); ok {
			var b strings.Builder
			b.Grow(len(s) + 8)
			b.WriteString(s[:i])
			for _, r := range s[i:] {
				if f, ok := foldRune(r); ok {
					b.WriteString(f)
				} else {
					b.WriteRune(r)
				}
			}
			return b.String(), true
		}
	}
	return s, false
}

// foldMap folds s as fold does and says where each place in the folded
// text is in s: lo[q] is the first and hi[q] the last place in s whose
// text before it folds to the folded text's first q bytes. They differ
// around a rune that folds to nothing (a combining mark); a place inside
// the folding of one rune ("ss" for "ß") is the place after that rune.
func foldMap(s string) (folded string, lo, hi []int) {
	var b strings.Builder
	b.Grow(len(s) + 8)
	lo, hi = []int{0}, []int{0}
	for i, r := range s {
		size := utf8.RuneLen(r)
		if r == utf8.RuneError {
			_, size = utf8.DecodeRuneInString(s[i:])
		}
		f, ok := foldRune(r)
		if ok && spaced(r) {
			// " 半 ": the place after the first space is still before
			// the character; the others are after it.
			b.WriteString(f)
			lo, hi = append(lo, i), append(hi, i)
			for range len(f) - 1 {
				lo, hi = append(lo, i+size), append(hi, i+size)
			}
			continue
		}
		if !ok {
			f = s[i : i+size]
		}
		b.WriteString(f)
		if f == "" {
			hi[len(hi)-1] = i + size
			continue
		}
		for range len(f) - 1 {
			lo, hi = append(lo, i+size), append(hi, i+size)
		}
		lo, hi = append(lo, i+size), append(hi, i+size)
	}
	return b.String(), lo, hi
}

// restore puts the original text back into a highlighted block whose
// indexed text was folded, keeping the markers around the same words. A
// block that does not fold to what was highlighted (it cannot happen,
// short of a change to folding without reindexing) is shown as highlighted.
func restore(marked string, orig sql.NullString) string {
	if !orig.Valid {
		return marked
	}
	o := orig.String
	folded, lo, hi := foldMap(o)
	var b strings.Builder
	b.Grow(len(o) + 16)
	q, at := 0, 0 // place in folded, place in o
	for i := 0; i < len(marked); {
		m := markerAt(marked[i:])
		if m == "" {
			j := i + 1
			for j < len(marked) && markerAt(marked[j:]) == "" {
				j++
			}
			if q+j-i > len(folded) || folded[q:q+j-i] != marked[i:j] {
				return marked
			}
			q += j - i
			i = j
			continue
		}
		to := lo[q]
		if m == SnippetEnd {
			to = hi[q]
		}
		if to < at {
			return marked
		}
		b.WriteString(o[at:to])
		b.WriteString(m)
		at = to
		i += len(m)
	}
	if q != len(folded) {
		return marked
	}
	b.WriteString(o[at:])
	return b.String()
}

// markerFree replaces the snippet markers, should an article contain
// those private-use characters, with spaces, so that every marker in a
// snippet is one that Search put there.
var markerFree = strings.NewReplacer(SnippetStart, " ", SnippetEnd, " ")
