// pagemeta.go holds what a saved page says about itself, read into the
// front matter: its language, canonical address, title without the
// site's name, byline, author and standfirst.

package extract

import (
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"cable/articles"
	"cable/internal/lazyre"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageInfo is what the page says about itself outside the article.
type pageInfo struct {
	lang      string // first subtag of <html lang>
	canonical string // <link rel="canonical">, or else og:url
	// h1s are the page's <h1> headings, in order: one of them names the
	// article without the site (another may be the site's logo).
	h1s []string
	// author is who the page's metadata says wrote it, for a page whose
	// byline readability cannot find: the first of authorMetas given,
	// or an element marked itemprop="author".
	author string
}

// authorMetas are the <meta> names that say who wrote a page, in the
// order trusted.
var authorMetas = []string{"author", "dcsext.author", "sailthru.author", "parsely-author", "article:author"}

// readPageInfo reads the page's language and canonical URL before
// readability changes the document.
func readPageInfo(doc *html.Node) pageInfo {
	var p pageInfo
	var ogURL, metaAuthor, itemAuthor string
	metaRank := len(authorMetas)
	walkHTML(doc, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.Html:
			p.lang = languageTag(htmlAttr(n, "lang"))
		case atom.H1:
			if h := oneLine(htmlText(n)); h != "" {
				p.h1s = append(p.h1s, h)
			}
		case atom.Link:
			if hasWord(htmlAttr(n, "rel"), "canonical") && p.canonical == "" {
				p.canonical = webURL(htmlAttr(n, "href"))
			}
		case atom.Meta:
			if strings.EqualFold(htmlAttr(n, "property"), "og:url") && ogURL == "" {
				ogURL = webURL(htmlAttr(n, "content"))
			}
			name := strings.ToLower(htmlAttr(n, "name") + htmlAttr(n, "property"))
			if i := slices.Index(authorMetas, name); i >= 0 && (metaAuthor == "" || i < metaRank) {
				if v := oneLine(htmlAttr(n, "content")); v != "" && webURL(v) == "" {
					metaAuthor, metaRank = v, i
				}
			}
		}
		if itemAuthor == "" && strings.EqualFold(htmlAttr(n, "itemprop"), "author") {
			if t, ok := shortText(n, 80); ok {
				itemAuthor = t
			}
		}
		return true
	})
	if p.canonical == "" {
		p.canonical = ogURL
	}
	p.author = metaAuthor
	if p.author == "" {
		p.author = itemAuthor
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
	for _, h1 := range page.h1s {
		if headed := titleAsHeaded(m.Title, h1); headed != m.Title {
			m.Title = headed
			break
		}
	}
	if m.Title == "" {
		m.Title = titleFromFileName(file)
	}
	m.Author = authorFromByline(a.Byline())
	if m.Author == "" {
		m.Author = authorFromByline(page.author)
	}
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
// shows in the article's header, and stays the text's first paragraph
// (see keepStandfirst). A block of several paragraphs, or a long one, is
// no standfirst, and neither is a block after the article's text has
// begun: a section's heading marked "subtitle" is the text's.
func findDek(doc *html.Node) string {
	found, begun := "", false
	walkHTML(doc, func(n *html.Node) bool {
		if found != "" || begun || n.Type != html.ElementNode {
			return found == "" && !begun
		}
		if n.DataAtom == atom.P && insideArticle(n) && !insideTag(n, atom.Header) && !hasNameWord(n, dekWords) &&
			!hasNameWord(n, clutterWords) && len(htmlText(n)) > 80 {
			begun = true
			return false
		}
		if !insideArticle(n) || !hasNameWord(n, dekWords) || firstElement(n, atom.P) != nil {
			return true
		}
		if t, short := shortText(n, 400); short && t != "" && !repeatedName(doc, n) {
			found = oneLine(t)
		}
		return found == ""
	})
	return found
}

// repeatedName reports whether another element of the page carries
// n's class: a class that marks several blocks ("article-subtitle" on
// each section's heading) is a style of the text's headings, not the
// one standfirst under the headline.
func repeatedName(doc, n *html.Node) bool {
	class := strings.TrimSpace(htmlAttr(n, "class"))
	if class == "" {
		return false
	}
	count := 0
	walkHTML(doc, func(c *html.Node) bool {
		if count < 2 && c.Type == html.ElementNode && strings.TrimSpace(htmlAttr(c, "class")) == class && htmlText(c) != "" {
			count++
		}
		return count < 2
	})
	return count >= 2
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
	// A date written after the name, often with no space between them
	// ("Carrie ArnoldNovember 15, 2019"), and an address after it
	// ("Bradley M. Kuhn (http://ebb.org/bkuhn/)") are not the author.
	if at := bylineDate.FindStringIndex(s); at != nil {
		s = s[:at[0]]
	}
	s = bylineAddress.ReplaceAllString(s, "")
	s = strings.TrimRight(strings.TrimSpace(s), " ,;:·|-–—")
	if utf8.RuneCountInString(s) > 120 || isPlaceholderAuthor(s) {
		return ""
	}
	return s
}

// bylineDate is a date in a byline: a month's name (after a weekday's,
// maybe) with its day and year, or a date in numbers, and all after it.
var bylineDate = lazyre.New(`(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)?(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}.*$|\b\d{4}-\d{2}-\d{2}.*$`)

// bylineAddress is a web or mail address after a name, in brackets or
// angle brackets.
var bylineAddress = lazyre.New(`\s*[(<]\s*(?:https?://|www\.|mailto:|[^\s()<>]+@)[^)>]*[)>]`)

// placeholderAuthors are what a page's author field holds when no one is
// named: a content system's default or a stand-in for the name. Compared
// in lower case, with punctuation and "by" around them removed.
var placeholderAuthors = map[string]bool{
	"unknown": true, "author unknown": true, "unknown author": true, "author": true,
	"anonymous": true, "anon": true, "anonymous author": true, "no author": true,
	"n/a": true, "na": true, "none": true, "null": true, "undefined": true, "nobody": true,
	"admin": true, "administrator": true, "guest": true, "user": true, "not available": true,
	"by": true,
}

// isPlaceholderAuthor reports an author field that names no one.
func isPlaceholderAuthor(s string) bool {
	t := strings.ToLower(strings.Trim(strings.TrimSpace(s), ".,:;!?-–—()[] "))
	if rest, ok := cutLabel(t, "by"); ok {
		t = rest
	}
	return t == "" || placeholderAuthors[t]
}

// keepStandfirst puts the standfirst at the head of the article's text
// when the text does not say it: a page sets it in its header, outside
// the block readability chooses, and it is the first thing the article
// says.
func keepStandfirst(content *html.Node, standfirst string) {
	key := headingKey(standfirst)
	if key == "" {
		return
	}
	found := false
	walkHTML(content, func(n *html.Node) bool {
		if found || n.Type != html.ElementNode || !isTextBlock(n) {
			return !found
		}
		if t, short := shortText(n, 450); short && headingKey(t) == key {
			found = true
		}
		return !found
	})
	if found {
		return
	}
	p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
	p.AppendChild(&html.Node{Type: html.TextNode, Data: oneLine(standfirst)})
	content.InsertBefore(p, content.FirstChild)
}
