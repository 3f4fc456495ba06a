// Package feeds follows publications: it reads RSS 2.0, Atom and JSON
// Feed (through gofeed), finds a page's feed from its <link
// rel="alternate">, reads and writes OPML, and saves every new entry of a
// feed as an article in the library directory, with its full text where
// it can be had. It fetches through package fetch and writes through
// package library; it knows nothing of screens.
package feeds

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"cable/articles"

	"github.com/mmcdole/gofeed"
)

// Parsed is a feed as cable uses it: every text cleaned of what a
// terminal would obey, entries in the feed's order.
type Parsed struct {
	Title   string
	Link    string // the publication's site
	Author  string
	Entries []Entry
}

// Entry is one item of a feed.
type Entry struct {
	GUID  string
	Title string
	// Link is the entry's page, resolved against the feed's address.
	Link      string
	Author    string
	Published string // YYYY-MM-DD, or ""
	// Content is the entry's full content as the feed gives it (HTML),
	// and Description its summary; either may be empty.
	Content     string
	Description string
}

// Parse reads a feed fetched from address (the base of its relative
// links). Errors name the address. gofeed is trusted with the formats,
// not with cable's safety: a panic inside it becomes an error, and every
// text it returns is cleaned here.
func Parse(address string, data []byte) (p *Parsed, err error) {
	defer func() {
		if r := recover(); r != nil {
			p, err = nil, &articles.Error{File: address, Msg: fmt.Sprintf("is not a feed cable can read (the parser failed: %v)", r)}
		}
	}()
	switch gofeed.DetectFeedType(bytes.NewReader(data)) {
	case gofeed.FeedTypeUnknown:
		return nil, &articles.Error{File: address, Msg: "is not an RSS, Atom or JSON feed"}
	case gofeed.FeedTypeJSON:
		if !bytes.Contains(data, []byte("jsonfeed.org/version")) {
			return nil, &articles.Error{File: address, Msg: "is JSON, but not a JSON Feed (no jsonfeed.org version)"}
		}
	default:
		data = dropXMLControls(data)
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, &articles.Error{File: address, Msg: "is not a feed cable can read: " + firstLine(err.Error())}
	}
	base, _ := url.Parse(address)
	p = &Parsed{Title: line(f.Title), Link: resolve(base, f.Link), Author: person(f.Authors, f.Author)}
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		e := Entry{
			GUID:        line(it.GUID),
			Title:       line(it.Title),
			Link:        resolve(base, it.Link),
			Author:      person(it.Authors, it.Author),
			Published:   day(it.PublishedParsed, it.UpdatedParsed),
			Content:     articles.Clean(it.Content),
			Description: articles.Clean(it.Description),
		}
		if e.Link == "" {
			for _, l := range it.Links {
				if e.Link = resolve(base, l); e.Link != "" {
					break
				}
			}
		}
		p.Entries = append(p.Entries, e)
	}
	return p, nil
}

// dropXMLControls removes the control characters XML forbids (all of C0
// but tab, line feed and carriage return), which feeds written by careless
// or hostile software carry and on which the XML parser would give up on
// the whole feed. In UTF-8, whole escape sequences go, as articles.Clean
// removes them, so that no "[31m" is left behind of one; in another
// encoding, which the feed's XML declaration names, only the bytes.
func dropXMLControls(data []byte) []byte {
	if !bytes.ContainsFunc(data, isXMLControl) {
		return data
	}
	if utf8.Valid(data) {
		return []byte(articles.Clean(string(data)))
	}
	return bytes.Map(func(r rune) rune {
		if isXMLControl(r) {
			return -1
		}
		return r
	}, data)
}

func isXMLControl(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' && r != '\r' }

// IsFeed reports whether data looks like a feed of a kind Parse reads.
func IsFeed(data []byte) bool {
	return gofeed.DetectFeedType(bytes.NewReader(data)) != gofeed.FeedTypeUnknown
}

// line is a text from a feed made safe and one line: a title that
// carries escape sequences or line breaks can neither act on the terminal
// nor break a listing.
func line(s string) string {
	return strings.Join(strings.Fields(articles.Clean(s)), " ")
}

// person is the first named author.
func person(list []*gofeed.Person, single *gofeed.Person) string {
	for _, p := range append(list, single) {
		if p != nil && line(p.Name) != "" {
			return line(p.Name)
		}
	}
	return ""
}

// day is the first date given, as YYYY-MM-DD, when its year is one the
// front matter can hold.
func day(times ...*time.Time) string {
	for _, t := range times {
		if t != nil && t.Year() >= 1 && t.Year() <= 9999 {
			return t.UTC().Format(time.DateOnly)
		}
	}
	return ""
}

// resolve makes ref absolute against base, keeping only http and https
// addresses: a feed may not point cable at a file or a script. The
// fragment is dropped, so that the same page is the same address.
func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(articles.Clean(ref))
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Fragment = ""
	return u.String()
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}
