package feeds

import (
	"context"
	"strings"

	"cable/articles"
	"cable/extract"
	"cable/ingest"
	"cable/library"

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

// saveArticle makes an entry into an article and saves it through the
// saving pipeline: from the feed's content when that is the whole
// article; otherwise from the entry's page, fetched and extracted; and
// when that fails, from what the feed carries, marked as a summary unless
// it is content longer than the description. An entry with neither a
// page that can be read nor any text is an error; so is a cancelled
// context, which saves nothing.
func (u *Updater) saveArticle(ctx context.Context, f library.Feed, e Entry) (ingest.Saved, error) {
	m := articles.Meta{Title: e.Title, Author: e.Author, URL: e.Link, Published: e.Published, Source: f.Label(), Feed: f.Label()}
	if m.Title == "" {
		m.Title = fallbackTitle(e)
	}
	fragment := func(text string, meta articles.Meta) (ingest.Saved, error) {
		return u.saver().Save(ingest.Input{
			Name:      entryName(e),
			Source:    library.KeptSource{URL: e.Link, Kind: extract.KindHTML, Fragment: true, Meta: &meta},
			Body:      []byte(text),
			Addresses: []string{e.Link},
			Folder:    f.Name,
			New:       true,
		})
	}
	if carriesArticle(e.Content, e.Description) {
		if s, err := fragment(e.Content, m); err == nil {
			return s, nil
		}
	}
	var pageErr error
	if e.Link != "" {
		in, err := u.saver().Fetch(ctx, e.Link)
		if err == nil {
			in.Source.Meta, in.Folder, in.New = &m, f.Name, true
			var s ingest.Saved
			if s, err = u.saver().Save(in); err == nil {
				return s, nil
			}
		}
		if ctx.Err() != nil {
			return ingest.Saved{}, ctx.Err()
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
		if s, err := fragment(text, meta); err == nil {
			return s, nil
		}
	}
	if pageErr != nil {
		return ingest.Saved{}, pageErr
	}
	return ingest.Saved{}, &articles.Error{File: entryName(e), Msg: "carries no text and no page to fetch"}
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
