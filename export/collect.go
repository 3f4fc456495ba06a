package export

import (
	"strings"
	"time"

	"cable/articles"
	"cable/library"
)

// Collect gathers what to export from the library: the highlights of the
// articles with the given keys (of every article when none is given),
// made or changed since a time (any time when it is zero). What the
// library knows of an article now (its title, byline, address, tags)
// replaces what its highlights copied when they were made; each
// highlight is looked for in the article's text as it is now, and one
// no longer there is marked NotFound. An article asked for by key is
// exported even without highlights, for its citation.
func Collect(cat *library.Catalog, keys []string, since time.Time) ([]Article, error) {
	hs, err := cat.Store.AllHighlights(library.HighlightFilter{Keys: keys, Since: since})
	if err != nil {
		return nil, err
	}
	arts := Gather(hs)
	have := map[string]bool{}
	for _, a := range arts {
		have[a.Key] = true
	}
	for _, key := range keys {
		if e, ok := cat.ByKey(key); ok && !have[key] {
			have[key] = true
			arts = append(arts, Article{Key: key, ID: e.Summary.ID, Accessed: e.Added})
		}
	}
	for i := range arts {
		if err := fillIn(cat, &arts[i]); err != nil {
			return nil, err
		}
	}
	return arts, nil
}

// fillIn completes an article from the catalog and the store.
func fillIn(cat *library.Catalog, a *Article) error {
	tags, err := cat.Store.Tags(a.Key)
	if err != nil {
		return err
	}
	a.Tags = tags
	e, ok := cat.ByKey(a.Key)
	if !ok {
		return nil // the file is gone: its highlights' citations stand
	}
	s := e.Summary
	a.ID, a.Title, a.Author, a.Source, a.URL, a.Published = s.ID, s.Title, s.Author, s.Source, s.URL, s.Published
	a.Kind = KindOf(a.Source)
	art, err := cat.Article(e)
	if err != nil {
		return nil // unreadable now: nothing is said of where the passages are
	}
	if strings.EqualFold(art.Meta.Type, KindBook) {
		a.Kind = KindBook // its front matter says so: an imported EPUB
	}
	locator, places := art.Locator(), art.Places()
	a.Places = map[string]string{}
	for _, h := range a.Highlights {
		found, placement := locator.Locate(h.Anchor)
		if placement == articles.NotFound {
			if a.NotFound == nil {
				a.NotFound = map[string]bool{}
			}
			a.NotFound[h.ID] = true
			continue
		}
		a.Places[h.ID] = places.Name(articles.Position{Section: found.Section, Block: found.Block})
	}
	return nil
}
