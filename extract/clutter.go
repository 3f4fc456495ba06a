// clutter.go holds the HTML clutter rules: the tags, class and id words
// and ARIA roles of a page's furniture (share buttons, menus, sign-up and
// cookie boxes, contents boxes), taken out before readability looks for
// the article, and the furniture blocks (a repeated title or byline, a
// date line, "Comments (2)") taken out of the article it finds.

package extract

import (
	"strings"

	"cable/articles"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// clutterTags never hold article text worth reading in cable: scripts,
// forms and their controls, navigation, asides, media, embedded
// documents and the readings of ruby text. The pictures worth a line of
// the text were kept as figures before this runs (see keepFigures);
// other images go.
var clutterTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Frame: true, atom.Frameset: true, atom.Object: true, atom.Embed: true,
	atom.Form: true, atom.Button: true, atom.Input: true, atom.Select: true, atom.Textarea: true,
	atom.Label: true, atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Dialog: true,
	atom.Svg: true, atom.Canvas: true, atom.Img: true, atom.Picture: true, atom.Video: true,
	atom.Audio: true, atom.Source: true, atom.Map: true, atom.Area: true,
	// A reading set over a word (<ruby>子<rt>こ</rt></ruby>, furigana),
	// which inline text would set inside the word: "子こども".
	atom.Rt: true, atom.Rp: true,
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
	// The card a name opens on hover (its bio, its follow button), which
	// a saved page holds inside the sentence that names the person.
	"hovercard": true, "popover": true,
	// A rating widget's stars and counts ("post-ratings"), and the
	// spinner of a list a script loads more of as the reader scrolls.
	"ratings": true, "spinner": true,
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
	runs := map[cardRun][2]int{}
	walkHTML(root, func(n *html.Node) bool {
		if n.Type == html.CommentNode {
			removeNode(n)
			return false
		}
		if n.DataAtom == atom.Tfoot && repeatsTheHead(n) {
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
		if sizes[n] > 0 && sizes[n]*2 > total || articleCards(n, sizes, total, runs) {
			return true
		}
		if n.DataAtom != atom.Script && holdsEmbeddedPost(n) {
			return true // its box goes below, its post stays
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

// embedClasses name the quoted post a site embeds (a tweet, an
// Instagram or Bluesky post) by the class of its <blockquote>: the text
// of the post the article is about, there before a script turns it into
// a frame.
var embedClasses = []string{"twitter-tweet", "instagram-media", "bluesky-embed", "tiktok-embed", "threads-post", "mastodon-embed", "fb-xfbml-parse-ignore"}

// isEmbeddedPost reports a <blockquote> of an embedded post.
func isEmbeddedPost(n *html.Node) bool {
	if n.DataAtom != atom.Blockquote {
		return false
	}
	for _, c := range strings.Fields(strings.ToLower(htmlAttr(n, "class"))) {
		for _, e := range embedClasses {
			if c == e {
				return true
			}
		}
	}
	return false
}

// holdsEmbeddedPost reports whether n is or holds an embedded post
// (see isEmbeddedPost), looking a few levels down: sites wrap the post
// in a box or two named "social" or "embed".
func holdsEmbeddedPost(n *html.Node) bool {
	var look func(*html.Node, int) bool
	look = func(n *html.Node, depth int) bool {
		if isEmbeddedPost(n) {
			return true
		}
		if depth == 0 {
			return false
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && look(c, depth-1) {
				return true
			}
		}
		return false
	}
	return look(n, 3)
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
	if strings.Contains(strings.NewReplacer("-", "", "_", "").Replace(names), "pullquote") {
		return true // a line of the text set large: the text has it already
	}
	for _, name := range strings.Fields(names) {
		if hasClutterWord(name) && (!contentsWord(name) || mostlyLinks(n)) {
			return true
		}
	}
	return false
}

// taxonomyPrefixes open the class names a blog gives an article's block
// for its categories and tags ("category-sharing", "tag-newsletter"):
// they name what the article is about, not what the block is.
var taxonomyPrefixes = []string{"category-", "tag-", "tags-", "post_tag-", "topic-", "topics-"}

// contentsWord reports a name that marks a contents box ("toc"), which a
// site also puts on the sections the box leads to ("TOC_TITLE_1"): only
// a block that is mostly links is the box.
func contentsWord(name string) bool {
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return (r < 'a' || r > 'z') && (r < '0' || r > '9') }) {
		if w == "toc" {
			return true
		}
	}
	return false
}

// mostlyLinks reports a block with text, more than half of it in links.
func mostlyLinks(n *html.Node) bool {
	t := htmlText(n)
	return t != "" && 2*len(linkText(n)) > len(t)
}

// hasClutterWord reports whether one class or id name has a clutter word.
// A modifier ("TestReport__Section--Ads") says what a block carries
// beside its own content, so only the name before it counts; a word
// after "no" or "non" ("non-paywall", "no-ads") is denied.
func hasClutterWord(name string) bool {
	for _, p := range taxonomyPrefixes {
		if strings.HasPrefix(name, p) {
			return false
		}
	}
	if block, _, ok := strings.Cut(name, "--"); ok && block != "" {
		name = block
	}
	words := strings.FieldsFunc(name, func(r rune) bool {
		return (r < 'a' || r > 'z') && (r < '0' || r > '9')
	})
	for i, word := range words {
		if word == "card" && i > 0 && words[i-1] == "hover" {
			return true // "hover-card"
		}
		if clutterWords[word] && (i == 0 || (words[i-1] != "no" && words[i-1] != "non")) {
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

// removeFurnitureBlocks drops the paragraphs and headings that are page
// furniture as the text import knows it ("Share this", "Comments (2)"),
// a date line, the byline repeated in the text, or the title, subtitle
// or summary repeated as a block of its own (<div class="article-title">,
// <p class="dek">) that is no heading: they are shown above the article
// already.
func removeFurnitureBlocks(root *html.Node, m articles.Meta) {
	titleKey := headingKey(m.Title)
	shown := map[string]bool{}
	if k := headingKey(m.Summary); k != "" {
		shown[k] = true
	}
	// The standfirst stays in the text, once.
	standfirstKey, standfirstSeen := headingKey(m.Subtitle), false
	captions := figureCaptions(root)
	walkHTML(root, func(n *html.Node) bool {
		if n != root && n.Parent == nil {
			return false // taken out with a block before it
		}
		if n.Type == html.ElementNode && relatedLeadAlone(n) {
			removeRelatedList(n)
			removeNode(n)
			return false
		}
		if n.Type != html.ElementNode || !isTextBlock(n) {
			return true
		}
		t, short := shortText(n, 300)
		if short && captions[headingKey(t)] && firstElement(n, atom.Img) == nil {
			removeNode(n) // the figure's caption again, as text
			return false
		}
		if !short {
			return true
		}
		if isLineFurniture(t, m.URL) || isCapsPromo(n, t) {
			removeNode(n)
			return false
		}
		if isRelatedLead(n, t) {
			removeRelatedList(n)
			removeNode(n)
			return false
		}
		if len(t) > 200 {
			return true
		}
		if titleKey != "" && headingKey(t) == titleKey {
			titleKey = "" // once: a later line that says the title is the text's
			removeNode(n)
			return false
		}
		if standfirstKey != "" && headingKey(t) == standfirstKey {
			if standfirstSeen {
				removeNode(n)
			}
			standfirstSeen = true
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
	return furnitureLines[key] || furnitureLines[relatedKey(t)] // "Lade weitere Inhalte ..."
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

// repeatsTheHead reports a table's footer that is its header again, as
// long tables print it at their foot: the text has it once.
func repeatsTheHead(tfoot *html.Node) bool {
	table := tfoot.Parent
	for table != nil && table.DataAtom != atom.Table {
		table = table.Parent
	}
	if table == nil {
		return false
	}
	foot := strings.Join(strings.Fields(htmlText(tfoot)), " ")
	for c := table.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == atom.Thead {
			return foot != "" && foot == strings.Join(strings.Fields(htmlText(c)), " ")
		}
	}
	return false
}
