package library

import (
	"errors"
	"testing"
)

// TestAQuoteIsSavedOnce: the same text of the same article is refused
// with ErrQuoteSaved and the first quote's ID; the same text of another
// article, or other text, is saved.
func TestAQuoteIsSavedOnce(t *testing.T) {
	s, _ := newTestStore(t)
	q := Quote{Key: "/lib/a.md", ArticleID: "a", Title: "A", Text: "A passage."}
	first, err := s.AddQuote(q)
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.AddQuote(q)
	if !errors.Is(err, ErrQuoteSaved) || again != first {
		t.Errorf("the same passage again: id %d, %v; want %d, ErrQuoteSaved", again, err, first)
	}
	other := q
	other.Key = "/lib/b.md"
	if _, err := s.AddQuote(other); err != nil {
		t.Errorf("the same words in another article: %v", err)
	}
	q.Text = "Another passage."
	if _, err := s.AddQuote(q); err != nil {
		t.Errorf("another passage: %v", err)
	}
	if quotes, _ := s.Quotes(""); len(quotes) != 3 {
		t.Errorf("%d quotes kept, want 3", len(quotes))
	}
}
