package library

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"cable/crash"
)

// SnippetStart and SnippetEnd surround the matched words in Hit.Snippet.
// They are private-use characters, which no article contains (the index
// replaces them with spaces), so that the interface can style the matches
// however it likes and no text can pass itself off as a match.
const SnippetStart, SnippetEnd = "\ue001", "\ue002"

// snippetWords is how many words a snippet shows: enough to recognise the
// passage on one line of a result list.
const snippetWords = 12

// maxQueryWords bounds a query, since every word is one more term for FTS5
// to intersect.
const maxQueryWords = 32

// Hit is one article found by Search, at its best-matching block.
type Hit struct {
	Key, ID, Title, Origin string
	// Section and Block place the hit (articles.Position without the
	// offset). A hit in the front matter (title, author, source, topics,
	// summary) is placed at the start: Section 0, Block 0, with an empty
	// SectionTitle, and FrontMatter set; an article's front matter is a
	// hit only when no passage of its text is.
	Section      int
	SectionTitle string
	Block        int
	FrontMatter  bool
	// Snippet is about snippetWords words around the match, with the
	// matched words between SnippetStart and SnippetEnd, and "…" where the
	// block's text was cut.
	Snippet string
	// Rank is the relevance: FTS5's bm25 score, negated so that higher is
	// better. It is 0 for the hits of a query too broad to rank (see
	// Search).
	Rank float64
}

// Search looks for query in every indexed article, one full-text row per
// block (paragraph, list item, heading…) so that a hit has a place.
//
// The query is what a person types, never FTS5 syntax: every word is
// quoted, so that punctuation, "AND", "NEAR", "*", quotes or brackets are
// searched for as text and cannot cause a syntax error; the last word,
// from two characters on, is a prefix, so that results come while typing;
// every word is required, in the same block. Words are stemmed
// ("sanctions" finds "sanction") and accents and special letters folded
// ("Baki" finds "Bakı", "naive" finds "naïve"). A query without a letter or
// digit finds nothing.
//
// Hits are ranked by bm25, best first, at most one per article (its best
// block of text, or its front matter when nothing of its text matches)
// and at most limit in all. So that a search never takes long, a
// query matching more than maxRanked blocks (a word on every other page)
// is ranked among the maxRanked matching blocks of the most recently added
// articles only. A last word of fewer than broadPrefix characters, the
// start of a word being typed, narrows the hits but does not rank them:
// it matches most of the vocabulary, so it says nothing about relevance,
// and bm25 would have to count its every match. When it is the only word,
// the hits are the most recently added articles that match, each at its
// first matching block, with Rank 0.
func (s *Store) Search(query string, limit int) ([]Hit, error) {
	return s.SearchPassages(query, limit, 1)
}

// SearchPassages is Search with up to passages hits for each article, the
// best first, and still at most limit articles: the passages where the
// query's words stand together before those where they are spread, then
// by rank.
func (s *Store) SearchPassages(query string, limit, passages int) ([]Hit, error) {
	passages = max(passages, 1)
	match := matchQuery(query)
	if match.all == "" || limit <= 0 {
		return nil, nil
	}
	// One connection for the whole search, which the temporary table of
	// snippets belongs to.
	ctx := context.Background()
	c, err := s.search.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("library: searching for %q: %w", query, err)
	}
	defer c.Close()
	ranked := maxRanked
	if s.maxRanked > 0 {
		ranked = s.maxRanked
	}
	best, err := bestBlocks(ctx, c, match, limit, passages, ranked)
	if err != nil {
		return nil, fmt.Errorf("library: searching for %q: %w", query, s.suspect(err))
	}
	hits, err := hits(ctx, c, match.all, best, s.Crash)
	if err != nil {
		return nil, fmt.Errorf("library: searching for %q: %w", query, s.suspect(err))
	}
	return hits, nil
}

// maxRanked bounds how many matching blocks Search ranks: bm25 costs one
// to a few microseconds a block (it looks up the block's length), and a
// word found in tens of thousands of blocks carries little information to
// rank by anyway. 5,000 keeps a search of 10,000 articles under 20 ms.
const maxRanked = 5000

// minPrefix is the shortest last word that is taken as a prefix: a single
// letter would match most of the vocabulary, at great cost, to no purpose.
const minPrefix = 2

