// parse.go holds the reading of an article file: its bytes made into
// clean text, the front matter (frontmatter.go) and the body cut into the
// lede and sections. What a block and a link are is in blocks.go, the
// editor's note in editorsnote.go, footnotes in footnotes.go.

package articles

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// MaxSize is the largest article file cable reads: 16 MiB, far beyond any
// book-length report, small enough that a stray disk image is refused
// before it is read into memory.
const MaxSize = 16 << 20

// markdown parses Markdown the way Glamour does (GitHub-flavoured, with
// definition lists), so that the blocks found here are the blocks rendered.
var markdown = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList))

// ParseFile reads and parses the article at name in fsys. origin is what
// the article says it came from ("bundled", or a path).
func ParseFile(fsys fs.FS, name, origin string) (*Article, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, &Error{File: origin, Msg: DescribeOpenError(err)}
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil {
		if info.IsDir() {
			return nil, &Error{File: origin, Msg: "is a directory, not an article file"}
		}
		if info.Size() > MaxSize {
			return nil, &Error{File: origin, Msg: fmt.Sprintf("is %d MiB; articles larger than %d MiB are not read", info.Size()>>20, MaxSize>>20)}
		}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, &Error{File: origin, Msg: "cannot be read: " + err.Error()}
	}
	if len(data) > MaxSize {
		return nil, &Error{File: origin, Msg: fmt.Sprintf("is larger than %d MiB; it is not read", MaxSize>>20)}
	}
	return Parse(origin, data, Slug(path.Base(name)))
}

// DescribeOpenError says why a file could not be opened, in the words the
// errors about article files use.
func DescribeOpenError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	return err.Error()
}

// Parse parses one article. file names it in errors and becomes its
// Origin; id is its slug. A file with problems that stop it from being read
// returns an ErrorList naming each one with its line.
func Parse(file string, data []byte, id string) (*Article, error) {
	if panicOnName != "" && strings.Contains(file, panicOnName) {
		panic("articles: parsing " + file + " panics, as this build asks")
	}
	if at := bytes.IndexByte(data, 0); at >= 0 {
		line := 1 + bytes.Count(data[:at], []byte("\n"))
		return nil, ErrorList{{File: file, Line: line, Msg: BinaryMsg}}
	}
	p := &problems{file: file}
	src := normalise(data, p)
	if strings.TrimSpace(src) == "" {
		return nil, ErrorList{{File: file, Msg: "file is empty"}}
	}
	yamlText, body, bodyLine, found := splitFrontMatter(src, p)
	if len(p.errors) > 0 {
		return nil, p.failed() // unclosed: where the body starts is unknown
	}
	var meta Meta
	if found {
		meta = parseFrontMatter(yamlText, p)
	} else {
		meta.Title = titleFromBody(body, id)
		p.warnf(1, "no front matter: the title %q is taken from the text", meta.Title)
	}
	// A broken front matter does not stop the body from being checked:
	// every problem of the file is reported at once.
	if strings.TrimSpace(body) == "" && meta.EditorsNote == "" {
		p.errorf(bodyLine, "article has no text after its front matter")
		return nil, p.failed()
	}
	before := len(p.errors)
	if checkNesting(body, bodyLine, p); len(p.errors) > before {
		return nil, p.failed() // too deep to be cut into sections safely
	}
	a := &Article{ID: id, Origin: file, Meta: meta}
	body, notes := extractFootnotes(body, bodyLine, p)
	sections, refs := splitSections(body, meta.Title, bodyLine, 0)
	a.References = refs
	sections, a.Footnotes = addNotes(sections, notes)
	a.Sections = addAuthorNote(placeEditorsNote(sections, meta, p), meta)
	finishFootnotes(a.Sections, a.Footnotes)
	checkSectionTitles(a.Sections, p)
	if len(p.errors) > 0 {
		return nil, p.failed()
	}
	a.Warnings = p.warnings
	return a, nil
}

