package extract

import (
	"strings"

	"cable/articles"

	"golang.org/x/net/html"
)

// The tests of package extract_test, which import the library that
// writes imports, reach the converters through these.

func ImportHTML(file string, data []byte) ([]byte, string, error) { return importHTML(file, data) }

func ImportText(file string, data []byte) ([]byte, string, error) { return importText(file, data) }

func ImportMarkdown(file string, data []byte) (Converted, error) { return importMarkdown(file, data) }

func EscapeParagraphStart(p string) string { return escapeParagraphStart(p) }

func RenderArticle(m articles.Meta, body string) []byte { return renderArticle(m, body) }

func OneLine(s string) string { return oneLine(s) }

func AuthorFromByline(byline string) string { return authorFromByline(byline) }

// DensestBlockID is the id of the block densestBlock chooses in a page.
func DensestBlockID(page string) string {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return ""
	}
	if n := densestBlock(doc); n != nil {
		return htmlAttr(n, "id")
	}
	return ""
}

func HasClutterWord(name string) bool { return hasClutterWord(strings.ToLower(name)) }
