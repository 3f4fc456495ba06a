package ui

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
)

// TestFilterMemoFindsWhatTheFilterFinds: as letters are typed, taken
// back, and words added, in any order, and as the list changes under the
// filter, the filter that narrows what it found before finds exactly
// what matching every target again finds, with the same marks.
func TestFilterMemoFindsWhatTheFilterFinds(t *testing.T) {
	targets := []string{
		"How Deep Are Azerbaijan-Israel Relations? Eldar Mamedov Azerbaijan Israel",
		"Reading with cable The cable project cable",
		"Talks in Bakı Şirin Əliyev",
		"Māori land rights",
		"Sanctions and the Strait Sovereignty",
		"The sanctions regime Straße",
		"Salt talks: sanctions, arms and the strait",
	}
	for i := range 40 {
		targets = append(targets, fmt.Sprintf("Sanctions %d on steel and salt %d", i, i*7))
	}
	changed := slices.Clone(targets[:30])
	slices.Reverse(changed)
	steps := []struct {
		term    string
		targets []string
	}{
		{"s", targets}, {"sa", targets}, {"san", targets}, {"sanc", targets},
		{"san", targets}, {"sa", targets}, {"s", targets},
		{"s st", targets}, {"s str", targets}, {"sa str", targets}, {"str sa", targets},
		{"strasse", targets}, {"stra", targets}, {"1", targets}, {"13", targets},
		{"13 s", targets}, {"sanctions 1", targets},
		{"sanctions 1", changed}, {"sa", targets}, {"sa", changed}, {"san", changed}, {"sa", targets}, {"bak", targets}, {"baki", targets},
		{"isr rel", targets}, {"isr relx", targets}, {"isr rel", targets},
		{"  ", targets}, {"s", targets[:1]},
	}
	var f filterTexts
	for _, st := range steps {
		got := f.filter(st.term, st.targets)
		want := foldingFilter(st.term, st.targets)
		if len(got) == 0 && len(want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("filter %q among %d: %v\nwant %v", st.term, len(st.targets), got, want)
		}
	}
}

// TestFilterMemoStaysSmall: the matches kept are at most twice the
// targets, however many terms are typed.
func TestFilterMemoStaysSmall(t *testing.T) {
	var targets []string
	for i := range 100 {
		targets = append(targets, fmt.Sprintf("Sanctions and steel %d", i))
	}
	var m filterMemo
	for _, term := range []string{"s", "sa", "st", "san", "ste", "a", "an", "and", "sanc", "stee"} {
		m.filter(term, targets, nil)
		if m.kept > 2*len(targets) {
			t.Fatalf("after %q the memo keeps %d matches of %d targets", term, m.kept, len(targets))
		}
	}
}
