// textlines.go holds what the text import knows of single lines of
// copied text: the page furniture it drops ("Share this", "Advertisement"),
// the metadata lines it reads into the front matter ("By …", "Published
// …") and the dates in them. The HTML import drops the same furniture
// blocks (see clutter.go).

package extract

import (
	"cable/internal/lazyre"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// furnitureLines are the lines a web page or a PDF leaves in copied text
// that are not part of the article: buttons, labels and bylines or dates
// whose value was an image or a script. They are compared in lower case,
// trimmed, without a final colon, and only ever as a whole line standing
// on its own, so that a sentence is never mistaken for one.
var furnitureLines = map[string]bool{
	"leave a comment": true, "leave a reply": true, "comments": true, "comment": true,
	"share": true, "share this": true, "share this article": true, "share this story": true,
	"share on facebook": true, "share on twitter": true, "share on x": true, "share on linkedin": true,
	"print": true, "print this": true, "print this article": true, "email": true, "tweet": true,
	"related": true, "related articles": true, "related posts": true, "related content": true,
	"advertisement": true, "subscribe": true, "read more": true, "continue reading": true,
	"updated on": true, "published on": true, "posted on": true, "by": true,
	"originally published by": true, "originally published in": true,
	// An author box's links, left as lines of their own.
	"view author archive": true, "author archive": true, "email the author": true,
	"follow on twitter": true, "follow on x": true, "follow": true, "follow us": true,
	"view all posts": true, "more from this author": true, "more by this author": true,
	// The same buttons and labels in the other languages cable's
	// readers read most.
	"anzeige": true, "werbung": true, "reklama": true, "publicité": true, "publicidad": true,
	"publicidade": true, "pubblicità": true, "teilen": true, "artikel teilen": true, "drucken": true,
	"artikel drucken": true, "rezept drucken": true, "drukuj": true, "imprimer": true, "imprimir": true,
	"zurück": true, "zur übersicht": true, "back to top": true, "nach oben": true, "bild anzeigen": true,
	"bild vergrößern": true, "enlarge image": true, "view image": true, "kommentare": true,
	"kommentar schreiben": true, "komentarze": true, "commentaires": true, "comentarios": true,
	"war der artikel nützlich?": true, "was this article helpful?": true, "möchten sie den artikel teilen?": true,
	"hier können sie den artikel bewerten": true, "udostępnij": true, "partager": true, "compartir": true,
	"caption close": true, "close caption": true, "hide caption": true, "toggle caption": true,
	"expand image": true, "kommentare schreiben": true, "lade weitere inhalte": true, "load more": true,
	"permalien": true, "permalink": true, "zurück zur listenansicht": true, "(noch keine bewertungen)": true,
	"quellen ausblenden": true, "kontakt": true, "entdecken sie jetzt": true, "zum vergrößern auf das bild klicken": true,
}

// furnitureKey is how a line is compared with furnitureLines.
func furnitureKey(line string) string {
	t := strings.TrimRight(strings.TrimSpace(line), ": ")
	t = strings.TrimLeft(t, "•·▪-–— ") // a list of such links, as a line
	return strings.ToLower(strings.Join(strings.Fields(t), " "))
}

// isFurniture reports whether a whole line or paragraph is page furniture.
func isFurniture(s string) bool { return furnitureLines[furnitureKey(s)] }

// metaPrefixes are the labels that introduce a date or a name on a line of
// its own, and the field the value belongs to. "by" is a byline only just
// below the title; elsewhere "By 2030, …" is a sentence.
var metaPrefixes = []struct{ label, field string }{
	{"originally published by", "source"},
	{"originally published in", "source"},
	{"published on", "published"},
	{"posted on", "published"},
	{"updated on", "updated"},
	{"by", "author"},
}

// metaLine classifies one line. ok is true for furniture (field "") and
// for a label followed by a value it can use. A date that cannot be read is
// dropped with its label when the rest of the line is short and has a
// digit, as a date has; anything longer is prose and is kept.
func metaLine(line string, header bool) (field, value string, ok bool) {
	if isFurniture(line) {
		return "", "", true
	}
	t := strings.TrimSpace(line)
	for _, p := range metaPrefixes {
		rest, found := cutLabel(t, p.label)
		if !found {
			continue
		}
		return metaValue(p.field, rest, header)
	}
	return "", "", false
}

// metaValue decides what the text after a label is worth: an author (on
// the byline only), a date, a source name, nothing (a short unreadable
// date, dropped) or prose (ok false, kept as text).
func metaValue(field, rest string, header bool) (string, string, bool) {
	if field == "author" {
		return field, rest, header && looksLikeName(rest)
	}
	if date, ok := parseLooseDate(rest); ok {
		if field == "source" {
			field = "published"
		}
		return field, date, true
	}
	if field == "source" {
		return field, strings.TrimSuffix(rest, "."), looksLikeName(rest)
	}
	short := utf8.RuneCountInString(rest) <= 40 && strings.ContainsAny(rest, "0123456789")
	return "", "", short
}

// cutLabel removes a label (in any case) from the start of a line when a
// space, tab or colon follows it.
func cutLabel(line, label string) (string, bool) {
	if len(line) <= len(label) || !strings.EqualFold(line[:len(label)], label) {
		return "", false
	}
	rest := line[len(label):]
	if rest[0] != ' ' && rest[0] != '\t' && rest[0] != ':' {
		return "", false
	}
	rest = strings.TrimSpace(strings.TrimLeft(rest, " \t:"))
	return rest, rest != ""
}

// looksLikeName accepts what follows "By" or "Originally published by" on
// a byline: a few words starting with a capital letter, no digits and no
// sentence punctuation at the end (an initial or "Jr." may end in a point).
func looksLikeName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 10 || strings.ContainsAny(s, "0123456789") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(first) {
		return false
	}
	last := words[len(words)-1]
	switch last[len(last)-1] {
	case '?', '!', ':', ';', ',':
		return false
	case '.':
		return utf8.RuneCountInString(last) <= 4
	}
	return true
}

