// Package epub turns an EPUB book or report into an article in cable's
// format: bytes in, Markdown with front matter out, or an error naming
// the file. The package document's metadata becomes the front matter;
// the spine's chapters, in order, go through the HTML path (package
// extract), each a section titled as the book's contents title it; notes
// become the format's footnotes, pictures figures by their alternative
// text. A book under DRM is refused, saying so.
//
// package.go reads the archive, the package document and the contents;
// xhtml.go reads a chapter; notes.go finds the notes; this file puts the
// chapters together.
package epub

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"cable/articles"
	"cable/extract"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Kind is the extension EPUB files are known by.
const Kind = ".epub"

// Is reports whether a file of this name is an EPUB, by its extension.
func Is(name string) bool { return strings.EqualFold(path.Ext(name), Kind) }

// Convert makes an article of an EPUB's bytes. name is the file, for
// errors and for the title of a book that gives none. adjust, when not
// nil, completes the front matter before the article is written.
func Convert(name string, data []byte, adjust func(*articles.Meta)) (extract.Converted, error) {
	fail := func(msg string) (extract.Converted, error) {
		return extract.Converted{}, &articles.Error{File: name, Msg: msg}
	}
	b, err := open(data)
	if err != nil {
		return fail(err.Error())
	}
	var chapters []*chapter
	for _, p := range b.spine {
		raw, err := b.file(p)
		if err != nil {
			if _, missing := b.files[p]; !missing {
				continue // a spine entry without its file: nothing to read
			}
			return fail("its chapter " + err.Error())
		}
		// Stand-ins in the book itself would be taken for markers.
		raw = bytes.ReplaceAll(bytes.ReplaceAll(raw, []byte(markOpen), nil), []byte(markClose), nil)
		doc, err := parseXHTML(raw)
		if err != nil {
			return fail(fmt.Sprintf("its chapter %s cannot be read (%v)", p, err))
		}
		body := find(doc, atom.Body)
		if body == nil {
			body = doc
		}
		chapters = append(chapters, &chapter{path: p, body: body})
	}
	notes := takeNotes(chapters)
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, c := range chapters {
		b.place(root, c)
	}
	var page strings.Builder
	if err := html.Render(&page, root); err != nil {
		return fail("cannot be converted: " + err.Error())
	}
	meta := b.articleMeta(name)
	if adjust != nil {
		adjust(&meta)
	}
	c, err := extract.Fragment(name, page.String(), "", meta)
	if err != nil {
		return extract.Converted{}, err
	}
	c.Markdown = asBook(withNotes(c.Markdown, notes))
	a, err := articles.Parse(name, c.Markdown, "epub")
	if err == nil && len(a.Warnings) > 0 {
		err = a.Warnings
	}
	if err != nil {
		first, _, _ := strings.Cut(err.Error(), "\n")
		return fail("could not be converted into a valid article (" + first + ")")
	}
	return c, nil
}

// place adds a chapter to the book's text: under its title in the
// contents as a section heading, its own headings below that.
func (b *book) place(root *html.Node, c *chapter) {
	title := b.titles[c.path]
	headings := headingsOf(c.body)
	// The chapter's own headings that say its title go: the section's
	// heading says it. So does a heading that opens the chapter and is
	// its only one at the top level (the chapter's title in other words).
	for len(headings) > 0 && title != "" && textBefore(c.body, headings[0]) == "" {
		if !sameTitle(text(headings[0]), title) && !onlyTop(headings) {
			break
		}
		if key(unnumbered(title)) == "" {
			title = text(headings[0]) // "Chapter 3" in the contents: the heading names it
		}
		remove(headings[0])
		headings = headings[1:]
	}
	if title == "" && len(b.titles) == 0 && len(headings) > 0 && textBefore(c.body, headings[0]) == "" {
		// A book without contents: a chapter's first heading titles it.
		title = text(headings[0])
		remove(headings[0])
		headings = headings[1:]
	}
	top := 7
	for _, h := range headings {
		l, _ := headingLevel(h)
		top = min(top, l)
	}
	for _, h := range headings {
		l, _ := headingLevel(h)
		retag(h, "h"+strconv.Itoa(min(l-top+3, 6)))
	}
	if text(c.body) == "" && (title == "" || c.notes > 0) {
		return // a cover, or notes all taken out
	}
	if title != "" {
		h := &html.Node{Type: html.ElementNode, Data: "h2", DataAtom: atom.H2}
		h.AppendChild(&html.Node{Type: html.TextNode, Data: title})
		root.AppendChild(h)
	}
	tidy(c.body, c.path)
	for n := c.body.FirstChild; n != nil; {
		next := n.NextSibling
		c.body.RemoveChild(n)
		root.AppendChild(n)
		n = next
	}
}

