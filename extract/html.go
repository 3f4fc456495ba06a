// html.go holds the conversion of a saved page: decoding it, finding the
// article with readability, and writing it as Markdown with
// html-to-markdown. The clutter rules it applies are in clutter.go, what
// the page says about itself in pagemeta.go, links in links.go, figures
// in figures.go, headings in headings.go and footnotes in footnotes.go.

package extract

import (
	"bytes"
	"net/url"
	"strings"
	"unicode/utf8"

	"cable/articles"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/strikethrough"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// maxHTMLElements bounds the pages readability is asked to score. Its
// scoring revisits nodes many times; a page with more elements than any
// real article page is refused rather than left to run for minutes.
const maxHTMLElements = 200_000

// importHTML converts a page saved from a browser. readability finds the
// article and its metadata, after the page's obvious furniture (its
// contents box included) has been taken out; html-to-markdown writes the
// article as Markdown, with figures kept as images (shown as a line) and
// relative links made absolute from the page's own address, or dropped,
// their text kept, when the page does not give one (see fixLinks).
// Nothing is fetched.
func importHTML(file string, data []byte) (md []byte, title string, err error) {
	return importPage(file, data, nil, nil)
}

// importPage converts a page. address, when not nil, is where the page
// was fetched from: the page's own address when it gives none, for its
// links and its front matter. adjust, when not nil, completes the front
// matter before the body is converted (a feed's author and date where the
// page gives none).
func importPage(file string, data []byte, address *url.URL, adjust func(*articles.Meta)) (md []byte, title string, err error) {
	src := articles.Clean(decodeHTML(data))
	var best pageResult
	for i, s := range strategies {
		if s.densest && i > 0 && best.mainText == 0 {
			break // no paragraph to find: the densest block is none
		}
		r, err := convertPage(file, src, address, adjust, s)
		if err != nil {
			return nil, "", err
		}
		if best.body == "" || r.size > 2*best.size {
			best = r
		}
		best.mainText = r.mainText
		if best.size*4 >= r.mainText && markdownHasText(best.body) {
			break
		}
	}
	if !markdownHasText(best.body) {
		return nil, "", &articles.Error{File: file, Msg: "no article found in the page (it may hold only a form, a menu or a script-built page)"}
	}
	return renderArticle(best.meta, best.body), best.meta.Title, nil
}

// convertPage converts a page with one strategy (see fallback.go).
func convertPage(file, src string, address *url.URL, adjust func(*articles.Meta), s strategy) (pageResult, error) {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return pageResult{}, &articles.Error{File: file, Msg: "is not HTML cable can read: " + err.Error()}
	}
	r := pageResult{mainText: paragraphText(doc, false, map[*html.Node]int{})}
	removeContentsLists(doc)
	unwrapHeadings(doc)
	notes := takeHTMLFootnotes(doc)
	meta, content, baseURL, err := extractArticle(file, doc, address, s)
	if err != nil {
		return pageResult{}, err
	}
	if adjust != nil {
		adjust(&meta)
	}
	r.meta = meta
	if content != nil {
		r.body = articleMarkdown(content, meta, notes, baseURL)
	}
	r.size = textSize(r.body)
	return r, nil
}

// extractArticle finds the article in a parsed page with readability and
// returns its front matter, its content (nil when there is none) and the
// page's own address, which its links are resolved against (nil when the
// page does not give it). A page's canonical address beats the one it was
// fetched from, which redirects and tracking parameters may have made.
// The strategy says whether the page's furniture is taken out first and
// whether readability or the densest block of paragraphs chooses the
// content.
func extractArticle(file string, doc *html.Node, fetchedFrom *url.URL, s strategy) (articles.Meta, *html.Node, *url.URL, error) {
	page := readPageInfo(doc)
	if page.canonical == "" && fetchedFrom != nil {
		page.canonical = webURL(fetchedFrom.String())
	}
	baseURL := page.baseURL()
	keepFigures(doc, baseURL)
	if s.clutter {
		removeClutter(doc)
	}
	lead := leadFigure(doc)
	byline := findByline(doc)
	dek := findDek(doc)
	var dense *html.Node
	if s.densest {
		if dense = densestBlock(doc); dense != nil {
			removeNode(dense) // out of readability's reach, which reads the metadata
		}
	}
	parser := readability.NewParser()
	parser.MaxElemsToParse = maxHTMLElements
	article, err := parser.ParseAndMutate(doc, baseURL)
	if err != nil {
		return articles.Meta{}, nil, nil, &articles.Error{File: file, Msg: "is too large a page to find an article in: " + err.Error()}
	}
	if dense != nil {
		article.Node = dense
	}
	if lead != nil && article.Node != nil && !contains(article.Node, lead) && lead.Parent != nil {
		removeNode(lead)
		article.Node.InsertBefore(lead, article.Node.FirstChild)
	}
	meta := pageMeta(article, page, file)
	if meta.Author == "" {
		meta.Author = authorFromByline(byline)
	}
	if meta.Author == "" && article.Node != nil {
		meta.Author = authorFromByline(leadingByline(article.Node))
	}
	if meta.Subtitle == "" {
		meta.Subtitle = dek
	}
	return meta, article.Node, baseURL, nil
}

