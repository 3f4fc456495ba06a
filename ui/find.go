package ui

import (
	"strings"
	"unicode"

	"cable/articles"

	"github.com/charmbracelet/x/ansi"
)

// textIndex is a rendered document's visible text as one run of runes, to
// search in: lines are trimmed of their margins and joined by one space,
// so a phrase is found across a line break and across Glamour's styling.
// Each rune remembers the line and the screen column it stands at.
//
// Any white space in the text matches any white space in a query: an
// article's "10\u00a0km" (a no-break space) is found by "10 km". So runes
// keeps the text as it is, to be shown and quoted, and exact and lower,
// which are searched, have every space as ' '.
type textIndex struct {
	runes []rune
	exact []rune
	lower []rune
	line  []int32
	col   []int32
}

func newTextIndex(lines []string) *textIndex {
	ix := &textIndex{}
	for l, raw := range lines {
		plain := ansi.Strip(raw)
		trimmed := strings.TrimLeft(plain, " ")
		col := ansi.StringWidth(plain[:len(plain)-len(trimmed)])
		trimmed = strings.TrimRight(trimmed, " ")
		if trimmed == "" {
			continue
		}
		if len(ix.runes) > 0 {
			ix.add(' ', l, col) // the line break, as a space
		}
		for _, r := range trimmed {
			ix.add(r, l, col)
			col += max(ansi.StringWidth(string(r)), 0)
		}
	}
	return ix
}

func (ix *textIndex) add(r rune, line, col int) {
	ix.runes = append(ix.runes, r)
	if unicode.IsSpace(r) {
		r = ' '
	}
	ix.exact = append(ix.exact, r)
	ix.lower = append(ix.lower, unicode.ToLower(r))
	ix.line = append(ix.line, int32(line))
	ix.col = append(ix.col, int32(col))
}

// textMatch is one match: runes [start, end) of the index.
type textMatch struct{ start, end int }

// find returns every match of query, in order. White space in the query
// matches any white space; a query in lower case ignores case ("smart
// case", as in vim and less).
func (ix *textIndex) find(query string) []textMatch {
	q := []rune(strings.Join(strings.Fields(query), " "))
	if len(q) == 0 {
		return nil
	}
	hay := ix.exact
	if !hasUpper(q) {
		hay = ix.lower
	}
	var out []textMatch
	for i := 0; i+len(q) <= len(hay); i++ {
		if hay[i] != q[0] {
			continue
		}
		if j := matchAt(hay[i:], q); j > 0 {
			out = append(out, textMatch{start: i, end: i + j})
			i += j - 1
		}
	}
	return out
}

// findName returns the mentions of a name by its forms, as the names
// index counts them (articles.FindName).
func (ix *textIndex) findName(forms []string) []textMatch {
	var out []textMatch
	for _, m := range articles.FindName(ix.runes, forms) {
		out = append(out, textMatch{start: m[0], end: m[1]})
	}
	return out
}

// matchAt is how many runes of hay q matches from its start, or 0. A space
// in q matches a run of spaces in hay.
func matchAt(hay, q []rune) int {
	h := 0
	for _, r := range q {
		if h >= len(hay) || hay[h] != r {
			return 0
		}
		h++
		if r == ' ' {
			for h < len(hay) && hay[h] == ' ' {
				h++
			}
		}
	}
	return h
}

func hasUpper(rs []rune) bool {
	for _, r := range rs {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// lineSpan is the part of one screen line a match covers: columns
// [from, to).
type lineSpan struct{ from, to int }

// spans are the pieces of a match, one per line it covers.
func (ix *textIndex) spans(m textMatch) map[int]lineSpan {
	out := map[int]lineSpan{}
	for i := m.start; i < m.end; i++ {
		l := int(ix.line[i])
		c := int(ix.col[i])
		w := max(ansi.StringWidth(string(ix.runes[i])), 1)
		s, ok := out[l]
		if !ok {
			s = lineSpan{from: c, to: c + w}
		}
		s.from, s.to = min(s.from, c), max(s.to, c+w)
		out[l] = s
	}
	return out
}

// highlight styles columns [from, to) of a rendered line, keeping the
// rest of its styling.
func highlight(line string, span lineSpan, style func(...string) string) string {
	width := ansi.StringWidth(line)
	if span.from >= width {
		return line
	}
	to := min(span.to, width)
	middle := ansi.Strip(ansi.Cut(line, span.from, to))
	return ansi.Cut(line, 0, span.from) + style(middle) + ansi.Cut(line, to, width)
}