// dateLayouts are the ways a date is commonly written on a web page, after
// parseLooseDate has removed ordinals and abbreviation points.
var dateLayouts = []string{
	"2006-01-02", "2006/01/02", "02.01.2006",
	"January 2, 2006", "January 2 2006", "Jan 2, 2006", "Jan 2 2006",
	"2 January 2006", "2 January, 2006", "2 Jan 2006", "2 Jan, 2006",
	"Monday, January 2, 2006", "Monday, 2 January 2006", "Mon, Jan 2, 2006", "Mon, 2 Jan 2006",
}

// ordinalSuffix and abbrevPoint are what parseDate removes before trying
// the layouts: "5th" and "Sept." are common, and Go's layouts read neither.
var (
	ordinalSuffix = lazyre.New(`\b(\d{1,2})(st|nd|rd|th)\b`)
	abbrevPoint   = lazyre.New(`\b([A-Za-z]{3,4})\.`)
)

// parseLooseDate reads a date such as "2013-05-01", "March 5, 2013" or
// "5th Sept. 2013" at the start of s, ignoring a time or anything else
// after it, and returns it as YYYY-MM-DD.
func parseLooseDate(s string) (string, bool) { return parseDate(s, false) }

// isWholeDate reports whether s is nothing but a date ("14 March 2024"),
// as the dateline under a headline is.
func isWholeDate(s string) bool {
	_, ok := parseDate(s, true)
	return ok
}

// parseDate tries the layouts on the first words of s, longest first; with
// whole, only on all of them.
func parseDate(s string, whole bool) (string, bool) {
	s = ordinalSuffix.ReplaceAllString(s, "$1")
	s = abbrevPoint.ReplaceAllString(s, "$1")
	s = strings.ReplaceAll(s, "Sept ", "Sep ")
	words := strings.Fields(s)
	if len(words) > 6 {
		if whole {
			return "", false
		}
		words = words[:6]
	}
	if len(words) > 0 && len(words[0]) > 10 && words[0][4] == '-' && !whole {
		words[0] = words[0][:10] // an RFC 3339 time stamp
	}
	shortest := 1
	if whole {
		shortest = len(words)
	}
	for n := len(words); n >= shortest && n > 0; n-- {
		candidate := strings.TrimRight(strings.Join(words[:n], " "), ",.;")
		for _, layout := range dateLayouts {
			if t, err := time.Parse(layout, candidate); err == nil {
				return t.Format(time.DateOnly), true
			}
		}
	}
	return "", false
}
