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

// pageInfo is what the page says about itself outside the article.
type pageInfo struct {
	lang      string // first subtag of <html lang>
	canonical string // <link rel="canonical">, or else og:url
	h1        string // the page's first <h1>, which names the article without the site
}

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
	doc, err := html.Parse(strings.NewReader(articles.Clean(decodeHTML(data))))
	if err != nil {
		return nil, "", &articles.Error{File: file, Msg: "is not HTML cable can read: " + err.Error()}
	}
	removeContentsLists(doc)
	unwrapHeadings(doc)
	notes := takeHTMLFootnotes(doc)
	meta, content, baseURL, err := extractArticle(file, doc, address)
	if err != nil {
		return nil, "", err
	}
	if adjust != nil {
		adjust(&meta)
	}
	body := ""
	if content != nil {
		body = articleMarkdown(content, meta, notes, baseURL)
	}
	if !markdownHasText(body) {
		return nil, "", &articles.Error{File: file, Msg: "no article found in the page (it may hold only a form, a menu or a script-built page)"}
	}
	return renderArticle(meta, body), meta.Title, nil
}

// extractArticle finds the article in a parsed page with readability and
// returns its front matter, its content (nil when there is none) and the
// page's own address, which its links are resolved against (nil when the
// page does not give it). A page's canonical address beats the one it was
// fetched from, which redirects and tracking parameters may have made.
func extractArticle(file string, doc *html.Node, fetchedFrom *url.URL) (articles.Meta, *html.Node, *url.URL, error) {
	page := readPageInfo(doc)
	if page.canonical == "" && fetchedFrom != nil {
		page.canonical = webURL(fetchedFrom.String())
	}
	baseURL := page.baseURL()
	keepFigures(doc, baseURL)
	removeClutter(doc)
	lead := leadFigure(doc)
	byline := findByline(doc)
	dek := findDek(doc)
	parser := readability.NewParser()
	parser.MaxElemsToParse = maxHTMLElements
	article, err := parser.ParseAndMutate(doc, baseURL)
	if err != nil {
		return articles.Meta{}, nil, nil, &articles.Error{File: file, Msg: "is too large a page to find an article in: " + err.Error()}
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

// readPageInfo reads the page's language and canonical URL before
// readability changes the document.
func readPageInfo(doc *html.Node) pageInfo {
	var p pageInfo
	var ogURL string
	walkHTML(doc, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.Html:
			p.lang = languageTag(htmlAttr(n, "lang"))
		case atom.H1:
			if p.h1 == "" {
				p.h1 = oneLine(htmlText(n))
			}
		case atom.Link:
			if hasWord(htmlAttr(n, "rel"), "canonical") && p.canonical == "" {
				p.canonical = webURL(htmlAttr(n, "href"))
			}
		case atom.Meta:
			if strings.EqualFold(htmlAttr(n, "property"), "og:url") && ogURL == "" {
				ogURL = webURL(htmlAttr(n, "content"))
			}
		}
		return true
	})
	if p.canonical == "" {
		p.canonical = ogURL
	}
	return p
}

// baseURL is what relative links are resolved against: the page's
// canonical URL (or og:url), or nil when it gives neither. The saved
// file's own place is no base: a link to "../about.html" beside a page
// in the Downloads folder leads nowhere once the page is an article.
func (p pageInfo) baseURL() *url.URL {
	if u, err := url.Parse(p.canonical); p.canonical != "" && err == nil {
		return u
	}
	return nil
}

// webURL returns s when it is an absolute http or https URL, else "".
func webURL(s string) string {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// languageTag is the primary subtag of a BCP 47 tag in lower case ("en"
// from "en-GB"), or "" when the attribute is not a language tag.
func languageTag(lang string) string {
	primary, _, _ := strings.Cut(strings.TrimSpace(lang), "-")
	primary, _, _ = strings.Cut(primary, "_")
	if len(primary) < 2 || len(primary) > 8 {
		return ""
	}
	for _, c := range primary {
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
			return ""
		}
	}
	return strings.ToLower(primary)
}

