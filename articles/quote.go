package articles

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// QuoteText is a passage as it is kept in a quote: without the markers
// that point elsewhere and mean nothing once it is pasted into notes. Gone
// are the footnote markers attached to a word ("claim.[4]", "claim[1][2]",
// "[3–5]") and superscript numbers after a word ("Soviet Union⁶", as the
// numbered links and many saved pages write them); a lone ² or ³ after a
// word of one or two letters is kept, as in "km²" or "mc²". White space is
// folded and trimmed.
func QuoteText(text string) string {
	text = footnoteMarkers.ReplaceAllString(text, "$1")
	text = dropSuperscriptMarkers(text)
	return strings.Join(strings.Fields(text), " ")
}

// footnoteMarkers are bracketed numbers right after a word or a mark of
// punctuation, one or several in a row.
var footnoteMarkers = regexp.MustCompile(`(\S)(?:\[\d+(?:\s*[,–-]\s*\d+)*\])+`)

// dropSuperscriptMarkers removes the runs of superscript digits that
// follow a word or a mark of punctuation, except a unit's power.
func dropSuperscriptMarkers(text string) string {
	if !strings.ContainsFunc(text, isSuperscriptDigit) {
		return text
	}
	var b strings.Builder
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isSuperscriptDigit(r) || i == 0 || unicode.IsSpace(lastRune(text[:i])) {
			b.WriteRune(r)
			i += size
			continue
		}
		end := i
		for end < len(text) {
			r, size := utf8.DecodeRuneInString(text[end:])
			if !isSuperscriptDigit(r) {
				break
			}
			end += size
		}
		if isPower(text[:i], text[i:end]) {
			b.WriteString(text[i:end])
		}
		i = end
	}
	return b.String()
}

// isPower reports whether sup, after before, is more likely a power than
// a marker: a single ² or ³ after a word of one or two letters.
func isPower(before, sup string) bool {
	if sup != "²" && sup != "³" {
		return false
	}
	word := before[strings.LastIndexFunc(before, func(r rune) bool { return !unicode.IsLetter(r) })+1:]
	n := utf8.RuneCountInString(word)
	return n >= 1 && n <= 2
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func isSuperscriptDigit(r rune) bool {
	return strings.ContainsRune("⁰¹²³⁴⁵⁶⁷⁸⁹", r)
}
