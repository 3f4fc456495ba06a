package render

import (
	"testing"

	"cable/articles"

	"github.com/muesli/termenv"
)

// testProfile is the colour profile the tests render with, so that they
// see the same escape codes on every machine.
const testProfile = termenv.ANSI256

func bundle(t testing.TB) []*articles.Article {
	t.Helper()
	list, err := articles.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func seed(t testing.TB) *articles.Article { return bundle(t)[0] }

// parseArticle parses the Markdown of an article, failing the test on an
// error.
func parseArticle(t testing.TB, md string) *articles.Article {
	t.Helper()
	a, err := articles.Parse("test.md", []byte(md), "test")
	if err != nil {
		t.Fatal(err)
	}
	return a
}
