package library

import (
	"encoding/json"
	"reflect"
	"testing"

	"cable/articles"
)

// summarySeeds are stored summaries as json.Marshal writes them, and some
// it never writes, for unmarshalSummary to decode as json.Unmarshal does.
func summarySeeds(tb testing.TB) [][]byte {
	tb.Helper()
	sums := []articles.Summary{
		{},
		{ID: "a", Title: "Plain", Author: "An Author", Source: "Outlet", Published: "2024-01-02", Words: 1500, Minutes: 7,
			Sections: []string{"One", "Two"}, EditorsNote: true, Origin: "/lib/a.md", Topics: []string{"Iran", "Gas"}},
		{ID: "b", Sections: []string{}, Topics: []string{}, Words: -3},
		{Title: `Quotes "and" back\slashes`, Author: "Bakı, Łódź, naïve — “curly” ✓"},
		{Title: "Markup <b> & entities", Sections: []string{"tab\there", "new\nline", "\x00nul"}},
		{Title: "bad \xff utf-8", Topics: []string{"\xc3"}},
		{Title: "\u2028 line separator", Source: "\ue001 marker"},
		{Words: 1 << 40, Minutes: -1},
	}
	bundle, err := articles.Bundle()
	if err != nil {
		tb.Fatal(err)
	}
	for _, a := range bundle {
		sums = append(sums, a.Summarise())
	}
	g := newGenerator(3)
	for i := range 20 {
		a, err := articles.Parse("gen.md", []byte(g.article()), "gen")
		if err != nil {
			tb.Fatal(i, err)
		}
		sums = append(sums, a.Summarise())
	}
	var out [][]byte
	for _, s := range sums {
		data, err := json.Marshal(s)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, data)
	}
	for _, raw := range []string{
		``, `{}`, `{`, `}`, `null`, `[]`, `{"id":"x"}`, `{"id":"x",}`, `{"id":"x"}trailing`, `{"id":"x"} `,
		` {"id":"x"}`, `{"id": "x"}`, `{"ID":"x"}`, `{"unknown":1,"id":"x"}`, `{"id":null}`, `{"id":1}`,
		`{"words":1.5}`, `{"words":1e3}`, `{"words":01}`, `{"words":-0}`, `{"words":-}`, `{"words":99999999999999999999}`,
		`{"words":"7"}`, `{"editors_note":true}`, `{"editors_note":tru}`, `{"editors_note":null}`,
		`{"sections":null}`, `{"sections":[]}`, `{"sections":[null]}`, `{"sections":["a",]}`, `{"sections":["a""b"]}`,
		`{"sections":["a"],"sections":["b"]}`, `{"topics":["\u00e9"]}`, `{"title":"\/"}`, `{"title":"a` + "\x01" + `"}`,
		`{"id":"x","id":"y"}`, `{"title":"unterminated}`,
	} {
		out = append(out, []byte(raw))
	}
	return out
}

func TestUnmarshalSummaryAgreesWithEncodingJSON(t *testing.T) {
	fast := 0
	for _, data := range summarySeeds(t) {
		checkUnmarshalSummary(t, data)
		var s articles.Summary
		if readSummary(data, &s) {
			fast++
		}
	}
	// The common case must take the fast path, or it is no use.
	if fast < 25 {
		t.Errorf("only %d summaries were read without encoding/json", fast)
	}
}

func FuzzUnmarshalSummary(f *testing.F) {
	for _, data := range summarySeeds(f) {
		f.Add(data)
	}
	f.Fuzz(checkUnmarshalSummary)
}

func checkUnmarshalSummary(t *testing.T, data []byte) {
	var got, want articles.Summary
	errGot, errWant := unmarshalSummary(data, &got), json.Unmarshal(data, &want)
	if (errGot == nil) != (errWant == nil) {
		t.Fatalf("%q: error %v; encoding/json says %v", data, errGot, errWant)
	}
	if errWant == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("%q:\n got %#v\nwant %#v", data, got, want)
	}
}