// pageMeta builds the front matter from what readability found and what
// the page says about itself. Nothing is guessed: a field the page does
// not give is left out. A page without a title is named after its file.
func pageMeta(a readability.Article, page pageInfo, file string) articles.Meta {
	m := articles.Meta{
		Source:   oneLine(a.SiteName()),
		URL:      page.canonical,
		Language: page.lang,
	}
	m.Title = stripSiteName(oneLine(a.Title()), m.Source)
	m.Title = titleAsHeaded(m.Title, page.h1)
	if m.Title == "" {
		m.Title = titleFromFileName(file)
	}
	m.Author = authorFromByline(a.Byline())
	if t, err := a.PublishedTime(); err == nil && t.Year() >= 1 && t.Year() <= 9999 {
		m.Published = t.Format("2006-01-02")
	}
	if t, err := a.ModifiedTime(); err == nil && t.Year() >= 1 && t.Year() <= 9999 {
		if d := t.Format("2006-01-02"); d != m.Published {
			m.Updated = d
		}
	}
	return m
}

// findByline looks for the byline as readability does (an element marked
// as the author, or whose class or id says "byline" or "author", with a
// short text), but before readability runs: readability drops a page's
// <header class="…-header"> as unlikely content before it looks inside,
// and with it the byline of many article headers.
func findByline(doc *html.Node) string {
	found := ""
	walkHTML(doc, func(n *html.Node) bool {
		if found != "" || n.Type != html.ElementNode {
			return found == ""
		}
		names := strings.ToLower(htmlAttr(n, "class") + " " + htmlAttr(n, "id"))
		marked := htmlAttr(n, "rel") == "author" || strings.Contains(htmlAttr(n, "itemprop"), "author") ||
			strings.Contains(names, "byline") || strings.Contains(names, "author")
		if t, short := shortText(n, 400); marked && short && t != "" && utf8.RuneCountInString(t) < 100 {
			found = t
		}
		return found == ""
	})
	return found
}

// dekWords mark the standfirst under a headline in a class or id name
// ("article__standfirst", "dek"), matched as whole words.
var dekWords = map[string]bool{
	"dek": true, "deck": true, "standfirst": true, "strapline": true, "subheadline": true, "subtitle": true,
}

// findDek is the article's standfirst (its "dek"), the sentence or two
// under the headline that a page marks as such, looked for before
// readability runs as the byline is. It becomes the subtitle, which cable
// shows in the article's header, and so leaves the text. A block of
// several paragraphs, or a long one, is no standfirst.
func findDek(doc *html.Node) string {
	found := ""
	walkHTML(doc, func(n *html.Node) bool {
		if found != "" || n.Type != html.ElementNode {
			return found == ""
		}
		if !insideArticle(n) || !hasNameWord(n, dekWords) || firstElement(n, atom.P) != nil {
			return true
		}
		if t, short := shortText(n, 400); short && t != "" {
			found = oneLine(t)
		}
		return found == ""
	})
	return found
}

// hasNameWord reports whether a whole word of an element's class or id
// is one of words.
func hasNameWord(n *html.Node, words map[string]bool) bool {
	names := strings.ToLower(htmlAttr(n, "class") + " " + htmlAttr(n, "id"))
	for _, word := range strings.FieldsFunc(names, func(r rune) bool {
		return (r < 'a' || r > 'z') && (r < '0' || r > '9')
	}) {
		if words[word] {
			return true
		}
	}
	return false
}

// titleSeparators join a title and the site's name in <title> and
// og:title: "Title | Site", "Title - Site".
var titleSeparators = []string{" | ", " - ", " – ", " — ", " · ", " :: "}

// stripSiteName removes a trailing " | Site" when Site is the site's name.
func stripSiteName(title, site string) string {
	if site == "" {
		return title
	}
	for _, sep := range titleSeparators {
		suffix := sep + site
		if len(title) > len(suffix) && strings.EqualFold(title[len(title)-len(suffix):], suffix) {
			return strings.TrimSpace(title[:len(title)-len(suffix)])
		}
	}
	return title
}

// titleAsHeaded is the title as the page's own <h1> gives it, when the
// title is that heading followed by a separator and the site's name
// ("Syr Darya Water Compact - Wikipedia", a site that names itself
// nowhere else); otherwise the title as it is.
func titleAsHeaded(title, h1 string) string {
	if h1 == "" || len(h1) >= len(title) || !strings.EqualFold(title[:len(h1)], h1) {
		return title
	}
	for _, sep := range titleSeparators {
		if strings.HasPrefix(title[len(h1):], sep) {
			return h1
		}
	}
	return title
}

