package render

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"cable/articles"

	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// LinkMode says how a link shows in the text. Glamour writes a link as
// its text followed by its whole address, which puts long addresses in
// the middle of sentences and leaves the wrapping around them ragged; a
// reader of prose wants the words, with the addresses a key away (L).
type LinkMode int

const (
	// LinksClean shows a link as its text, styled as a link, and no
	// address: the default.
	LinksClean LinkMode = iota
	// LinksNumbered puts the link's number in the article's list of links
	// after its text, "[3]", as lynx and w3m do.
	LinksNumbered
	// LinksInline is Glamour's way: the text, then the address.
	LinksInline
)

// LinkModes are the names of the link modes, for settings and flags.
const LinkModes = "clean, numbered or inline"

// ParseLinkMode reads a link mode by its name: clean, numbered or inline.
func ParseLinkMode(s string) (LinkMode, error) {
	switch s {
	case "clean":
		return LinksClean, nil
	case "numbered":
		return LinksNumbered, nil
	case "inline":
		return LinksInline, nil
	}
	return LinksClean, fmt.Errorf("%q is not a link mode (choose %s)", s, LinkModes)
}

func (m LinkMode) String() string {
	switch m {
	case LinksNumbered:
		return "numbered"
	case LinksInline:
		return "inline"
	}
	return "clean"
}

// LinkMarker is how a numbered link's number reads after its text: in
// superscript digits ("Soviet Union⁶"), so that it is never taken for a
// footnote's marker, which reads "[1]", and takes as little room as a
// number can.
func LinkMarker(n int) string {
	digits := []byte(strconv.Itoa(n))
	var b strings.Builder
	for _, d := range digits {
		b.WriteRune(superscriptDigits[d-'0'])
	}
	return b.String()
}

// superscriptDigits are the digits 0 to 9 in superscript.
var superscriptDigits = [10]rune{'⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'}

// LinkLabel is how a numbered link's address is introduced in the list
// printed after a section: "[⁶]: https://…", in the form Markdown gives a
// link's reference, with the number as the text shows it, so that it
// reads as the link's and never as footnote 6's ("[6]").
func LinkLabel(n int) string { return "[" + LinkMarker(n) + "]" }

// linkBase is how many links come before section i: its first link's
// number, less one.
func linkBase(a *articles.Article, i int) int {
	n := 0
	for _, s := range a.Sections[:i] {
		n += len(s.Links)
	}
	return n
}

// rewriteLinks changes a parsed section so that Glamour writes its links
// and images as mode asks: new text goes at the end of src, which is
// returned, so that nothing parsed moves. base is how many links of the
// article come before this section's. Figures read "[Figure: caption]" in
// every mode; in inline mode the address follows, as a link's does.
//
// A link's address is hidden by making it "#": Glamour writes no address
// for a link to an anchor. Numbers are given to the links as the article
// counts them (articles.EachLink over each block), so that the number
// after a link is its number in Article.Links.
//
// protected says that md's text was handed over with protectText's
// stand-ins: the text written here gets them too.
//
// With mark set (and links not inline), the text of every link to a web
// or mail address is put between two marks, so that where it lands in
// the output can be found, to make it a hyperlink; urls are their
// addresses, in order.
func rewriteLinks(doc gast.Node, src []byte, mode LinkMode, base int, protected bool, mark string) (_ []byte, urls []string) {
	numbers := map[gast.Node]int{}
	count := base
	for top := doc.FirstChild(); top != nil && mode == LinksNumbered; top = top.NextSibling() {
		articles.EachBlock(top, src, func(block gast.Node, _ string) {
			articles.EachLink(block, func(n gast.Node) {
				count++
				numbers[n] = count
			})
		})
	}
	var found []gast.Node
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if entering {
			switch n.(type) {
			case *gast.Link, *gast.AutoLink, *gast.Image:
				found = append(found, n)
			}
		}
		return gast.WalkContinue, nil
	})
	anchor := []byte("#")
	linked := func(n gast.Node, url string) {
		// An image inside a link is the link's text: the link's
		// hyperlink covers it.
		if mark == "" || mode == LinksInline || !hyperlinkable(url) || inLink(n) {
			return
		}
		var ok bool
		if src, ok = markText(n, src, mark); ok {
			urls = append(urls, url)
		}
	}
	// Inner nodes first: an image inside a link gets its text before the
	// link's marks go around it. The addresses are gathered backwards.
	for i := len(found) - 1; i >= 0; i-- {
		switch n := found[i].(type) {
		case *gast.Image:
			url := string(n.Destination)
			caption := articles.ImageCaption(n, src)
			for c := n.FirstChild(); c != nil; {
				next := c.NextSibling()
				n.RemoveChild(n, c)
				c = next
			}
			src = appendText(n, src, articles.FigureText(caption))
			if mode != LinksInline {
				n.Destination = nil
			}
			linked(n, url)
			if num, ok := numbers[n]; ok && mode == LinksNumbered {
				src = insertMarker(n, src, num)
			}
		case *gast.AutoLink:
			if mode == LinksInline || n.Parent() == nil {
				continue
			}
			// The address as its own text, and no address after it.
			link := gast.NewLink()
			link.Destination = anchor
			url := string(n.URL(src))
			if protected {
				url = protectString(url)
			}
			src = appendText(link, src, url)
			n.Parent().ReplaceChild(n.Parent(), n, link)
			linked(link, autoLinkURL(n, src))
		case *gast.Link:
			text := articles.PlainText(n, src)
			if protected {
				text = restoreText(text)
			}
			url := string(n.Destination)
			if articles.IsBareLink(text, url) {
				n.Destination = anchor // shown once, as its text
				linked(n, url)
				continue
			}
			if mode == LinksInline {
				continue
			}
			n.Destination = anchor
			linked(n, url)
			if num, ok := numbers[n]; ok && mode == LinksNumbered {
				src = insertMarker(n, src, num)
			}
		}
	}
	slices.Reverse(urls)
	return src, urls
}

