package main

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"cable/extract"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

var errEmpty = errors.New("nothing extracted")

// extractors are the extractors compared, cable's first.
func extractors() []extractor {
	return []extractor{
		{"cable", func(file string, data []byte) (string, error) {
			c, err := extract.Article(file, data)
			if err != nil {
				return "", err
			}
			return markdownText(body(c.Markdown)), nil
		}},
		{"readability", func(file string, data []byte) (string, error) {
			doc, err := html.Parse(bytes.NewReader(utf8Page(data)))
			if err != nil {
				return "", err
			}
			a, err := readability.FromDocument(doc, nil)
			if err != nil {
				return "", err
			}
			if a.Node == nil {
				return "", errEmpty
			}
			return nodeText(a.Node), nil
		}},
		{"trafilatura", trafilaturaText},
		// cable+trafilatura chooses per page, as trafilatura chooses
		// between itself and its fallbacks: the shorter, precision-first
		// text unless it is far shorter than the other.
		{"cable+trafilatura", func(file string, data []byte) (string, error) {
			c, cerr := extract.Article(file, data)
			tt, terr := trafilaturaText(file, data)
			if cerr != nil {
				return tt, terr
			}
			ct := markdownText(body(c.Markdown))
			if terr != nil || len(strings.TrimSpace(tt)) == 0 {
				return ct, nil
			}
			if len(tt) < len(ct) && 2*len(tt) > len(ct) {
				return tt, nil
			}
			return ct, nil
		}},
	}
}

func trafilaturaText(file string, data []byte) (string, error) {
	r, err := trafilatura.Extract(bytes.NewReader(utf8Page(data)), trafilatura.Options{EnableFallback: true})
	if err != nil {
		return "", err
	}
	return r.ContentText, nil
}

// utf8Page decodes a page as its byte-order mark, <meta charset> or
// content say (UTF-8 when none does).
func utf8Page(data []byte) []byte {
	enc, _, _ := charset.DetermineEncoding(data, "")
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return data
	}
	return out
}

// body is a cable article without its front matter.
func body(md []byte) []byte {
	s := string(md)
	if strings.HasPrefix(s, "---\n") {
		if i := strings.Index(s[4:], "\n---\n"); i >= 0 {
			return []byte(s[4+i+5:])
		}
	}
	return md
}

var markdown = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Footnote))

// markdownText is Markdown read back as plain text: the text of every
// block on lines of its own, link targets and syntax left out.
func markdownText(src []byte) string {
	doc := markdown.Parser().Parse(text.NewReader(src))
	var b strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock {
				b.WriteString("\n")
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.ListItem:
			if list, ok := n.Parent().(*ast.List); ok && list.IsOrdered() {
				i := list.Start
				for c := list.FirstChild(); c != nil && c != ast.Node(n); c = c.NextSibling() {
					i++
				}
				fmt.Fprintf(&b, "%d%c ", i, list.Marker)
			}
		case *ast.Text:
			b.WriteString(html.UnescapeString(unescape(n.Segment.Value(src))))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteString("\n")
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.AutoLink:
			b.Write(n.URL(src))
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				b.Write(seg.Value(src))
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// unescape removes Markdown's backslash escapes from a run of text, as a
// renderer does: "Kund\\*innen" is "Kund*innen" on the page.
func unescape(t []byte) string {
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		if t[i] == '\\' && i+1 < len(t) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", t[i+1]) >= 0 {
			i++
		}
		b.WriteByte(t[i])
	}
	return b.String()
}
