// furniture.go holds the furniture blocks found inside the article that
// readability chose, beyond the lines the text import knows (see
// textlines.go): date lines, credit, tag and follow lines, affiliate
// notes, promotions set in capitals, the page's own address, the heading
// of a list of links to other articles with its list, and a press
// release's closing boilerplate.

package extract

import (
	"cable/internal/lazyre"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// relatedLeads head a list of links to other articles ("You may also
// like", "SEE MORE"), in the languages cable's readers read most. The
// heading goes, and so does the list after it.
var relatedLeads = map[string]bool{
	"you may also like": true, "you might also like": true, "see more": true, "don't miss": true,
	"don’t miss": true, "more stories": true, "read next": true, "read also": true, "also read": true,
	"read more": true, "related": true, "related articles": true, "related posts": true,
	"related content": true, "related stories": true, "recommended": true, "recommended for you": true,
	"more on this story": true, "more from this author": true, "latest news": true, "most read": true,
	"auch interessant": true, "das könnte sie auch interessieren": true, "schon gelesen?": true,
	"mehr zum thema": true, "weitere artikel": true, "beiträge zum thema": true, "neueste artikel": true,
	"lesen sie auch": true, "czytaj też": true, "czytaj także": true, "zobacz też": true, "zobacz także": true,
	"weiterführende links": true, "weiterführender link": true, "zum weiterlesen": true,
	"noch mehr infos für dich": true, "heute empfehlen wir": true, "empfehlungen der redaktion": true,
	"das könnte dich auch interessieren": true, "more like this": true, "further reading": true,
	"lire aussi": true, "à lire aussi": true, "a lire aussi": true, "voir aussi": true, "lee también": true,
	"te puede interesar": true, "leia também": true, "leggi anche": true,
	"weiterlesen": true, "mehr lesen": true, "verwandte artikel": true, "verwandte beiträge": true,
	"ähnliche artikel": true, "ähnliche beiträge": true, "siehe auch": true,
	"lesen sie hier": true, "lesen sie hier auch": true, "lesen sie auch die folgenden beiträge": true,
	"weitere beiträge zum thema": true, "weitere beiträge": true, "weitere artikel zum thema": true,
	"meistgelesene artikel": true, "meistgelesen": true, "meistdiskutierte artikel": true, "meist gelesen": true,
	"das thema könnte dich auch interessieren":           true,
	"diese artikel könnten dich ebenfalls interessieren": true, "diese artikel könnten sie auch interessieren": true,
	"das könnte sie ebenfalls interessieren": true, "passend zum thema": true, "mehr dazu": true,
	"mehr themen": true, "mehr aus dem ressort": true, "top-themen": true, "weitere videos": true,
	"relacionadas": true, "relacionados": true, "notas relacionadas": true, "noticias relacionadas": true,
	"artículos relacionados": true, "le puede interesar": true, "puedes ver": true, "lea también": true,
	"lee además": true, "leia mais": true, "veja também": true, "sur le même sujet": true,
	"dans la même rubrique": true, "articles similaires": true, "à voir aussi": true, "czytaj więcej": true,
	"przeczytaj także": true, "przeczytaj też": true, "polecane": true, "warto przeczytać": true,
	"you might be interested in": true, "you may also be interested in": true, "related reading": true,
	"read more stories": true, "more from": true, "most popular": true, "popular posts": true, "recent posts": true,
	"trending now": true, "what to read next": true, "keep reading": true, "read this next": true,
}

// datePrefixes open a date line ("Published 1 day ago", "Updated 3:14
// PM", "Veröffentlicht am 3. März"): a label, then a date or a time.
var datePrefixes = []string{
	"published", "updated", "posted", "last updated", "last modified", "modified", "first published",
	"veröffentlicht", "aktualisiert", "zuletzt aktualisiert", "erstellt", "stand", "publié", "mis à jour",
	"opublikowano", "aktualizacja", "publikacja", "publicado", "actualizado", "pubblicato", "aggiornato",
	"publiziert", "veröffentlichung", "erschienen", "data publikacji", "fecha de publicación", "date de publication",
}

// creditPrefixes open the credit of a picture set as a line of its own
// ("Photo: Reuters", "Bild: Jahr Media", "Źródło: PAP").
var creditPrefixes = []string{
	"photo", "photos", "photograph", "image", "images", "picture", "credit", "credits", "source",
	"foto", "fotos", "bild", "bilder", "bildquelle", "quelle", "źródło", "fot", "zdjęcie", "crédit",
	"crédits", "fuente", "fonte",
}

// tagPrefixes open a list of the article's tags ("Tags: trade, ports").
var tagPrefixes = []string{
	"tags", "tagged", "tagged with", "topics", "filed under", "categories", "category", "schlagwörter",
	"schlagworte", "themen", "tagi", "mots-clés", "etiquetas",
}

// affiliateNote is a note that the page earns from its links.
var affiliateNote = lazyre.New(`(?i)affiliate link|earn (a |an )?(small )?commission|commission (from|on) (qualifying|purchases|sales)|as an amazon associate|provision vom händler|affiliate-link|partnerlink|erhält .{0,40}provision|sponsored link`)

// followLine is an author's follow or contact line ("Follow Jo on
// Twitter @jomarsh", "Email the author at jo@example.com").
var followLine = lazyre.New(`(?i)^(follow|contact|email|e-mail|reach|write to)\b.{0,80}(twitter|facebook|instagram|linkedin|threads|bluesky|mastodon|@|\bon x\b)`)

// commentRules are the rules of a page's comments, which stand above
// them and so after the article ("Please keep comments civil: read our
// community guidelines").
var commentRules = lazyre.New(`(?i)\b(comment(s|ing)? (rules|policy|guidelines)|community (guidelines|standards)|netiquette|kommentarregeln|diskussionsregeln|keep (the )?comments (civil|respectful|on topic))\b`)

// copyrightLine is the site's copyright notice ("© 2020 CBS Interactive
// Inc. All Rights Reserved.").
var copyrightLine = lazyre.New(`(?i)^(©|\(c\)|copyright\b)|all rights reserved\.?$|alle rechte vorbehalten\.?$`)

// postedInLine is a blog's filing line ("This entry was posted in Ports
// and tagged dues. Bookmark the permalink.").
var postedInLine = lazyre.New(`(?i)^this (entry|post) was posted\b|bookmark the permalink\.?$`)

// isLineFurniture reports the furniture a block's whole text t is by its
// words alone: a date line, a picture's credit, a tag list, an affiliate
// note, a follow line, or the page's own address.
func isLineFurniture(t, pageURL string) bool {
	if utf8.RuneCountInString(t) > 300 {
		return false
	}
	if mayBeAffiliateNote(t) && affiliateNote.MatchString(t) {
		return true
	}
	if isNotice(t) {
		return true
	}
	if utf8.RuneCountInString(t) > 120 {
		return false
	}
	if followLine.MatchString(t) || copyrightLine.MatchString(t) || postedInLine.MatchString(t) || commentRules.MatchString(t) {
		return true
	}
	if pageURL != "" && strings.TrimRight(t, "/") == strings.TrimRight(pageURL, "/") {
		return true
	}
	if rest, ok := cutAnyLabel(t, datePrefixes); ok && utf8.RuneCountInString(rest) <= 50 && datey(rest) {
		return true
	}
	if rest, ok := cutAnyLabel(t, creditPrefixes); ok && strings.Contains(t[:len(t)-len(rest)], ":") && len(strings.Fields(rest)) <= 8 {
		return true
	}
	if isCreditLine(t) {
		return true
	}
	if rest, ok := cutAnyLabel(t, tagPrefixes); ok && strings.Contains(t[:len(t)-len(rest)], ":") {
		return true
	}
	return false
}

// affiliateWords are the words without one of which no text is an
// affiliate note (see affiliateNote): the cheap test that spares most
// blocks the pattern.
var affiliateWords = []string{"affiliate", "commission", "amazon", "provision", "partnerlink", "sponsored"}

// mayBeAffiliateNote reports whether t holds one of affiliateWords.
func mayBeAffiliateNote(t string) bool {
	lower := strings.ToLower(t)
	for _, w := range affiliateWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// cutAnyLabel cuts the first of labels that opens t, in any case,
// followed by a colon or a space.
func cutAnyLabel(t string, labels []string) (string, bool) {
	best, found := "", false
	for _, l := range labels {
		if rest, ok := cutLabel(t, l); ok && (!found || len(rest) < len(best)) {
			best, found = rest, true
		}
	}
	return best, found
}

// datey reports a date or time as a date line gives it: digits, or
// "ago", "today", "yesterday" and their like.
func datey(s string) bool {
	if strings.ContainsAny(s, "0123456789") {
		return true
	}
	for _, w := range strings.Fields(strings.ToLower(s)) {
		switch strings.Trim(w, ".,") {
		case "ago", "today", "yesterday", "heute", "gestern", "aujourd'hui", "hier", "dzisiaj", "wczoraj", "hoy", "ayer":
			return true
		}
	}
	return false
}

// isCapsPromo reports a promotion set in capitals that is a link ("GET
// FOX BUSINESS ON THE GO BY CLICKING HERE"): four words or more, no
// lower-case letter, and most of its text in links.
func isCapsPromo(n *html.Node, t string) bool {
	if len(strings.Fields(t)) < 4 || strings.IndexFunc(t, unicode.IsLower) >= 0 || strings.IndexFunc(t, unicode.IsUpper) < 0 {
		return false
	}
	return 2*len(linkText(n)) > len(t)
}

// pressTailLeads head the boilerplate that closes a press release: what
// the company is, and whom the press should call.
var pressTailLeads = lazyre.New(`(?i)^(about [\p{Lu}][\p{L}&.\- ]{0,40}|about the author|media contacts?|press contacts?|pressekontakt|über [\p{Lu}][\p{L}&.\- ]{0,40}|kontakt für medien|à propos de [\p{Lu}][\p{L}&.\- ]{0,40})$`)

// removePressTail removes a press release's closing boilerplate: from a
// heading such as "About Ascom" or "Media contact" to the end of its
// block, when what follows it is short beside the article.
func removePressTail(root *html.Node) {
	total := len(htmlText(root))
	var heads []*html.Node
	walkHTML(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode || !isHeading(n) && !boldLine(n) {
			return true
		}
		if t, short := shortText(n, 60); short && (pressTailLeads.MatchString(t) || tailLeads.MatchString(t)) {
			heads = append(heads, n)
			return false
		}
		return true
	})
	for _, h := range heads {
		size := 0
		for s := h.NextSibling; s != nil; s = s.NextSibling {
			size += len(htmlText(s))
		}
		if h.Parent == nil || size*3 > total {
			continue
		}
		for s := h.NextSibling; s != nil; {
			next := s.NextSibling
			removeNode(s)
			s = next
		}
		removeNode(h)
	}
}

// boldLine reports a paragraph that is all one bold run, as pages set a
// heading they did not mark as one.
func boldLine(n *html.Node) bool {
	if n.DataAtom != atom.P {
		return false
	}
	var only *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) == "" {
			continue
		}
		if only != nil {
			return false
		}
		only = c
	}
	return only != nil && (only.DataAtom == atom.Strong || only.DataAtom == atom.B)
}
