package library

import (
	"reflect"
	"strings"
	"testing"
)

// TestParseTerms reads filters as they are typed, whole and half-typed.
func TestParseTerms(t *testing.T) {
	tests := []struct {
		in   string
		want Terms
	}{
		{"", Terms{}},
		{"isr rel", Terms{Words: []string{"isr", "rel"}}},
		{"tag:iran", Terms{Tags: []string{"iran"}, fielded: true}},
		{"TAG:Iran sanctions", Terms{Words: []string{"sanctions"}, Tags: []string{"Iran"}, fielded: true}},
		{`feed:"War on the Rocks"`, Terms{Feeds: []string{"War on the Rocks"}, fielded: true}},
		{`feed:"War on the Rocks" baku`, Terms{Words: []string{"baku"}, Feeds: []string{"War on the Rocks"}, fielded: true}},
		{`feed:"War on`, Terms{Feeds: []string{"War on"}, fielded: true}}, // still typing
		{`feed:"War"x`, Terms{Words: []string{"x"}, Feeds: []string{"War"}, fielded: true}},
		{"author:mamedov", Terms{Authors: []string{"mamedov"}, fielded: true}},
		{"unread new archived", Terms{Unread: true, New: true, Archived: true, fielded: true}},
		{"Unread", Terms{Unread: true, fielded: true}},
		{`"new" york`, Terms{Words: []string{"new", "york"}}},
		{`"cold war`, Terms{Words: []string{"cold", "war"}}},
		{"newsweek", Terms{Words: []string{"newsweek"}}},
		{"tag:", Terms{fielded: true}},
		{`tag:""`, Terms{fielded: true}},
		{"tag:a tag:b", Terms{Tags: []string{"a", "b"}, fielded: true}},
		{"xyz:abc", Terms{Words: []string{"xyz:abc"}}},
		{"  tag:iran\tunread  ", Terms{Tags: []string{"iran"}, Unread: true, fielded: true}},
		{`tag:"middle east" new`, Terms{Tags: []string{"middle east"}, New: true, fielded: true}},
		{`a"b`, Terms{Words: []string{`a"b`}}},
	}
	for _, tt := range tests {
		got := ParseTerms(tt.in)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseTerms(%q) = %+v\nwant %+v", tt.in, got, tt.want)
		}
		if got.Conditions() != tt.want.fielded {
			t.Errorf("ParseTerms(%q).Conditions() = %v", tt.in, got.Conditions())
		}
	}
}

// TestTermsKeep checks articles against the conditions: every one must
// hold, values match as the plain words do (word beginnings, any case,
// any accents).
func TestTermsKeep(t *testing.T) {
	mamedov := Facts{Tags: []string{"Iran", "south caucasus"}, Author: "Eldar Mamedov", Feed: "War on the Rocks", New: true}
	opened := Facts{Tags: []string{"iraq"}, Author: "Şirin Əliyev", Opened: true}
	tests := []struct {
		filter string
		facts  Facts
		want   bool
	}{
		{"", mamedov, true},
		{"anything at all", mamedov, true}, // plain words are the caller's
		{"tag:iran", mamedov, true},
		{"tag:IRAN", mamedov, true},
		{"tag:ir", opened, true},
		{"tag:iran", opened, false},
		{`tag:"south cau"`, mamedov, true},
		{"tag:caucasus", mamedov, true},
		{"tag:iran tag:caucasus", mamedov, true},
		{"tag:iran tag:iraq", mamedov, false},
		{"tag:iran", Facts{}, false},
		{`feed:"War on the Rocks"`, mamedov, true},
		{`feed:"war rocks"`, mamedov, true},
		{`feed:"War on the Rocks"`, opened, false},
		{"author:mamedov", mamedov, true},
		{"author:sirin", opened, true},
		{"author:aliyev", opened, true}, // Ə folds to a
		{"author:mamedov", opened, false},
		{"unread", mamedov, true},
		{"unread", opened, false},
		{"new", mamedov, true},
		{"new", opened, false},
		{"archived", opened, true}, // widens, never narrows
		{"unread tag:iran author:eldar", mamedov, true},
		{"unread tag:iran author:ivan", mamedov, false},
	}
	for _, tt := range tests {
		if got := ParseTerms(tt.filter).Keep(tt.facts); got != tt.want {
			t.Errorf("%q keeps %+v: %v, want %v", tt.filter, tt.facts, got, tt.want)
		}
	}
}

// FuzzParseTerms: any text is read without a panic, every word and
// value read is a piece of it, and no plain word holds a space.
func FuzzParseTerms(f *testing.F) {
	f.Add(`feed:"War on the Rocks" tag:iran unread baku`)
	f.Add(`"new" tag:"`)
	f.Add(`author:: ::"" "`)
	f.Fuzz(func(t *testing.T, s string) {
		terms := ParseTerms(s)
		for _, pieces := range [][]string{terms.Words, terms.Tags, terms.Feeds, terms.Authors} {
			for _, p := range pieces {
				if p == "" || !strings.Contains(s, p) {
					t.Errorf("ParseTerms(%q) read %q, which is not in it", s, p)
				}
			}
		}
		for _, w := range terms.Words {
			if strings.ContainsAny(w, " \t") {
				t.Errorf("ParseTerms(%q): plain word %q holds a space", s, w)
			}
		}
		terms.Keep(Facts{Tags: []string{s}, Feed: s, Author: s})
	})
}
