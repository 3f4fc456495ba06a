package articles

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TextQuote finds a passage by its words, as the W3C Web Annotation
// TextQuoteSelector does: the exact text, and the text just before and
// just after it, which tell one "the" from another and find a passage
// again when the text around it has moved.
type TextQuote struct {
	Exact  string `json:"exact"`
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
}

// ContextRunes is how many characters of the text before and after a
// passage its TextQuote keeps.
const ContextRunes = 32

// Anchor is a passage of an article held two ways: by its place (a
// section, a block, and byte offsets into the block's Text, the plain
// text the reader shows, the same at every width, style and link mode)
// and by its words. The place finds it quickly in the text it was taken
// from; the words find it again in a text that changed.
//
// A passage may run over several blocks: Through is how many blocks
// after its first it ends in, in reading order (across sections), and
// End is then an offset into that last block's text; its Exact text
// holds a newline where one block ends and the next starts.
type Anchor struct {
	Quote   TextQuote `json:"quote"`
	Section int       `json:"section"`
	Block   int       `json:"block"`
	Start   int       `json:"start"`
	Through int       `json:"through,omitempty"`
	End     int       `json:"end"`
}

// PositionOf is where an anchored passage starts, as a reading position
// counts: the offset into its block's text with the white space removed.
// The reader scrolls to it, and draws it, by this position.
func (a *Article) PositionOf(an Anchor) Position {
	pos := Position{Section: an.Section, Block: an.Block}
	if text := a.blockText(an.Section, an.Block); an.Start > 0 && an.Start <= len(text) {
		pos.Offset = flatLen(text[:an.Start])
	}
	return pos
}

// blockText is the text of a block, or "" where the article has none.
func (a *Article) blockText(section, block int) string {
	if section < 0 || section >= len(a.Sections) || block < 0 || block >= len(a.Sections[section].Blocks) {
		return ""
	}
	return a.Sections[section].Blocks[block].Text
}

// Placement says how an anchor was found in an article.
type Placement int

const (
	// InPlace: the text at the anchor's place is its exact text still.
	InPlace Placement = iota
	// Moved: the text changed, and the passage was found again by its
	// words and their context.
	Moved
	// NotFound: the passage is no longer in the text. The anchor is kept
	// as it was, to be listed as "not found in the text".
	NotFound
)

func (p Placement) String() string {
	switch p {
	case InPlace:
		return "in place"
	case Moved:
		return "moved"
	}
	return "not found in the text"
}

// AnchorAt anchors the bytes start to end of a block's text: its place,
// its exact text and ContextRunes characters of the article's text on
// each side (across blocks, a block's end read as a space). ok is false
// for a place the article does not have or an empty passage.
func (a *Article) AnchorAt(section, block, start, end int) (Anchor, bool) {
	return a.AnchorSpan(Position{Section: section, Block: block, Offset: start}, Position{Section: section, Block: block, Offset: end})
}

// AnchorSpan anchors a passage that may run over several blocks: from
// byte from.Offset of from's block's text to byte to.Offset of to's, as
// a selection extended by paragraph is. The offsets are bytes of the
// blocks' Text, not the white-space-free offsets of a reading Position.
func (a *Article) AnchorSpan(from, to Position) (Anchor, bool) {
	first, last := a.blockText(from.Section, from.Block), a.blockText(to.Section, to.Block)
	if from.Offset < 0 || from.Offset > len(first) || to.Offset < 0 || to.Offset > len(last) {
		return Anchor{}, false
	}
	at := flatten(a)
	g1, g2 := at.global(from.Section, from.Block, from.Offset), at.global(to.Section, to.Block, to.Offset)
	if g1 < 0 || g2 < 0 || g1 >= g2 || !utf8.ValidString(at.text[g1:g2]) || strings.TrimSpace(at.text[g1:g2]) == "" {
		return Anchor{}, false
	}
	return Anchor{
		Quote: TextQuote{
			Exact:  at.text[g1:g2],
			Prefix: lastRunes(at.text[:g1], ContextRunes),
			Suffix: firstRunes(at.text[g2:], ContextRunes),
		},
		Section: from.Section, Block: from.Block, Start: from.Offset,
		Through: at.index(to.Section, to.Block) - at.index(from.Section, from.Block), End: to.Offset,
	}, true
}

// Locate finds an anchored passage in the article's text as it is now:
// at its place when the text there is its exact text still; else by its
// exact text (white space aside) where the text before and after it best
// matches its context, the nearest such place to where it was on a tie;
// else nowhere. A passage found elsewhere comes back with its new place.
// An exact text found more than once, with no context matching anywhere,
// is found only in the block it was in: any other would be a guess. To
// find many passages, a Locator prepares the text once.
func (a *Article) Locate(an Anchor) (Anchor, Placement) {
	return a.Locator().Locate(an)
}

// Locator finds passages in one article, its text joined once for them
// all (and folded for searching once, when a passage is not in place).
type Locator struct {
	at   articleText
	sq   string // the joined text without white space, made when needed
	orig []int  // where each byte of sq is in the joined text
}

// Locator prepares an article's text for finding passages in it.
func (a *Article) Locator() *Locator {
	return &Locator{at: flatten(a)}
}

