package library

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// vocabulary is what generated articles are written in: a few hundred
// words of foreign-policy prose, drawn with a Zipf distribution so that,
// as in real text, a few words are everywhere and most are rare.
var vocabulary = strings.Fields(`
the of and to in a that is for on as with by its are be this from which has
was at not have it but an or their they more will than been would also
policy security government state states foreign relations military economic
political strategic regional international national power war peace
diplomacy diplomatic alliance alliances treaty agreement negotiations talks
sanctions embargo trade energy gas oil pipeline pipelines exports imports
market markets investment investors growth crisis conflict conflicts
ceasefire border borders territory territorial sovereignty independence
occupation withdrawal troops forces army navy missile missiles nuclear
deterrence arms weapons defense defence procurement budget spending
intelligence surveillance cyber terrorism terrorist insurgency militia
militias refugees migration humanitarian aid assistance development
democracy democratic authoritarian regime regimes opposition elections
election parliament president minister ministry cabinet leadership leader
leaders elite elites officials official envoy ambassador embassy summit
bilateral multilateral coalition partnership partners partner cooperation
competition rivalry rival rivals influence leverage pressure escalation
tension tensions stability instability order rules institutions
institution council commission union bloc membership enlargement
integration accession reform reforms corruption oligarchs legitimacy
sovereign neighbours neighbourhood region regions continent hemisphere
maritime strait sea gulf basin corridor transit route routes ports
infrastructure connectivity supply chains resilience dependence
interdependence autonomy hedging balancing realism realist liberal
idealism doctrine strategy grand interests values norms law legal courts
tribunal genocide atrocities accountability justice rights human freedom
press media propaganda disinformation narrative narratives public opinion
nationalism identity ethnic minority minorities diaspora religion
religious secular clerics mullahs Tehran Baku Moscow Washington Ankara
Brussels Beijing Jerusalem Yerevan Tbilisi Kyiv Warsaw Berlin Paris London
Iran Israel Azerbaijan Armenia Georgia Russia Turkey China Ukraine Europe
America Caucasus Caspian Karabakh Syria Iraq Gulf Kurdish Azeri Azeris
sanction sanctioned negotiated mediated mediation mediator brokered deal
deals concessions compromise settlement resolution framework roadmap
timeline deadline verification inspectors enrichment uranium reactor
centrifuges program programme capabilities capability modernisation drones
drone artillery offensive counteroffensive frontline casualties shelling
strikes airstrikes bases base deployment deployments exercises patrols
`)

var (
	firstNames = []string{"Eldar", "Anna", "Thomas", "Leyla", "Nino", "Pavel", "Sarah", "Omar", "Ilham", "Marta", "Jonas", "Rustam"}
	lastNames  = []string{"Mamedov", "Kowalski", "de Waal", "Aliyeva", "Beridze", "Baev", "Hughes", "Karimi", "Novak", "Weber", "Rahimov"}
	outlets    = []string{"Foreign Affairs", "Carnegie Europe", "Chatham House", "Eurasianet", "War on the Rocks", "The Caspian Review"}
)

// generator writes articles of realistic shape: front matter, a lede, about
// eight sections of three to six paragraphs, the odd list and blockquote,
// about 1,500 words in all. The same seed gives the same articles.
type generator struct {
	r    *rand.Rand
	zipf *rand.Zipf
}

func newGenerator(seed uint64) *generator {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	return &generator{r: r, zipf: rand.NewZipf(r, 1.07, 2, uint64(len(vocabulary)-1))}
}

func (g *generator) word() string { return vocabulary[g.zipf.Uint64()] }

func (g *generator) words(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = g.word()
	}
	return out
}

// sentence is n words, capitalised, with a full stop.
func (g *generator) sentence(n int) string {
	w := g.words(n)
	w[0] = strings.ToUpper(w[0][:1]) + w[0][1:]
	return strings.Join(w, " ") + "."
}

func (g *generator) paragraph() string {
	var s []string
	for range 2 + g.r.IntN(2) {
		s = append(s, g.sentence(8+g.r.IntN(14)))
	}
	return strings.Join(s, " ")
}

// title is n capitalised words, none of them among the commonest.
func (g *generator) title(n int) string {
	w := make([]string, n)
	for i := range w {
		v := vocabulary[commonWords+g.r.IntN(len(vocabulary)-commonWords)]
		w[i] = strings.ToUpper(v[:1]) + v[1:]
	}
	return strings.Join(w, " ")
}

