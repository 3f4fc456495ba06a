package pagecheck

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// PageHeading is a heading of a saved page's body, as the page has it.
type PageHeading struct {
	Level int
	// Title is the heading's text without site furniture.
	Title string
	// Printed says its words are in the printed article.
	Printed bool
}

var (
	// hidden is markup whose text no reader sees.
	hidden = regexp.MustCompile(`(?is)<script\b.*?</script\s*>|<style\b.*?</style\s*>|<noscript\b.*?</noscript\s*>|<!--.*?-->`)
	// headingTag is a heading, h1 to h6, with its content.
	headingTag = regexp.MustCompile(`(?is)<h([1-6])\b[^>]*>(.*?)</h[1-6]\s*>`)
	tag        = regexp.MustCompile(`(?s)<[^>]*>`)
	// furnitureText is what StripFurniture takes out of a heading.
	furnitureText = regexp.MustCompile(`(?i)\[\s*edit\s*\]|¶|🔗|§|\bpermalink\b|link to this (section|heading)|^#\s*|\s*#$`)
	// addressText is a web address written out.
	addressText = regexp.MustCompile(`(?i)\b(https?://|www\.)\S+`)
)

// StripFurniture takes the site's furniture out of a heading's text:
// "Background[edit]" is "Background", "# Title" and "Title ¶" are
// "Title".
func StripFurniture(title string) string {
	return strings.Join(strings.Fields(furnitureText.ReplaceAllString(strings.TrimSpace(title), " ")), " ")
}

// BodyHeadings finds the headings (h2 to h6) of a saved page that belong
// to its article, and says which of them the printed article shows. A
// heading belongs to the article when the first words of the text after
// it (up to the next heading) are printed; a heading with hardly any text
// after it belongs if the next heading is its subheading and belongs. So the page's menus,
// "Related" boxes, comment counts and cookie notices, whose text cable
// leaves out, are not counted, and a heading that cable lost while
// keeping the text under it is. printed is "cable read" at --width 0.
func BodyHeadings(page string, printed []string) []PageHeading {
	text := " " + strings.Join(normalWords(strings.Join(printed, "\n")), " ") + " "
	page = hidden.ReplaceAllString(page, " ")
	found := headingTag.FindAllStringSubmatchIndex(page, -1)
	type candidate struct {
		heading PageHeading
		after   []string // the first words after the heading
	}
	candidates := make([]candidate, len(found))
	for i, m := range found {
		level, _ := strconv.Atoi(page[m[2]:m[3]])
		end := len(page)
		if i+1 < len(found) {
			end = found[i+1][0]
		}
		title := StripFurniture(plain(page[m[4]:m[5]]))
		after := normalWords(StripFurniture(plain(page[m[1]:end])))
		candidates[i] = candidate{PageHeading{Level: level, Title: title}, after[:min(len(after), 8)]}
	}
	var headings []PageHeading
	// nextLevel and nextInBody are the next heading's level, and whether
	// it belongs to the article.
	nextLevel, nextInBody := 0, false
	for i := len(candidates) - 1; i >= 0; i-- {
		c := candidates[i]
		inBody := false
		if len(c.after) >= 3 {
			inBody = strings.Contains(text, " "+strings.Join(c.after, " ")+" ")
		} else {
			inBody = nextInBody && nextLevel > c.heading.Level
		}
		nextLevel, nextInBody = c.heading.Level, inBody
		if !inBody || c.heading.Level == 1 || c.heading.Title == "" {
			continue
		}
		words := normalWords(c.heading.Title)
		c.heading.Printed = len(words) > 0 && strings.Contains(text, " "+strings.Join(words, " ")+" ")
		headings = append([]PageHeading{c.heading}, headings...)
	}
	return headings
}

// TopLevel picks the headings of the highest level among headings: h2 if
// there is one, else h3, and so on.
func TopLevel(headings []PageHeading) []PageHeading {
	top := 0
	for _, h := range headings {
		if top == 0 || h.Level < top {
			top = h.Level
		}
	}
	var out []PageHeading
	for _, h := range headings {
		if h.Level == top {
			out = append(out, h)
		}
	}
	return out
}

// plain is an HTML fragment's text, entities decoded.
func plain(fragment string) string {
	return html.UnescapeString(tag.ReplaceAllString(fragment, " "))
}

// normalWords are the lower-case words of a text, as Words counts them,
// in order, without addresses and markers, for finding a phrase.
func normalWords(s string) []string {
	s = addressText.ReplaceAllString(s, " ")
	s = figureLabel.ReplaceAllString(markers.ReplaceAllString(s, " "), " ")
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}
