// credits.go holds a picture's credit as pages set it beside the
// picture's caption: at the caption's end in the forms agencies and
// sites write ("… © Noah Addis", "… | © Augusta National/Getty Images",
// "praca / Shutterstock", "… Mike Blake/Reuters files"), glued to the
// caption ("…des TurniersBild: AFP/SID"), in an element the page marks
// as the credit, or as a line of its own under the picture ("Titelbild:
// …", "(Credit: Clayton Aldern / Grist)"). A credit names who took the picture, not what it shows: it is no part
// of the text.

package extract

import (
	"cable/internal/lazyre"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// creditTails are the credits that end a caption beyond captionCredit's:
// a copyright sign and what follows it, a label before a colon whose
// credit holds dots ("D.A.Press", "Fotolia.com", "cc by sa 2.0"), an
// agency after a slash or named bare at the end.
var creditTails = lazyre.New(`(?i)\s*[|–—-]?\s*©[^©]{0,80}$` +
	`|(^|[\s.,;|–—-])\(?(foto|fotos|photo|photos|photograph|bild|image|imagen|imágenes|credit|crédit|crédito|quelle|source|fuente|fonte|źródło|fot|kuva|zdjęcie|bildnachweis|crédits photos)\s?:\s?([^.\s]|\.\S|\s){1,80}\)?\.?$` +
	`|\s/\s*(shutterstock|getty images|istock(photo)?|pap|reuters|afp|dpa|east news|adobe stock|imago|picture[ -]alliance)\b[^.]{0,40}$` +
	`|\s/$` +
	`|((\s(?-i:\p{Lu})[\p{L}.'-]*){1,4})?\s?/\s?(reuters|afp|ap|dpa|getty images|epa|shutterstock)( files)?\.?$` +
	`|\s(getty images|shutterstock)\.?$` +
	`|\s\(([\p{L}. ]{1,40}/\s?)?(istock|shutterstock|getty images|istock\.com|pixabay|unsplash)[^()]{0,40}\)\.?$`)

// gluedCredit is a credit label set against the caption's last word
// with no space ("…des ATP-TurniersBild: AFP/SID/PASCAL GUYOT"), as a
// page's two elements become when their text is joined.
var gluedCredit = lazyre.New(`\p{Ll}((Bild|Foto|Fotos|Photo|Quelle|Credit|Copyright): .{1,80})$`)

// trimCaptionCredit removes a credit from the end of a caption.
func trimCaptionCredit(caption string) string {
	for range 2 { // "… Foto: X | © Y": a credit, then another
		cut := len(caption)
		if loc := captionCredit.FindStringIndex(caption); loc != nil {
			cut = loc[0]
		} else if loc := creditTails.FindStringIndex(caption); loc != nil {
			cut = loc[0]
		} else if m := gluedCredit.Compiled().FindStringSubmatchIndex(caption); m != nil {
			cut = m[2]
		}
		if cut == len(caption) {
			break
		}
		caption = strings.TrimRight(strings.TrimSpace(caption[:cut]), " |–—-/")
	}
	return caption
}

// creditLinePrefixes open a line that is a picture's credit and nothing
// else, when a few words follow them ("Titelbild: Geyres Christophe",
// "Crédits photos : Bestimage"). "Photographs by …" is not one: it
// credits the article's own pictures, as an author is credited.
var creditLinePrefixes = lazyre.New(`(?i)^\(?\s*(titelbild|beitragsbild|headerbild|aufmacherbild|bildnachweis|bildquellen?|fotonachweis|crédits? photos?|photo credits?|image credits?|picture credits?|kuva|zdjęcia|crédito|créditos)\b`)

// isCreditLine reports a line that is only a picture's credit: a credit
// label and a few words, maybe in parentheses ("(Credit: …)"), or a
// caption that trimCaptionCredit empties ("© dpa | Bernd von Jutrczenka").
func isCreditLine(t string) bool {
	if utf8.RuneCountInString(t) > 120 {
		return false
	}
	if creditLinePrefixes.MatchString(t) && len(strings.Fields(t)) <= 12 {
		return true
	}
	inner := strings.TrimSpace(strings.Trim(t, "()[]* "))
	if inner != t && isLineCredit(inner) {
		return true
	}
	return strings.HasPrefix(inner, "©") && trimCaptionCredit(inner) == ""
}

// isLineCredit reports a credit label and a few words ("Credit: …").
func isLineCredit(t string) bool {
	rest, ok := cutAnyLabel(t, creditPrefixes)
	return ok && strings.Contains(t[:len(t)-len(rest)], ":") && len(strings.Fields(rest)) <= 8
}

// removeCreditElements removes from the article the elements the page
// marks as a picture's credit (class "credit", "copyright"; see
// isCreditElement) when they are short: the figure they belonged to
// went with its picture, or was never one, and the credit was left as
// text ("Pennsylvania © Noah Addis").
func removeCreditElements(root *html.Node) {
	var found []*html.Node
	walkHTML(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode || n == root {
			return true
		}
		if len(n.Attr) > 0 && isCreditElement(n) && !isByline(n) {
			if _, short := shortText(n, 120); short {
				found = append(found, n)
			}
			return false
		}
		return true
	})
	for _, n := range found {
		removeNode(n)
	}
}

// isByline reports an element named a byline: the article's author,
// which the byline rules read and remove, not a picture's credit.
func isByline(n *html.Node) bool {
	return strings.Contains(strings.ToLower(htmlAttr(n, "class")+" "+htmlAttr(n, "id")), "byline")
}

// trimTextCredits removes a copyright sign and the short credit after it
// from the end of the article's text blocks ("Lee Elder in 1975. | ©
// Augusta National/Getty Images"): a caption the page set as text, its
// picture gone. The sign is no word of prose; what follows it to the
// block's end, when short, names who owns the picture.
func trimTextCredits(root *html.Node) {
	walkHTML(root, func(n *html.Node) bool {
		if n.Type != html.TextNode || !strings.Contains(n.Data, "©") {
			return true
		}
		i := strings.LastIndex(n.Data, "©")
		tail := n.Data[i:]
		if utf8.RuneCountInString(tail) > 80 || strings.Contains(tail, ". ") || !lastTextOfBlock(n) {
			return true
		}
		n.Data = strings.TrimRight(n.Data[:i], " \u00a0|–—-")
		return true
	})
}

// lastTextOfBlock reports whether no text with letters follows a text
// node inside its text block.
func lastTextOfBlock(n *html.Node) bool {
	for c := n; c != nil && !(c.Type == html.ElementNode && isTextBlock(c)); c = c.Parent {
		for s := c.NextSibling; s != nil; s = s.NextSibling {
			if holdsText(s) {
				return false
			}
		}
	}
	return true
}

// holdsText reports whether n is or holds text other than white space,
// stopping at the first.
func holdsText(n *html.Node) bool {
	found := false
	walkHTML(n, func(c *html.Node) bool {
		if found {
			return false
		}
		found = c.Type == html.TextNode && strings.TrimSpace(c.Data) != ""
		return !found
	})
	return found
}

// isAdPicture reports a picture whose caption or alternative text says
// it is an advertisement or the site's own promotion ("Reklama",
// "Jetzt neu! Besuchen Sie unseren Fan-Shop!"): a banner, not a figure
// of the article.
func isAdPicture(caption string) bool {
	t := strings.Join(strings.Fields(caption), " ")
	return t != "" && (isFurniture(t) || isNotice(t))
}