// autoLinkURL is where a bare address leads: a mail address is a
// mailto: link, as Glamour makes it.
func autoLinkURL(n *gast.AutoLink, src []byte) string {
	url := string(n.URL(src))
	if n.AutoLinkType == gast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
		return "mailto:" + url
	}
	return url
}

// inLink reports whether n stands inside a link.
func inLink(n gast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if _, ok := p.(*gast.Link); ok {
			return true
		}
	}
	return false
}

// markText puts mark before the first letter of n's first text and after
// the last letter of its last, so that the two marks stand around what n
// shows. ok is false, and nothing is marked, when n shows no text.
func markText(n gast.Node, src []byte, mark string) (_ []byte, ok bool) {
	var first, last *gast.Text
	_ = gast.Walk(n, func(c gast.Node, entering bool) (gast.WalkStatus, error) {
		if t, isText := c.(*gast.Text); entering && isText && len(bytes.TrimSpace(t.Segment.Value(src))) > 0 {
			if first == nil {
				first = t
			}
			last = t
		}
		return gast.WalkContinue, nil
	})
	if first == nil {
		return src, false
	}
	value := first.Segment.Value(src)
	lead := len(value) - len(bytes.TrimLeftFunc(value, unicode.IsSpace))
	start := len(src)
	src = append(src, value[:lead]...)
	src = append(src, mark...)
	src = append(src, value[lead:]...)
	first.Segment = text.NewSegment(start, len(src))
	value = last.Segment.Value(src)
	end := len(bytes.TrimRightFunc(value, unicode.IsSpace))
	start = len(src)
	src = append(src, value[:end]...)
	src = append(src, mark...)
	src = append(src, value[end:]...)
	last.Segment = text.NewSegment(start, len(src))
	return src, true
}

// protectString is s with protectText's stand-ins.
func protectString(s string) string {
	var b strings.Builder
	writeProtected(&b, s, 0, len(s))
	return b.String()
}

// appendText gives n a last child showing s, written at the end of src.
func appendText(n gast.Node, src []byte, s string) []byte {
	start := len(src)
	src = append(src, s...)
	n.AppendChild(n, gast.NewTextSegment(text.NewSegment(start, len(src))))
	return src
}

// insertMarker puts link number num right after n, with no space
// between, so that the number wraps with the link's last word.
func insertMarker(n gast.Node, src []byte, num int) []byte {
	if n.Parent() == nil {
		return src
	}
	start := len(src)
	src = append(src, LinkMarker(num)...)
	marker := gast.NewTextSegment(text.NewSegment(start, len(src)))
	n.Parent().InsertAfter(n.Parent(), n, marker)
	return src
}

// linkNumber is a link's number shown in a block: at, where the link's text
// ends in the block's text without white space, and size, the number's
// bytes ("[12]" is four).
type linkNumber struct{ at, size int }

// linkMarkers are the numbers a rendering in mode shows in each block of
// a, as rewriteLinks writes them: after every link that is not its own
// address, and every figure. Nil when links are not numbered.
func linkMarkers(a *articles.Article, mode LinkMode) [][][]linkNumber {
	if mode != LinksNumbered {
		return nil
	}
	out := make([][][]linkNumber, len(a.Sections))
	n := 0
	for i, s := range a.Sections {
		out[i] = make([][]linkNumber, len(s.Blocks))
		for _, l := range s.Links {
			n++
			if l.Bare || l.Block < 0 || l.Block >= len(s.Blocks) {
				continue
			}
			out[i][l.Block] = append(out[i][l.Block], linkNumber{at: l.End, size: len(LinkMarker(n))})
		}
	}
	return out
}

// blockMarkers are the numbers shown in block j of section i.
func (d *Document) blockMarkers(i, j int) []linkNumber {
	if i < 0 || i >= len(d.markers) || j < 0 || j >= len(d.markers[i]) {
		return nil
	}
	return d.markers[i][j]
}

// shownOffset is where offset, in block j of section i's text, falls in
// the text as shown: past every number shown before it.
func (d *Document) shownOffset(i, j, offset int) int {
	shown := offset
	for _, m := range d.blockMarkers(i, j) {
		if m.at > offset {
			break
		}
		shown += m.size
	}
	return shown
}

// textOffset is the way back from shownOffset: a place inside a number
// is the end of its link's text.
func (d *Document) textOffset(i, j, shown int) int {
	skipped := 0
	for _, m := range d.blockMarkers(i, j) {
		start := m.at + skipped
		if shown < start {
			break
		}
		if shown < start+m.size {
			return m.at
		}
		skipped += m.size
	}
	return shown - skipped
}
