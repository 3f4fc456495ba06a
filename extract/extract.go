// Package extract turns pages into articles: a web page saved from a
// browser (HTML, through go-readability and html-to-markdown), copied or
// exported text, or Markdown becomes an article in cable's format,
// Markdown with front matter. It is pure: bytes in, Markdown out; it
// reads and writes no files, and fetches nothing. Package library writes
// what it returns into the library directory.
//
// html.go converts a saved page, with the HTML clutter rules in
// clutter.go and what the page says about itself in pagemeta.go; text.go
// imports copied text (single lines: textlines.go) and markdown.go
// Markdown; web.go and fragment.go convert fetched bodies.
package extract

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"cable/articles"
)

// importer turns the bytes of one file into an article in cable's format
// and the article's title. file names the input in errors.
type importer func(file string, data []byte) (md []byte, title string, err error)

// converterFor is the converter of a page or a text, by its file name's
// extension in any case; Markdown is not converted but checked (see
// importMarkdown).
func converterFor(name string) (importer, bool) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt":
		return importText, true
	case ".html", ".htm":
		return importHTML, true
	}
	return nil, false
}

// Converts reports whether a file of this name is a page or a text that
// cable converts into an article (.html, .htm, .txt), rather than an
// article in Markdown.
func Converts(name string) bool {
	_, ok := converterFor(name)
	return ok
}

// importableKinds is how error messages name the extensions above.
const importableKinds = "html, htm, txt, md and markdown can be"

// Importable reports whether a file of this name can be imported: its
// extension is one of those above, or it has none. A file without an
// extension is Markdown, as cable reads it; whether its bytes are text
// and no web page is for the caller, who reads them, to check (see
// library.CheckImportable).
func Importable(name string) bool {
	return Converts(name) || isMarkdown(name)
}

// isMarkdown reports whether a file of this name is taken as Markdown:
// .md, .markdown, or no extension at all.
func isMarkdown(name string) bool {
	return articles.IsArticleFile(name) || NoExtension(name)
}

// NoExtension reports whether a file's name has no extension ("notes",
// or "notes." with nothing after the dot).
func NoExtension(name string) bool {
	ext := filepath.Ext(name)
	return ext == "" || ext == "."
}

// CheckKind is nil when a file of this name can be imported, and
// otherwise an error that says which kinds can, so that the reader knows
// what to convert the file to. It is asked before the file is read.
func CheckKind(path string) error {
	if Importable(path) {
		return nil
	}
	return unsupportedError(path, strings.ToLower(filepath.Ext(path)))
}

// Converted is one file turned into an article in cable's format.
type Converted struct {
	Markdown []byte // the article: Markdown with front matter
	Title    string
	// Warnings are the problems of a reader's own Markdown file that do
	// not stop it from being read (an unknown field such as "autor", a
	// section title used twice), with the file's own lines. They are the
	// reader's to fix, and cable reads the article meanwhile, so they do
	// not stop the import either. A page or a text that cable converted
	// has none: see Article.
	Warnings articles.ErrorList
}

// Article converts the bytes of one file into an article in cable's
// format. file names the input in errors, and its extension says what
// the bytes are. An article converted from a page or a text parses with
// articles.Parse without errors or warnings: cable wrote it, so a warning
// there is a converter's bug, and the file is refused rather than written.
// A Markdown file is the reader's own, and is taken with its warnings.
// Errors name the file, and the line where there is one.
func Article(file string, data []byte) (Converted, error) {
	if isMarkdown(file) {
		c, err := importMarkdown(file, data)
		if err != nil {
			return Converted{}, err
		}
		// The file's own warnings were found with its own lines; what
		// is checked here is that the front matter added to it is sound.
		return c, verifyImport(file, c.Markdown, false)
	}
	convert, ok := converterFor(file)
	if !ok {
		return Converted{}, CheckKind(file)
	}
	md, title, err := convert(file, data)
	if err != nil {
		return Converted{}, err
	}
	if err := verifyImport(file, md, true); err != nil {
		return Converted{}, err
	}
	return Converted{Markdown: md, Title: title}, nil
}

