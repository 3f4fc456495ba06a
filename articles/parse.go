package articles

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
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
		// Text has no NUL bytes; a file with one is an image, an archive
		// or a document in a binary format, given an article's name.
		line := 1 + bytes.Count(data[:at], []byte("\n"))
		return nil, ErrorList{{File: file, Line: line, Msg: "is a binary file (it holds a NUL byte), not an article's text"}}
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

// addBlocks appends the reading units of one top-level node.
func (s *Section) addBlocks(n ast.Node, src []byte, lines lineIndex) {
	EachBlock(n, src, func(b ast.Node, t string) {
		offset, _ := startOffset(b)
		words := countWords(t)
		level := 0
		if h, ok := b.(*ast.Heading); ok {
			level = h.Level
		}
		s.Blocks = append(s.Blocks, Block{Text: t, Line: lines.lineOf(offset), Words: words, Heading: level})
		s.Words += words
		s.Links = appendLinks(s.Links, b, src, len(s.Blocks)-1)
	})
}

// EachBlock calls fn with each reading unit of n, a top-level node of a
// section, and its plain text, in order: a list gives one block per item,
// anything else with text gives one block. It is the one definition of a
// block, so that a renderer parsing a section's Markdown on its own finds
// the section's Blocks, node for node.
func EachBlock(n ast.Node, src []byte, fn func(block ast.Node, text string)) {
	if _, isList := n.(*ast.List); isList {
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			EachBlock(item, src, fn)
		}
		return
	}
	if t := PlainText(n, src); t != "" {
		fn(n, t)
	}
}

// appendLinks adds the links inside n, a block, in order: inline,
// reference-style (goldmark has resolved them by now), bare addresses and
// images, each with where its text ends in the block's text.
func appendLinks(links []Link, n ast.Node, src []byte, block int) []Link {
	ends := linkEnds(n, src)
	EachLink(n, func(c ast.Node) {
		var l Link
		switch c := c.(type) {
		case *ast.Link:
			text := PlainText(c, src)
			url := Clean(string(c.Destination))
			l = Link{Text: text, URL: url, Bare: IsBareLink(text, url)}
		case *ast.AutoLink:
			text := Clean(string(c.URL(src)))
			url := text
			if c.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
				url = "mailto:" + url // as L opens it
			}
			l = Link{Text: text, URL: url, Bare: true}
		case *ast.Image:
			l = Link{Text: figureLabel(imageCaption(c, src)), URL: Clean(string(c.Destination)), Image: true}
		}
		l.Block, l.End = block, ends[c]
		links = append(links, l)
	})
	return links
}

// EachLink calls fn with each link of block, in reading order: links,
// bare addresses and images, but not an image inside a link, which is
// that link's text. It is the one definition of which links an article
// counts, so that a renderer numbering a section's links on its own gives
// each the number it has in Article.Links.
func EachLink(block ast.Node, fn func(ast.Node)) {
	_ = ast.Walk(block, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c.(type) {
		case *ast.Link, *ast.Image:
			fn(c)
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			fn(c)
		}
		return ast.WalkContinue, nil
	})
}

// IsBareLink reports whether a link's text is its address: the same, or
// the same without its scheme or a final slash ("example.org/report" for
// https://example.org/report/), as pages saved from the web often write
// them. Such a link shows its address once, as its text.
func IsBareLink(text, url string) bool {
	trim := func(s string) string {
		s = strings.TrimSpace(s)
		for _, p := range []string{"https://", "http://", "mailto:"} {
			if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
				s = s[len(p):]
				break
			}
		}
		s = strings.TrimPrefix(s, "www.")
		return strings.TrimSuffix(s, "/")
	}
	return text != "" && url != "" && trim(text) == trim(url)
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

