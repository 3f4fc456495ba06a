package library

import (
	"database/sql"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"cable/articles"
)

// searchLibrary indexes a handful of articles written to test one search
// feature each, and returns the store and the directory.
func searchLibrary(t *testing.T) (*Store, string) {
	t.Helper()
	s, _ := newTestStore(t)
	dir := t.TempDir()
	files := map[string]string{
		"often.md": article("Pipelines everywhere",
			"An opening paragraph about something else entirely.",
			"## The pipeline",
			"The pipeline, the pipeline and again the pipeline: this pipeline decides everything."),
		"once.md": article("A long survey",
			"A long paragraph that mentions a pipeline only once, among many other words about trade, borders, elections, ministers and the weather in the mountains."),
		"baku.md": article("Letter from the Caspian",
			"Officials in Bakı are wary of provoking Iran; the road to Łódź is long.", "Nothing else."),
		"naive.md": article("On illusions", "It would be naïve to expect a quick settlement."),
		"sanction.md": article("Measures",
			"The first paragraph is about tariffs.", "## Penalties", "A single sanction was imposed on the bank."),
		"author.md": "---\ntitle: Untitled notes\nauthor: Eldar Mamedov\n---\n\nPlain text about nothing in particular.\n",
	}
	for name, content := range files {
		put(t, filepath.Join(dir, name), content)
	}
	mustSync(t, s, Sources{Dirs: []string{dir}})
	return s, dir
}

func TestSearch(t *testing.T) {
	s, dir := searchLibrary(t)
	cases := []struct {
		name  string
		query string
		want  []string // files of the hits, in rank order
	}{
		{"many times in one paragraph ranks above once", "pipeline", []string{"often.md", "once.md"}},
		{"dotless i is folded", "Baki", []string{"baku.md"}},
		{"the original letter finds itself", "Bakı", []string{"baku.md"}},
		{"Polish letters are folded", "Lodz", []string{"baku.md"}},
		{"diaeresis is folded", "naive", []string{"naive.md"}},
		{"a plural finds the singular", "sanctions", []string{"sanction.md"}},
		{"the last word is a prefix", "sanc", []string{"sanction.md"}},
		{"every word is required", "sanction bank", []string{"sanction.md"}},
		{"in the same block", "sanction tariffs", nil},
		{"a word missing finds nothing", "pipeline zanzibar", nil},
		{"case does not matter", "BAKI OFFICIALS", []string{"baku.md"}},
		{"front matter is searched", "Mamedov", []string{"author.md"}},
		{"only the last word is a prefix", "pipe everywhere", nil},
		{"two letters make a prefix", "sa", []string{"sanction.md"}},
		{"a single letter is a word, not a prefix", "s", nil},
		{"empty", "", nil},
		{"blank", "  \t ", nil},
		{"punctuation only", `" * ( - :`, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			hits, err := s.Search(c.query, 10)
			if err != nil {
				t.Fatalf("Search(%q): %v", c.query, err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, strings.TrimPrefix(h.Key, dir+"/"))
			}
			if strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Errorf("Search(%q) = %v, want %v", c.query, got, c.want)
			}
		})
	}
}