// unsupportedError says which extensions can be imported, so that the
// reader knows what to convert the file to.
func unsupportedError(path, ext string) error {
	return &articles.Error{File: path, Msg: fmt.Sprintf("cannot import %s files (%s)", ext, importableKinds)}
}

// verifyImport parses a converted article as cable will read it. A
// converter that produced something cable would reject, or with strict
// warn about, has a bug; the file is refused rather than written.
func verifyImport(file string, md []byte, strict bool) error {
	a, err := articles.Parse(file, md, "import")
	if err == nil && strict && len(a.Warnings) > 0 {
		err = a.Warnings
	}
	if err == nil {
		return nil
	}
	first, _, _ := strings.Cut(err.Error(), "\n")
	return &articles.Error{File: file, Msg: "could not be converted into a valid article (" + first + ")"}
}

// renderArticle writes an article in cable's format: front matter with the
// fields of m that are set, in the documented order, then the body. Every
// text value is double-quoted with escapes (see yamlQuote), so a title such
// as `Iran: "maximum pressure" #2` or "null" reads back exactly as it was.
func renderArticle(m articles.Meta, body string) []byte {
	var b strings.Builder
	b.WriteString("---\n")
	field := func(name, value string, quote bool) {
		if value = oneLine(value); value == "" {
			return
		}
		if quote {
			value = yamlQuote(value)
		}
		b.WriteString(name + ": " + value + "\n")
	}
	field("title", m.Title, true)
	field("subtitle", m.Subtitle, true)
	field("author", m.Author, true)
	field("source", m.Source, true)
	field("url", m.URL, true)
	field("published", m.Published, false)
	field("updated", m.Updated, false)
	if topics := quotedList(m.Topics); topics != "" {
		b.WriteString("topics: [" + topics + "]\n")
	}
	field("summary", m.Summary, true)
	field("language", m.Language, true)
	field("feed", m.Feed, true)
	if m.SummaryOnly {
		b.WriteString("summary_only: true\n")
	}
	b.WriteString("---\n\n")
	b.WriteString(strings.Trim(body, "\n"))
	b.WriteString("\n")
	return []byte(b.String())
}

// quotedList writes the values of a YAML flow list, each quoted, leaving
// out empty ones.
func quotedList(values []string) string {
	var quoted []string
	for _, v := range values {
		if v = oneLine(v); v != "" {
			quoted = append(quoted, yamlQuote(v))
		}
	}
	return strings.Join(quoted, ", ")
}

// oneLine makes a metadata value a single trimmed line: runs of ASCII
// white space become one space. Other spaces (no-break spaces in a name)
// are typography and are kept, except at the ends, where Parse would trim
// them anyway.
func oneLine(s string) string {
	fields := strings.FieldsFunc(articles.Clean(s), func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f'
	})
	return strings.TrimSpace(strings.Join(fields, " "))
}

// yamlQuote writes s as a YAML double-quoted scalar. Backslash, quote and
// every character that is not visible (controls, line and paragraph
// separators, byte-order marks, non-breaking spaces) are escaped, so the
// value cannot end the line, start a comment or be read as anything but a
// string.
func yamlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == ' ' || (unicode.IsGraphic(r) && !unicode.IsSpace(r)):
			b.WriteRune(r)
		case r > 0xffff:
			fmt.Fprintf(&b, `\U%08X`, r)
		default:
			fmt.Fprintf(&b, `\u%04X`, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// normaliseText is the text of an imported file as cable will store it: no
// byte-order mark, LF line endings (a lone CR, as old Mac files have, ends
// a line too), and nothing a terminal would obey (see Clean).
func normaliseText(data []byte) string {
	s := strings.TrimPrefix(string(data), "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return articles.Clean(s)
}

// quoteForMsg quotes a title for an error message, shortened so that a
// runaway first line does not flood the terminal.
func quoteForMsg(s string) string {
	if utf8.RuneCountInString(s) > 60 {
		s = string([]rune(s)[:57]) + "..."
	}
	return strconv.Quote(s)
}
