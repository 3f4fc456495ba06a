package articles

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Name is a name an article mentions, and how often.
type Name struct {
	Text string
	// Also are shorter forms of the name the article uses for it after
	// giving it whole: "Xi" for "Xi Jinping". Its mentions are counted
	// with the name's.
	Also  []string
	Count int
}

// Forms are what the name's mentions are found by: its text, then the
// shorter forms folded into it.
func (n Name) Forms() []string { return append([]string{n.Text}, n.Also...) }

// commonWords are words written with a capital only because they start a
// sentence, a caption or a heading-like line, and the words that are
// capitalised anyway (pronouns, months, days): none of them is a name on
// its own, and none begins one. Kept short: a word the article also
// writes in lower case is no name either (see Names).
var commonWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an and as at but by for from he her his how however i if in indeed
		it its neither nor not of on or our she so some such that the their then there these they this
		those thus to today we what when where which while who why with yet you another most many much
		both each every either all any no one only also even still since although because despite after
		before during moreover furthermore meanwhile instead rather here now yes editor editor’s opening
		section note january february march april may june july august september october november december
		monday tuesday wednesday thursday friday saturday sunday photograph photo picture image source
		credit caption illustration video watch read more people women men children officials critics
		analysts experts residents police protesters some many last next first new old over under up down
		out about after again against are be been being can could did do does had has have just like my
		new other said says same should than was were will would year years time week day there's it's
		mr mrs ms dr president`) {
		commonWords[w] = true
	}
}

// isCommon reports whether a capitalised word is a common word.
func isCommon(word string) bool { return commonWords[strings.ToLower(word)] }

// joiners may stand inside a name between capitalised words: "Socialists
// & Democrats Group", "Bank of England".
var joiners = map[string]bool{"&": true, "of": true}

// Names finds the names an article mentions (places, people,
// organisations) from runs of capitalised words: "Nagorno-Karabakh",
// "European Parliament" and "People's Daily" stay whole.
//
//   - A single capitalised word is a name only when the article also
//     writes it capitalised where no sentence, caption or heading-like line
//     starts ("quoted by Reuters", not "Photograph: Reuters"), never writes
//     it in lower case, and it is no common word ("Excessive", "Critics").
//   - A single word that is the first or last word of one longer name,
//     and first stands alone after that name is given whole, is that name
//     shortened: "Xi" after "Xi Jinping" is folded into it.
//   - A count is the name's mentions as the reader's find finds them
//     (FindName): every whole-word occurrence of its forms in the text,
//     headings and captions included.
//
// Names are sorted by how often they appear, then alphabetically.
func Names(a *Article) []Name {
	var blocks [][]rune
	lower := map[string]bool{}
	first := map[string]int{} // where a candidate is first seen, in runs
	midSentence := map[string]bool{}
	runs := 0
	for _, s := range a.Sections {
		for _, b := range s.Blocks {
			blocks = append(blocks, []rune(b.Text))
			noteLowerWords(b.Text, lower)
			if s.Kind != Lede && b.Line == s.Line {
				continue // the heading: every word of it is capitalised
			}
			for _, p := range blockRuns(b) {
				words := trimLeading(p.words, p.sentenceStart, lower)
				if len(words) == 0 {
					continue
				}
				text := strings.Join(words, " ")
				if _, ok := first[text]; !ok {
					first[text] = runs
				}
				runs++
				if !p.sentenceStart || len(words) < len(p.words) {
					midSentence[words[0]] = true
				}
			}
		}
	}
	folded := foldShortForms(first)
	var out []Name
	for text := range first {
		if _, gone := folded[text]; gone {
			continue
		}
		if !strings.Contains(text, " ") && !isName(text, midSentence, lower) {
			continue
		}
		n := Name{Text: text}
		for short, long := range folded {
			if long == text {
				n.Also = append(n.Also, short)
			}
		}
		sort.Strings(n.Also)
		for _, b := range blocks {
			n.Count += len(FindName(b, n.Forms()))
		}
		out = append(out, n)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Text < out[j].Text
	})
	return out
}

// blockRuns are the capitalised runs of a block: of each of a table's
// cells on its own, as a table's header ("Country Exports Imports") and
// its rows are no one name.
func blockRuns(b Block) []capitalRun {
	if b.Cells == nil {
		return capitalRuns(b.Text)
	}
	var runs []capitalRun
	for _, c := range b.Cells {
		cell := capitalRuns(c)
		if len(cell) > 0 {
			cell[0].sentenceStart = true // a cell starts as a line does
		}
		runs = append(runs, cell...)
	}
	return runs
}

// isName is the rule for a single word: see Names.
func isName(word string, midSentence, lower map[string]bool) bool {
	if hasCapitalInside(word) {
		return true // "McCain", "Nagorno-Karabakh", "US"
	}
	return midSentence[word] && !isCommon(word) && !lower[strings.ToLower(word)]
}

// trimLeading drops the common words a run starts with ("The Hague" is
// lost, "The European Parliament" kept as "European Parliament"), and at
// a sentence's start a word the article writes in lower case elsewhere.
func trimLeading(words []string, sentenceStart bool, lower map[string]bool) []string {
	for len(words) > 0 {
		w := words[0]
		if isCommon(w) || joiners[w] || (sentenceStart && len(words) > 1 && lower[strings.ToLower(w)]) {
			words, sentenceStart = words[1:], false
			continue
		}
		break
	}
	return words
}

// foldShortForms finds the single words that shorten a longer name: the
// word is the first or last word of exactly one longer name without
// joiners, the longer name is seen first, and its other words are no
// adjective of a people, creed or place ("Kemalist Turkey" is a kind of
// Turkey, not its full name). It maps each such word to its name.
func foldShortForms(first map[string]int) map[string]string {
	edges := map[string][]string{}
	for text := range first {
		words := strings.Fields(text)
		if len(words) < 2 {
			continue
		}
		edges[words[0]] = append(edges[words[0]], text)
		if last := words[len(words)-1]; last != words[0] {
			edges[last] = append(edges[last], text)
		}
	}
	folded := map[string]string{}
	for text, at := range first {
		names := edges[text]
		if strings.Contains(text, " ") || len(names) != 1 || strings.ContainsAny(names[0], "&") ||
			strings.Contains(names[0], " of ") || first[names[0]] > at || qualified(names[0], text) {
			continue
		}
		folded[text] = names[0]
	}
	return folded
}

// qualified reports whether a word of name other than word looks like an
// adjective of a people, creed or place: "Kemalist", "Chinese", "Israeli".
func qualified(name, word string) bool {
	for _, w := range strings.Fields(name) {
		if w == word {
			continue
		}
		for _, end := range []string{"ist", "ian", "an", "ese", "ish", "ic", "i"} {
			if strings.HasSuffix(w, end) {
				return true
			}
		}
	}
	return false
}

// noteLowerWords adds the words of text that start with a lower-case
// letter to lower.
func noteLowerWords(text string, lower map[string]bool) {
	for _, raw := range strings.Fields(text) {
		word := trimWord(raw)
		if r, _ := utf8.DecodeRuneInString(word); unicode.IsLower(r) {
			lower[word] = true
		}
	}
}

// capitalRun is a run of capitalised words in a text, and whether it
// starts a sentence.
type capitalRun struct {
	words         []string
	sentenceStart bool
}

// capitalRuns cuts text into runs of capitalised words ("United States",
// "Socialists & Democrats Group"), trimming punctuation, and notes which
// runs start a sentence, a caption or a heading-like line ("Photograph:
// Reuters"). A possessive ends a name ("China's Xi Jinping" is China, then
// Xi Jinping) unless the owner is a common word, when the possessive is
// part of the name: "People's Daily".
func capitalRuns(text string) []capitalRun {
	var runs []capitalRun
	var cur []string
	startOfSentence, curStart := true, false
	flush := func() {
		for len(cur) > 0 && joiners[cur[len(cur)-1]] {
			cur = cur[:len(cur)-1]
		}
		if len(cur) > 0 {
			runs = append(runs, capitalRun{words: cur, sentenceStart: curStart})
		}
		cur = nil
	}
	fields := strings.Fields(text)
	for i, raw := range fields {
		word := trimWord(raw)
		owner, possessive := cutPossessive(word)
		if possessive && (i+1 == len(fields) || !isCapitalised(trimWord(fields[i+1])) || !isCommon(owner) || word != raw) {
			word = owner // the possessive ends the name, or there is none
		} else {
			possessive = false
		}
		switch {
		case word != "" && isCapitalised(word):
			if len(cur) == 0 {
				curStart = startOfSentence
			}
			cur = append(cur, word)
		case len(cur) > 0 && joiners[word]:
			cur = append(cur, word)
		default:
			flush()
		}
		if possessive || (word != raw && strings.ContainsAny(raw[len(raw)-1:], ",;:()“”\"")) {
			flush() // punctuation after a word ends a name
		}
		startOfSentence = strings.ContainsAny(raw[len(raw)-1:], ".!?:")
		if startOfSentence {
			flush()
		}
	}
	flush()
	return runs
}

// trimWord trims the punctuation around a word.
func trimWord(raw string) string {
	return strings.TrimFunc(raw, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '&' })
}

// cutPossessive cuts the "'s" or "’s" off a word.
func cutPossessive(word string) (string, bool) {
	for _, s := range []string{"’s", "'s"} {
		if owner, ok := strings.CutSuffix(word, s); ok && owner != "" {
			return owner, true
		}
	}
	return word, false
}

func isCapitalised(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	return unicode.IsUpper(r)
}

// hasCapitalInside reports a capital after the first letter, as in
// "Nagorno-Karabakh" or "McCain": such a word is a name wherever it stands.
func hasCapitalInside(word string) bool {
	for i, r := range word {
		if i > 0 && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// FindName finds the mentions of a name in text by its forms, longest
// first: each a whole-word occurrence, written with the form's capitals,
// any white space standing for a space and either apostrophe for the
// other ("Hong Kong" in "Hong Kong's" and "Hong Kong-based", "Xi" not in
// "Xinhua"). It gives each mention's runes [start, end).
func FindName(text []rune, forms []string) [][2]int {
	qs := make([][]rune, 0, len(forms))
	for _, f := range forms {
		if q := []rune(strings.Join(strings.Fields(f), " ")); len(q) > 0 {
			qs = append(qs, q)
		}
	}
	sort.SliceStable(qs, func(i, j int) bool { return len(qs[i]) > len(qs[j]) })
	var out [][2]int
	for i := 0; i < len(text); i++ {
		if i > 0 && isWordRune(text[i-1]) {
			continue
		}
		for _, q := range qs {
			if n := nameAt(text[i:], q); n > 0 && (i+n == len(text) || !isWordRune(text[i+n])) {
				out = append(out, [2]int{i, i + n})
				i += n - 1
				break
			}
		}
	}
	return out
}

// nameAt is how many runes of text q matches from its start, or 0.
func nameAt(text, q []rune) int {
	t := 0
	for _, r := range q {
		if t >= len(text) || !sameRune(text[t], r) {
			return 0
		}
		t++
		if r == ' ' {
			for t < len(text) && unicode.IsSpace(text[t]) {
				t++
			}
		}
	}
	return t
}

func sameRune(t, q rune) bool {
	switch {
	case q == ' ':
		return unicode.IsSpace(t)
	case q == '\'' || q == '’':
		return t == '\'' || t == '’'
	}
	return t == q
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
