package render

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"cable/articles"

	gansi "github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	grenderer "github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Where a block lands in Glamour's output is not guessed from its text,
// which Glamour changes (a link's address, a list's bullet, a table's
// borders, escapes, a paragraph that reads like another): the section is
// parsed, a mark is put into the tree at the start of each block's first
// text, and the marks are looked for, and taken out, in the lines Glamour
// writes.
//
// A mark is a character that takes no column in either of Glamour's two
// wrappers (reflow's, which measures with go-runewidth, and x/ansi's, which
// measures grapheme clusters), is no space and no break, and stands alone
// as a grapheme: the zero-width no-break space, or the zero-width space in
// the rare section that already holds the first. It is written into a
// text Glamour already shows, before its first letter, so it joins that
// word's style and wrap and changes no byte around it; a mark of its own
// would be styled, and the style's codes would stay behind. It goes into
// the tree, not the Markdown, so that it cannot change how anything parses
// (before "*" it would stop emphasis from opening).
//
// A code block is not marked: its code goes to the syntax highlighter,
// which would colour a mark. It is found by its code instead, which
// Glamour shows as it is, looked for between the marks around it.
var markRunes = [...]rune{'\ufeff', '\u200b'}

// blockMark is how a block is found in the output: by its mark, the
// mark-th of the section, or, for a block that shows a code block first,
// by code, the code's text without white space, or failing that (a quote's
// bar stands at the start of each line a long code line wraps onto) its
// first line's, or its first word; mark is -1 without one.
type blockMark struct {
	mark int
	code []string
	// bound is set when the code is followed by text of the same block,
	// whose mark (the next one) ends the search.
	bound bool
	// back is how many bytes of text come before the mark in the block:
	// an address's scheme.
	back int
}

// spot is where a mark stood in the lines of the output, with the marks
// taken out: its line, and col, its byte in that line.
type spot struct{ line, col int }

// place is where a block starts in a section's lines: its line, and flat,
// where its text starts in the section's text without white space;
// found is false for a block that could not be placed.
type place struct {
	line, flat int
	found      bool
}

// renderer renders Markdown as Glamour's TermRenderer does, with the same
// parser and the same ANSI renderer, but in two steps, so that the parsed
// tree can be marked before it is rendered. It keeps buffers and is not
// safe for concurrent use.
type renderer struct {
	md    goldmark.Markdown
	width int // the word wrap's, for breaking what it leaves too wide
	// margin is the document's right margin, inside which lines are
	// filled again.
	margin int
	links  LinkMode
}

// newRenderer makes a renderer for opts, set up as glamour.NewTermRenderer
// with WithStyles, WithWordWrap and WithColorProfile sets one up.
func newRenderer(opts Options) (*renderer, error) {
	style, err := GlamourStyle(opts.Style, opts.JSONStyles)
	if err != nil {
		return nil, err
	}
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.DefinitionList),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
	// Links in a table are written as in the text, rather than with
	// Glamour's own numbers and a list of addresses under the table, unless
	// addresses are wanted in the text.
	inlineTable := opts.Links != LinksInline
	ar := gansi.NewRenderer(gansi.Options{WordWrap: opts.Width, ColorProfile: opts.Profile, Styles: figureStyle(style, opts), InlineTableLinks: inlineTable})
	md.SetRenderer(grenderer.NewRenderer(grenderer.WithNodeRenderers(util.Prioritized(ar, 1000))))
	return &renderer{md: md, width: opts.Width, margin: rightMargin(style), links: opts.Links}, nil
}

