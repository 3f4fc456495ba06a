package render

import (
	"regexp"
	"strings"
	"testing"

	"cable/articles"

	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// hasTable says whether md holds a table.
func hasTable(md string) bool {
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader([]byte(md)))
	found := false
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if _, ok := n.(*east.Table); ok {
			found = true
			return gast.WalkStop, nil
		}
		return gast.WalkContinue, nil
	})
	return found
}

// tableArticle holds a table whose headers are longer than its cells, as
// reports have them.
const tableArticle = `---
title: Trade
---

## Trade with Russia

Before the table.

| Country | Exports to Russia, 2014 (% GDP) | Exports to Russia, 2023 (% GDP) | Change |
|---|---|---|---|
| Kazakhstan | 3.1 | 5.4 | increased sharply after the invasion |
| Kyrgyzstan | 1.2 | 2.9 | increased |
| Armenia | 1.9 | 9.8 | increased fivefold through re-exports |

After the table.
`

// tableWords are every word of the table, which no line may break.
var tableWords = []string{"Country", "Exports", "Russia,", "2014", "2023", "(%", "GDP)", "Change", "3.1", "5.4",
	"Kazakhstan", "Kyrgyzstan", "Armenia", "increased", "sharply", "invasion", "fivefold", "re-exports"}

// TestTablesFitTheMeasure renders the table at four widths: no header is
// cut, no word is broken, every line is within the measure, and where
// the columns' longest words cannot stand side by side the table is read
// row by row.
func TestTablesFitTheMeasure(t *testing.T) {
	a := parseArticle(t, tableArticle)
	for _, width := range []int{40, 60, 80, 100} {
		doc, err := Article(a, Options{Width: width, Style: StyleNoTTY})
		if err != nil {
			t.Fatal(err)
		}
		var text strings.Builder
		for i, line := range doc.Lines {
			if w := ansi.StringWidth(line); w > width {
				t.Errorf("width %d: line %d is %d columns: %q", width, i, w, line)
			}
			plain := ansi.Strip(line)
			if strings.Contains(plain, "…") {
				t.Errorf("width %d: line %d is cut: %q", width, i, plain)
			}
			text.WriteString(plain + "\n")
		}
		words := map[string]bool{}
		for _, w := range strings.FieldsFunc(text.String(), func(r rune) bool { return r == ' ' || r == '\n' || r == '│' || r == '|' }) {
			words[strings.TrimSuffix(w, ":")] = true
		}
		for _, w := range tableWords {
			if !words[w] {
				t.Errorf("width %d: %q is broken or missing:\n%s", width, w, text.String())
			}
		}
		rowByRow := strings.Contains(text.String(), "Change: increased")
		if (width == 40) != rowByRow {
			t.Errorf("width %d: row by row is %v:\n%s", width, rowByRow, text.String())
		}
		// The table is one block, and its position still maps to its line.
		pos := articles.Position{Section: 1, Block: 2}
		if line := doc.LineOf(pos); !strings.Contains(ansi.Strip(doc.Lines[line]), "Country") {
			t.Errorf("width %d: the table's position maps to %q", width, ansi.Strip(doc.Lines[line]))
		}
	}
}

// TestTableLinksKeepTheirWords: a link's number, written after it in every
// link mode, is counted with the link's word, which no line breaks.
func TestTableLinksKeepTheirWords(t *testing.T) {
	md := "## T\n\n| Country | Exports to Russia, 2014 (% GDP) | [Source](https://a.example/s) |\n|---|---|---|\n| [Kazakhstan](https://k.example/) | 3.1 | [IMF data](https://imf.example/x) and more words here |\n"
	a := parseArticle(t, md)
	for _, width := range []int{40, 60} {
		for _, mode := range []LinkMode{LinksInline, LinksClean, LinksNumbered} {
			doc, err := Article(a, Options{Width: width, Style: StyleNoTTY, Links: mode})
			if err != nil {
				t.Fatal(err)
			}
			var text strings.Builder
			for _, line := range doc.Lines {
				if w := ansi.StringWidth(line); w > width {
					t.Errorf("width %d, %v: a line is %d columns: %q", width, mode, w, line)
				}
				text.WriteString(ansi.Strip(line) + "\n")
			}
			if regexp.MustCompile(`(?m)(^|\|) *[¹²³]`).MatchString(text.String()) {
				t.Errorf("width %d, %v: a link's number is parted from it:\n%s", width, mode, text.String())
			}
			for _, w := range []string{"Kazakhstan", "Exports", "Russia,", "(%"} {
				if !regexp.MustCompile(`(^|[ :|])` + regexp.QuoteMeta(w) + `(\[\d+\]|[¹²³]|:)?[ \n]`).MatchString(text.String()) {
					t.Errorf("width %d, %v: %q is broken:\n%s", width, mode, w, text.String())
				}
			}
		}
	}
}