// authorFromByline turns a byline into an author: "By Jane Doe and John
// Roe" gives "Jane Doe and John Roe", several authors kept as written, and
// a staff or agency byline ("Our Foreign Staff", "Reuters") is kept as
// the author it is. A "byline" that is a sentence or a paragraph is not an
// author and is left out, and so is a placeholder ("Author unknown").
func authorFromByline(byline string) string {
	s := oneLine(byline)
	if rest, ok := cutLabel(s, "by"); ok {
		s = rest
	}
	if utf8.RuneCountInString(s) > 120 || isPlaceholderAuthor(s) {
		return ""
	}
	return s
}

// placeholderAuthors are what a page's author field holds when no one is
// named: a content system's default or a stand-in for the name. Compared
// in lower case, with punctuation and "by" around them removed.
var placeholderAuthors = map[string]bool{
	"unknown": true, "author unknown": true, "unknown author": true, "author": true,
	"anonymous": true, "anon": true, "anonymous author": true, "no author": true,
	"n/a": true, "na": true, "none": true, "null": true, "undefined": true, "nobody": true,
	"admin": true, "administrator": true, "guest": true, "user": true, "not available": true,
}

// isPlaceholderAuthor reports an author field that names no one.
func isPlaceholderAuthor(s string) bool {
	t := strings.ToLower(strings.Trim(strings.TrimSpace(s), ".,:;!?-–—()[] "))
	if rest, ok := cutLabel(t, "by"); ok {
		t = rest
	}
	return t == "" || placeholderAuthors[t]
}

// markdownHasText reports whether Markdown has any letter or digit to read.
func markdownHasText(md string) bool {
	return strings.IndexFunc(md, func(r rune) bool {
		return r > ' ' && !strings.ContainsRune("#*-_>|`~[]()!:\\=+.", r)
	}) >= 0
}

// walkHTML calls visit for n and its descendants in document order; visit
// returns false to skip a node's children. Children are collected first so
// that visit may remove the node it is given.
func walkHTML(n *html.Node, visit func(*html.Node) bool) {
	if !visit(n) {
		return
	}
	var children []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		children = append(children, c)
	}
	for _, c := range children {
		walkHTML(c, visit)
	}
}

// htmlAttr is the value of an element's attribute, or "".
func htmlAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// htmlHasAttr reports whether an element has an attribute, such as
// "hidden", whose presence alone matters.
func htmlHasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// hasWord reports whether a space-separated attribute value such as
// rel="canonical nofollow" holds a word, in any case.
func hasWord(list, word string) bool {
	for _, t := range strings.Fields(list) {
		if strings.EqualFold(t, word) {
			return true
		}
	}
	return false
}

// htmlText is the text of a node with its white space folded.
func htmlText(n *html.Node) string {
	var b strings.Builder
	walkHTML(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return true
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

// shortText is the folded text of n when it has at most limit bytes; ok is
// false for anything longer. It visits at most a few hundred nodes, so
// that asking it of every block of a deeply nested page stays linear: what
// it looks for (a byline, a "Share" button) is short and shallow.
func shortText(n *html.Node, limit int) (text string, ok bool) {
	var b strings.Builder
	budget := 500
	var visit func(*html.Node) bool
	visit = func(c *html.Node) bool {
		if budget--; budget < 0 || b.Len() > 4*limit {
			return false
		}
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		for child := c.FirstChild; child != nil; child = child.NextSibling {
			if !visit(child) {
				return false
			}
		}
		return true
	}
	if !visit(n) {
		return "", false
	}
	text = strings.Join(strings.Fields(b.String()), " ")
	return text, len(text) <= limit
}

// removeNode takes a node out of the document.
func removeNode(n *html.Node) {
	if n.Parent != nil {
		n.Parent.RemoveChild(n)
	}
}

// clutterTags never hold article text worth reading in cable: scripts,
// forms and their controls, navigation, asides, media and embedded
// documents. The pictures worth a line of the text were kept as figures
// before this runs (see keepFigures); other images go.
var clutterTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Frame: true, atom.Frameset: true, atom.Object: true, atom.Embed: true,
	atom.Form: true, atom.Button: true, atom.Input: true, atom.Select: true, atom.Textarea: true,
	atom.Label: true, atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Dialog: true,
	atom.Svg: true, atom.Canvas: true, atom.Img: true, atom.Picture: true, atom.Video: true,
	atom.Audio: true, atom.Source: true, atom.Map: true, atom.Area: true,
}

// clutterWords mark furniture in class and id names: share buttons,
// related-article boxes, comments, sign-up and consent boxes, menus and
// advertisements. They are matched as whole words of the name
// ("share-tools", "cookie_banner"), never as parts of words.
var clutterWords = map[string]bool{
	"share": true, "sharing": true, "social": true, "related": true, "recommended": true,
	"comment": true, "comments": true, "disqus": true, "newsletter": true, "subscribe": true,
	"subscription": true, "signup": true, "cookie": true, "cookies": true, "consent": true,
	"gdpr": true, "promo": true, "ad": true, "ads": true, "advert": true, "advertisement": true,
	"sponsored": true, "paywall": true, "popup": true, "modal": true, "breadcrumb": true,
	"breadcrumbs": true, "menu": true, "navbar": true, "nav": true, "sidebar": true,
	"recirculation": true, "trending": true, "popular": true, "outbrain": true, "taboola": true,
	// A page's own contents box (Wikipedia's <div id="toc">, "vector-toc")
	// repeats cable's contents; "[edit]" links sit in wiki headings.
	"toc": true, "editsection": true,
	// The kicker or eyebrow over a headline ("Photo report", "Analysis"),
	// which names the page's rubric, not the article.
	"kicker": true, "eyebrow": true, "overline": true, "rubric": true,
	// Wikipedia's fact box, navigation boxes and "For other uses" notes,
	// and "Jump to content" or "Skip to main content" links.
	"infobox": true, "navbox": true, "hatnote": true, "jump": true, "skip": true,
}

// clutterRoles are ARIA roles of furniture.
var clutterRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"search": true, "dialog": true, "alertdialog": true, "menu": true, "menubar": true,
	"toolbar": true,
}