// normalise makes the bytes of a file into text that parses the same
// everywhere: no byte-order mark, LF line endings, valid UTF-8, and no
// control characters or escape sequences.
func normalise(data []byte, p *problems) string {
	if hasBOM(data) {
		data = data[3:]
	}
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		p.warnf(line, "text is not valid UTF-8; invalid bytes are shown as \uFFFD")
	}
	return Clean(string(data))
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// titleFromBody finds a title for a Markdown file without front matter:
// its first "#" heading, or else its file name.
func titleFromBody(body, id string) string {
	for _, line := range strings.Split(body, "\n") {
		if t, ok := strings.CutPrefix(line, "# "); ok && strings.TrimSpace(t) != "" {
			return strings.TrimSpace(t)
		}
	}
	return id
}

// splitSections cuts a body into the lede and its sections and finds each
// section's blocks. The sections are made by the highest heading level
// the body uses (see sectionLevel); title is the article's, so that a "#"
// heading repeating it is not taken for a section; level, when above 0,
// fixes the level instead, as for the sections cable writes itself ("##
// Notes"), whose text may hold headings of its own. firstLine is the
// body's first line in the file. It also returns the body's link
// reference definitions as Markdown.
func splitSections(body, title string, firstLine, level int) ([]Section, string) {
	src := []byte(body)
	ctx := parser.NewContext()
	doc := markdown.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	lines := newLineIndex(src, firstLine)
	heads := planSections(doc, src, title, level)

	var sections []Section
	current := &Section{Kind: Lede, Line: firstLine}
	start := 0
	closeSection := func(end int) {
		current.Markdown = strings.TrimSpace(body[start:end])
		if current.Kind != Lede || current.Markdown != "" {
			sections = append(sections, *current)
		}
	}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		var head topHeading
		if len(heads) > 0 && heads[0].node == n {
			head, heads = heads[0], heads[1:]
		}
		offset, ok := startOffset(n)
		if head.starts && ok {
			lineStart := bytes.LastIndexByte(src[:offset], '\n') + 1
			closeSection(lineStart)
			start = lineStart
			current = &Section{Kind: Body, Title: head.title, Line: lines.lineOf(lineStart)}
			current.addBlocks(n, src, lines) // the heading is block 0
			continue
		}
		current.addBlocks(n, src, lines)
	}
	closeSection(len(src))
	return sections, referencesMarkdown(ctx.References())
}

// madeSectionLevel is the heading level of the sections cable writes
// itself (Notes, an editor's note from the front matter): the level of
// the article's own section headings, so that an article whose sections
// are "###" does not get a "## Notes" above them; "##" for an article
// without headings.
func madeSectionLevel(sections []Section) int {
	for _, s := range sections {
		if s.Kind != Lede && len(s.Blocks) > 0 && s.Blocks[0].Heading > 0 {
			return s.Blocks[0].Heading
		}
	}
	return 2
}

// headingMarks is the "#" marks and space that begin a heading of level.
func headingMarks(level int) string {
	return strings.Repeat("#", level) + " "
}

// checkSectionTitles warns about sections that share a title, which makes
// "--section TITLE" and the table of contents ambiguous.
func checkSectionTitles(sections []Section, p *problems) {
	seen := map[string]int{}
	for _, s := range sections {
		if s.Kind == Lede {
			continue
		}
		key := strings.ToLower(s.Title)
		if first, dup := seen[key]; dup {
			p.warnf(s.Line, "section title %q is used twice (first on line %d)", s.Title, first)
			continue
		}
		seen[key] = s.Line
	}
}

// referencesMarkdown writes link reference definitions back out as
// Markdown, one per line.
func referencesMarkdown(refs []parser.Reference) string {
	if len(refs) == 0 {
		return ""
	}
	var b strings.Builder
	for _, r := range refs {
		fmt.Fprintf(&b, "[%s]: <%s>", r.Label(), r.Destination())
		if title := r.Title(); len(title) > 0 {
			fmt.Fprintf(&b, " \"%s\"", strings.ReplaceAll(string(title), `"`, `\"`))
		}
		b.WriteByte('\n')
	}
	return strings.TrimRight(b.String(), "\n")
}