// placeEditorsNote marks the editor's note section and moves it last, or
// makes one from the front matter's editors_note field.
func placeEditorsNote(sections []Section, meta Meta, p *problems) []Section {
	note := -1
	for i := range sections {
		if sections[i].Kind == Body && IsEditorsNoteTitle(sections[i].Title) {
			if note >= 0 {
				p.errorf(sections[i].Line, "a second editor's note (the first is on line %d)", sections[note].Line)
				continue
			}
			note = i
		}
	}
	if meta.EditorsNote != "" {
		if note >= 0 {
			p.errorf(sections[note].Line, "editor's note given twice: here and in the front matter's editors_note")
			return sections
		}
		level := madeSectionLevel(sections)
		made, _ := splitSections(headingMarks(level)+"Editor's note\n\n"+meta.EditorsNote, "", meta.editorsNoteLine, level)
		made[0].Line = meta.editorsNoteLine
		for i := range made[0].Blocks {
			made[0].Blocks[i].Line = meta.editorsNoteLine
		}
		made[0].Kind = EditorsNote
		return append(sections, made[0])
	}
	if note < 0 {
		return sections
	}
	s := sections[note]
	s.Kind = EditorsNote
	out := append(append(sections[:note:note], sections[note+1:]...), s)
	return out
}

// addAuthorNote shows the front matter's author_note (in what capacity the
// author writes) where a reader looks for it, with the editor's note: as
// the note's last paragraph, or as the note itself when the article has
// none. A note that already says it (most of the author note's words are
// in it) is left as it is, rather than saying it twice.
func addAuthorNote(sections []Section, meta Meta) []Section {
	note := strings.TrimSpace(meta.AuthorNote)
	if note == "" || len(sections) == 0 {
		return sections
	}
	last := &sections[len(sections)-1]
	if last.Kind != EditorsNote {
		level := madeSectionLevel(sections)
		made, _ := splitSections(headingMarks(level)+"Editor's note\n\n"+authorNoteMarkdown(note), "", meta.authorNoteLine, level)
		made[0].Kind, made[0].Line = EditorsNote, meta.authorNoteLine
		for i := range made[0].Blocks {
			made[0].Blocks[i].Line = meta.authorNoteLine
		}
		return append(sections, made[0])
	}
	if saysAlready(sectionText(*last), note) {
		return sections
	}
	last.Markdown += "\n\n" + authorNoteMarkdown(note)
	text := "About the author: " + note
	words := countWords(text)
	last.Blocks = append(last.Blocks, Block{Text: text, Line: meta.authorNoteLine, Words: words})
	last.Words += words
	return sections
}

// authorNoteMarkdown is the paragraph that shows an author note: its text
// escaped, so that it reads exactly as written in the front matter.
func authorNoteMarkdown(note string) string {
	var b strings.Builder
	b.WriteString("*About the author:* ")
	for _, r := range note {
		if strings.ContainsRune("\\`*_[]<>#|~!&", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// saysAlready reports whether text holds at least four in five of the
// words of three letters or more of what.
func saysAlready(text, what string) bool {
	words := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	have := map[string]bool{}
	for _, w := range words(text) {
		have[w] = true
	}
	found, total := 0, 0
	for _, w := range words(what) {
		if len([]rune(w)) < 3 {
			continue
		}
		total++
		if have[w] {
			found++
		}
	}
	return total > 0 && found*5 >= total*4
}

// sectionText is the text of a section's blocks, one after the other.
func sectionText(s Section) string {
	texts := make([]string, len(s.Blocks))
	for i, b := range s.Blocks {
		texts[i] = b.Text
	}
	return strings.Join(texts, " ")
}

// IsEditorsNoteTitle reports whether a heading names the editor's note:
// "Editor's note" in any case, with a straight or curly apostrophe or none,
// "Editors' note", "Note from the editor", with or without a colon.
func IsEditorsNoteTitle(title string) bool {
	if len(title) > 40 {
		return false // longer than any way of saying it; most headings are
	}
	t := strings.ToLower(strings.TrimSpace(title))
	t = strings.TrimRight(t, ": ")
	t = strings.NewReplacer("’", "", "'", "", "‘", "").Replace(t)
	switch t {
	case "editors note", "editors notes", "note from the editor", "note from the editors", "editorial note":
		return true
	}
	return false
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