// sameTitle reports whether a chapter's heading says the title the
// contents give it: the same words, or some of them, apart from its
// numbering ("Chapter One:", "1.", "IV.").
func sameTitle(heading, title string) bool {
	for _, pair := range [][2]string{{heading, title}, {unnumbered(heading), unnumbered(title)}} {
		k, t := key(pair[0]), key(pair[1])
		if k != "" && t != "" && (strings.Contains(t, k) || strings.Contains(k, t)) {
			return true
		}
	}
	return false
}

// onlyTop reports whether the first of a chapter's headings is the only
// one at its level or above.
func onlyTop(headings []*html.Node) bool {
	first, _ := headingLevel(headings[0])
	for _, h := range headings[1:] {
		if l, _ := headingLevel(h); l <= first {
			return false
		}
	}
	return true
}

var (
	chapterWord = regexp.MustCompile(`(?i)^\s*(chapter|part|book|section)\s+([0-9]+|[ivxlcdm]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b\s*[.:\-–—]?\s*`)
	numberMark  = regexp.MustCompile(`^\s*([0-9]+(\.[0-9]+)*|[IVXLCDM]+)([.:)]\s*|\s+[-–—]\s*|\s+)`)
)

// unnumbered is a title without its numbering: "Chapter One: The
// Frontier" and "1. The Frontier" are "The Frontier".
func unnumbered(s string) string {
	s = chapterWord.ReplaceAllString(s, "")
	return numberMark.ReplaceAllString(s, "")
}

// headingsOf are the headings of a chapter, in order.
func headingsOf(body *html.Node) []*html.Node {
	var out []*html.Node
	walk(body, func(n *html.Node) bool {
		if _, ok := headingLevel(n); ok && n.Type == html.ElementNode {
			out = append(out, n)
			return false
		}
		return true
	})
	return out
}

// textBefore is the text of body before the element n.
func textBefore(body, n *html.Node) string {
	var b strings.Builder
	done := false
	walk(body, func(c *html.Node) bool {
		if c == n {
			done = true
		}
		if !done && c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return !done
	})
	return strings.TrimSpace(b.String())
}

// key is a title as compared: its letters and digits, lower-cased.
func key(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

func retag(n *html.Node, tag string) {
	n.Data = tag
	n.DataAtom = atom.Lookup([]byte(tag))
}

// kept are the attributes the HTML path is given: the book's classes and
// ids name its own styles, and would only mislead the clutter rules made
// for web pages.
var kept = map[string]bool{"href": true, "src": true, "alt": true, "colspan": true, "rowspan": true}

// tidy readies a chapter for the HTML path: the book's own attributes
// go, the elements the clutter rules would take for a site's asides,
// headers and footers become plain blocks, and pictures become figures
// by their alternative text.
func tidy(body *html.Node, from string) {
	walk(body, func(n *html.Node) bool {
		switch {
		case n.Type != html.ElementNode:
			return false
		case n.DataAtom == atom.Script || n.DataAtom == atom.Style:
			remove(n)
			return false
		case n.DataAtom == atom.Figure:
			figure(n, from)
			return false
		case n.DataAtom == atom.Img || n.DataAtom == atom.Image || n.Data == "svg":
			figure(n, from)
			return false
		}
		switch n.DataAtom {
		case atom.Aside, atom.Header, atom.Footer, atom.Nav, atom.Section, atom.Article, atom.Main:
			retag(n, "div")
		}
		attrs := n.Attr[:0]
		for _, a := range n.Attr {
			if kept[a.Key] {
				attrs = append(attrs, a)
			}
		}
		n.Attr = attrs
		return true
	})
}

// figure replaces a picture, or a <figure> with one, by a paragraph that
// reads as a figure: its caption, or the picture's alternative text. A
// picture with neither is a decoration, and goes.
func figure(n *html.Node, from string) {
	caption := ""
	if c := find(n, atom.Figcaption); c != nil {
		caption = text(c)
	}
	img := n
	if n.DataAtom == atom.Figure {
		img = find(n, atom.Img)
	}
	if caption == "" && img != nil {
		caption = strings.Join(strings.Fields(attr(img, "alt")), " ")
	}
	if caption == "" && n.DataAtom == atom.Figure {
		caption = text(n)
	}
	if caption == "" || n.Parent == nil {
		remove(n)
		return
	}
	p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
	p.AppendChild(&html.Node{Type: html.TextNode, Data: articles.FigureText(caption)})
	n.Parent.InsertBefore(p, n)
	remove(n)
}

var date = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)

