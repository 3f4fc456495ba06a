package ui

import (
	"slices"
	"strings"
	"sync"

	"github.com/charmbracelet/bubbles/list"
)

// filter_memo.go makes the library's filter as you type narrow what it
// found a letter ago rather than match every article again: a target
// that lacks a word the shorter term begins lacks the longer one's too.
// Every word of foldingFilter's term must begin a word of the target, so
// when each word of an earlier term is the beginning of a word of the
// new one, the new matches are among the earlier ones. What was found is
// kept for the terms typed into the same list (a letter taken back finds
// its term's matches again), and forgotten when the list changes.

// memoTerms is how many terms' matches are kept at most (see also
// filterMemo.kept).
const memoTerms = 16

// filterMemo keeps the matches of the terms last filtered, and the
// targets they were found among. The list filters in a command, so calls
// can overlap.
type filterMemo struct {
	mu      sync.Mutex
	targets []string
	found   map[string][]list.Rank // by the term folded
	// kept is how many matches found holds: at most twice the targets,
	// so that a library of 50,000 keeps a few MB for it at most.
	kept int
}

// filter is foldingFilterWith(term, targets, folded), narrowing the
// matches of an earlier term when it can.
func (m *filterMemo) filter(term string, targets []string, folded *textSpan) []list.Rank {
	key, _ := foldText(term)
	words := termWords(key)
	if len(words) == 0 {
		return foldingFilterWith(term, targets, folded)
	}
	m.mu.Lock()
	if !sameTargets(m.targets, targets) {
		m.targets, m.found, m.kept = slices.Clone(targets), map[string][]list.Rank{}, 0
	}
	if ranks, ok := m.found[key]; ok {
		m.mu.Unlock()
		return ranks
	}
	earlier, best := []list.Rank(nil), -1
	for t, ranks := range m.found {
		if len(t) > best && narrows(termWords(t), words) {
			earlier, best = ranks, len(t)
		}
	}
	m.mu.Unlock()
	var ranks []list.Rank
	if best < 0 {
		ranks = foldingFilterWith(term, targets, folded)
	} else {
		among := make([]string, len(earlier))
		for i, r := range earlier {
			among[i] = targets[r.Index]
		}
		ranks = foldingFilterWith(term, among, folded)
		for i := range ranks {
			ranks[i].Index = earlier[ranks[i].Index].Index
		}
	}
	m.mu.Lock()
	if sameTargets(m.targets, targets) {
		if len(m.found) >= memoTerms || m.kept+len(ranks) > 2*len(targets) {
			clear(m.found)
			m.kept = 0
		}
		m.found[key] = ranks
		m.kept += len(ranks)
	}
	m.mu.Unlock()
	return ranks
}

// termWords are the words of a folded term.
func termWords(term string) []string {
	var words []string
	for _, s := range wordSpans(term) {
		words = append(words, term[s[0]:s[1]])
	}
	return words
}

// narrows reports whether every word of earlier begins a word of later:
// whatever later matches, earlier matched.
func narrows(earlier, later []string) bool {
	for _, e := range earlier {
		if !slices.ContainsFunc(later, func(l string) bool { return strings.HasPrefix(l, e) }) {
			return false
		}
	}
	return true
}

// sameTargets reports whether a and b are the same texts in the same
// order; the list's targets are the items' texts, the same strings from
// one letter to the next, which compare by their addresses.
func sameTargets(a, b []string) bool {
	return len(a) == len(b) && slices.Equal(a, b)
}

// shownCount is how many articles a filtered list shows (its matches but
// for the "continue reading" rows), for the library's title, which is
// set after every message. Counting them takes the list's VisibleItems,
// which copies every match (50,000 at a first letter), so the count is
// kept until the matches can have changed: new matches came in
// (matched, counted by the library's update), the filter was set or
// dropped, or the items were set again (which empties the matches, or
// matches them again through the library's refresh).
type shownCount struct {
	matched int // FilterMatchesMsg seen
	// What the count was taken at, and the count.
	at    shownAt
	shown int
	valid bool
}

type shownAt struct {
	matched int
	state   list.FilterState
	items   int
	first   *list.Item
}

// of is the count of the list l as it is.
func (c *shownCount) of(l *list.Model) int {
	items := l.Items()
	at := shownAt{matched: c.matched, state: l.FilterState(), items: len(items)}
	if len(items) > 0 {
		at.first = &items[0]
	}
	if c.valid && c.at == at {
		return c.shown
	}
	c.shown = 0
	for _, it := range l.VisibleItems() {
		if _, resumed := it.(continueItem); !resumed {
			c.shown++
		}
	}
	c.at, c.valid = at, true
	return c.shown
}
