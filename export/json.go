package export

import (
	"encoding/json"
	"io"
	"time"

	"cable/articles"
)

// articleJSON is an article as the JSON export writes it.
type articleJSON struct {
	ID         string          `json:"id"`
	Title      string          `json:"title"`
	Author     string          `json:"author,omitempty"`
	Source     string          `json:"source,omitempty"`
	URL        string          `json:"url,omitempty"`
	Published  string          `json:"published,omitempty"`
	Type       string          `json:"type"`
	Tags       []string        `json:"tags"`
	Highlights []highlightJSON `json:"highlights"`
}

// highlightJSON is a highlight as the JSON export writes it: the words
// and their context as a W3C TextQuoteSelector has them, the place, and
// the times.
type highlightJSON struct {
	ID       string             `json:"id"`
	Text     string             `json:"text"`
	Note     string             `json:"note"`
	Place    string             `json:"place"`
	Section  string             `json:"section,omitempty"`
	Found    bool               `json:"found"`
	Selector articles.TextQuote `json:"selector"`
	Position articles.Position  `json:"position"`
	Start    int                `json:"start"`
	End      int                `json:"end"`
	Created  time.Time          `json:"created"`
	Changed  time.Time          `json:"changed"`
}

// WriteJSON writes every article and every highlight, with all that is
// kept of them, as one JSON array: [] when there are none.
func WriteJSON(w io.Writer, arts []Article) error {
	out := make([]articleJSON, 0, len(arts))
	for _, a := range arts {
		tags := a.Tags
		if tags == nil {
			tags = []string{}
		}
		aj := articleJSON{ID: a.ID, Title: a.Title, Author: a.Author, Source: a.Source, URL: a.URL,
			Published: a.Published, Type: a.Kind, Tags: tags, Highlights: []highlightJSON{}}
		for _, h := range a.Highlights {
			aj.Highlights = append(aj.Highlights, highlightJSON{
				ID: h.ID, Text: h.Text(), Note: h.Note, Place: Place(h), Section: h.SectionTitle,
				Found: !a.NotFound[h.ID], Selector: h.Anchor.Quote, Position: h.Position(),
				Start: h.Anchor.Start, End: h.Anchor.End, Created: h.Created, Changed: h.Changed,
			})
		}
		out = append(out, aj)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