// render renders md, its links as the renderer's link mode asks, numbered
// from base+1. With marked set, it also marks each block of the
// section md holds (as articles.EachBlock counts them); blocks and spots
// are nil when they could not be, and the rendering is the same as
// without marks.
func (r *renderer) render(md string, base int, marked bool) (out string, blocks []blockMark, spots []spot, links []linkSpan, err error) {
	md, protected := protectText(md)
	src := []byte(md)
	doc := r.md.Parser().Parse(text.NewReader(src))
	var mark, linkMark rune
	if marked {
		mark = pickMark(md)
		linkMark = pickLinkMark(md, mark)
	}
	src, urls := rewriteLinks(doc, src, r.links, base, protected, markString(linkMark))
	marks := 0
	if mark != 0 {
		src, blocks, marks = markBlocks(doc, src, string(mark))
	}
	// Glamour gives a table the measure inside the document's margins, less
	// two columns.
	src = fitTables(doc, src, r.width-2*r.margin-2, markString(mark), r.links == LinksInline)
	var buf bytes.Buffer
	if err := r.md.Renderer().Render(&buf, src, doc); err != nil {
		return "", nil, nil, nil, err
	}
	out = buf.String()
	if protected {
		out = restoreText(out)
	}
	// Before the marks are taken: they take no column, and their places
	// are counted in the lines as they are shown.
	out = setLines(out, r.width, r.margin)
	if len(urls) > 0 {
		// The links' marks first: their places are kept as columns, which
		// the blocks' marks, taking none, do not change.
		var linkSpots []spot
		if out, linkSpots = takeMarks(out, string(linkMark), 2*len(urls)); linkSpots != nil {
			links = spanLinks(out, linkSpots, urls)
		}
	}
	if mark != 0 {
		if out, spots = takeMarks(out, string(mark), marks); spots == nil {
			blocks = nil
		}
	}
	return out, blocks, spots, links, nil
}

// pickLinkMark is the mark for links' texts: a mark rune that md does not
// hold and the blocks' mark is not, or 0.
func pickLinkMark(md string, blockMark rune) rune {
	for _, r := range markRunes {
		if r != blockMark && blockMark != 0 && !strings.ContainsRune(md, r) {
			return r
		}
	}
	return 0
}

func markString(r rune) string {
	if r == 0 {
		return ""
	}
	return string(r)
}

// pickMark is the first mark rune md does not hold, or 0 when it holds
// them all.
func pickMark(md string) rune {
	for _, r := range markRunes {
		if !strings.ContainsRune(md, r) {
			return r
		}
	}
	return 0
}

// marker puts marks into a parsed section, appending the marked texts to
// its source: segments point into the source, so nothing parsed moves.
type marker struct {
	src   []byte
	mark  string
	marks int // marks put in so far
}

// markBlocks marks every block of doc and says how each is found, and
// how many marks were put in.
func markBlocks(doc gast.Node, src []byte, mark string) ([]byte, []blockMark, int) {
	m := &marker{src: src, mark: mark}
	var blocks []blockMark
	for top := doc.FirstChild(); top != nil; top = top.NextSibling() {
		articles.EachBlock(top, src, func(block gast.Node, _ string) {
			blocks = append(blocks, m.block(block))
		})
	}
	return m.src, blocks, m.marks
}

// block marks where block's text starts: before the first letter of the
// first node that shows text.
func (m *marker) block(block gast.Node) blockMark {
	first := firstShown(block, m.src, nil)
	switch n := first.(type) {
	case *gast.Text:
		m.text(n)
		return blockMark{mark: m.marks - 1}
	case *gast.AutoLink:
		back := m.autoLink(n)
		return blockMark{mark: m.marks - 1, back: back}
	case *gast.FencedCodeBlock, *gast.CodeBlock:
		var code, firstLine, firstWord string
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			line := string(seg.Value(m.src))
			if words := strings.Fields(line); firstLine == "" && len(words) > 0 {
				firstLine, firstWord = squeeze(line), words[0]
			}
			code += squeeze(line)
		}
		// The text after the code in the same block bounds the search.
		next, bound := firstShown(block, m.src, n).(*gast.Text)
		if bound {
			m.text(next)
		}
		return blockMark{mark: -1, code: []string{code, firstLine, firstWord}, bound: bound}
	}
	return blockMark{mark: -1}
}

// text puts a mark before the first letter of t.
func (m *marker) text(t *gast.Text) {
	value := t.Segment.Value(m.src)
	lead := len(value) - len(bytes.TrimLeftFunc(value, unicode.IsSpace))
	start := len(m.src)
	m.src = append(m.src, value[:lead]...)
	m.src = append(m.src, m.mark...)
	m.src = append(m.src, value[lead:]...)
	t.Segment = text.NewSegment(start, len(m.src))
	m.marks++
}

