package extract

import (
	"net/url"
	"strings"

	"cable/articles"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Page converts a page fetched from address into an article, as a page
// saved from a browser is converted, except that the address is known:
// relative links are resolved against it when the page names no canonical
// address of its own, and it becomes the article's url. adjust, when not
// nil, completes the front matter (a feed's author and date where the
// page gives none). Errors name the address.
func Page(address string, data []byte, adjust func(*articles.Meta)) (Converted, error) {
	base, err := url.Parse(address)
	if err != nil || webURL(address) == "" {
		base = nil
	}
	md, title, err := convertHTML(address, data, base, adjust)
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