// Locate finds a passage as Article.Locate does.
func (l *Locator) Locate(an Anchor) (Anchor, Placement) {
	at := l.at
	if at.textAt(an) == an.Quote.Exact && an.Quote.Exact != "" {
		return an, InPlace
	}
	exact := squeeze(an.Quote.Exact)
	if exact == "" || !utf8.ValidString(exact) {
		return an, NotFound
	}
	if l.orig == nil {
		l.sq, l.orig = at.squeezed()
	}
	sq, orig := l.sq, l.orig
	prefix, suffix := squeeze(an.Quote.Prefix), squeeze(an.Quote.Suffix)
	was := at.global(an.Section, an.Block, an.Start)
	best, bestScore, bestDist, count := -1, -1, 0, 0
	for from := 0; ; {
		i := strings.Index(sq[from:], exact)
		if i < 0 {
			break
		}
		p := from + i
		from = p + 1
		if !utf8.RuneStart(sq[p]) || p+len(exact) < len(sq) && !utf8.RuneStart(sq[p+len(exact)]) {
			continue // inside a character of the text
		}
		count++
		score := commonSuffix(prefix, sq[:p]) + commonPrefix(suffix, sq[p+len(exact):])
		dist := abs(orig[p] - was)
		if score > bestScore || score == bestScore && dist < bestDist {
			best, bestScore, bestDist = p, score, dist
		}
	}
	if best < 0 {
		return an, NotFound
	}
	start, end := orig[best], orig[best+len(exact)-1]+1
	s, b, off := at.local(start)
	if bestScore == 0 && count > 1 && (s != an.Section || b != an.Block) {
		return an, NotFound
	}
	es, eb, _ := at.local(end - 1)
	found := an
	found.Section, found.Block, found.Start = s, b, off
	found.Through = at.index(es, eb) - at.index(s, b)
	found.End = end - at.starts[es][eb]
	found.Quote.Exact = at.text[start:end]
	return found, Moved
}

// textAt is the text at an anchor's place, or "" where the article has no
// such place.
func (a *Article) textAt(an Anchor) string {
	return flatten(a).textAt(an)
}

// textAt is the text at an anchor's place, or "" where there is no such
// place.
func (at articleText) textAt(an Anchor) string {
	first := at.index(an.Section, an.Block)
	last := first + an.Through
	if first < 0 || an.Through < 0 || last >= len(at.flat) || an.Start < 0 || an.End < 0 {
		return ""
	}
	g1, g2 := at.flat[first]+an.Start, at.flat[last]+an.End
	if g1 > at.blockEnd(first) || g2 > at.blockEnd(last) || g1 >= g2 {
		return ""
	}
	return at.text[g1:g2]
}

// articleText is an article's block texts joined in reading order, each
// block's end a newline, with where each block starts in it.
type articleText struct {
	text   string
	starts [][]int // starts[section][block]
	flat   []int   // every block's start, in order, for finding a block by offset
	places [][2]int
	before []int // before[section] is how many blocks come before it
}

func flatten(a *Article) articleText {
	var b strings.Builder
	at := articleText{starts: make([][]int, len(a.Sections))}
	for i, s := range a.Sections {
		at.before = append(at.before, len(at.flat))
		at.starts[i] = make([]int, len(s.Blocks))
		for j, block := range s.Blocks {
			at.starts[i][j] = b.Len()
			at.flat = append(at.flat, b.Len())
			at.places = append(at.places, [2]int{i, j})
			b.WriteString(block.Text)
			b.WriteByte('\n')
		}
	}
	at.text = b.String()
	return at
}

// global is where a place is in the joined text, or -1.
func (at articleText) global(section, block, offset int) int {
	if at.index(section, block) < 0 {
		return -1
	}
	return at.starts[section][block] + max(offset, 0)
}

// index is a block's number in reading order, counted across sections,
// or -1 for a block the article does not have.
func (at articleText) index(section, block int) int {
	if section < 0 || section >= len(at.starts) || block < 0 || block >= len(at.starts[section]) {
		return -1
	}
	return at.before[section] + block
}

// blockEnd is where block i (in reading order) ends in the joined text,
// before its newline.
func (at articleText) blockEnd(i int) int {
	if i+1 < len(at.flat) {
		return at.flat[i+1] - 1
	}
	return len(at.text) - 1
}

// local is the section, block and offset of a byte of the joined text.
func (at articleText) local(g int) (section, block, offset int) {
	i := sort.Search(len(at.flat), func(i int) bool { return at.flat[i] > g }) - 1
	i = max(i, 0)
	return at.places[i][0], at.places[i][1], g - at.flat[i]
}

// squeezed is the joined text as passages are compared in it (see
// fold), with where each of its bytes is in the joined text.
func (at articleText) squeezed() (string, []int) {
	return fold(at.text, true)
}

// squeeze is s as passages are compared: see fold.
func squeeze(s string) string {
	folded, _ := fold(s, false)
	return folded
}

// fold is text as passages are compared in it: without white space,
// which a new wrapping or an edit's spacing changes, and without footnote
// markers ("[4]", "⁶"), which a quote leaves out of its text and the
// reader shows in the paragraph. With where, it says where each byte of
// the result is in text.
func fold(text string, where bool) (string, []int) {
	var b strings.Builder
	b.Grow(len(text))
	var orig []int
	if where {
		orig = make([]int, 0, len(text))
	}
	for i := 0; i < len(text); {
		if n := markerLen(text[i:]); n > 0 {
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) && !isSuperscriptDigit(r) {
			b.WriteString(text[i : i+size])
			for k := range size {
				if where {
					orig = append(orig, i+k)
				}
			}
		}
		i += size
	}
	return b.String(), orig
}

// commonSuffix is how many bytes a and b end with alike.
func commonSuffix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}

// commonPrefix is how many bytes a and b start with alike.
func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// lastRunes is the last n characters of s, a newline read as a space.
func lastRunes(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return strings.ReplaceAll(s[i:], "\n", " ")
}

// firstRunes is the first n characters of s, a newline read as a space.
func firstRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return strings.ReplaceAll(s[:i], "\n", " ")
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
