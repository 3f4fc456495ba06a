package extract

import (
	"cable/internal/lazyre"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A figure (<figure> with a picture and its caption) is part of what an
// article says: cable shows it as one line, "[Figure: caption]", with the
// picture's address in the list of links. So is a picture standing alone
// that the page describes in a sentence (see standaloneFigure). Other
// images (icons, avatars, logos, dividers, tracking pixels) are the
// page's, and go with the clutter.

// figureAttr marks the picture of a figure kept, so that the clutter
// removal, which takes every other image, leaves it.
const figureAttr = "data-cable-figure"

// keepFigures replaces each <figure> that shows a picture with a paragraph
// holding only that picture, its alternative text the figure's caption
// (its <figcaption>, or else the picture's own alternative text) and its
// address absolute. A figure whose picture has no address a reader can
// follow is left as it is: its caption stays as text, its picture goes.
func keepFigures(root *html.Node, base *url.URL) {
	var figures []*html.Node
	walkHTML(root, func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.Figure {
			figures = append(figures, n)
			return false
		}
		return true
	})
	seen := map[string]bool{}
	for _, f := range figures {
		img := firstElement(f, atom.Img)
		if img == nil || f.Parent == nil {
			continue
		}
		src, ok := followable(imageSource(img), base)
		if !ok {
			continue
		}
		caption := ""
		if c := firstElement(f, atom.Figcaption); c != nil {
			caption = captionText(c)
		}
		if caption == "" {
			caption = trimCaptionCredit(strings.Join(strings.Fields(htmlAttr(img, "alt")), " "))
		}
		if isAdPicture(caption) {
			removeNode(f)
			continue
		}
		if seen[caption] {
			caption = "" // the same caption under every picture says nothing of this one
		}
		seen[caption] = caption != ""
		replaceWithFigure(f, src, caption)
	}
	var alone []*html.Node
	walkHTML(root, func(n *html.Node) bool {
		switch {
		case n.Type != html.ElementNode:
		case n.DataAtom == atom.A || n.DataAtom == atom.Figure:
			return false // a picture in a link is a button or a card
		case n.DataAtom == atom.Img && !isKeptFigure(n) && standaloneFigure(n):
			alone = append(alone, n)
		}
		return true
	})
	for _, img := range alone {
		if src, ok := followable(imageSource(img), base); ok && img.Parent != nil && !isAdPicture(htmlAttr(img, "alt")) {
			replaceWithFigure(img, src, trimCaptionCredit(strings.Join(strings.Fields(htmlAttr(img, "alt")), " ")))
		}
	}
}

// standaloneFigure reports a picture outside any <figure> that is worth a
// line of the text: one whose alternative text describes it in a phrase
// of four words or more ("Trucks queue on the corridor road…"), as
// photographs and charts are described, and logos ("Latitude Magazine"),
// avatars (a name) and dividers (no text) are not.
func standaloneFigure(img *html.Node) bool {
	return len(strings.Fields(htmlAttr(img, "alt"))) >= 4
}

// replaceWithFigure puts a paragraph holding only the kept picture, with
// caption as its alternative text, in the place of n.
func replaceWithFigure(n *html.Node, src, caption string) {
	kept := &html.Node{Type: html.ElementNode, Data: "img", DataAtom: atom.Img, Attr: []html.Attribute{
		{Key: "src", Val: src}, {Key: "alt", Val: caption}, {Key: figureAttr, Val: "1"},
	}}
	p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
	p.AppendChild(kept)
	n.Parent.InsertBefore(p, n)
	removeNode(n)
}

// imageSource is the address of an image's picture: its src, or, for a
// picture loaded late by a script, its data-src or the first of its
// srcset.
func imageSource(img *html.Node) string {
	for _, key := range []string{"src", "data-src", "data-original"} {
		if s := strings.TrimSpace(htmlAttr(img, key)); s != "" && !strings.HasPrefix(s, "data:") {
			return s
		}
	}
	for _, key := range []string{"srcset", "data-srcset"} {
		if first, _, _ := strings.Cut(strings.TrimSpace(htmlAttr(img, key)), ","); first != "" {
			return strings.Fields(first)[0]
		}
	}
	return ""
}

// firstElement is the first element under n with tag a, or nil.
func firstElement(n *html.Node, a atom.Atom) *html.Node {
	var found *html.Node
	walkHTML(n, func(c *html.Node) bool {
		if found != nil {
			return false
		}
		if c != n && c.Type == html.ElementNode && c.DataAtom == a {
			found = c
			return false
		}
		return true
	})
	return found
}

