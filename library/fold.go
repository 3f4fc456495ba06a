package library

import "strings"

// FTS5's unicode61 tokenizer, with remove_diacritics 2, folds letters that
// Unicode decomposes into a base letter and a mark: "naïve" is found by
// "naive", "Şuşa" by "Susa". It cannot fold the letters that are letters
// of their own, so "Baki" would not find "Bakı" (dotless i), nor "Lodz"
// find "Łódź". fold replaces each such letter, in the indexed text and in
// queries alike, with a letter the tokenizer does fold to the usual Latin
// spelling: "ı" with "í" (which folds to "i"), "ø" with "ó", "ß" with "ss".
//
// Every replacement has the same length in bytes as what it replaces, so
// the folded text lines up byte for byte with the original: a match that
// FTS5 marks in the folded text marks the same words in the original, which
// is what search snippets show.
var foldPairs = []string{
	"ı", "í", // dotless i (Azerbaijani, Turkish)
	"ə", "á", "Ə", "Á", // schwa (Azerbaijani): Əliyev, Aliyev
	"ø", "ó", "Ø", "Ó", "ǿ", "ó", "Ǿ", "Ó",
	"ł", "ĺ", "Ł", "Ĺ",
	"đ", "ď", "Đ", "Ď", "ð", "ď", "Ð", "Ď",
	"ħ", "ĥ", "Ħ", "Ĥ",
	"ß", "ss",
	"æ", "ae", "Æ", "AE",
	"œ", "oe", "Œ", "OE",
	"þ", "th", "Þ", "TH",
}

var folder = strings.NewReplacer(foldPairs...)

// fold returns s with the letters FTS5 cannot fold replaced, and whether
// anything changed. len(fold(s)) == len(s) always.
func fold(s string) (string, bool) {
	f := folder.Replace(s)
	return f, f != s
}

// markerFree replaces the snippet markers, should an article contain
// those private-use characters, with spaces, so that every marker in a
// snippet is one that Search put there.
var markerFree = strings.NewReplacer(SnippetStart, " ", SnippetEnd, " ")
