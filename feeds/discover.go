package feeds

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// feedTypes are the media types a <link rel="alternate"> names a feed by.
var feedTypes = map[string]bool{
	"application/rss+xml":   true,
	"application/atom+xml":  true,
	"application/feed+json": true,
	"application/json":      false,
}

// Discover finds the feed a page names: the first <link rel="alternate">
// whose type is RSS, Atom or JSON Feed, its address resolved against the
// page's. ok is false when the page names none.
func Discover(pageURL string, page []byte) (feedURL string, ok bool) {
	base, _ := url.Parse(pageURL)
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return "", false
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			if t.DataAtom == atom.Body {
				return "", false // links to feeds stand in the head
			}
			if t.DataAtom != atom.Link {
				continue
			}
			var rel, typ, href string
			for _, a := range t.Attr {
				switch strings.ToLower(a.Key) {
				case "rel":
					rel = strings.ToLower(a.Val)
				case "type":
					typ = strings.ToLower(strings.TrimSpace(a.Val))
				case "href":
					href = a.Val
				}
			}
			typ, _, _ = strings.Cut(typ, ";")
			if hasWord(rel, "alternate") && feedTypes[strings.TrimSpace(typ)] {
				if u := resolve(base, href); u != "" {
					return u, true
				}
			}
		}
	}
}

func hasWord(list, word string) bool {
	for _, w := range strings.Fields(list) {
		if w == word {
			return true
		}
	}
	return false
}
