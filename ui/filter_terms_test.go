package ui

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"cable/articles"
	"cable/library"

	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"
)

// termRows are rows of a library for the term filter's tests: titles,
// authors and feeds that plain words and terms both find, tags, and
// articles opened, finished and new.
func termRows() []list.Item {
	var entries []library.Entry
	add := func(title, author, feed string) {
		entries = append(entries, library.Entry{Key: fmt.Sprintf("k%d", len(entries)),
			Summary: articles.Summary{Title: title, Author: author, Feed: feed}})
	}
	add("How Deep Are Azerbaijan-Israel Relations?", "Eldar Mamedov", "")
	add("Talks in Bakı", "Şirin Əliyev", "War on the Rocks")
	add("Sanctions and the Strait", "Ann Smith", "War on the Rocks")
	add("The sanctions regime Straße", "Tariq Ali", "Foreign Affairs")
	for i := range 30 {
		add(fmt.Sprintf("Sanctions %d on steel and tags", i), "Staff", "Foreign Affairs")
	}
	tags := [][]string{{"iran", "south caucasus"}, {"iran"}, {"straits"}, nil}
	marks := &triageMarks{tags: map[string][]string{}}
	for i, e := range entries {
		marks.tags[e.Key] = tags[i%len(tags)]
	}
	var rows []list.Item
	for i := range entries {
		e := &entries[i]
		it := entryItem{entry: e, filter: filterText(e), fresh: i%5 == 1, marks: marks}
		switch i % 3 {
		case 1:
			it.reading = library.Reading{Key: e.Key, Progress: 30, LastRead: time.Unix(1, 0)}
		case 2:
			it.reading = library.Reading{Key: e.Key, Finished: true, Progress: 100, LastRead: time.Unix(2, 0)}
		}
		rows = append(rows, it)
		if i == 1 {
			rows = append(rows, continueItem{it})
		}
	}
	return rows
}

// termReference is what the term filter must find: every target matched
// afresh by the plain words (or every target, without any), kept by the
// terms.
func termReference(term string, items []list.Item, targets []string) []list.Rank {
	terms := library.ParseTerms(term)
	if !terms.Conditions() {
		return foldingFilter(term, targets)
	}
	var found []list.Rank
	if plain := terms.Plain(); len(wordSpans(plain)) > 0 {
		found = foldingFilter(plain, targets)
	} else {
		for i := range targets {
			found = append(found, list.Rank{Index: i})
		}
	}
	var kept []list.Rank
	for _, r := range found {
		if facts, ok := itemFacts(items[r.Index]); ok && terms.Keep(facts) {
			kept = append(kept, r)
		}
	}
	return kept
}

// checkTermFilter types term a letter at a time into f, then takes it
// back, and compares each answer with termReference.
func checkTermFilter(t *testing.T, f *termFilter, items []list.Item, targets []string, term string) {
	t.Helper()
	runes := []rune(term)
	var steps []string
	for i := 1; i <= len(runes); i++ {
		steps = append(steps, string(runes[:i]))
	}
	for i := len(runes) - 1; i >= 1; i-- {
		steps = append(steps, string(runes[:i]))
	}
	for _, step := range steps {
		got := f.filter(step, targets)
		want := termReference(step, items, targets)
		if len(got) == 0 && len(want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("filter %q: %v\nwant %v", step, got, want)
		}
	}
}

// TestTermFilterFindsWhatTheFilterFinds: typed a letter at a time, with
// the memo narrowing the plain words as it does, the filter with terms
// finds exactly what matching every row again and judging each by the
// terms finds, with the same marks.
func TestTermFilterFindsWhatTheFilterFinds(t *testing.T) {
	items := termRows()
	targets := make([]string, len(items))
	for i, it := range items {
		targets[i] = it.FilterValue()
	}
	f := &termFilter{texts: &filterTexts{}}
	f.setItems(items)
	for _, term := range []string{
		"sanctions", "tag:iran", "tag:iran sa", "sa tag:straits", "unread sanctions 1", "new",
		`feed:"War on the Rocks" talks`, `feed:"war on`, "author:aliyev", "archived sanctions",
		"tag:", `"new" sanctions`, "unread new tag:iran", "s st tag:i",
	} {
		checkTermFilter(t, f, items, targets, term)
	}
}

// TestTermFilterLeavesOutRowsOfAnotherList: a filter run for a list that
// has since been made again judges no row by another row's article.
func TestTermFilterLeavesOutRowsOfAnotherList(t *testing.T) {
	items := termRows()
	targets := make([]string, len(items))
	for i, it := range items {
		targets[i] = it.FilterValue()
	}
	snapshot := items[1:] // the list made again since, a row fewer
	f := &termFilter{texts: &filterTexts{}}
	f.setItems(snapshot)
	got := f.filter("tag:", targets)
	if len(got) == 0 {
		t.Fatal("nothing kept: the rows still listed are not judged either")
	}
	for _, r := range got {
		if r.Index >= len(snapshot) || snapshot[r.Index].FilterValue() != targets[r.Index] {
			t.Errorf("row %d kept, judged by another row's article", r.Index)
		}
	}
}

// FuzzTermFilter: whatever is typed, letter by letter and back, the
// filter with terms over the memo finds what termReference finds.
func FuzzTermFilter(f *testing.F) {
	f.Add(`tag:iran sa`)
	f.Add(`feed:"War on the Rocks" unread`)
	f.Add(`"new" s st author:`)
	items := termRows()
	targets := make([]string, len(items))
	for i, it := range items {
		targets[i] = it.FilterValue()
	}
	f.Fuzz(func(t *testing.T, term string) {
		if len(term) > 40 {
			return
		}
		tf := &termFilter{texts: &filterTexts{}}
		tf.setItems(items)
		checkTermFilter(t, tf, items, targets, term)
	})
}

// BenchmarkLibraryTermFilter50k is a letter of a filter with a term
// typed (and taken back) in the library of 50,000 articles, with the
// frame drawn after it, as BenchmarkLibraryKey50k/filter is for plain
// words: "unread" keeps every row the plain word "s" finds, each judged
// by its article.
func BenchmarkLibraryTermFilter50k(b *testing.B) {
	m := benchLibrary(b)
	m, _ = press(b, m, "/")
	for _, k := range typeKeys("unread ") {
		var cmd tea.Cmd
		m, cmd = press(b, m, k)
		m = settle(b, m, cmd)
	}
	typed := []string{"s", "a", "n", "backspace", "backspace", "backspace"}
	i := 0
	defer reportCPU(b)()
	for b.Loop() {
		var cmd tea.Cmd
		m, cmd = press(b, m, typed[i%len(typed)])
		m = settle(b, m, cmd)
		_ = m.View()
		i++
	}
}
