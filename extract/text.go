// text.go holds the import of plain text copied from a web page or a
// PDF: its title, paragraphs, editor's note and footnotes, written as
// Markdown. What it knows of single lines (furniture, bylines, dates) is
// in textlines.go.

package extract

import (
	"strings"

	"cable/articles"
	"cable/internal/lazyre"
)

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

// The starts of a paragraph that Markdown would read as structure.
var (
	atxHeadingStart = lazyre.New(`^#{1,6}(?:[ \t]|$)`)
	bulletStart     = lazyre.New(`^[-+*](?:[ \t]|$)`)
	orderedStart    = lazyre.New(`^[0-9]{1,9}[.)](?:[ \t]|$)`)
	breakOrFence    = lazyre.New("^(?:[-_*][ \t]*){3,}$|^(?:```|~~~)")
	definitionStart = lazyre.New(`^:(?:[ \t]|$)`)
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