// Queries are what people type; none of them may reach FTS5 as syntax.
func TestSearchHostileQueries(t *testing.T) {
	s, _ := searchLibrary(t)
	for _, q := range []string{
		`"`, `*`, `AND`, `(`, `NEAR`, `-`, `:`, `"unbalanced`, `pipeline"`, `a OR b`, `NOT pipeline`,
		`NEAR(pipeline once)`, `text:pipeline`, `orig:x`, `^pipeline`, `+pipeline`, `{text orig}: pipeline`,
		`pipeline*`, `*pipeline`, `pipe-line`, `'`, `\`, `%`, `;DROP TABLE docs`, "\x00", "a\x00b", "\xff\xfe",
		`""""`, `AND AND`, `OR`, `NOT`, `( )`, `pipeline AND`, SnippetStart, strings.Repeat("word ", 500),
	} {
		if _, err := s.Search(q, 10); err != nil {
			t.Errorf("Search(%q): %v", q, err)
		}
	}
	if hits, _ := s.Search("NOT pipeline", 10); len(hits) != 0 {
		t.Errorf(`"NOT pipeline" was read as syntax: %d hits`, len(hits))
	}
}

func TestSearchPlacesTheHit(t *testing.T) {
	s, dir := searchLibrary(t)
	hits, err := s.Search("sanctions", 10)
	if err != nil || len(hits) != 1 {
		t.Fatalf("Search: %+v, %v", hits, err)
	}
	h := hits[0]
	a, err := articles.ParseFile(os.DirFS(dir), "sanction.md", filepath.Join(dir, "sanction.md"))
	if err != nil {
		t.Fatal(err)
	}
	if h.ID != "sanction" || h.Title != "Measures" || h.Origin != filepath.Join(dir, "sanction.md") {
		t.Errorf("hit names %q %q %q", h.ID, h.Title, h.Origin)
	}
	if h.Section >= len(a.Sections) || h.Block >= len(a.Sections[h.Section].Blocks) {
		t.Fatalf("hit at section %d block %d is not in the article", h.Section, h.Block)
	}
	if text := a.Sections[h.Section].Blocks[h.Block].Text; !strings.Contains(text, "sanction was imposed") {
		t.Errorf("hit at §%d ¶%d, which reads %q", h.Section, h.Block, text)
	}
	if h.SectionTitle != "Penalties" || h.SectionTitle != a.SectionTitle(h.Section) {
		t.Errorf("section title %q", h.SectionTitle)
	}
	if h.Rank <= 0 {
		t.Errorf("rank %v; want a positive score", h.Rank)
	}
	meta, _ := s.Search("Mamedov", 1)
	if len(meta) != 1 || meta[0].Section != 0 || meta[0].Block != 0 || meta[0].SectionTitle != "" {
		t.Errorf("a hit in the front matter is placed at %+v; want the start", meta)
	}
}

func TestSearchSnippets(t *testing.T) {
	s, _ := searchLibrary(t)
	cases := []struct{ query, want string }{
		{"Baki", SnippetStart + "Bakı" + SnippetEnd}, // the original letter, not the folded one
		{"lodz", "to " + SnippetStart + "Łódź" + SnippetEnd + " is"},
		{"naive", SnippetStart + "naïve" + SnippetEnd},
		{"sanctions", SnippetStart + "sanction" + SnippetEnd},
		{"pipeline decides", "this " + SnippetStart + "pipeline" + SnippetEnd + " " + SnippetStart + "decides" + SnippetEnd},
	}
	for _, c := range cases {
		hits, err := s.Search(c.query, 1)
		if err != nil || len(hits) != 1 {
			t.Fatalf("Search(%q): %+v, %v", c.query, hits, err)
		}
		snip := hits[0].Snippet
		if !strings.Contains(snip, c.want) {
			t.Errorf("Search(%q) snippet %q; want it to contain %q", c.query, snip, c.want)
		}
		checkSnippet(t, snip)
	}
}

func checkSnippet(t *testing.T, snip string) {
	t.Helper()
	if n := len(strings.Fields(snip)); n > snippetWords+2 {
		t.Errorf("snippet %q has %d words", snip, n)
	}
	if strings.Count(snip, SnippetStart) != strings.Count(snip, SnippetEnd) || strings.Count(snip, SnippetStart) == 0 {
		t.Errorf("snippet %q: markers unpaired or missing", snip)
	}
	if !utf8.ValidString(snip) {
		t.Errorf("snippet %q is not valid UTF-8", snip)
	}
}

func TestSearchOneHitPerArticleAndLimit(t *testing.T) {
	s, _ := newTestStore(t)
	dir := t.TempDir()
	for _, name := range []string{"a.md", "b.md", "c.md"} {
		put(t, filepath.Join(dir, name), article(name, "Treaty text.", "More treaty text.", "- a treaty item", "> a treaty quote"))
	}
	mustSync(t, s, Sources{Dirs: []string{dir}})
	for limit, want := range map[int]int{0: 0, 1: 1, 2: 2, 10: 3} {
		hits, err := s.Search("treaty", limit)
		if err != nil || len(hits) != want {
			t.Errorf("Search with limit %d: %d hits, %v; want %d", limit, len(hits), err, want)
		}
		seen := map[string]bool{}
		for _, h := range hits {
			if seen[h.Key] {
				t.Errorf("limit %d: %s found twice", limit, h.Key)
			}
			seen[h.Key] = true
		}
	}
}

// A very common word is ranked among the newest matching blocks only, so
// that it costs no more than maxRanked blocks' ranking.
func TestSearchRanksAtMostMaxRanked(t *testing.T) {
	s, _ := newTestStore(t)
	dir := t.TempDir()
	for _, name := range []string{"1.md", "2.md", "3.md", "4.md", "5.md"} {
		put(t, filepath.Join(dir, name), article(name, "Treaty text."))
		mustSync(t, s, Sources{Dirs: []string{dir}}) // one at a time: 5.md is the newest
	}
	s.maxRanked = 3
	hits, err := s.Search("treaty", 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hits {
		got = append(got, filepath.Base(h.Key))
	}
	slices.Sort(got)
	if strings.Join(got, " ") != "3.md 4.md 5.md" {
		t.Errorf("hits %v; want the three newest articles", got)
	}
}

func TestSearchFindsBundledArticles(t *testing.T) {
	s, _ := newTestStore(t)
	bundle, err := articles.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	mustSync(t, s, Sources{Bundle: bundle})
	hits, err := s.Search("mad mullahs", 5)
	if err != nil || len(hits) != 1 || hits[0].Key != "bundled:"+bundle[0].ID || hits[0].Origin != "bundled" {
		t.Fatalf("Search: %+v, %v", hits, err)
	}
	checkSnippet(t, hits[0].Snippet)
}

func TestWindow(t *testing.T) {
	m := func(s string) string { return SnippetStart + s + SnippetEnd }
	cases := []struct {
		name, text string
		n          int
		want       string
	}{
		{"short text whole", "a " + m("b") + " c", 5, "a " + m("b") + " c"},
		{"lead-in of three words", "w1 w2 w3 w4 w5 w6 " + m("hit") + " w8 w9 w10 w11", 5, "… w4 w5 w6 " + m("hit") + " w8 …"},
		{"at the start", m("hit") + " w2 w3 w4 w5 w6", 3, m("hit") + " w2 w3 …"},
		{"at the end", "w1 w2 w3 w4 w5 " + m("hit"), 3, "… w4 w5 " + m("hit")},
		{"most hits win", m("x") + " w2 w3 w4 w5 w6 " + m("y") + " " + m("z") + " w9", 3, "… w6 " + m("y") + " " + m("z") + " …"},
		{"a phrase cut at the end is closed", "w1 w2 w3 w4 " + SnippetStart + "p1 p2 p3 p4 p5 p6 p7" + SnippetEnd, 6,
			"… " + SnippetStart + "p1 p2 p3 p4 p5 p6" + SnippetEnd + " …"},
		{"a long phrase at the start is closed at the cut", SnippetStart + "p1 p2 p3 p4 p5 p6" + SnippetEnd + " w7 w8 w9 w10 w11 w12 w13", 3,
			SnippetStart + "p1 p2 p3" + SnippetEnd + " …"},
	}
	for _, c := range cases {
		if got := window(c.text, c.n); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

func TestRestore(t *testing.T) {
	cases := []struct{ orig, from, to, want string }{
		{"Bakı, Łódź and Straße", "Baki", "Strasse",
			SnippetStart + "Bakı" + SnippetEnd + ", Łódź and " + SnippetStart + "Straße" + SnippetEnd},
		// Foldings shorter and longer than the letters, and marks that
		// fold to nothing, stay inside the word they belong to.
		{"İlham Əliyev met Æsir", "ilham", "aesir",
			SnippetStart + "İlham" + SnippetEnd + " Əliyev met " + SnippetStart + "Æsir" + SnippetEnd},
		{"Le cafe\u0301 de l\u2019Øresund", "cafe", "oresund",
			"Le " + SnippetStart + "cafe\u0301" + SnippetEnd + " de l\u2019" + SnippetStart + "Øresund" + SnippetEnd},
	}
	for _, c := range cases {
		folded, changed := fold(c.orig)
		if !changed {
			t.Fatalf("fold(%q) changed nothing", c.orig)
		}
		marked := strings.Replace(folded, c.from, SnippetStart+c.from+SnippetEnd, 1)
		marked = strings.Replace(marked, c.to, SnippetStart+c.to+SnippetEnd, 1)
		if got := restore(marked, sql.NullString{String: c.orig, Valid: true}); got != c.want {
			t.Errorf("restore(%q) = %q, want %q", marked, got, c.want)
		}
	}
	// Text that does not fold to what was marked is shown as marked.
	if got := restore("x"+SnippetStart+"y"+SnippetEnd, sql.NullString{String: "Bakı", Valid: true}); got != "x"+SnippetStart+"y"+SnippetEnd {
		t.Errorf("restore of a block that does not line up = %q", got)
	}
}

// foldMap folds as fold does, and places every byte of the folding.
func TestFoldMap(t *testing.T) {
	for _, s := range []string{"", "ascii", "Bakı", "Straße", "cafe\u0301!", "Ǿ Мир 東京", "\u0301lead"} {
		want, _ := fold(s)
		folded, lo, hi := foldMap(s)
		if folded != want || len(lo) != len(folded)+1 || len(hi) != len(lo) {
			t.Errorf("foldMap(%q) = %q with %d, %d places; fold gives %q", s, folded, len(lo), len(hi), want)
			continue
		}
		if lo[0] != 0 || hi[len(hi)-1] != len(s) {
			t.Errorf("foldMap(%q) places %v %v do not span the text", s, lo, hi)
		}
	}
}

// A last word of two letters, the start of a word being typed, narrows
// the hits but does not rank them: it is in most blocks of a library, and
// bm25 would count every one of them first (20 ms and more for 10,000
// articles). Longer last words, and single letters (which are words, not
// prefixes), are ranked.
func TestMatchQueryLeavesShortPrefixesOutOfTheRanking(t *testing.T) {
	cases := []struct{ query, all, rank string }{
		{"te", `"te" *`, ""},
		{"treaty te", `"treaty" "te" *`, `"treaty"`},
		{"treaty ter", `"treaty" "ter" *`, `"treaty" "ter" *`},
		{"treaty", `"treaty" *`, `"treaty" *`},
		{"treaty s", `"treaty" "s"`, `"treaty" "s"`},
		{"Bakı", `"Baki" *`, `"Baki" *`},
		{"Straße", `"Strasse" *`, `"Strasse" *`},
	}
	for _, c := range cases {
		if m := matchQuery(c.query); m.all != c.all || m.rank != c.rank {
			t.Errorf("matchQuery(%q) = %+v, want all %s, rank %s", c.query, m, c.all, c.rank)
		}
	}
}

func TestSearchShortPrefixAloneListsTheNewestArticles(t *testing.T) {
	s, _ := newTestStore(t)
	dir := t.TempDir()
	for _, name := range []string{"1.md", "2.md", "3.md", "4.md", "5.md"} {
		put(t, filepath.Join(dir, name), article(name, "Some prose.", "Treaty text."))
		mustSync(t, s, Sources{Dirs: []string{dir}}) // one at a time: 5.md is the newest
	}
	hits, err := s.Search("tr", 3)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hits {
		got = append(got, filepath.Base(h.Key))
		if h.Rank != 0 || math.Signbit(h.Rank) || h.Section != 0 || h.Block != 1 {
			t.Errorf("%s: rank %v at §%d ¶%d; want rank 0 at the first matching block, §0 ¶1", h.Key, h.Rank, h.Section, h.Block)
		}
		checkSnippet(t, h.Snippet)
	}
	if strings.Join(got, " ") != "5.md 4.md 3.md" {
		t.Errorf("hits %v; want the three newest articles, newest first", got)
	}
}

func TestSearchShortPrefixNarrowsTheRankedWords(t *testing.T) {
	s, _ := newTestStore(t)
	dir := t.TempDir()
	files := map[string]string{
		"dense.md":     article("One", "Treaty after treaty: the treaty terms."),
		"sparse.md":    article("Two", "A long paragraph that names the treaty once, among many other words about borders, ministers and the tenor of the talks."),
		"no-te.md":     article("Three", "Treaty, treaty, treaty and nothing else."),
		"no-treaty.md": article("Four", "Ten terms."),
	}
	for name, content := range files {
		put(t, filepath.Join(dir, name), content)
	}
	mustSync(t, s, Sources{Dirs: []string{dir}})
	hits, err := s.Search("treaty te", 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hits {
		got = append(got, filepath.Base(h.Key))
		if h.Rank <= 0 {
			t.Errorf("%s: rank %v; want a positive bm25 score", h.Key, h.Rank)
		}
		if !strings.Contains(h.Snippet, SnippetStart+"te") && !strings.Contains(h.Snippet, SnippetStart+"Te") {
			t.Errorf("%s: snippet %q does not mark the prefix", h.Key, h.Snippet)
		}
		checkSnippet(t, h.Snippet)
	}
	if strings.Join(got, " ") != "dense.md sparse.md" {
		t.Errorf("hits %v; want dense.md ranked above sparse.md, and only those", got)
	}
}