// leadingByline is the author a "By …" line names when it stands before
// the article's first paragraph of prose without being marked as a
// byline ("By Our Foreign Staff"), as the text import reads one under
// the title.
func leadingByline(content *html.Node) string {
	found, done := "", false
	walkHTML(content, func(n *html.Node) bool {
		if done || n.Type != html.ElementNode || !isTextBlock(n) {
			return !done
		}
		t, short := shortText(n, 200)
		if field, value, ok := metaLine(t, true); short && ok && field == "author" {
			found, done = value, true
		}
		// The first paragraph with text ends the search; a block around
		// several is looked into.
		done = done || n.DataAtom == atom.P && t != ""
		return !done
	})
	return found
}

// decodeHTML returns a page as UTF-8. A page that is valid UTF-8 is taken
// as UTF-8 whatever it declares (a wrong declaration is common, a valid
// UTF-8 page in another encoding is not); otherwise the byte-order mark or
// the <meta charset> decides, and windows-1252 is the fallback, as in
// browsers.
func decodeHTML(data []byte) string {
	utf16 := bytes.HasPrefix(data, []byte{0xfe, 0xff}) || bytes.HasPrefix(data, []byte{0xff, 0xfe})
	if utf8.Valid(data) && !utf16 {
		return strings.TrimPrefix(string(data), "\ufeff")
	}
	enc, _, _ := charset.DetermineEncoding(data, "")
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return string(data) // invalid bytes become U+FFFD when cleaned
	}
	return strings.TrimPrefix(string(out), "\ufeff")
}

// markdownHasText reports whether Markdown has any letter or digit to read.
func markdownHasText(md string) bool {
	return strings.IndexFunc(md, func(r rune) bool {
		return r > ' ' && !strings.ContainsRune("#*-_>|`~[]()!:\\=+.", r)
	}) >= 0
}

// articleMarkdown converts the article readability found into the body of
// a cable article: furniture that survived is removed, the headings are
// made into cable's sections, the rest is written as Markdown, and the
// page's footnotes are added back as Markdown footnotes.
func articleMarkdown(content *html.Node, m articles.Meta, notes []htmlNote, baseURL *url.URL) string {
	removeClutter(content)
	if len(notes) > 0 {
		removeEmptyNotesHeadings(content)
	}
	stripHeadingFurniture(content)
	removeCreditElements(content)
	trimTextCredits(content)
	removeFurnitureBlocks(content, m)
	removePressTail(content)
	removeTailLinks(content, m.URL)
	keepStandfirst(content, m.Subtitle)
	arrangeHeadings(content, m.Title)
	convert := markdownConverter(baseURL)
	return attachFootnotes(convert(content), notes, convert)
}

// markdownConverter returns a function that writes HTML as Markdown, with
// links made absolute from baseURL, or dropped where they cannot be (see
// fixLinks).
func markdownConverter(baseURL *url.URL) func(*html.Node) string {
	conv := converter.NewConverter(converter.WithPlugins(
		base.NewBasePlugin(),
		commonmark.NewCommonmarkPlugin(
			commonmark.WithLinkEmptyHrefBehavior(commonmark.LinkBehaviorSkip),
			commonmark.WithLinkEmptyContentBehavior(commonmark.LinkBehaviorSkip),
		),
		table.NewTablePlugin(),
		strikethrough.NewStrikethroughPlugin(),
	))
	return func(n *html.Node) string {
		fixLinks(n, baseURL)
		out, err := conv.ConvertNode(n)
		if err != nil {
			return ""
		}
		return articles.Clean(string(out))
	}
}
