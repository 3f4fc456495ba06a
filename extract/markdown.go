// markdown.go holds the import of Markdown files: kept as they are when
// they carry front matter and parse cleanly, given front matter with a
// title from their first heading or their file name when not.

package extract

import (
	"path/filepath"
	"strings"

	"cable/articles"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

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
