package feeds

import (
	"context"
	"strings"

	"cable/articles"
	"cable/extract"
	"cable/fetch"

	"golang.org/x/net/html"
)

// articleWords is how long a feed's content must be to be taken as the
// whole article rather than a summary: more than any summary a
// publication writes, fewer than the shortest piece worth saving.
const articleWords = 150

// carriesArticle reports whether a feed entry's content is clearly the
// article itself, so that its page need not be fetched: at least
// articleWords words, or, for a shorter piece, four times as long as the
// entry's description and 60 words at least.
func carriesArticle(content, description string) bool {
	n := textWords(content)
	if n >= articleWords {
		return true
	}
	d := textWords(description)
	return d > 0 && n >= 60 && n >= 4*d
}

// contentBeyondDescription reports whether an entry's content is text of
// its own, not its description again: different, and longer.
func contentBeyondDescription(content, description string) bool {
	c := strings.Join(strings.Fields(plainText(content)), " ")
	d := strings.Join(strings.Fields(plainText(description)), " ")
	return c != "" && c != d && textWords(content) > textWords(description)
}

// textWords counts the words of the text of an HTML fragment.
func textWords(fragment string) int {
	if fragment == "" {
		return 0
	}
	z := html.NewTokenizer(strings.NewReader(fragment))
	n := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return n
		case html.TextToken:
			n += len(strings.Fields(string(z.Text())))
		}
	}
}

// saved is an entry made into an article.
type saved struct {
	markdown    []byte
	title       string
	url         string // the article's canonical address
	summaryOnly bool
}

// entryArticle makes an entry into an article: from the feed's content
// when that is the whole article; otherwise from the entry's page,
// fetched and extracted; and when that fails, from what the feed
// carries, marked as a summary unless it is content longer than the
// description. feedTitle goes into the front matter's
// feed field. An entry with neither a page that can be read nor any text
// is an error; so is a cancelled context, which saves nothing.
func entryArticle(ctx context.Context, c *fetch.Client, feedTitle string, e Entry) (saved, error) {
	m := articles.Meta{Title: e.Title, Author: e.Author, URL: e.Link, Published: e.Published, Source: feedTitle, Feed: feedTitle}
	if m.Title == "" {
		m.Title = fallbackTitle(e)
	}
	if carriesArticle(e.Content, e.Description) {
		if out, err := extract.Fragment(entryName(e), e.Content, e.Link, m); err == nil {
			return saved{markdown: out.Markdown, title: out.Title, url: e.Link}, nil
		}
	}
	var pageErr error
	if e.Link != "" {
		out, canonical, err := fetchPage(ctx, c, e, m)
		if err == nil {
			return saved{markdown: out.Markdown, title: out.Title, url: canonical}, nil
		}
		if ctx.Err() != nil {
			return saved{}, ctx.Err()
		}
		pageErr = err
	}
	// The feed's content, when it says more than the description, is the
	// piece as the publication chose to carry it (often a short one whole);
	// only the description, or content no longer than it, is a summary.
	whole := contentBeyondDescription(e.Content, e.Description)
	for i, text := range []string{e.Content, e.Description} {
		meta := m
		meta.SummaryOnly = i > 0 || !whole
		if out, err := extract.Fragment(entryName(e), text, e.Link, meta); err == nil {
			return saved{markdown: out.Markdown, title: out.Title, url: e.Link, summaryOnly: meta.SummaryOnly}, nil
		}
	}
	if pageErr != nil {
		return saved{}, pageErr
	}
	return saved{}, &articles.Error{File: entryName(e), Msg: "carries no text and no page to fetch"}
}

// fetchPage fetches an entry's page and extracts its article, filling in
// from the feed what the page does not say. It returns the article and
// its canonical address.
func fetchPage(ctx context.Context, c *fetch.Client, e Entry, m articles.Meta) (extract.Converted, string, error) {
	resp, err := c.Get(ctx, fetch.Request{URL: e.Link, Accept: fetch.AcceptPages})
	if err != nil {
		return extract.Converted{}, "", err
	}
	if resp.NotModified || len(resp.Body) == 0 {
		return extract.Converted{}, "", &articles.Error{File: e.Link, Msg: "the page came back empty"}
	}
	if ct := strings.ToLower(resp.ContentType); ct != "" && !strings.Contains(ct, "html") {
		return extract.Converted{}, "", &articles.Error{File: e.Link, Msg: "is not a web page (" + resp.ContentType + ")"}
	}
	canonical := resp.URL
	out, err := extract.Page(resp.URL, resp.ContentType, resp.Body, func(pm *articles.Meta) {
		if pm.URL != "" {
			canonical = pm.URL
		}
		fill(&pm.Author, m.Author)
		fill(&pm.Published, m.Published)
		fill(&pm.Source, m.Source)
		fill(&pm.URL, m.URL)
		// The feed's title is the publication's own, where a page's
		// may carry the site's name or be missing.
		if m.Title != "" {
			pm.Title = m.Title
		}
		pm.Feed = m.Feed
	})
	if err != nil {
		return extract.Converted{}, "", err
	}
	return out, canonical, nil
}

func fill(field *string, value string) {
	if *field == "" {
		*field = value
	}
}

// fallbackTitle names an untitled entry (RSS allows them) after the
// start of its text, or its address.
func fallbackTitle(e Entry) string {
	for _, text := range []string{e.Description, e.Content} {
		words := strings.Fields(plainText(text))
		if len(words) > 0 {
			if len(words) > 10 {
				words = append(words[:10], "…")
			}
			return strings.Join(words, " ")
		}
	}
	if e.Link != "" {
		return e.Link
	}
	return "Untitled entry"
}

// plainText is the text of an HTML fragment.
func plainText(fragment string) string {
	z := html.NewTokenizer(strings.NewReader(fragment))
	var b strings.Builder
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			b.Write(z.Text())
			b.WriteByte(' ')
		}
	}
}

// entryName names an entry in errors: its address, or its title.
func entryName(e Entry) string {
	if e.Link != "" {
		return e.Link
	}
	if e.Title != "" {
		return e.Title
	}
	return "an entry"
}