// removeClutter takes the page's furniture out before readability looks
// for the article: readability removes most of it, but keeps what is
// inside the block it chooses, such as share buttons or a sign-up box in
// the article's own <div>. An element is kept, whatever its name, when it
// holds more than half of the page's paragraph text: some sites wrap the
// whole page in a <form> or give the article a class such as "comment".
func removeClutter(root *html.Node) {
	sizes := map[*html.Node]int{}
	total := paragraphText(root, false, sizes)
	walkHTML(root, func(n *html.Node) bool {
		if n.Type == html.CommentNode {
			removeNode(n)
			return false
		}
		if n.Type != html.ElementNode || !isClutter(n) {
			return true
		}
		switch n.DataAtom {
		case atom.Html, atom.Head, atom.Body, atom.Main, atom.Title, atom.Meta, atom.Link:
			return true
		}
		if sizes[n] > 0 && sizes[n]*2 > total {
			return true
		}
		removeNode(n)
		return false
	})
}

// paragraphText records for each element how many bytes of text inside
// <p> elements it holds, and returns the count for n.
func paragraphText(n *html.Node, inP bool, sizes map[*html.Node]int) int {
	if n.Type == html.TextNode {
		if inP {
			return len(strings.TrimSpace(n.Data))
		}
		return 0
	}
	inP = inP || n.DataAtom == atom.P
	size := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		size += paragraphText(c, inP, sizes)
	}
	if n.Type == html.ElementNode {
		sizes[n] = size
	}
	return size
}

// isClutter reports an element that is furniture by its tag, its ARIA
// role, its being hidden, or a word of its class or id.
func isClutter(n *html.Node) bool {
	if n.DataAtom == atom.Script && strings.EqualFold(strings.TrimSpace(htmlAttr(n, "type")), "application/ld+json") {
		return false // readability reads the author and dates from it, then removes it
	}
	if isKeptFigure(n) {
		return false
	}
	if clutterTags[n.DataAtom] || clutterRoles[strings.ToLower(htmlAttr(n, "role"))] {
		return true
	}
	if htmlAttr(n, "aria-hidden") == "true" || htmlHasAttr(n, "hidden") || isHiddenStyle(htmlAttr(n, "style")) {
		return true
	}
	names := strings.ToLower(htmlAttr(n, "class") + " " + htmlAttr(n, "id"))
	for _, word := range strings.FieldsFunc(names, func(r rune) bool {
		return (r < 'a' || r > 'z') && (r < '0' || r > '9')
	}) {
		if clutterWords[word] {
			return true
		}
	}
	return false
}

