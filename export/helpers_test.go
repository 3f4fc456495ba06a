package export

import (
	"time"

	"cable/articles"
	"cable/library"
)

var testTime = time.Date(2026, 3, 4, 10, 30, 0, 0, time.UTC)

func hl(id, key, text, note string, section, block int, created time.Time) library.Highlight {
	return library.Highlight{
		ID: id, Key: key, ArticleID: key + "-id", Note: note, Created: created, Changed: created,
		Anchor: articles.Anchor{Quote: articles.TextQuote{Exact: text}, Section: section, Block: block, Start: 0, End: len(text)},
	}
}

// testArticles are two articles with awkward text in every field.
func testArticles() []Article {
	return []Article{
		{
			ID: "azerbaijan-israel", Key: "/lib/a.md", Title: `How Deep Are Azerbaijan-Israel Relations? {A "50%" view}`,
			Author: "Eldar Mamedov and Anna Łódź", Source: "Responsible Statecraft", URL: "https://example.com/a?x=1&y=2",
			Published: "2024-01-02", Tags: []string{"iran", "caucasus"}, Kind: KindMagazine, Accessed: testTime,
			Highlights: []library.Highlight{
				hl("h1", "/lib/a.md", `There has been "much" speculation, here & there.`, "Worth citing, with a comma.", 0, 1, testTime),
				hl("h2", "/lib/a.md", "Baku buys drones_and $oil #1 ~50% {braced}.", "", 2, 3, testTime.Add(time.Hour)),
			},
			NotFound: map[string]bool{"h2": true},
		},
		{
			ID: "gaza-report", Key: "/lib/b.md", Title: "Gaza: The Day After", Author: "International Crisis Group Middle East Programme",
			Source: "International Crisis Group", Published: "2025-11", Kind: KindReport, Accessed: testTime,
			Highlights: []library.Highlight{hl("h3", "/lib/b.md", "A line.\nAnother line.", "A note\nof two lines.", 1, 0, testTime)},
		},
	}
}
