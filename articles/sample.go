package articles

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// sampleWords is the vocabulary of generated articles: the words of
// foreign-policy writing, so that generated text wraps, hyphenates and
// searches like the real thing.
var sampleWords = strings.Fields(`the of and to in a is that for on as with by it
be this are from at which an or has have its not their was more but they
policy foreign security sanctions alliance treaty ministry government
ambassador diplomatic negotiations ceasefire border territory sovereignty
military defence strategy strategic regional energy pipeline gas oil
Azerbaijan Israel Iran Turkey Russia Armenia Georgia Ukraine Brussels
Washington Moscow Ankara Tehran Baku Yerevan Caucasus Black Sea Caspian
European Union NATO United Nations Security Council parliament president
minister officials leadership opposition elections reform corruption
human rights sanctions-relief arms-control non-proliferation trade
investment infrastructure corridor transit ports shipping grain drones
missiles deterrence escalation normalisation rapprochement mediation
peacekeeping refugees humanitarian economic interests influence lobby
relations bilateral multilateral partnership cooperation rivalry
neighbours periphery balance power realism pragmatic interests values`)

// SampleArticle generates an article of about words words, of the shape
// long analytical pieces have: front matter, a lede, sections of several
// paragraphs with lists, quotes and links, and an editor's note. The same
// seed gives the same article. It exists for benchmarks and for timing
// cable against other readers on the same text.
func SampleArticle(words int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: \"Generated analysis %d\"\nauthor: Sample Author\nsource: Sample Review\npublished: 2024-01-15\ntopics: [generated, benchmark]\n---\n\n", seed)
	written, section := 0, 0
	for written < words {
		if written > 0 && r.IntN(5) == 0 {
			section++
			fmt.Fprintf(&b, "## Section %d: %s\n\n", section, sampleSentence(r, 4))
		}
		switch r.IntN(10) {
		case 0:
			for range 3 {
				item := sampleSentence(r, 8+r.IntN(10))
				fmt.Fprintf(&b, "- %s\n", item)
				written += len(strings.Fields(item))
			}
			b.WriteByte('\n')
		case 1:
			quote := sampleSentence(r, 20+r.IntN(30))
			fmt.Fprintf(&b, "> %s\n\n", quote)
			written += len(strings.Fields(quote))
		default:
			n := 60 + r.IntN(120)
			para := sampleSentence(r, n)
			if r.IntN(3) == 0 {
				para += fmt.Sprintf(" See [the report %d](https://example.org/report/%d).", written, written)
			}
			b.WriteString(para + "\n\n")
			written += n
		}
	}
	b.WriteString("## Editor's note\n\nSample Author writes about generated policy in a personal capacity.\n")
	return []byte(b.String())
}

// sampleSentence is n words with a capital and full stops now and then.
func sampleSentence(r *rand.Rand, n int) string {
	out := make([]string, n)
	for i := range out {
		out[i] = sampleWords[r.IntN(len(sampleWords))]
		if i == 0 || strings.HasSuffix(out[i-1], ".") {
			out[i] = strings.ToUpper(out[i][:1]) + out[i][1:]
		}
		if i == n-1 || r.IntN(14) == 0 {
			out[i] += "."
		}
	}
	return strings.Join(out, " ")
}