// isHiddenStyle reports an inline style that hides an element, as the
// cookie banners and pop-ups of a saved page often are until a script
// shows them.
func isHiddenStyle(style string) bool {
	s := strings.ToLower(strings.Join(strings.Fields(style), ""))
	return strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden")
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
	removeFurnitureBlocks(content, m)
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

// removeFurnitureBlocks drops the paragraphs and headings that are page
// furniture as the text import knows it ("Share this", "Comments (2)"),
// a date line, the byline repeated in the text, or the title, subtitle
// or summary repeated as a block of its own (<div class="article-title">,
// <p class="dek">) that is no heading: they are shown above the article
// already.
func removeFurnitureBlocks(root *html.Node, m articles.Meta) {
	titleKey := headingKey(m.Title)
	shown := map[string]bool{}
	for _, s := range []string{m.Subtitle, m.Summary} {
		if k := headingKey(s); k != "" {
			shown[k] = true
		}
	}
	walkHTML(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode || !isTextBlock(n) {
			return true
		}
		t, short := shortText(n, 200)
		if !short {
			return true
		}
		if titleKey != "" && headingKey(t) == titleKey {
			titleKey = "" // once: a later line that says the title is the text's
			removeNode(n)
			return false
		}
		if shown[headingKey(t)] {
			delete(shown, headingKey(t)) // once, as the title
			removeNode(n)
			return false
		}
		if isFurnitureBlock(t, m.Author) {
			removeNode(n)
			return false
		}
		return true
	})
}

// isTextBlock reports the block elements that can be furniture on their
// own. Inline elements are never removed: "its <span>share</span> of
// trade" is a sentence, not a button.
func isTextBlock(n *html.Node) bool {
	switch tagOf(n) {
	case atom.P, atom.Div, atom.Li, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// tagOf is an element's tag. readability renames elements by their name
// alone (a <div> of text becomes a "p" whose DataAtom still says div, or
// none), so the name is what counts.
func tagOf(n *html.Node) atom.Atom {
	if a := atom.Lookup([]byte(n.Data)); a != 0 {
		return a
	}
	return n.DataAtom
}

// isFurnitureBlock reports whether a block's whole text is furniture: a
// line the text import drops, a metadata line, a bare date, a counted
// label such as "Comments (2)", or the byline of the article's author.
func isFurnitureBlock(t, author string) bool {
	if t == "" {
		return false
	}
	if field, value, ok := metaLine(t, true); ok {
		return field != "author" || sameNames(value, author)
	}
	if names, ok := creditLine(t); ok && sameNames(names, author) {
		return true
	}
	if isWholeDate(t) {
		return true
	}
	key := furnitureKey(t)
	if i := strings.Index(key, " ("); i > 0 && strings.HasSuffix(key, ")") {
		key = key[:i] // "Comments (2)"
	}
	return furnitureLines[key]
}

// headingKey is how headings are compared, as Parse compares section
// titles: folded white space, any case.
func headingKey(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// setTag renames an element, keeping its attributes and children.
func setTag(n *html.Node, a atom.Atom) {
	n.DataAtom = a
	n.Data = a.String()
}

// creditWords open a credit line before "by": "Words and photographs
// by", "Text by", "Reporting by", "Story and pictures by".
var creditWords = map[string]bool{
	"words": true, "text": true, "story": true, "reporting": true, "report": true, "written": true,
	"photographs": true, "photography": true, "photos": true, "pictures": true, "images": true,
	"video": true, "illustrations": true, "interviews": true, "additional": true, "and": true, "&": true,
}

// creditLine returns the names of a credit line ("Words and photographs
// by Hana Gebremedhin"): a few credit words, "by", then the names.
func creditLine(t string) (names string, ok bool) {
	words := strings.Fields(t)
	for i, w := range words {
		if i > 5 {
			return "", false
		}
		if strings.EqualFold(w, "by") {
			return strings.Join(words[i+1:], " "), i > 0 && i+1 < len(words)
		}
		if !creditWords[strings.ToLower(strings.Trim(w, ",:"))] {
			return "", false
		}
	}
	return "", false
}

// sameNames reports whether a byline names the same people as the
// article's author, however the names are joined ("A and B", "A, B",
// "A & B"); an unknown author matches nothing.
func sameNames(byline, author string) bool {
	a, b := nameSet(byline), nameSet(author)
	if len(b) == 0 || len(a) != len(b) {
		return false
	}
	for name := range a {
		if !b[name] {
			return false
		}
	}
	return true
}

// nameSet splits a list of names into its names, in lower case.
func nameSet(s string) map[string]bool {
	s = strings.NewReplacer(" and ", ",", " & ", ",", ";", ",").Replace(strings.ToLower(oneLine(s)))
	set := map[string]bool{}
	for _, name := range strings.Split(s, ",") {
		if name = strings.Join(strings.Fields(strings.TrimSuffix(strings.TrimSpace(name), ".")), " "); name != "" {
			set[name] = true
		}
	}
	return set
}
