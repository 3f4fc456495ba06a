package extract

import (
	"net/url"
	"strings"

	"cable/articles"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Page converts a page fetched from address, served as contentType, into
// an article, as Web converts a page, with adjust (when not nil) completing
// the front matter before the body is written: a feed fills in its
// author, date and name where the page gives none. Errors name the
// address.
func Page(address, contentType string, data []byte, adjust func(*articles.Meta)) (Converted, error) {
	base, err := url.Parse(address)
	if err != nil || webURL(address) == "" {
		base = nil
	}
	md, title, err := importPage(address, toUTF8(data, contentType), base, adjust)
	if err != nil {
		return Converted{}, err
	}
	if err := verifyImport(address, md, true); err != nil {
		return Converted{}, err
	}
	return Converted{Markdown: md, Title: title}, nil
}

// Fragment converts the HTML a feed carries for an entry (its content or
// its summary, a fragment rather than a page) into an article with the
// front matter m. Nothing is searched for: the whole fragment is the
// text, with its links resolved against base (the entry's address). A
// fragment that holds no text is an error naming file.
func Fragment(file, fragment, base string, m articles.Meta) (Converted, error) {
	m.Title = oneLine(m.Title)
	if m.Title == "" {
		return Converted{}, &articles.Error{File: file, Msg: "has no title"}
	}
	nodes, err := html.ParseFragment(strings.NewReader(articles.Clean(fragment)), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return Converted{}, &articles.Error{File: file, Msg: "is not HTML cable can read: " + err.Error()}
	}
	root := &html.Node{Type: html.ElementNode, Data: "div"}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	var baseURL *url.URL
	if u, err := url.Parse(base); err == nil && webURL(base) != "" {
		baseURL = u
	}
	removeClutter(root)
	arrangeHeadings(root, m.Title)
	body := markdownConverter(baseURL)(root)
	if !markdownHasText(body) {
		return Converted{}, &articles.Error{File: file, Msg: "carries no text"}
	}
	md := renderArticle(m, body)
	if err := verifyImport(file, md, true); err != nil {
		return Converted{}, err
	}
	return Converted{Markdown: md, Title: m.Title}, nil
}