// articleMeta is the front matter the package document gives.
func (b *book) articleMeta(name string) articles.Meta {
	first := func(values []string) string {
		for _, v := range values {
			if v = strings.Join(strings.Fields(articles.Clean(v)), " "); v != "" {
				return v
			}
		}
		return ""
	}
	m := articles.Meta{
		Title:     first(b.meta.Title),
		Source:    first(b.meta.Publisher),
		Language:  first(b.meta.Language),
		Published: date.FindString(first(b.meta.Date)),
	}
	if _, err := time.Parse("2006-01-02", m.Published); err != nil {
		m.Published = ""
	}
	var authors []string
	for _, c := range b.meta.Creator {
		if c = first([]string{c}); c != "" {
			authors = append(authors, c)
		}
	}
	m.Author = strings.Join(authors, ", ")
	if m.Title == "" {
		m.Title = strings.TrimSuffix(path.Base(strings.ReplaceAll(name, "\\", "/")), path.Ext(name))
	}
	return m
}

// asBook says in the article's front matter that it is a book
// ("type: book"), for citations to cite it as one.
func asBook(md []byte) []byte {
	end := bytes.Index(md, []byte("\n---\n"))
	if !bytes.HasPrefix(md, []byte("---\n")) || end < 0 {
		return md
	}
	return slices.Concat(md[:end+1], []byte("type: book\n"), md[end+1:])
}

// withNotes puts the notes into the article: each stand-in becomes a
// marker, "[^3]", and the notes follow the text as "[^3]: text". A
// stand-in the HTML path moved into a heading is dropped there.
func withNotes(md []byte, notes []string) []byte {
	lines := strings.Split(string(md), "\n")
	for i, l := range lines {
		if !strings.Contains(l, markOpen) {
			continue
		}
		heading := strings.HasPrefix(l, "#")
		var b strings.Builder
		for {
			open := strings.Index(l, markOpen)
			if open < 0 {
				break
			}
			end := strings.Index(l[open:], markClose)
			if end < 0 {
				break
			}
			b.WriteString(l[:open])
			num, err := strconv.Atoi(l[open+len(markOpen) : open+end])
			if !heading && err == nil && num >= 1 && num <= len(notes) && notes[num-1] != "" {
				b.WriteString("[^" + strconv.Itoa(num) + "]")
			}
			l = l[open+end+len(markClose):]
		}
		b.WriteString(l)
		lines[i] = strings.NewReplacer(markOpen, "", markClose, "").Replace(b.String())
	}
	out := strings.TrimRight(strings.Join(lines, "\n"), "\n") + "\n"
	var defs strings.Builder
	for i, n := range notes {
		if n != "" && strings.Contains(out, "[^"+strconv.Itoa(i+1)+"]") {
			fmt.Fprintf(&defs, "\n[^%d]: %s\n", i+1, articles.Literal(n))
		}
	}
	return []byte(out + defs.String())
}
