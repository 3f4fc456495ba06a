package extract

import (
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"cable/articles"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// furnitureLines are the lines a web page or a PDF leaves in copied text
// that are not part of the article: buttons, labels and bylines or dates
// whose value was an image or a script. They are compared in lower case,
// trimmed, without a final colon, and only ever as a whole line standing
// on its own, so that a sentence is never mistaken for one.
var furnitureLines = map[string]bool{
	"leave a comment": true, "leave a reply": true, "comments": true, "comment": true,
	"share": true, "share this": true, "share this article": true, "share this story": true,
	"share on facebook": true, "share on twitter": true, "share on x": true, "share on linkedin": true,
	"print": true, "print this": true, "print this article": true, "email": true, "tweet": true,
	"related": true, "related articles": true, "related posts": true, "related content": true,
	"advertisement": true, "subscribe": true, "read more": true, "continue reading": true,
	"updated on": true, "published on": true, "posted on": true, "by": true,
	"originally published by": true, "originally published in": true,
}

// furnitureKey is how a line is compared with furnitureLines.
func furnitureKey(line string) string {
	t := strings.TrimRight(strings.TrimSpace(line), ": ")
	return strings.ToLower(strings.Join(strings.Fields(t), " "))
}

// isFurniture reports whether a whole line or paragraph is page furniture.
func isFurniture(s string) bool { return furnitureLines[furnitureKey(s)] }

// textImport collects what a plain-text file says while it is read.
type textImport struct {
	meta     articles.Meta
	body     []string // paragraphs, escaped for Markdown
	note     []string // the editor's note's paragraphs
	noteHead string   // the note's heading, in the source's apostrophe style
	inNote   bool     // a standalone "Editor's note" paragraph was seen
}

// importText converts text copied from a web page or a PDF. The first line
// with text is the title; paragraphs are separated by blank lines, and the
// lines of a paragraph are joined with spaces because PDF text is
// hard-wrapped. Bylines and dates just below the title become front
// matter, page furniture is dropped, and the editor's note becomes the last
// section. The text's own characters are kept exactly.
func importText(file string, data []byte) ([]byte, string, error) {
	lines := strings.Split(normaliseText(data), "\n")
	ti := &textImport{}
	rest, ok := ti.readTitle(lines)
	if !ok {
		return nil, "", &articles.Error{File: file, Msg: "has no text to import"}
	}
	rest = ti.readHeader(rest)
	for _, para := range splitParagraphs(rest) {
		ti.addParagraph(para)
	}
	if len(ti.body) == 0 && len(ti.note) == 0 {
		return nil, "", &articles.Error{File: file, Msg: "has a title (" + quoteForMsg(ti.meta.Title) + ") but no text after it"}
	}
	return renderArticle(ti.meta, ti.markdown()), ti.meta.Title, nil
}

// readTitle takes the first line that is neither blank, furniture nor a
// date line as the title, and returns the lines after it.
func (ti *textImport) readTitle(lines []string) ([]string, bool) {
	for i, line := range lines {
		if strings.TrimSpace(line) == "" || ti.applyMeta(line, false) {
			continue
		}
		ti.meta.Title = oneLine(line)
		return lines[i+1:], ti.meta.Title != ""
	}
	return nil, false
}

// readHeader consumes the lines right after the title that say who wrote
// the article and when ("By Jane Doe", "Published on 2013-05-01"), with
// any furniture among them, and returns the lines from the first one that
// is article text.
func (ti *textImport) readHeader(lines []string) []string {
	for i, line := range lines {
		if strings.TrimSpace(line) != "" && !ti.applyMeta(line, true) {
			return lines[i:]
		}
	}
	return nil
}

// addParagraph places one paragraph: dropped when every line is furniture
// or metadata, the start of the editor's note, a one-paragraph note
// ("Editor's note: …"), or text of the body or of the note.
func (ti *textImport) addParagraph(lines []string) {
	if allMeta(lines) {
		for _, line := range lines {
			ti.applyMeta(line, false)
		}
		return
	}
	joined := strings.Join(lines, " ")
	if articles.IsEditorsNoteTitle(joined) {
		ti.startNote(joined)
		ti.inNote = true
		return
	}
	if label, note, ok := inlineNote(joined); ok {
		ti.startNote(label)
		ti.note = append(ti.note, escapeParagraphStart(note))
		return
	}
	if ti.inNote {
		ti.note = append(ti.note, escapeParagraphStart(joined))
		return
	}
	ti.body = append(ti.body, escapeParagraphStart(joined))
}

// startNote records the heading of the editor's note from the first label
// seen: "Editor’s note" when the source used a curly apostrophe, else
// "Editor's note".
func (ti *textImport) startNote(label string) {
	if ti.noteHead != "" {
		return
	}
	ti.noteHead = "Editor's note"
	if strings.ContainsAny(label, "’‘") {
		ti.noteHead = "Editor’s note"
	}
}

// inlineNote recognises a paragraph that begins with an editor's-note
// label and a colon followed by the note itself.
func inlineNote(para string) (label, note string, ok bool) {
	i := strings.IndexByte(para, ':')
	if i < 0 || i > 40 {
		return "", "", false
	}
	label, note = para[:i], strings.TrimSpace(para[i+1:])
	if note == "" || !articles.IsEditorsNoteTitle(label) {
		return "", "", false
	}
	return label, note, true
}

// markdown is the article's body: its paragraphs, then the editor's note.
func (ti *textImport) markdown() string {
	body := strings.Join(ti.body, "\n\n")
	if len(ti.note) == 0 {
		return body
	}
	note := "## " + ti.noteHead + "\n\n" + strings.Join(ti.note, "\n\n")
	if body == "" {
		return note
	}
	return body + "\n\n" + note
}

// splitParagraphs groups lines into paragraphs at blank lines. Each line
// loses the spaces and tabs at its ends; other characters, such as a
// no-break space, are the text's own and are kept.
func splitParagraphs(lines []string) [][]string {
	var paras [][]string
	var cur []string
	for _, line := range lines {
		line = strings.Trim(line, " \t")
		if strings.TrimSpace(line) == "" {
			if cur != nil {
				paras = append(paras, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, line)
	}
	if cur != nil {
		paras = append(paras, cur)
	}
	return paras
}

// allMeta reports whether every line of a paragraph is furniture or
// metadata; one line of text makes the whole paragraph text.
func allMeta(lines []string) bool {
	for _, line := range lines {
		if _, _, ok := metaLine(line, false); !ok {
			return false
		}
	}
	return true
}

// applyMeta records what a furniture or metadata line says and reports
// whether the line was one; header allows a byline. The first value found
// for a field wins.
func (ti *textImport) applyMeta(line string, header bool) bool {
	field, value, ok := metaLine(line, header)
	if !ok {
		return false
	}
	var target *string
	switch field {
	case "author":
		target = &ti.meta.Author
		value = authorFromByline(value)
	case "published":
		target = &ti.meta.Published
	case "updated":
		target = &ti.meta.Updated
	case "source":
		target = &ti.meta.Source
	}
	if target != nil && *target == "" {
		*target = oneLine(value)
	}
	return true
}

// metaPrefixes are the labels that introduce a date or a name on a line of
// its own, and the field the value belongs to. "by" is a byline only just
// below the title; elsewhere "By 2030, …" is a sentence.
var metaPrefixes = []struct{ label, field string }{
	{"originally published by", "source"},
	{"originally published in", "source"},
	{"published on", "published"},
	{"posted on", "published"},
	{"updated on", "updated"},
	{"by", "author"},
}

// metaLine classifies one line. ok is true for furniture (field "") and
// for a label followed by a value it can use. A date that cannot be read is
// dropped with its label when the rest of the line is short and has a
// digit, as a date has; anything longer is prose and is kept.
func metaLine(line string, header bool) (field, value string, ok bool) {
	if isFurniture(line) {
		return "", "", true
	}
	t := strings.TrimSpace(line)
	for _, p := range metaPrefixes {
		rest, found := cutLabel(t, p.label)
		if !found {
			continue
		}
		return metaValue(p.field, rest, header)
	}
	return "", "", false
}

// metaValue decides what the text after a label is worth: an author (on
// the byline only), a date, a source name, nothing (a short unreadable
// date, dropped) or prose (ok false, kept as text).
func metaValue(field, rest string, header bool) (string, string, bool) {
	if field == "author" {
		return field, rest, header && looksLikeName(rest)
	}
	if date, ok := parseLooseDate(rest); ok {
		if field == "source" {
			field = "published"
		}
		return field, date, true
	}
	if field == "source" {
		return field, strings.TrimSuffix(rest, "."), looksLikeName(rest)
	}
	short := utf8.RuneCountInString(rest) <= 40 && strings.ContainsAny(rest, "0123456789")
	return "", "", short
}

// cutLabel removes a label (in any case) from the start of a line when a
// space, tab or colon follows it.
func cutLabel(line, label string) (string, bool) {
	if len(line) <= len(label) || !strings.EqualFold(line[:len(label)], label) {
		return "", false
	}
	rest := line[len(label):]
	if rest[0] != ' ' && rest[0] != '\t' && rest[0] != ':' {
		return "", false
	}
	rest = strings.TrimSpace(strings.TrimLeft(rest, " \t:"))
	return rest, rest != ""
}

// looksLikeName accepts what follows "By" or "Originally published by" on
// a byline: a few words starting with a capital letter, no digits and no
// sentence punctuation at the end (an initial or "Jr." may end in a point).
func looksLikeName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 10 || strings.ContainsAny(s, "0123456789") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(first) {
		return false
	}
	last := words[len(words)-1]
	switch last[len(last)-1] {
	case '?', '!', ':', ';', ',':
		return false
	case '.':
		return utf8.RuneCountInString(last) <= 4
	}
	return true
}

// dateLayouts are the ways a date is commonly written on a web page, after
// parseLooseDate has removed ordinals and abbreviation points.
var dateLayouts = []string{
	"2006-01-02", "2006/01/02", "02.01.2006",
	"January 2, 2006", "January 2 2006", "Jan 2, 2006", "Jan 2 2006",
	"2 January 2006", "2 January, 2006", "2 Jan 2006", "2 Jan, 2006",
	"Monday, January 2, 2006", "Monday, 2 January 2006", "Mon, Jan 2, 2006", "Mon, 2 Jan 2006",
}

// ordinalSuffix and abbrevPoint are what parseDate removes before trying
// the layouts: "5th" and "Sept." are common, and Go's layouts read neither.
var (
	ordinalSuffix = regexp.MustCompile(`\b(\d{1,2})(st|nd|rd|th)\b`)
	abbrevPoint   = regexp.MustCompile(`\b([A-Za-z]{3,4})\.`)
)

// parseLooseDate reads a date such as "2013-05-01", "March 5, 2013" or
// "5th Sept. 2013" at the start of s, ignoring a time or anything else
// after it, and returns it as YYYY-MM-DD.
func parseLooseDate(s string) (string, bool) { return parseDate(s, false) }

// isWholeDate reports whether s is nothing but a date ("14 March 2024"),
// as the dateline under a headline is.
func isWholeDate(s string) bool {
	_, ok := parseDate(s, true)
	return ok
}

// parseDate tries the layouts on the first words of s, longest first; with
// whole, only on all of them.
func parseDate(s string, whole bool) (string, bool) {
	s = ordinalSuffix.ReplaceAllString(s, "$1")
	s = abbrevPoint.ReplaceAllString(s, "$1")
	s = strings.ReplaceAll(s, "Sept ", "Sep ")
	words := strings.Fields(s)
	if len(words) > 6 {
		if whole {
			return "", false
		}
		words = words[:6]
	}
	if len(words) > 0 && len(words[0]) > 10 && words[0][4] == '-' && !whole {
		words[0] = words[0][:10] // an RFC 3339 time stamp
	}
	shortest := 1
	if whole {
		shortest = len(words)
	}
	for n := len(words); n >= shortest && n > 0; n-- {
		candidate := strings.TrimRight(strings.Join(words[:n], " "), ",.;")
		for _, layout := range dateLayouts {
			if t, err := time.Parse(layout, candidate); err == nil {
				return t.Format(time.DateOnly), true
			}
		}
	}
	return "", false
}

// The starts of a paragraph that Markdown would read as structure.
var (
	atxHeadingStart = regexp.MustCompile(`^#{1,6}(?:[ \t]|$)`)
	bulletStart     = regexp.MustCompile(`^[-+*](?:[ \t]|$)`)
	orderedStart    = regexp.MustCompile(`^[0-9]{1,9}[.)](?:[ \t]|$)`)
	breakOrFence    = regexp.MustCompile("^(?:[-_*][ \t]*){3,}$|^(?:```|~~~)")
	definitionStart = regexp.MustCompile(`^:(?:[ \t]|$)`)
)

// escapeParagraphStart puts a backslash where Markdown would read the start
// of a prose paragraph as structure: a heading, a list item, a quote, a
// rule or code fence, raw HTML, a link definition or a definition list.
// Nothing else in the text is touched.
func escapeParagraphStart(p string) string {
	if orderedStart.MatchString(p) {
		i := strings.IndexAny(p, ".)")
		return p[:i] + `\` + p[i:]
	}
	switch {
	case atxHeadingStart.MatchString(p), bulletStart.MatchString(p), breakOrFence.MatchString(p),
		definitionStart.MatchString(p), strings.HasPrefix(p, "[") && strings.Contains(p, "]:"),
		strings.HasPrefix(p, ">"), strings.HasPrefix(p, "<"):
		return `\` + p
	}
	return p
}

// importMarkdown imports a Markdown file. One with front matter is kept as
// it is, once it is known to parse cleanly; one without gets front matter
// with a title from its first "# " heading (whose line is then removed) or
// from its file name.
func importMarkdown(file string, data []byte) (Converted, error) {
	src := normaliseText(data)
	id := articles.Slug(filepath.Base(file))
	if strings.TrimSpace(src) == "" {
		return Converted{}, &articles.Error{File: file, Msg: "is empty"}
	}
	a, warnings, err := parseMarkdown(file, src, id)
	if err != nil {
		return Converted{}, err
	}
	if hasFrontMatter(src) {
		return Converted{Markdown: []byte(src), Title: a.Meta.Title, Warnings: warnings}, nil
	}
	title, body := cutTitleHeading(src)
	if title == "" {
		title = titleFromFileName(file)
	}
	if strings.TrimSpace(body) == "" {
		return Converted{}, &articles.Error{File: file, Msg: "has a title (" + quoteForMsg(title) + ") but no text after it"}
	}
	return Converted{Markdown: renderArticle(articles.Meta{Title: title}, body), Title: title, Warnings: warnings}, nil
}

// hasFrontMatter uses Parse's own test: the file starts with a "---" line.
func hasFrontMatter(src string) bool { return strings.HasPrefix(src, "---\n") || src == "---" }

// parseMarkdown parses a Markdown file as it stands and fails with its
// errors; its warnings are returned with the file's own line numbers,
// before any front matter is added. A file without front matter is not
// warned about lacking it: the import adds it.
func parseMarkdown(file, src, id string) (*articles.Article, articles.ErrorList, error) {
	a, err := articles.Parse(file, []byte(src), id)
	if err != nil {
		return nil, nil, err
	}
	var warnings articles.ErrorList
	for _, w := range a.Warnings {
		if !hasFrontMatter(src) && w.Line == 1 && strings.HasPrefix(w.Msg, "no front matter") {
			continue
		}
		warnings = append(warnings, w)
	}
	return a, warnings, nil
}

// cutTitleHeading finds the first "# " heading of a Markdown text (not one
// inside a code block) and returns its text and the text without its line.
func cutTitleHeading(src string) (title, rest string) {
	b := []byte(src)
	// The extensions articles.Parse reads with, so that a heading is
	// found where the article will have it.
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList))
	doc := md.Parser().Parse(text.NewReader(b))
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok || h.Level != 1 || h.Lines().Len() == 0 {
			continue
		}
		start := strings.LastIndexByte(src[:h.Lines().At(0).Start], '\n') + 1
		if !strings.HasPrefix(strings.TrimLeft(src[start:], " "), "#") {
			continue // a "Title\n=====" heading spans two lines; leave it
		}
		title = oneLine(articles.PlainText(h, b))
		if title == "" {
			continue
		}
		end := strings.IndexByte(src[start:], '\n')
		if end < 0 {
			return title, src[:start]
		}
		return title, src[:start] + src[start+end+1:]
	}
	return "", src
}

// titleFromFileName is the title of a Markdown file that has no heading:
// its name without the extension.
func titleFromFileName(file string) string {
	base := filepath.Base(file)
	title := oneLine(strings.TrimSuffix(base, filepath.Ext(base)))
	if title == "" || title == "." {
		return "Untitled"
	}
	return title
}
