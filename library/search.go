package library

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
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

// ranked is an article's best block for a query.
type ranked struct {
	rowid int64
	rank  float64
}

// The queries of bestBlocks. In each, the innermost query takes the newest
// maxRanked matching blocks. An article's front matter (its row 0: the
// title's, author's and topics' words, no passage to read) comes after
// every passage of its text, and an article found by its front matter
// alone after every article found in its text: its rank is worsened by
// frontMatterPenalty, which is more than any bm25 score is apart.
//
// For one passage an article, the outer query keeps each article's best
// block: the row with min(…) lends the group its rowid, as a bare column
// next to a single min() takes its value from the row that has the
// minimum. For more, window functions number each article's blocks from
// its best and give every block its article's best rank.
var (
	// rankAll ranks the blocks by the whole query.
	rankAll = fmt.Sprintf(`SELECT rowid, min(r) AS m FROM (
			SELECT rowid, rank + %[2]s AS r FROM blocks WHERE blocks MATCH ? ORDER BY rowid DESC LIMIT ?
		) GROUP BY rowid >> %[1]d ORDER BY m LIMIT ?`, blockBits, penalised)
	// rankSome ranks by part of the query the blocks that match all of it.
	// "+rowid" keeps the candidates from being handed to FTS5 one rowid at
	// a time, each a new search; bm25 is computed only for the blocks that
	// pass.
	rankSome = fmt.Sprintf(`SELECT rowid, min(r) AS m FROM (
			SELECT rowid, rank + %[2]s AS r FROM blocks WHERE blocks MATCH ? AND +rowid IN (
				SELECT rowid FROM blocks WHERE blocks MATCH ? ORDER BY rowid DESC LIMIT ?)
		) GROUP BY rowid >> %[1]d ORDER BY m LIMIT ?`, blockBits, penalised)
	// newest takes the most recently added articles, each at its first
	// matching block of text.
	// (A front matter row is put after the text's by frontMatterBit,
	// which bestBlocks takes off again.)
	newest = fmt.Sprintf(`SELECT min(rowid + %[2]s * %[3]d) AS first, 0 FROM (
			SELECT rowid FROM blocks WHERE blocks MATCH ? ORDER BY rowid DESC LIMIT ?
		) GROUP BY rowid >> %[1]d ORDER BY rowid >> %[1]d DESC LIMIT ?`, blockBits, frontMatter, int64(frontMatterBit))

	// The same, for several passages an article.
	rankAllPassages = fmt.Sprintf(passagesOf, `
			SELECT rowid, rank + `+penalised+` AS r FROM blocks WHERE blocks MATCH ? ORDER BY rowid DESC LIMIT ?`, blockBits)
	rankSomePassages = fmt.Sprintf(passagesOf, `
			SELECT rowid, rank + `+penalised+` AS r FROM blocks WHERE blocks MATCH ? AND +rowid IN (
				SELECT rowid FROM blocks WHERE blocks MATCH ? ORDER BY rowid DESC LIMIT ?)`, blockBits)
	newestPassages = fmt.Sprintf(passagesOf, `
			SELECT rowid, `+frontMatter+` AS r FROM blocks WHERE blocks MATCH ? ORDER BY rowid DESC LIMIT ?`, blockBits)
)

// frontMatterPenalty worsens the rank of an article's front matter: bm25
// scores of blocks lie within far less than 1 of each other.
const frontMatterPenalty = 1

// frontMatter is 1 for an article's front matter row, 0 for its text.
var frontMatter = fmt.Sprintf("((rowid & %d) = 0)", 1<<blockBits-1)

// penalised is what a row's rank is worsened by: frontMatterPenalty for
// the front matter.
var penalised = fmt.Sprintf("%s * %d", frontMatter, frontMatterPenalty)

// frontMatterBit is added to a front matter row's rowid to put it after
// the text's in the newest query.
const frontMatterBit = 1 << 62

// passagesOf makes a passages query of one that ranks blocks (%[1]s):
// each article's blocks numbered from its best, and the first of each
// article kept, best articles first. An unranked query (newest) ranks
// its blocks 0, or 1 for the front matter, and takes the newest articles
// first, each at its first blocks.
const passagesOf = `SELECT rowid, CASE WHEN best = 0 OR best = 1 THEN 0 ELSE r END FROM (
		SELECT rowid, r, row_number() OVER (PARTITION BY rowid >> %[2]d ORDER BY r, rowid) AS n,
			min(r) OVER (PARTITION BY rowid >> %[2]d) AS best FROM (%[1]s)
	) WHERE n <= ? ORDER BY CASE WHEN best = 0 OR best = 1 THEN -(rowid >> %[2]d) ELSE best END, rowid >> %[2]d, n LIMIT ?`

