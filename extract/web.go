package extract

import (
	"bytes"
	"errors"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strings"
	"unicode/utf8"

	"cable/articles"

	"golang.org/x/net/html/charset"
)

// The kinds of fetched bodies Web converts, named by the extension a
// file of that kind would have, as the rest of the package names them.
const (
	KindHTML     = ".html"
	KindMarkdown = ".md"
	KindText     = ".txt"
)

// KindOf says what a fetched body is: a page (KindHTML), Markdown or plain
// text, by its Content-Type, or where that says nothing useful (none, or
// application/octet-stream) by the address's extension and then by its
// first bytes. A plain-text body at an address ending in .md is Markdown,
// as servers that know no Markdown type send it. Anything else (a PDF, an
// image, a feed) is an error naming address.
func KindOf(contentType, address string, body []byte) (string, error) {
	media, _, _ := mime.ParseMediaType(contentType)
	byName := kindByExtension(address)
	switch media {
	case "text/html", "application/xhtml+xml":
		return KindHTML, nil
	case "text/markdown", "text/x-markdown":
		return KindMarkdown, nil
	case "text/plain":
		if byName == KindMarkdown {
			return KindMarkdown, nil
		}
		return KindText, nil
	case "", "application/octet-stream", "binary/octet-stream":
		if byName != "" {
			return byName, nil
		}
		sniffed, _, _ := mime.ParseMediaType(http.DetectContentType(body))
		switch sniffed {
		case "text/html":
			return KindHTML, nil
		case "text/plain":
			return KindText, nil
		}
		media = sniffed
	}
	return "", &articles.Error{File: address, Msg: "is " + media + ", not a page, Markdown or text cable can read"}
}

// kindByExtension is the kind an address's path names by its extension,
// or "".
func kindByExtension(address string) string {
	u, err := url.Parse(address)
	if err != nil {
		return ""
	}
	switch strings.ToLower(path.Ext(u.Path)) {
	case ".html", ".htm", ".xhtml":
		return KindHTML
	case ".md", ".markdown":
		return KindMarkdown
	case ".txt":
		return KindText
	}
	return ""
}

// Web converts a page, a Markdown file or a text fetched from address,
// of the kind KindOf said, as Article converts a file of that kind. The
// article's url is the page's own canonical address, or else address;
// a page's relative links are resolved against the same. Errors name
// address.
func Web(address, kind string, data []byte) (Converted, error) {
	u, err := url.Parse(address)
	if err != nil || webURL(address) == "" {
		return Converted{}, &articles.Error{File: address, Msg: "is not an http or https address"}
	}
	// The name a file of this kind would have: the converters take the
	// title of an untitled text from it, and Markdown its ID.
	name := strings.TrimSuffix(path.Base(u.Path), path.Ext(u.Path))
	if name == "" || name == "/" || name == "." {
		name = u.Hostname()
	}
	name += kind
	var c Converted
	switch kind {
	case KindHTML:
		md, title, err := importPage(name, data, u, nil)
		if err != nil {
			return Converted{}, renamed(err, name, address)
		}
		c = Converted{Markdown: md, Title: title}
	case KindMarkdown, KindText:
		if c, err = Article(name, data); err != nil {
			return Converted{}, renamed(err, name, address)
		}
		c.Markdown = withURL(c.Markdown, webURL(address))
	default:
		return Converted{}, &articles.Error{File: address, Msg: "is of no kind cable can read (" + kind + ")"}
	}
	if err := verifyImport(address, c.Markdown, kind != KindMarkdown); err != nil {
		return Converted{}, err
	}
	return c, nil
}

// WebTyped is Web for a body served with a Content-Type: a body that is
// not UTF-8 is first decoded from the charset the header names, which
// beats what the page itself declares, as in browsers. A page that names
// its charset only in a <meta> is decoded by Web, as a saved page is.
func WebTyped(address, contentType, kind string, data []byte) (Converted, error) {
	return Web(address, kind, toUTF8(data, contentType))
}

// toUTF8 decodes data from the charset contentType names, when data is
// not UTF-8 already and the charset is one cable knows; otherwise data is
// returned as it is.
func toUTF8(data []byte, contentType string) []byte {
	if utf8.Valid(data) {
		return data
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil || params["charset"] == "" {
		return data
	}
	enc, _ := charset.Lookup(params["charset"])
	if enc == nil {
		return data
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return data
	}
	return out
}

// renamed makes errors about the file name a converter was given name the
// address instead: that is what the reader typed.
func renamed(err error, name, address string) error {
	var list articles.ErrorList
	var one *articles.Error
	switch {
	case errors.As(err, &list):
		out := make(articles.ErrorList, len(list))
		for i, e := range list {
			c := *e
			if c.File == name {
				c.File = address
			}
			out[i] = &c
		}
		return out
	case errors.As(err, &one):
		c := *one
		if c.File == name {
			c.File = address
		}
		return &c
	}
	return err
}

// withURL adds a url field to an article's front matter when it has none,
// at its end. An article the field cannot be added to soundly is returned
// as it was.
func withURL(md []byte, address string) []byte {
	if address == "" || !bytes.HasPrefix(md, []byte("---\n")) {
		return md
	}
	a, err := articles.Parse("web", md, "web")
	if err != nil || a.Meta.URL != "" {
		return md
	}
	end := bytes.Index(md[4:], []byte("\n---\n"))
	if end < 0 {
		return md
	}
	end += 4 + 1 // after the last field's newline
	out := make([]byte, 0, len(md)+len(address)+16)
	out = append(out, md[:end]...)
	out = append(out, "url: "+yamlQuote(address)+"\n"...)
	out = append(out, md[end:]...)
	if b, err := articles.Parse("web", out, "web"); err != nil || b.Meta.URL != address {
		return md
	}
	return out
}
