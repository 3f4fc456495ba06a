package articles

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Name is a name an article mentions, and how often.
type Name struct {
	Text  string
	Count int
}

// commonCapitals are words written with a capital only because they start
// a sentence or a heading, and the pronouns and words that are capitalised
// anyway; they never begin a name.
var commonCapitals = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`A An And As At But By For From He Her His How However I If In Indeed
		It Its Neither Nor Not Of On Or Our She So Some Such That The Their Then There These They This
		Those Thus To Today We What When Where Which While Who Why With Yet You Another Most Many Much
		Both Each Every Either All Any No One Only Also Even Still Since Although Because Despite After
		Before During Moreover Furthermore Meanwhile Instead Rather Here Now Yes Editor Editor’s Opening
		Section Note January February March April May June July August September October November December
		Monday Tuesday Wednesday Thursday Friday Saturday Sunday`) {
		commonCapitals[w] = true
	}
}

// joiners may stand inside a name between capitalised words: "Socialists
// & Democrats Group", "Bank of England".
var joiners = map[string]bool{"&": true, "of": true, "and": false}

// Names finds the names an article mentions (places, people,
// organisations) from runs of capitalised words: "Nagorno-Karabakh",
// "European Parliament" and "Efraim Sneh" stay whole. A capitalised word
// that starts a sentence counts only when the article also writes it
// capitalised elsewhere, and common words ("Today", "Thus") never count.
// Names are sorted by how often they appear, then alphabetically.
func Names(a *Article) []Name {
	counts := map[string]int{}
	midSentence := map[string]bool{}
	var phrases [][]string
	for _, s := range a.Sections {
		for _, b := range s.Blocks {
			if s.Kind != Lede && b.Line == s.Line {
				continue // the heading: every word of it is capitalised
			}
			for _, p := range capitalRuns(b.Text) {
				phrases = append(phrases, p.words)
				if !p.sentenceStart {
					midSentence[p.words[0]] = true
				}
			}
		}
	}
	for _, words := range phrases {
		for len(words) > 0 && (commonCapitals[words[0]] || joiners[words[0]]) {
			words = words[1:]
		}
		if len(words) == 0 {
			continue
		}
		counts[strings.Join(words, " ")]++
	}
	var out []Name
	for text, n := range counts {
		if !strings.Contains(text, " ") && !midSentence[text] && !hasCapitalInside(text) {
			continue // only ever seen starting a sentence
		}
		out = append(out, Name{Text: text, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Text < out[j].Text
	})
	return out
}

// capitalRun is a run of capitalised words in a text, and whether it
// starts a sentence.
type capitalRun struct {
	words         []string
	sentenceStart bool
}

// capitalRuns cuts text into runs of capitalised words ("United States",
// "Socialists & Democrats Group"), trimming punctuation, and notes which
// runs start a sentence.
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
	for _, raw := range strings.Fields(text) {
		word := strings.TrimFunc(raw, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '&' })
		word = strings.TrimSuffix(strings.TrimSuffix(word, "’s"), "'s")
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
		if word != raw && strings.ContainsAny(raw[len(raw)-1:], ",;:()“”\"") {
			flush() // punctuation after a word ends a name
		}
		startOfSentence = strings.ContainsAny(raw[len(raw)-1:], ".!?")
		if startOfSentence {
			flush()
		}
	}
	flush()
	return runs
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
