package extract

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A figure (<figure> with a picture and its caption) is part of what an
// article says: cable shows it as one line, "[Figure: caption]", with the
// picture's address in the list of links. Other images (icons, avatars,
// logos, tracking pixels) are the page's, and go with the clutter.

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
			caption = htmlText(c)
		}
		if caption == "" {
			caption = strings.Join(strings.Fields(htmlAttr(img, "alt")), " ")
		}
		kept := &html.Node{Type: html.ElementNode, Data: "img", DataAtom: atom.Img, Attr: []html.Attribute{
			{Key: "src", Val: src}, {Key: "alt", Val: caption}, {Key: figureAttr, Val: "1"},
		}}
		p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
		p.AppendChild(kept)
		f.Parent.InsertBefore(p, f)
		removeNode(f)
	}
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