// commonWords is how many words at the head of vocabulary are function
// words, which titles leave out.
const commonWords = 40

func (g *generator) pick(list []string) string { return list[g.r.IntN(len(list))] }

// article returns the Markdown of one generated article.
func (g *generator) article() string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\nauthor: %s %s\nsource: %s\npublished: 20%02d-%02d-%02d\n",
		g.title(4+g.r.IntN(4)), g.pick(firstNames), g.pick(lastNames), g.pick(outlets),
		10+g.r.IntN(15), 1+g.r.IntN(12), 1+g.r.IntN(28))
	fmt.Fprintf(&b, "topics: [%s, %s]\nsummary: %s\n---\n\n", g.title(1), g.title(1), g.sentence(14))
	b.WriteString(g.paragraph() + "\n\n" + g.paragraph() + "\n\n")
	for range 7 + g.r.IntN(3) {
		fmt.Fprintf(&b, "## %s\n\n", g.title(2+g.r.IntN(3)))
		for range 3 + g.r.IntN(4) {
			b.WriteString(g.block() + "\n\n")
		}
	}
	if g.r.IntN(3) == 0 {
		fmt.Fprintf(&b, "## Editor's note\n\n%s writes in a personal capacity. %s\n", g.title(2), g.sentence(12))
	}
	return b.String()
}

// block is usually a paragraph, sometimes a list or a blockquote.
func (g *generator) block() string {
	switch g.r.IntN(12) {
	case 0:
		var items []string
		for range 3 + g.r.IntN(2) {
			items = append(items, "- "+g.sentence(8+g.r.IntN(8)))
		}
		return strings.Join(items, "\n")
	case 1:
		return "> " + g.paragraph()
	}
	return g.paragraph()
}

// oldTime is the modification time of generated files: far enough in the
// past that Sync trusts it.
var oldTime = time.Date(2020, 3, 1, 12, 0, 0, 0, time.UTC)

// writeArticles writes n generated articles below dir, spread over a few
// subdirectories, and returns their paths in order.
func writeArticles(tb testing.TB, dir string, n int, seed uint64) []string {
	tb.Helper()
	g := newGenerator(seed)
	paths := make([]string, n)
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("shelf-%02d", i%10))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			tb.Fatal(err)
		}
		paths[i] = filepath.Join(sub, fmt.Sprintf("article-%05d.md", i))
		writeOld(tb, paths[i], g.article())
	}
	return paths
}

// writeOld writes a file and dates it in the past.
func writeOld(tb testing.TB, path, content string) {
	tb.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		tb.Fatal(err)
	}
	if err := os.Chtimes(path, oldTime, oldTime); err != nil {
		tb.Fatal(err)
	}
}

func TestGeneratedArticlesHaveRealisticShape(t *testing.T) {
	g := newGenerator(1)
	total := 0
	for range 20 {
		src := g.article()
		total += len(strings.Fields(src))
		if !strings.HasPrefix(src, "---\ntitle: ") || strings.Count(src, "\n## ") < 7 {
			t.Fatalf("generated article lacks front matter or sections:\n%s", src)
		}
	}
	if avg := total / 20; avg < 1100 || avg > 2000 {
		t.Errorf("generated articles average %d words; want about 1,500", avg)
	}
	if newGenerator(7).article() != newGenerator(7).article() {
		t.Error("the generator is not deterministic")
	}
}

// TestWriteGeneratedLibrary writes a generated library for measuring cable
// as a whole process; it is skipped unless asked for:
//
//	CABLE_GEN_DIR=/tmp/lib10k CABLE_GEN_N=10000 go test ./library -run TestWriteGeneratedLibrary
//
// The articles are the benchmarks' (seed 10), CABLE_GEN_N of them (10,000
// by default), below CABLE_GEN_DIR in ten shelves.
func TestWriteGeneratedLibrary(t *testing.T) {
	dir := os.Getenv("CABLE_GEN_DIR")
	if dir == "" {
		t.Skip("set CABLE_GEN_DIR to write a generated library there")
	}
	n := 10000
	if v := os.Getenv("CABLE_GEN_N"); v != "" {
		if _, err := fmt.Sscan(v, &n); err != nil || n < 1 {
			t.Fatalf("CABLE_GEN_N=%q is not a positive number", v)
		}
	}
	writeArticles(t, dir, n, 10)
}
