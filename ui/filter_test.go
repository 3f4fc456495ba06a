package ui

import (
	"slices"
	"strings"
	"testing"

	"cable/render"

	"github.com/charmbracelet/bubbles/list"
)

// TestFilterMatchesWordPrefixes: every word of the term must begin a word
// of the entry, after folding; letters scattered through the entry do not
// match, as they did with the fuzzy filter ("maori" found the Azerbaijan
// article). The library's order is kept.
func TestFilterMatchesWordPrefixes(t *testing.T) {
	targets := []string{
		"How Deep Are Azerbaijan-Israel Relations? Eldar Mamedov Azerbaijan Israel",
		"Reading with cable The cable project cable",
		"Talks in Bakı Şirin Əliyev",
		"Māori land rights",
	}
	tests := []struct {
		term string
		want []int
	}{
		{"maori", []int{3}},
		{"read", []int{1}},
		{"rel", []int{0}},
		{"isr rel", []int{0}},
		{"rel isr", []int{0}},
		{"guide", nil},
		{"cable", []int{1}},
		{"baki", []int{2}},
		{"aliyev sirin", []int{2}},
		{"zer", nil}, // inside a word, not at its start
		{"israel-relations", []int{0}},
		{"  ", nil},
	}
	for _, tt := range tests {
		var got []int
		for _, r := range foldingFilter(tt.term, targets) {
			got = append(got, r.Index)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("filter %q matched %v, want %v", tt.term, got, tt.want)
		}
	}
	ranks := foldingFilter("isr rel", targets[:1])
	var marked []rune
	for _, i := range ranks[0].MatchedIndexes {
		marked = append(marked, []rune(targets[0])[i])
	}
	if string(marked) != "IsrRelIsr" {
		t.Errorf("the marked letters are %q, want the starts of Israel and Relations", string(marked))
	}
}

// TestFilterSaysHowManyAndKeepsATermWithoutMatches: while a filter is set
// the header says "1 of 2 articles"; enter on a term that matches nothing
// keeps the term, and says so, instead of dropping it.
func TestFilterSaysHowManyAndKeepsATermWithoutMatches(t *testing.T) {
	m := startModel(t, testContext(render.StyleDark, 100, 30))
	typeFilter := func(term string) {
		t.Helper()
		m, _ = press(t, m, "/")
		for _, r := range term {
			next, cmd := press(t, m, string(r))
			m = settle(t, next, cmd)
		}
	}
	typeFilter("cable")
	m, _ = press(t, m, "enter")
	if title := screenLines(m)[0]; !strings.Contains(title, "cable · 1 of 2 articles") {
		t.Errorf("the header with a filter set reads %q", title)
	}
	m, _ = press(t, m, "esc")
	if title := screenLines(m)[0]; !strings.Contains(title, "cable · 2 articles") {
		t.Errorf("the header without a filter reads %q", title)
	}

	typeFilter("xyzzy")
	m, _ = press(t, m, "enter")
	if m.library.list.FilterState() != list.Filtering || m.library.list.FilterValue() != "xyzzy" {
		t.Errorf("enter on a filter with no match left %v %q", m.library.list.FilterState(), m.library.list.FilterValue())
	}
	if !strings.Contains(statusOf(m), `No match for "xyzzy".`) {
		t.Errorf("the status line says %q", statusOf(m))
	}
}
