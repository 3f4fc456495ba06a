package ui

import (
	"testing"

	"cable/articles"
)

func TestJumpList(t *testing.T) {
	at := func(s int) articles.Position { return articles.Position{Section: s} }
	var j jumpList
	if _, ok := j.back(at(0)); ok {
		t.Fatal("back with no history moved")
	}
	// Jump 0 → 2 → 5 → 7.
	j.record(at(0))
	j.record(at(2))
	j.record(at(5))
	steps := []struct {
		op   string
		want int
		ok   bool
	}{
		{"back", 5, true}, {"back", 2, true}, {"back", 0, true}, {"back", 0, false},
		{"forward", 2, true}, {"forward", 5, true}, {"forward", 7, true}, {"forward", 0, false},
	}
	here := at(7)
	for i, s := range steps {
		var got articles.Position
		var ok bool
		if s.op == "back" {
			got, ok = j.back(here)
		} else {
			got, ok = j.forward()
		}
		if ok != s.ok || (ok && got != at(s.want)) {
			t.Fatalf("step %d %s = %v %v, want section %d %v", i, s.op, got, ok, s.want, s.ok)
		}
		if ok {
			here = got
		}
	}
	// A new jump after going back forgets the places ahead.
	j.back(here)
	j.back(at(5))
	j.record(at(2))
	if _, ok := j.forward(); ok {
		t.Error("forward after a new jump still went somewhere")
	}
	if got, _ := j.back(at(3)); got != at(2) {
		t.Errorf("back after the new jump = %v, want section 2", got)
	}
}

func TestJumpListIsBounded(t *testing.T) {
	var j jumpList
	for i := range maxJumps + 50 {
		j.record(articles.Position{Section: i})
	}
	if len(j.places) != maxJumps {
		t.Errorf("%d places kept, want %d", len(j.places), maxJumps)
	}
}
