// markdown_test.go tests the import of Markdown files.

package extract_test

import (
	"os"
	"strings"
	"testing"

	"cable/articles"
	"cable/extract"
	"cable/internal/testsupport"
	"cable/library"
)

// TestImportMarkdown checks that an article is kept as it is and that a
// plain Markdown file gets front matter.
func TestImportMarkdown(t *testing.T) {
	src, err := os.ReadFile(fixture("with-front-matter.md"))
	if err != nil {
		t.Fatal(err)
	}
	a, md, name := mustImport(t, fixture("with-front-matter.md"))
	if md != string(src) {
		t.Errorf("an article with front matter is not kept as it is:\n%s", md)
	}
	if name != "sanctions-fatigue-notes-from-a-briefing.md" || a.Meta.Author != "Ana Petrović" {
		t.Errorf("name %q, meta %+v", name, a.Meta)
	}

	a, md, name = mustImport(t, fixture("no-front-matter.md"))
	if a.Meta.Title != "The Caspian Shipping Lanes" || name != "the-caspian-shipping-lanes.md" {
		t.Errorf("title %q, name %q", a.Meta.Title, name)
	}
	if strings.Contains(md, "# The Caspian") || !strings.HasPrefix(md, "---\ntitle: \"The Caspian Shipping Lanes\"\n---\n\nTrade across") {
		t.Errorf("the heading line is not replaced by front matter:\n%s", md)
	}
	testsupport.CheckList(t, "sections", sectionTitles(a), []string{"Opening", "Why it matters"})

	c, err := extract.ImportMarkdown("/notes/Talks in Vienna.markdown", []byte("```\n# not a title\n```\n\nText.\n"))
	if err != nil || c.Title != "Talks in Vienna" {
		t.Fatalf("title %q, err %v", c.Title, err)
	}
	testsupport.MustParseCleanly(t, "x.md", c.Markdown)
}

// TestImportMarkdownWithWarnings: a reader's own Markdown file whose only
// problems are warnings (a typo in a field's name, a section title used
// twice) is imported as cable reads it, and the warnings come back with
// the file's own lines, marked as warnings.
func TestImportMarkdownWithWarnings(t *testing.T) {
	for src, want := range map[string]string{
		"---\ntitle: T\nautor: A\n---\n\nText.\n": `n.md:3: unknown field "autor" (did you mean "author"?) (warning)`,
		"# Title\n\n## A\n\nx\n\n## A\n\ny\n":     `n.md:7: section title "A" is used twice (first on line 3) (warning)`,
	} {
		c, err := extract.Article("n.md", []byte(src))
		if err != nil {
			t.Errorf("Article(%q): %v, want it imported", src, err)
			continue
		}
		if c.Warnings.Error() != want || !c.Warnings[0].Warning {
			t.Errorf("Article(%q): warnings %v, want %q", src, c.Warnings, want)
		}
		if a, err := articles.Parse("n.md", c.Markdown, "n"); err != nil || len(a.Warnings) != 1 {
			t.Errorf("Article(%q) wrote an article that reads with %v, %v", src, err, a)
		}
	}
}

// TestImportMarkdownFailures checks that a Markdown file with errors is
// refused with its own file:line messages.
func TestImportMarkdownFailures(t *testing.T) {
	_, _, err := library.ImportFile(fixture("bad-front-matter.md"))
	want := fixture("bad-front-matter.md") + `:3: published "5 March 2013" is not a date of the form YYYY-MM-DD`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
	for src, want := range map[string]string{
		"# Only a title\n": `n.md: has a title ("Only a title") but no text after it`,
		"\n \n":            "n.md: is empty",
	} {
		_, err := extract.ImportMarkdown("n.md", []byte(src))
		if err == nil || err.Error() != want {
			t.Errorf("importMarkdown(%q): err = %v, want %q", src, err, want)
		}
	}
}
