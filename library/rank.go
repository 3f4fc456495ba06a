package library

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
)

// rank.go finds the best blocks for a search: the queries that rank them
// by bm25, one or several passages an article, the front matter after
// the text, and the passages where the words stand together first.

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
