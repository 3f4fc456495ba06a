package feeds

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"cable/articles"
	"cable/library"
)

// opml is an OPML document: what feed readers export their subscriptions
// as. Only what a subscription list needs is read and written.
type opml struct {
	XMLName xml.Name  `xml:"opml"`
	Version string    `xml:"version,attr"`
	Title   string    `xml:"head>title"`
	Created string    `xml:"head>dateCreated,omitempty"`
	Body    []outline `xml:"body>outline"`
}

// outline is one entry of an OPML body: a feed when it has an xmlUrl, a
// folder of outlines otherwise (readers nest them by category).
type outline struct {
	Text     string    `xml:"text,attr"`
	Title    string    `xml:"title,attr,omitempty"`
	Type     string    `xml:"type,attr,omitempty"`
	XMLURL   string    `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string    `xml:"htmlUrl,attr,omitempty"`
	Outlines []outline `xml:"outline"`
}

// Subscription is a feed an OPML file lists.
type Subscription struct {
	URL, Title string
}

// notOPML is what a file that is no OPML at all is told.
const notOPML = "is not an OPML file: an OPML list of feeds, as feed readers export it, is XML that starts <opml>"

// maxOutlineDepth bounds how deep folders may nest: deeper than any
// reader's folders, shallow enough that a hostile file cannot exhaust the
// stack.
const maxOutlineDepth = 32

// ReadOPML reads the feeds an OPML file lists, at any depth of folders,
// each once, in order. Only http and https addresses are taken; skipped
// counts the outlines whose xmlUrl is not one, so that the reader hears
// of them. Errors name file, and the line where the XML breaks; a feed
// given instead of a list of feeds is told how it is followed.
func ReadOPML(file string, data []byte) (subs []Subscription, skipped int, err error) {
	if err := checkDepth(data); err != nil {
		return nil, 0, &articles.Error{File: file, Msg: err.Error()}
	}
	if IsFeed(data) {
		return nil, 0, &articles.Error{File: file, Msg: "is a feed, not an OPML list of feeds: \"cable feeds add URL\" follows a feed by its address"}
	}
	var doc opml
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	if err := dec.Decode(&doc); err != nil {
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return nil, 0, &articles.Error{File: file, Line: se.Line, Msg: "is not valid OPML: " + se.Msg}
		}
		if errors.Is(err, io.EOF) {
			// Not one XML element: a Markdown file, a text, nothing.
			return nil, 0, &articles.Error{File: file, Msg: notOPML}
		}
		return nil, 0, &articles.Error{File: file, Msg: "is not valid OPML: " + err.Error()}
	}
	if doc.XMLName.Local != "opml" {
		return nil, 0, &articles.Error{File: file, Msg: notOPML}
	}
	seen := map[string]bool{}
	var walk func([]outline)
	walk = func(list []outline) {
		for _, o := range list {
			u := resolve(nil, o.XMLURL)
			if u == "" && strings.TrimSpace(o.XMLURL) != "" {
				skipped++
			}
			if u != "" && !seen[u] {
				seen[u] = true
				title := line(o.Title)
				if title == "" {
					title = line(o.Text)
				}
				subs = append(subs, Subscription{URL: u, Title: title})
			}
			walk(o.Outlines)
		}
	}
	walk(doc.Body)
	return subs, skipped, nil
}

// checkDepth refuses elements nested deeper than maxOutlineDepth+3 (opml,
// body and the outlines), before the document is decoded recursively.
func checkDepth(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return nil // Decode reports it, with its line
		}
		switch tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxOutlineDepth+3 {
				return fmt.Errorf("nests outlines more than %d deep", maxOutlineDepth)
			}
		case xml.EndElement:
			depth--
		}
	}
}

// WriteOPML writes the feeds as an OPML 2.0 document.
func WriteOPML(w io.Writer, list []library.Feed, now time.Time) error {
	doc := opml{Version: "2.0", Title: "cable feeds", Created: now.UTC().Format(time.RFC1123Z)}
	for _, f := range list {
		doc.Body = append(doc.Body, outline{Text: f.Label(), Title: f.Title, Type: "rss", XMLURL: f.URL})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