// isKeptFigure reports the picture of a figure kept by keepFigures.
func isKeptFigure(n *html.Node) bool {
	return n.DataAtom == atom.Img && htmlHasAttr(n, figureAttr)
}

// leadFigure is the article's lead picture: the first figure kept in the
// page, when it stands inside the page's <article> or <main> before any
// paragraph of text there (its header's standfirst and byline aside).
// Pages put it beside the headline, outside the block of text
// readability chooses, which would leave it out; it is part of the
// article, and goes first.
func leadFigure(doc *html.Node) *html.Node {
	var lead *html.Node
	done := false
	walkHTML(doc, func(n *html.Node) bool {
		if done || n.Type != html.ElementNode {
			return !done
		}
		if n.DataAtom == atom.P {
			if img := firstElement(n, atom.Img); img != nil && isKeptFigure(img) && htmlText(n) == "" {
				if insideArticle(n) {
					lead = n
				}
				done = true
			} else if insideArticle(n) && !insideTag(n, atom.Header) && htmlText(n) != "" {
				done = true // text came first: no lead picture
			}
			return false
		}
		return true
	})
	return lead
}

// insideArticle reports whether n stands inside an <article> or <main>.
func insideArticle(n *html.Node) bool {
	return insideTag(n, atom.Article) || insideTag(n, atom.Main)
}

// insideTag reports whether n stands inside an element with tag a.
func insideTag(n *html.Node, a atom.Atom) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.DataAtom == a {
			return true
		}
	}
	return false
}

// captionText is a figure's caption without its credit (the
// photographer's or agency's name, in an element whose class or id says
// "credit", "copyright" or "byline"), which is no part of what the picture
// shows, and which pages set beside the caption with no space between
// ("week.Credit...Anna Moneymaker").
func captionText(figcaption *html.Node) string {
	var parts []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (isCreditElement(n) || n.DataAtom == atom.Button || htmlAttr(n, "aria-hidden") == "true") {
			return
		}
		if n.Type == html.TextNode {
			parts = append(parts, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(figcaption)
	return trimCaptionCredit(trimCaptionToggles(strings.Join(strings.Fields(strings.Join(parts, " ")), " ")))
}

// captionCredit is a picture's credit set in its caption's own text, at
// its end ("The quay at dusk. Foto: Hagen Immel", "… (REUTERS/Denis
// Balibouse)", "Photograph by Ann Lee").
var captionCredit = lazyre.New(`(?i)(^|[\s.,;|–—-])\(?(foto|fotos|photo|photos|bild|image|imagen|imágenes|credit|crédit|crédito|quelle|source|fuente|fonte|źródło|fot)\s?:[^.]{1,80}\)?\.?$|(^|\s)photograph(s)? by [^.]{1,60}\.?$|\s\((reuters|afp|ap|dpa|getty images|epa|efe|pap)[^()]{0,60}\)\.?$`)

// captionToggles are the words of the button that shows or hides a
// caption ("Caption Close"), left in its text when the button was a
// <span>.
var captionToggles = []string{"caption close", "close caption", "hide caption", "show caption", "toggle caption", "expand caption"}

// trimCaptionToggles removes a caption's toggle words from its ends.
func trimCaptionToggles(caption string) string {
	for _, w := range captionToggles {
		if len(caption) >= len(w) && strings.EqualFold(caption[len(caption)-len(w):], w) {
			caption = strings.TrimSpace(caption[:len(caption)-len(w)])
		}
		if len(caption) >= len(w) && strings.EqualFold(caption[:len(w)], w) {
			caption = strings.TrimSpace(caption[len(w):])
		}
	}
	return caption
}

// isCreditElement reports an element that holds a picture's credit.
func isCreditElement(n *html.Node) bool {
	names := strings.ToLower(htmlAttr(n, "class") + " " + htmlAttr(n, "id"))
	for _, w := range strings.FieldsFunc(names, func(r rune) bool { return (r < 'a' || r > 'z') && (r < '0' || r > '9') }) {
		if w == "credit" || w == "credits" || w == "copyright" || w == "byline" {
			return true
		}
	}
	return false
}

// figureCaptions are the captions of the figures kept under root, as
// headingKey gives them.
func figureCaptions(root *html.Node) map[string]bool {
	captions := map[string]bool{}
	walkHTML(root, func(n *html.Node) bool {
		if isKeptFigure(n) {
			if k := headingKey(htmlAttr(n, "alt")); k != "" {
				captions[k] = true
			}
		}
		return true
	})
	return captions
}