// broadPrefix is the shortest prefix that takes part in the ranking. A
// shorter one ("th") is in most blocks: bm25 would give it next to no
// weight, after counting every block it is in (half a million in a
// 10,000-article library, 20 ms and more).
const broadPrefix = 3

// match is a query made safe for FTS5: all is what a block must match;
// rank is what bm25 ranks the matching blocks by, "" when no word is worth
// ranking by; near is what a block whose words stand together matches,
// "" for a query of one word.
type match struct{ all, rank, near string }

// nearWords is how close a query's words must stand to count as
// together: within a clause or two.
const nearWords = 10

// matchQuery turns what a person typed into a safe FTS5 query: each word
// with a letter or digit in it becomes a quoted string (quotes doubled
// inside), the last one a prefix, all joined by FTS5's implicit AND (which,
// unlike AND, ignores a string the tokenizer finds no word in). Control
// characters count as spaces. The ranking leaves out a last word shorter
// than broadPrefix.
func matchQuery(query string) match {
	query = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, query)
	var terms []string
	last, lastPhrase := "", false
	for _, typed := range strings.Fields(query) {
		// A word typed folds to several where it holds Chinese or
		// Japanese characters, each indexed as a word: they are looked
		// for one after the other, as a phrase.
		folded, _ := fold(typed)
		words := strings.Fields(folded)
		if !strings.ContainsFunc(folded, isWordRune) {
			continue
		}
		w := strings.Join(words, " ")
		terms = append(terms, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
		last, lastPhrase = w, len(words) > 1
		if len(terms) == maxQueryWords {
			break
		}
	}
	if len(terms) == 0 {
		return match{}
	}
	m := match{rank: strings.Join(terms, " ")}
	switch n := utf8.RuneCountInString(strings.TrimFunc(last, func(r rune) bool { return !isWordRune(r) })); {
	case lastPhrase:
		// Characters, not the start of a word: no prefix.
	case n >= broadPrefix:
		terms[len(terms)-1] += " *"
		m.rank = strings.Join(terms, " ")
	case n >= minPrefix:
		m.rank = strings.Join(terms[:len(terms)-1], " ")
		terms[len(terms)-1] += " *"
	}
	m.all = strings.Join(terms, " ")
	if len(terms) > 1 {
		m.near = fmt.Sprintf("NEAR(%s, %d)", m.all, nearWords)
	}
	return m
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

// hits fills in the hits for the best blocks: their places, their
// articles and their snippets, in rank order.
func hits(ctx context.Context, c *sql.Conn, match string, best []ranked, r *crash.Reporter) ([]Hit, error) {
	if len(best) == 0 {
		return nil, nil
	}
	found, err := highlights(ctx, c, match, best, r)
	if err != nil {
		return nil, err
	}
	docs, err := docsByNumber(ctx, c, best)
	if err != nil {
		return nil, err
	}
	out := make([]Hit, 0, len(best))
	for _, b := range best {
		h, d := found[b.rowid], docs[b.rowid>>blockBits]
		if h == nil || d == nil {
			continue // gone from the index since bestBlocks
		}
		h.Key, h.ID, h.Title, h.Origin = d.key, d.id, d.title, originOf(d.key)
		if b.rank != 0 {
			h.Rank = -b.rank // not -0, which JSON would print as such
		}
		if h.Section < 0 {
			h.Section, h.Block, h.FrontMatter = 0, 0, true
		} else if h.Section < len(d.sections) {
			h.SectionTitle = d.sections[h.Section]
		}
		out = append(out, *h)
	}
	return out, nil
}

// hitDoc is what a hit shows of its article.
type hitDoc struct {
	key, id, title string
	sections       []string
}

func docsByNumber(ctx context.Context, c *sql.Conn, best []ranked) (map[int64]*hitDoc, error) {
	args := make([]any, len(best))
	for i, b := range best {
		args[i] = b.rowid >> blockBits
	}
	rows, err := c.QueryContext(ctx, "SELECT doc, key, id, title, sections FROM docs WHERE doc IN ("+placeholders(len(args))+")", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	docs := map[int64]*hitDoc{}
	for rows.Next() {
		var doc int64
		var sections string
		d := &hitDoc{}
		if err := rows.Scan(&doc, &d.key, &d.id, &d.title, &sections); err != nil {
			return nil, err
		}
		d.sections, _ = splitList(sections) // unreadable: no section titles
		docs[doc] = d
	}
	return docs, rows.Err()
}

// placeholders returns "?, ?, ?" for n parameters.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}
