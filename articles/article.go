// Package articles is cable's article format: Markdown with YAML front
// matter, cut into sections, with the editor's note kept apart from the
// argument. It knows nothing of terminals or storage; it reads from an
// fs.FS so that the embedded bundle, a directory and a test map are read by
// the same code.
//
// parse.go reads a file, frontmatter.go its front matter, blocks.go says
// what a block and a link are, editorsnote.go places the editor's note.
// yaml.go is cable's one YAML reader: package config reads its file with
// it too, so that a mistake in either is one Error, "path:line: message".
package articles

import "math"

// WordsPerMinute is the reading speed behind every reading time cable shows:
// the average silent reading rate for non-fiction measured by Brysbaert
// (2019), 238 words a minute.
const WordsPerMinute = 238

// SectionKind says what part of an article a section is.
type SectionKind int

const (
	// Body is a section of the argument that starts with a heading of the
	// level the article's sections are made by: "##", or "###" in an
	// article whose top subheads are "###", and so on.
	Body SectionKind = iota
	// Lede is the text before the first section heading.
	Lede
	// EditorsNote is the note on the author, always presented last.
	EditorsNote
	// Notes gathers the article's footnotes, after the argument and before
	// the editor's note.
	Notes
)

// Article is one parsed article: its front matter, its sections in reading
// order (the editor's note, when there is one, last), and what is derived
// from them.
type Article struct {
	// ID is a stable slug taken from the file name, unique within a library.
	ID string
	// Origin is "bundled" for articles shipped in the binary, otherwise the
	// path of the file.
	Origin string
	Meta   Meta
	// Sections in reading order. Each carries its own Markdown, ready to be
	// rendered on its own.
	Sections []Section
	// References holds the article's link reference definitions as
	// Markdown. They are appended to every section when it is rendered, so
	// that a "[text][ref]" link reads the same in a section as in the whole.
	References string
	// Footnotes are the article's notes, numbered from 1 in the order the
	// text first refers to them; their text is also the Notes section.
	Footnotes []Footnote
	// Warnings are problems that do not stop the article from being read,
	// such as an unknown front-matter field.
	Warnings ErrorList
}

// Section is one part of an article: the lede, a section under a heading,
// the notes, or the editor's note.
type Section struct {
	Kind SectionKind
	// Title is the heading's text; empty for the lede.
	Title string
	// Markdown is the section's source, heading line included.
	Markdown string
	// Line is where the section starts in its file.
	Line int
	// Blocks are the section's heading, paragraphs, list items, quotes,
	// tables and code blocks, in order; a section with a heading has it as
	// block 0, so that the position {Section: i} is the heading. A reading
	// position is a block and an offset into its text.
	Blocks []Block
	Words  int
	// Links are the section's links, in order.
	Links []Link
}

// Link is one link of an article: what it says, where it goes, and the
// block it stands in. A figure (an image) is a link too, to its picture:
// the text shows "[Figure: caption]", and the address belongs in the list
// of links with the others.
type Link struct {
	Text  string
	URL   string
	Block int
	// Image is set for a figure; its Text is "Figure: caption", or
	// "Figure" when it has no caption.
	Image bool
	// Bare is set when the text is the address itself (<https://…>, or a
	// link written with its address as its text): shown once, it needs no
	// number to find it by.
	Bare bool
	// End is where the link's text ends in its block's text with white
	// space removed (as a Position counts): where a rendering that numbers
	// links puts the number, so that positions can step over it.
	End int
}

// Links are every link of the article, in reading order, numbered from 1
// by their place in the list.
func (a *Article) Links() []Link {
	var out []Link
	for _, s := range a.Sections {
		out = append(out, s.Links...)
	}
	return out
}

// Block is one paragraph-like unit of a section.
type Block struct {
	// Text is the block's plain text, with Markdown markup removed and
	// white space folded to single spaces.
	Text  string
	Line  int
	Words int
	// Heading is the level of a heading (1 for "#" to 6), 0 for any other
	// block: a heading is no paragraph to move to in an article read
	// paragraph by paragraph.
	Heading int
	// Cells are a table's cells' texts, row by row, which Text runs
	// together: a name is never read across two cells. Nil for any other
	// block.
	Cells []string
}

// Words is the article's length in words, editor's note included.
func (a *Article) Words() int {
	n := 0
	for _, s := range a.Sections {
		n += s.Words
	}
	return n
}

// Minutes is the reading time at WordsPerMinute, rounded up, and at least
// one minute for any article with text.
func (a *Article) Minutes() int { return MinutesFor(a.Words()) }

// MinutesFor converts a number of words into minutes of reading at
// WordsPerMinute.
func MinutesFor(words int) int { return MinutesAt(words, WordsPerMinute) }

// MinutesAt converts a number of words into minutes of reading at wpm
// words a minute (WordsPerMinute when wpm is not positive).
func MinutesAt(words, wpm int) int {
	if words <= 0 {
		return 0
	}
	if wpm <= 0 {
		wpm = WordsPerMinute
	}
	return int(math.Ceil(float64(words) / float64(wpm)))
}

// EditorsNote returns the index of the editor's note section.
func (a *Article) EditorsNote() (int, bool) {
	if n := len(a.Sections); n > 0 && a.Sections[n-1].Kind == EditorsNote {
		return n - 1, true
	}
	return -1, false
}

// SectionTitle is the name a section goes by in the table of contents and
// the status line. The lede is the "Opening"; an article with no headings
// at all has one section, named after the article.
func (a *Article) SectionTitle(i int) string {
	s := a.Sections[i]
	if s.Kind != Lede {
		return s.Title
	}
	if len(a.Sections) == 1 {
		return a.Meta.Title
	}
	return "Opening"
}

// SectionMarkdown is what is rendered for section i: its own Markdown and
// the article's link reference definitions.
func (a *Article) SectionMarkdown(i int) string {
	if a.References == "" {
		return a.Sections[i].Markdown
	}
	return a.Sections[i].Markdown + "\n\n" + a.References
}

// Markdown is the whole article in reading order, as one document.
func (a *Article) Markdown() string {
	var n int
	for _, s := range a.Sections {
		n += len(s.Markdown) + 2
	}
	buf := make([]byte, 0, n+len(a.References))
	for i, s := range a.Sections {
		if i > 0 {
			buf = append(buf, "\n\n"...)
		}
		buf = append(buf, s.Markdown...)
	}
	if a.References != "" {
		buf = append(buf, "\n\n"...)
		buf = append(buf, a.References...)
	}
	return string(buf)
}

// Position is a place in an article's text, independent of any screen: a
// section, a block (paragraph) within it, and an offset into the block's
// text, counted in bytes of that text with its white space removed, which
// no re-wrapping changes. Reading positions are kept this way so that a new width, a
// new style or a new terminal lands the reader on the same words.
type Position struct {
	Section int `json:"section"`
	Block   int `json:"block"`
	Offset  int `json:"offset"`
}
