package library

import (
	"testing"

	"cable/articles"
)

// TestMarkAllFinished: every article given is finished at 100%, a place
// already kept stays, and a bad key marks none of them.
func TestMarkAllFinished(t *testing.T) {
	s, _ := newTestStore(t)
	pos := articles.Position{Section: 3, Block: 2, Offset: 5}
	if err := s.SaveReading(Reading{Key: "read", Position: pos, Progress: 40}); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkAllFinished([]string{"read", "never-opened"}); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"read", "never-opened"} {
		if r, ok, _ := s.Reading(key); !ok || !r.Finished || r.Progress != 100 {
			t.Errorf("%s after MarkAllFinished: %+v, %v", key, r, ok)
		}
	}
	if r, _, _ := s.Reading("read"); r.Position != pos {
		t.Errorf("MarkAllFinished moved the place: %+v, want %+v", r.Position, pos)
	}
	if err := s.MarkAllFinished([]string{"other", ""}); err == nil {
		t.Error("MarkAllFinished with an empty key: no error")
	}
	if _, ok, _ := s.Reading("other"); ok {
		t.Error("MarkAllFinished with a bad key marked the good one")
	}
}
