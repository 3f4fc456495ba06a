package main

import (
	"fmt"
	"io"
	"strings"

	"cable/library"
)

// list_filter.go chooses the articles "cable list" prints: --tag,
// --unread and --archived, read by the rules of the library's filter
// terms (library.Terms). Archived articles are left out unless
// --archived asks for them, as the library leaves them out of its list.

// listChoice is what the flags ask of the articles listed.
type listChoice struct {
	tags     []string
	unread   bool
	archived bool
	// terms are the flags as filter terms; marks and archive are the
	// reader's tags and archive, read by load.
	terms   library.Terms
	marks   map[string][]string
	archive map[string]bool
	// hidden counts the archived articles left out, listed those kept.
	hidden, listed int
}

// load reads what the choice needs from the store, which may be nil
// (--no-state): nothing is tagged or archived then, and --tag is an
// error, since it could only list nothing.
func (c *listChoice) load(store *library.Store) error {
	c.terms = library.Terms{Tags: c.tags, Unread: c.unread, Archived: c.archived}
	if store == nil {
		if len(c.tags) > 0 {
			return userErrorf("--tag: tags are kept in the library database, which is not available (--no-state?)")
		}
		return nil
	}
	// The tags are read whatever the flags: --json lists them.
	var err error
	if c.marks, err = store.AllTags(); err != nil {
		return err
	}
	archived, err := store.Archived()
	if err != nil {
		return err
	}
	c.archive = make(map[string]bool, len(archived))
	for key := range archived {
		c.archive[key] = true
	}
	return nil
}

// keep reports whether the article of key, opened or not and new or
// not, is listed.
func (c *listChoice) keep(key string, opened, fresh bool) bool {
	if c.archive[key] && !c.archived {
		c.hidden++
		return false
	}
	if !c.terms.Keep(library.Facts{Tags: c.marks[key], Opened: opened, New: fresh}) {
		return false
	}
	c.listed++
	return true
}

// nothingFound is the error when --tag or --unread chose no article, as
// search's when nothing matches: said, with exit status 1; nil otherwise.
func (c *listChoice) nothingFound() error {
	if c.listed > 0 || len(c.tags) == 0 && !c.unread {
		return nil
	}
	var asked []string
	for _, t := range c.tags {
		asked = append(asked, "tagged "+t)
	}
	if c.unread {
		asked = append(asked, "never opened")
	}
	return userErrorf("no article is %s", strings.Join(asked, " and "))
}

// keepListed is keep for a row of the index.
func (c *listChoice) keepListed(l library.Listed) bool {
	return c.keep(l.Key, l.Read || l.Finished, l.New)
}

// choose keeps the articles of a listing (one for each of the catalog's
// entries, in their order) that the flags ask for.
func (c *listChoice) choose(entries []library.Entry, listed []listedArticle) []listedArticle {
	out := listed[:0:0]
	for i, a := range listed {
		key := entries[i].Key
		if c.keep(key, a.Finished || a.LastRead != nil, a.New) {
			a.Tags, a.Archived = c.marks[key], c.archive[key]
			if a.Tags == nil {
				a.Tags = []string{}
			}
			out = append(out, a)
		}
	}
	return out
}

// sayHidden says on w how many archived articles were left out, if any.
func (c *listChoice) sayHidden(w io.Writer) {
	if c.hidden > 0 {
		fmt.Fprintf(w, "%d archived not listed: --archived lists them too.\n", c.hidden)
	}
}
