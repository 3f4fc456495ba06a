package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// loadSnippetSet reads trafilatura's evaluation from the go-trafilatura
// module's directory: the entries of scripts/comparison/data.go, and the
// pages they name under test-files/comparison or test-files/mock.
func loadSnippetSet(dir string) ([]page, error) {
	src := filepath.Join(dir, "scripts", "comparison", "data.go")
	f, err := parser.ParseFile(token.NewFileSet(), src, nil, 0)
	if err != nil {
		return nil, err
	}
	var pages []page
	ast.Inspect(f, func(n ast.Node) bool {
		kv, ok := n.(*ast.KeyValueExpr)
		if !ok {
			return true
		}
		entry, ok := kv.Value.(*ast.CompositeLit)
		if _, isKey := kv.Key.(*ast.BasicLit); !ok || !isKey {
			return true
		}
		var p page
		for _, e := range entry.Elts {
			field, ok := e.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			switch fmt.Sprint(field.Key) {
			case "File":
				p.name = stringLit(field.Value)
			case "With":
				p.with = stringList(field.Value)
			case "Without":
				p.without = stringList(field.Value)
			}
		}
		if p.name == "" || len(p.with)+len(p.without) == 0 {
			return false
		}
		for _, sub := range []string{"comparison", "mock"} {
			if data, err := os.ReadFile(filepath.Join(dir, "test-files", sub, p.name)); err == nil {
				p.data = data
				break
			}
		}
		if p.data != nil {
			p.name = strings.TrimSuffix(p.name, filepath.Ext(p.name))
			pages = append(pages, p)
		}
		return false
	})
	if len(pages) == 0 {
		return nil, fmt.Errorf("%s: no evaluation entries with pages found", src)
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].name < pages[j].name })
	return pages, nil
}

func stringLit(e ast.Expr) string {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return ""
	}
	s, err := strconv.Unquote(lit.Value)
	if err != nil {
		return ""
	}
	return s
}

func stringList(e ast.Expr) []string {
	list, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	var out []string
	for _, el := range list.Elts {
		if s := stringLit(el); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// loadPageSet reads readability's test pages: each directory's
// source.html, with the words of its expected.html.
func loadPageSet(dir string) ([]page, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var pages []page
	for _, e := range entries {
		src, err := os.ReadFile(filepath.Join(dir, e.Name(), "source.html"))
		if err != nil {
			continue
		}
		want, err := os.ReadFile(filepath.Join(dir, e.Name(), "expected.html"))
		if err != nil {
			continue
		}
		doc, err := html.Parse(strings.NewReader(string(want)))
		if err != nil {
			return nil, fmt.Errorf("%s: %v", e.Name(), err)
		}
		pages = append(pages, page{name: e.Name(), data: src, expected: words(nodeText(doc))})
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("%s: no test pages (source.html and expected.html) found", dir)
	}
	return pages, nil
}

// nodeText is the text of a node, with a line break after each block.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template":
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode {
			switch n.Data {
			case "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th", "blockquote", "pre", "figcaption", "section", "article", "dd", "dt":
				b.WriteString("\n")
			}
		}
	}
	walk(n)
	return b.String()
}

// words splits a text into lower-case words: runs of letters and digits,
// each Han, kana or Hangul character a word of its own.
func words(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			flush()
			out = append(out, string(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			cur = append(cur, r)
		default:
			flush()
		}
	}
	flush()
	return out
}