// bestBlocks finds the best blocks of each matching article, at most
// passages of each and limit articles in all, best articles first: those
// where the query's words stand together (see together) before those
// where they are spread, then by rank.
func bestBlocks(ctx context.Context, c *sql.Conn, m match, limit, passages, maxRanked int) ([]ranked, error) {
	// Among more candidates than are kept, an article's passages where
	// the words stand together come first.
	candidates := passages
	if passages > 1 && m.near != "" {
		candidates = 3 * passages
	}
	var rows *sql.Rows
	var err error
	switch {
	case passages == 1 && m.rank == m.all:
		rows, err = c.QueryContext(ctx, rankAll, m.all, maxRanked, limit)
	case passages == 1 && m.rank == "":
		rows, err = c.QueryContext(ctx, newest, m.all, maxRanked, limit)
	case passages == 1:
		rows, err = c.QueryContext(ctx, rankSome, m.rank, m.all, maxRanked, limit)
	case m.rank == m.all:
		rows, err = c.QueryContext(ctx, rankAllPassages, m.all, maxRanked, candidates, limit*candidates)
	case m.rank == "":
		rows, err = c.QueryContext(ctx, newestPassages, m.all, maxRanked, candidates, limit*candidates)
	default:
		rows, err = c.QueryContext(ctx, rankSomePassages, m.rank, m.all, maxRanked, candidates, limit*candidates)
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var best []ranked
	for rows.Next() {
		var b ranked
		if err := rows.Scan(&b.rowid, &b.rank); err != nil {
			return nil, err
		}
		if b.rowid&frontMatterBit != 0 {
			b.rowid &^= frontMatterBit
		}
		if b.rowid&(1<<blockBits-1) == 0 && b.rank != 0 {
			b.rank -= frontMatterPenalty // its own score again
		}
		best = append(best, b)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	if candidates > passages {
		near, err := together(ctx, c, m.near, best)
		if err != nil {
			return nil, err
		}
		best = preferTogether(best, near, passages)
	}
	return firstArticles(best, limit), nil
}

// together are those of the blocks where the query's words stand within
// nearWords of each other.
func together(ctx context.Context, c *sql.Conn, near string, blocks []ranked) (map[int64]bool, error) {
	out := map[int64]bool{}
	if len(blocks) == 0 {
		return out, nil
	}
	args := []any{near}
	for _, b := range blocks {
		args = append(args, b.rowid)
	}
	rows, err := c.QueryContext(ctx, "SELECT rowid FROM blocks WHERE blocks MATCH ? AND +rowid IN ("+placeholders(len(blocks))+")", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var rowid int64
		if err := rows.Scan(&rowid); err != nil {
			return nil, err
		}
		out[rowid] = true
	}
	return out, rows.Err()
}

// preferTogether keeps, of each article's blocks (in rank order, articles
// one after the other), the passages best: those in near first, each kind
// in rank order.
func preferTogether(blocks []ranked, near map[int64]bool, passages int) []ranked {
	var out []ranked
	for i := 0; i < len(blocks); {
		j := i
		for j < len(blocks) && blocks[j].rowid>>blockBits == blocks[i].rowid>>blockBits {
			j++
		}
		doc := blocks[i:j]
		// The front matter stays last: it is no passage.
		text := func(b ranked) bool { return b.rowid&(1<<blockBits-1) != 0 }
		sort.SliceStable(doc, func(a, b int) bool {
			if text(doc[a]) != text(doc[b]) {
				return text(doc[a])
			}
			return near[doc[a].rowid] && !near[doc[b].rowid]
		})
		out = append(out, doc[:min(passages, len(doc))]...)
		i = j
	}
	return out
}

// firstArticles keeps the blocks of the first limit articles.
func firstArticles(blocks []ranked, limit int) []ranked {
	n := 0
	for i, b := range blocks {
		if i == 0 || b.rowid>>blockBits != blocks[i-1].rowid>>blockBits {
			n++
		}
		if n > limit {
			return blocks[:i]
		}
	}
	return blocks
}

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

// snippetTable is where highlights are made: the few blocks a search
// returns are copied into a temporary full-text table of their own, with
// the index's tokenizer, and highlighted there. Highlighting them in the
// index would have FTS5 work out the query's matches across the whole
// library once more (for a prefix, merge the lists of every word it
// starts), a few milliseconds for a common word; in the copy it is a
// handful of rows. The table lives as long as the connection, in memory.
const snippetTable = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.snippets USING fts5(text, tokenize = '" + tokenizer + "')"

// highlights reads the best blocks and marks their matches. A block whose
// snippet cannot be made (a panic, reported to r) is left out of the hits.
func highlights(ctx context.Context, c *sql.Conn, match string, best []ranked, r *crash.Reporter) (map[int64]*Hit, error) {
	args := make([]any, len(best))
	for i, b := range best {
		args[i] = b.rowid
	}
	rows, err := c.QueryContext(ctx, "SELECT rowid, text, orig, section, block FROM blocks WHERE rowid IN ("+placeholders(len(best))+")", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	read := map[int64]*Hit{}
	origs := map[int64]sql.NullString{}
	var copies []any
	for rows.Next() {
		var rowid int64
		var text string
		var orig sql.NullString
		h := &Hit{}
		if err := rows.Scan(&rowid, &text, &orig, &h.Section, &h.Block); err != nil {
			return nil, err
		}
		read[rowid], origs[rowid] = h, orig
		copies = append(copies, rowid, text)
	}
	if err := rows.Err(); err != nil || len(read) == 0 {
		return nil, err
	}
	rows.Close()
	for _, st := range []struct {
		query string
		args  []any
	}{
		{snippetTable, nil},
		{"DELETE FROM temp.snippets", nil},
		{"INSERT INTO temp.snippets (rowid, text) VALUES " + strings.TrimSuffix(strings.Repeat("(?, ?), ", len(read)), ", "), copies},
	} {
		if _, err := c.ExecContext(ctx, st.query, st.args...); err != nil {
			return nil, err
		}
	}
	marked, err := c.QueryContext(ctx, "SELECT rowid, highlight(snippets, 0, ?, ?) FROM temp.snippets WHERE snippets MATCH ?",
		SnippetStart, SnippetEnd, match)
	if err != nil {
		return nil, err
	}
	defer marked.Close()
	found := map[int64]*Hit{}
	for marked.Next() {
		var rowid int64
		var text string
		if err := marked.Scan(&rowid, &text); err != nil {
			return nil, err
		}
		h := read[rowid]
		if h == nil {
			continue
		}
		snippet, err := crash.File(r, fmt.Sprintf("the index's block %d", rowid), func() (string, error) {
			return cutCharacters(window(restore(text, origs[rowid]), snippetWords), snippetCharacters), nil
		})
		if err == nil {
			h.Snippet = snippet
			found[rowid] = h
		}
	}
	return found, marked.Err()
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

func markerAt(s string) string {
	switch {
	case strings.HasPrefix(s, SnippetStart):
		return SnippetStart
	case strings.HasPrefix(s, SnippetEnd):
		return SnippetEnd
	}
	return ""
}

// window cuts a marked block to n words around its matches: the n words
// holding the most matched words, starting up to three words before the
// first of them so that it reads in context. A match cut by the window is
// closed or reopened at the cut, so that markers always pair up.
func window(text string, n int) string {
	words := strings.Fields(text)
	if len(words) <= n {
		return strings.Join(words, " ")
	}
	hit, openAt := matchedWords(words)
	count := func(start int) int {
		c := 0
		for _, h := range hit[start : start+n] {
			if h {
				c++
			}
		}
		return c
	}
	best, most := 0, -1
	for start := 0; start+n <= len(words); start++ {
		if c := count(start); c > most {
			best, most = start, c
		}
	}
	first := best
	for first < best+n-1 && !hit[first] {
		first++
	}
	if start := max(0, min(first-3, len(words)-n)); count(start) >= most {
		best = start
	}
	return joinWindow(words, best, best+n, openAt)
}

// matchedWords says which words hold a match, and whether a match is open
// (started but not ended) where each word begins.
func matchedWords(words []string) (hit, openAt []bool) {
	hit = make([]bool, len(words)+1)
	openAt = make([]bool, len(words)+1)
	open := false
	for i, w := range words {
		openAt[i] = open
		hit[i] = open || strings.Contains(w, SnippetStart)
		start, end := strings.LastIndex(w, SnippetStart), strings.LastIndex(w, SnippetEnd)
		if start > end {
			open = true
		} else if end > start {
			open = false
		}
	}
	openAt[len(words)] = open
	return hit[:len(words)], openAt
}

func joinWindow(words []string, start, end int, openAt []bool) string {
	var b strings.Builder
	if start > 0 {
		b.WriteString("… ")
	}
	if openAt[start] {
		b.WriteString(SnippetStart)
	}
	b.WriteString(strings.Join(words[start:end], " "))
	if openAt[end] {
		b.WriteString(SnippetEnd)
	}
	if end < len(words) {
		b.WriteString(" …")
	}
	return b.String()
}

// snippetCharacters is how many characters a snippet of Chinese or
// Japanese shows: about as much to read as snippetWords words.
const snippetCharacters = 40

// cutCharacters cuts a snippet of Chinese or Japanese text, which window
// cannot cut since it writes no spaces between words, to about n
// characters from a little before the first match. A match cut is closed
// or reopened at the cut, so that markers always pair up. A snippet
// without such characters, or short enough, is left as it is.
func cutCharacters(snippet string, n int) string {
	runes := []rune(snippet)
	if len(runes) <= n+n/2 || !strings.ContainsFunc(snippet, spaced) {
		return snippet
	}
	first := strings.Index(snippet, SnippetStart)
	if first < 0 {
		first = 0
	}
	at := utf8.RuneCountInString(snippet[:first])
	start := max(0, at-n/4)
	end := min(len(runes), start+n)
	open := false // a match open at start
	for _, r := range runes[:start] {
		switch string(r) {
		case SnippetStart:
			open = true
		case SnippetEnd:
			open = false
		}
	}
	var b strings.Builder
	if start > 0 {
		b.WriteString("…")
	}
	if open {
		b.WriteString(SnippetStart)
	}
	for _, r := range runes[start:end] {
		switch string(r) {
		case SnippetStart:
			open = true
		case SnippetEnd:
			open = false
		}
		b.WriteRune(r)
	}
	if open {
		b.WriteString(SnippetEnd)
	}
	if end < len(runes) {
		b.WriteString("…")
	}
	return b.String()
}
