package library

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode/utf8"

	"cable/crash"
)

// snippet.go makes what a hit shows of its block: the matched words
// marked, cut to a window around them.

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