// autoLink puts a mark into a bare address, after its scheme, where a
// table's footnote of links still finds the address's host; the node is
// made again, since its text is not for changing. It returns the length
// of the address before the mark.
func (m *marker) autoLink(n *gast.AutoLink) int {
	label := n.Label(m.src)
	at := bytes.Index(label, []byte("://")) + 1
	if at > 0 {
		at += 2
	}
	start := len(m.src)
	m.src = append(m.src, label[:at]...)
	m.src = append(m.src, m.mark...)
	m.src = append(m.src, label[at:]...)
	made := gast.NewAutoLink(n.AutoLinkType, gast.NewTextSegment(text.NewSegment(start, len(m.src))))
	made.Protocol = n.Protocol
	n.Parent().ReplaceChild(n.Parent(), n, made)
	m.marks++
	return len(n.URL(m.src)) - len(label) + at
}

// firstShown is the first node of block after the node after (from the
// start when after is nil) that shows text: a text with something besides
// white space, a bare address or a code block; nil when there is none.
func firstShown(block gast.Node, src []byte, after gast.Node) gast.Node {
	var first gast.Node
	passed := after == nil
	_ = gast.Walk(block, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		if !passed {
			if n == after {
				passed = true
				return gast.WalkSkipChildren, nil
			}
			return gast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *gast.Text:
			if len(bytes.TrimSpace(n.Segment.Value(src))) > 0 {
				first = n
				return gast.WalkStop, nil
			}
		case *gast.AutoLink, *gast.FencedCodeBlock, *gast.CodeBlock:
			first = n
			return gast.WalkStop, nil
		case *gast.RawHTML, *gast.HTMLBlock:
			return gast.WalkSkipChildren, nil
		}
		return gast.WalkContinue, nil
	})
	return first
}

// takeMarks removes the marks from out and says where each one stood.
// When the marks found are not the marks put in, spots is nil.
func takeMarks(out, mark string, marks int) (string, []spot) {
	if strings.Count(out, mark) != marks {
		return strings.ReplaceAll(out, mark, ""), nil
	}
	spots := make([]spot, 0, marks)
	var b strings.Builder
	b.Grow(len(out))
	line, lineStart := 0, 0 // in the output written so far
	for rest := out; ; {
		at := strings.Index(rest, mark)
		if at < 0 {
			b.WriteString(rest)
			break
		}
		before := rest[:at]
		b.WriteString(before)
		if nl := strings.LastIndexByte(before, '\n'); nl >= 0 {
			line += strings.Count(before, "\n")
			lineStart = b.Len() - (len(before) - nl - 1)
		}
		spots = append(spots, spot{line: line, col: b.Len() - lineStart})
		rest = rest[at+len(mark):]
	}
	return b.String(), spots
}

// placeBlocks places each block in a section's lines, given the
// section's text without white space and where each line starts in it.
func placeBlocks(lines []string, text string, lineFlat []int, blocks []blockMark, spots []spot) []place {
	if blocks == nil {
		return nil
	}
	flats := make([]int, len(spots))
	for i, s := range spots {
		flats[i] = lineFlat[s.line] + flatPrefix(lines[s.line], s.col)
	}
	places := make([]place, len(blocks))
	used := 0 // marks of the blocks before
	for i, b := range blocks {
		if b.mark >= 0 {
			places[i] = place{line: spots[b.mark].line, flat: flats[b.mark] - b.back, found: true}
			used = b.mark + 1
			continue
		}
		if len(b.code) == 0 {
			continue
		}
		from, to := 0, len(text)
		if used > 0 {
			from = flats[used-1]
		}
		if used < len(flats) {
			to = flats[used]
		}
		if b.bound {
			used++
		}
		for _, code := range b.code {
			if at := strings.LastIndex(text[from:to], code); code != "" && at >= 0 {
				flat := from + at
				places[i] = place{line: lineAtOffset(lineFlat, flat), flat: flat, found: true}
				break
			}
		}
	}
	return places
}

// flatPrefix is how many bytes of line's visible text without white space
// come before byte col.
func flatPrefix(line string, col int) int {
	n := 0
	for _, r := range ansi.Strip(line[:min(col, len(line))]) {
		if !unicode.IsSpace(r) {
			n += utf8.RuneLen(r)
		}
	}
	return n
}
