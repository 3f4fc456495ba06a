package library

import (
	"errors"
	"fmt"
	"time"

	"cable/articles"
)

// quotes.go keeps the quotes of "cable quotes" as what they have become:
// highlights. A quote is a highlight seen as a citation, with the row
// number it has always had as its ID; the quotes saved before highlights
// came were turned into highlights when the schema went to version 7.

// Quote is a passage the reader kept to cite. It copies everything needed
// to cite it (title, author, source, date, address, section), so that it
// survives its article's file being deleted.
type Quote struct {
	ID                                               int64
	Key, ArticleID, Title, Author, Source, Published string
	URL, SectionTitle, Text                          string
	Position                                         articles.Position
	Created                                          time.Time
}

// ErrQuoteSaved is what AddQuote returns for a passage of an article that
// is among the quotes already: the same article and the same text.
var ErrQuoteSaved = errors.New("this passage is among your quotes already")

// AddQuote stores a quote, as a highlight of its text at its place, and
// returns its ID. A zero Created means now. A quote of the same text from
// the same article is not stored twice: AddQuote returns the existing
// quote's ID and an error that is ErrQuoteSaved. The quote's offsets in
// its block are not known; the highlight is found in its block by its
// words.
func (s *Store) AddQuote(q Quote) (int64, error) {
	h := Highlight{
		Key: q.Key, ArticleID: q.ArticleID, Title: q.Title, Author: q.Author, Source: q.Source,
		Published: q.Published, URL: q.URL, SectionTitle: q.SectionTitle,
		Anchor:  articles.Anchor{Quote: articles.TextQuote{Exact: q.Text}, Section: q.Position.Section, Block: q.Position.Block},
		Offset:  q.Position.Offset,
		Created: q.Created,
	}
	_, id, err := s.addHighlight(h, "WHERE key = ? AND exact = ? AND deleted_ns = 0", h.Key, q.Text)
	if errors.Is(err, errSaved) {
		return id, ErrQuoteSaved
	}
	return id, err
}

// Quotes lists the quotes taken from the article with the given ID, or
// every quote when articleID is "", oldest first: the order they were
// collected in. A deleted highlight is no quote.
func (s *Store) Quotes(articleID string) ([]Quote, error) {
	if articleID == "" {
		return s.quotes("")
	}
	return s.quotes("AND article_id = ? ", articleID)
}

// QuotesOf lists the quotes from the article with a key, oldest first,
// whatever ID it had when they were saved: quotes follow a moved file by
// its key (see Sync), while the ID a quote records is the one the article
// had then.
func (s *Store) QuotesOf(key string) ([]Quote, error) {
	return s.quotes("AND key = ? ", key)
}

func (s *Store) quotes(where string, args ...any) ([]Quote, error) {
	rows, err := s.db.Query("SELECT "+highlightColumns+" FROM highlights WHERE deleted_ns = 0 "+where+"ORDER BY created_ns, rowid", args...)
	if err != nil {
		return nil, fmt.Errorf("library: listing quotes: %w", err)
	}
	defer rows.Close()
	var out []Quote
	for rows.Next() {
		h, rowid, err := scanHighlight(rows)
		if err != nil {
			return nil, fmt.Errorf("library: listing quotes: %w", err)
		}
		out = append(out, Quote{ID: rowid, Key: h.Key, ArticleID: h.ArticleID, Title: h.Title, Author: h.Author,
			Source: h.Source, Published: h.Published, URL: h.URL, SectionTitle: h.SectionTitle, Text: h.Text(),
			Position: h.Position(), Created: h.Created})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("library: listing quotes: %w", err)
	}
	return out, nil
}
