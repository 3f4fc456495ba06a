package feeds

import (
	"strings"
	"testing"

	"cable/articles"
	"cable/extract"
	"cable/internal/testsupport"
)

// FuzzFeed feeds arbitrary bytes through cable's path for a feed: Parse,
// then each entry made into an article from what the feed carries, as an
// update does when the page cannot be had. Nothing may panic, no text may
// keep a control character, and every article made must parse.
func FuzzFeed(f *testing.F) {
	f.Add([]byte(testsupport.RSSFeed("T", testsupport.Item{"One", "https://x.example/1", "<p>Text of one.</p>"})))
	f.Add([]byte(atomFeed))
	f.Add([]byte(jsonFeed))
	f.Add([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>` + "\x1b[31m" + `</title><item><title><![CDATA[` + "a\x9bb\x07" + `]]></title><description>&lt;h2&gt;x&lt;/h2&gt;</description></item></channel></rss>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","title":"\u001b]0;x\u0007","items":[{"id":"1","content_html":"<h1>t</h1><p>b</p>","title":"---"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse("https://fuzz.example/feed", data)
		if err != nil {
			return
		}
		check := func(what, s string) {
			if s != articles.Clean(s) {
				t.Fatalf("%s keeps what a terminal would obey: %q", what, s)
			}
		}
		check("feed title", p.Title)
		for _, e := range p.Entries {
			check("title", e.Title)
			check("content", e.Content)
			check("description", e.Description)
			if strings.ContainsAny(e.Title, "\n\r") {
				t.Fatalf("title on several lines: %q", e.Title)
			}
			m := articles.Meta{Title: e.Title, Author: e.Author, URL: e.Link, Published: e.Published, Feed: p.Title, SummaryOnly: true}
			if m.Title == "" {
				m.Title = fallbackTitle(e)
			}
			for _, text := range []string{e.Content, e.Description} {
				out, err := extract.Fragment("fuzz", text, e.Link, m)
				if err != nil {
					continue
				}
				if _, err := articles.Parse("fuzz.md", out.Markdown, "fuzz"); err != nil {
					t.Fatalf("an article made from the feed does not parse: %v\n%s", err, out.Markdown)
				}
			}
		}
	})
}
