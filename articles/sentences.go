package articles

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a stretch of a block's text: the bytes from Start up to End.
type Span struct {
	Start, End int
}

// Sentences cuts a paragraph's text into its sentences, in order, as byte
// spans of text that hold no white space at either end. A full stop ends
// a sentence unless it belongs to an abbreviation ("Mr.", "U.S.", "e.g."),
// an initial ("J. R. R. Tolkien"), a number ("3.5") or a numbering ("No.
// 5"), or the next word starts in lower case ("etc. and"); the closing
// quotes and brackets after it belong to the sentence it ends ('He
// left."'). An ellipsis ends a sentence as a full stop does. The full
// stops of Chinese and Japanese (。！？) end one without a space after
// them. Text with no sentence end is one sentence; blank text has none.
func Sentences(text string) []Span {
	var out []Span
	start := skipSpace(text, 0)
	for i := start; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isSentenceEnd(r) {
			i += size
			continue
		}
		end := afterClosers(text, endOfStops(text, i))
		if isBoundary(text, start, i, end) {
			out = append(out, Span{Start: start, End: end})
			start = skipSpace(text, end)
			i = start
			continue
		}
		i = end
	}
	if start < len(text) {
		end := len(strings.TrimRightFunc(text, unicode.IsSpace))
		if end > start {
			out = append(out, Span{Start: start, End: end})
		}
	}
	return out
}

// SentenceAt is the sentence of text that holds the byte at; at past the
// end is in the last sentence, and a space between two sentences belongs
// to the one after it.
func SentenceAt(text string, at int) Span {
	spans := Sentences(text)
	for i, s := range spans {
		if at < s.End || i == len(spans)-1 {
			return s
		}
		if at < spans[i+1].Start {
			return spans[i+1]
		}
	}
	return Span{}
}

// isSentenceEnd reports a mark that may end a sentence.
func isSentenceEnd(r rune) bool {
	return strings.ContainsRune(".!?…。！？．", r)
}

// isCJKStop reports the full stops of Chinese and Japanese, which end a
// sentence with no space after them.
func isCJKStop(r rune) bool {
	return strings.ContainsRune("。！？．", r)
}

// endOfStops is where the run of sentence-ending marks starting at i ends:
// "?!", "..." and "…" are one end.
func endOfStops(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isSentenceEnd(r) {
			break
		}
		i += size
	}
	return i
}

// afterClosers is where the closing quotes and brackets that follow a
// sentence's end stop, and the footnote markers after them ("failed.[4]",
// "failed.⁴"): they belong to the sentence.
func afterClosers(text string, i int) int {
	for i < len(text) {
		if n := markerLen(text[i:]); n > 0 {
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !strings.ContainsRune("\"'”’»)]}」』）】〕〉》", r) && !isSuperscriptDigit(r) {
			break
		}
		i += size
	}
	return i
}

// markerLen is the length of the footnote marker text starts with, "[4]"
// or "[2, 3]", or 0.
func markerLen(text string) int {
	if !strings.HasPrefix(text, "[") {
		return 0
	}
	end := strings.IndexByte(text, ']')
	if end < 2 || strings.TrimLeft(text[1:end], "0123456789,–- ") != "" {
		return 0
	}
	return end + 1
}

func skipSpace(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

// isBoundary decides whether the marks at text[stop:end] end the sentence
// that started at start.
func isBoundary(text string, start, stop, end int) bool {
	marks := text[stop:end]
	if end == len(text) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[end:])
	if !unicode.IsSpace(next) {
		// "3.5", "U.S.", "…and": only the full stops of Chinese and
		// Japanese end a sentence with no space after them.
		last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(marks, "\"'”’»)]}」』）】〕〉》"))
		return isCJKStop(last)
	}
	word := nextWord(text, end)
	first, _ := utf8.DecodeRuneInString(word)
	if unicode.IsLower(first) {
		return false // "etc. and so on", "e.g. the", "“Why?” he asked"
	}
	if marks[0] != '.' || strings.HasPrefix(marks, "...") {
		return true
	}
	before := wordBefore(text[start:stop])
	switch {
	case before == "":
		return true
	case isInitial(before):
		return false
	case titles[strings.ToLower(before)]:
		return false
	case numberings[strings.ToLower(before)]:
		return !unicode.IsDigit(first)
	case isDottedAbbreviation(before):
		// "the U.S. Army", "the U.S. The next…": after an abbreviation
		// written with full stops, only a word that starts sentences
		// starts one.
		return starters[strings.ToLower(strings.TrimFunc(word, isNotLetter))]
	}
	return true
}

// nextWord is the word after the white space at text[i:], without the
// quotes and brackets that open it.
func nextWord(text string, i int) string {
	rest := strings.TrimLeftFunc(text[i:], func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("\"'“‘«([{", r)
	})
	if j := strings.IndexFunc(rest, unicode.IsSpace); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

// wordBefore is the last word of s, before its full stop, without the
// quotes and brackets that open it.
func wordBefore(s string) string {
	if j := strings.LastIndexFunc(s, unicode.IsSpace); j >= 0 {
		s = s[j+1:]
	}
	return strings.TrimLeft(s, "\"'“‘«([{")
}

// isInitial reports a single capital letter: "J" of "J. R. R. Tolkien".
func isInitial(word string) bool {
	r, size := utf8.DecodeRuneInString(word)
	return size == len(word) && unicode.IsUpper(r)
}

// isDottedAbbreviation reports a word written with full stops between its
// letters: "U.S", "e.g", "i.e", "U.K".
func isDottedAbbreviation(word string) bool {
	if !strings.Contains(word, ".") {
		return false
	}
	for _, part := range strings.Split(word, ".") {
		if utf8.RuneCountInString(part) != 1 || !unicode.IsLetter([]rune(part)[0]) {
			return false
		}
	}
	return true
}

func isNotLetter(r rune) bool { return !unicode.IsLetter(r) }

// titles are the abbreviations that stand before a name or go on with
// the sentence, never end it in the text cable reads. "etc." is not one:
// it ends a sentence before a capital and goes on before a lower-case
// word, as any word does.
var titles = setOf("mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm",
	"sgt", "gov", "sen", "rep", "rev", "st", "pres", "amb", "hon", "messrs", "mme", "mlle", "jr", "sr",
	"vs", "cf", "ca", "viz", "mt", "ft", "ave", "blvd")

// numberings are the abbreviations that stand before a number: "No. 5",
// "Vol. 2", "p. 14", "Jan. 6". Before anything else their full stop ends a
// sentence ("He said No.").
var numberings = setOf("no", "nos", "vol", "vols", "p", "pp", "art", "arts", "fig", "figs", "ch", "sec", "para", "op",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")

// starters are the words that start a sentence after an abbreviation
// written with full stops ("…for the U.S. The talks…").
var starters = setOf("the", "a", "an", "it", "its", "he", "she", "they", "we", "i", "you", "this", "that",
	"these", "those", "there", "but", "and", "yet", "so", "if", "in", "on", "at", "as", "for", "when",
	"while", "what", "why", "how", "who", "after", "before", "since", "still", "such", "instead", "meanwhile",
	"however", "moreover", "indeed", "now", "then", "today", "many", "most", "some", "no", "not", "one")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
