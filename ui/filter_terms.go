package ui

import (
	"sync/atomic"

	"cable/library"

	"github.com/charmbracelet/bubbles/list"
)

// filter_terms.go puts the filter's terms (tag:iran, feed:"…", author:,
// unread, new; see library.ParseTerms) beside its plain words. The plain
// words are matched as they always were, by filterTexts' filter and its
// memo, which never see a term; the articles they find are then kept by
// the terms. A filter of plain words alone goes to the memo as typed.

// termFilter is the library list's filter. The list gives a filter the
// rows' texts only, so it keeps the rows it was last given (set by
// refresh) to know each text's article.
type termFilter struct {
	texts *filterTexts
	items atomic.Pointer[[]list.Item]
}

// setItems keeps the rows the list is about to be given.
func (f *termFilter) setItems(items []list.Item) { f.items.Store(&items) }

// filter matches term's plain words with the library's filter, then
// keeps the rows whose article meets its terms.
func (f *termFilter) filter(term string, targets []string) []list.Rank {
	terms := library.ParseTerms(term)
	if !terms.Conditions() {
		return f.texts.filter(term, targets)
	}
	var found []list.Rank
	if plain := terms.Plain(); len(wordSpans(plain)) > 0 {
		found = f.texts.filter(plain, targets)
	} else {
		found = make([]list.Rank, len(targets))
		for i := range found {
			found[i].Index = i
		}
	}
	var items []list.Item
	if p := f.items.Load(); p != nil {
		items = *p
	}
	// The memo keeps what it returns: the rows kept are a new slice.
	kept := make([]list.Rank, 0, len(found))
	for _, r := range found {
		// A row whose text is not the one filtered is from a list made
		// since: it is left out rather than judged by another article.
		if r.Index >= len(items) || items[r.Index].FilterValue() != targets[r.Index] {
			continue
		}
		if facts, ok := itemFacts(items[r.Index]); ok && terms.Keep(facts) {
			kept = append(kept, r)
		}
	}
	return kept
}

// itemFacts are what the terms ask of a row's article.
func itemFacts(item list.Item) (library.Facts, bool) {
	var it entryItem
	switch row := item.(type) {
	case entryItem:
		it = row
	case continueItem:
		it = row.entryItem
	default:
		return library.Facts{}, false
	}
	s := &it.entry.Summary
	return library.Facts{
		Tags:   it.marks.tagsOf(it.entry.Key),
		Feed:   s.Feed,
		Author: s.Author,
		Opened: it.reading.Finished || !it.reading.LastRead.IsZero(),
		New:    it.fresh,
	}, true
}
