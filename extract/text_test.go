// text_test.go tests the import of copied text.

package extract_test

import (
	"reflect"
	"strings"
	"testing"

	"cable/articles"
	"cable/extract"
	"cable/internal/testsupport"
)

// TestImportTextFixtures imports the hard-wrapped and inline-note texts.
func TestImportTextFixtures(t *testing.T) {
	a, md, _ := mustImport(t, fixture("hard-wrapped.txt"))
	want := articles.Meta{Title: "Water Diplomacy on the Nile: Beyond the Dam", Author: "Samira K. Haddad", Published: "2021-06-03"}
	if !reflect.DeepEqual(a.Meta, want) {
		t.Errorf("hard-wrapped.txt front matter: got %+v, want %+v", a.Meta, want)
	}
	body, _ := paragraphs(a)
	testsupport.CheckList(t, "hard-wrapped.txt paragraph starts", firstWords(body, 4), []string{
		"The long dispute over", "That fear is reasonable.", "Three lessons follow for",
		"1. Share data before", "2. Agree on what", "- Keep the lawyers", "None of this will",
	})
	if !strings.Contains(md, "\n1\\. Share data before sharing water. A joint hydrological office, with real-time access") {
		t.Errorf("hard-wrapped lines are not joined with a space, or the number is not escaped:\n%s", md)
	}
	for _, gone := range []string{"Share this", "Print", "Email", "By Samira", "Published on"} {
		if strings.Contains(md, gone) {
			t.Errorf("hard-wrapped.txt import contains %q", gone)
		}
	}

	a, md, _ = mustImport(t, fixture("inline-note.txt"))
	if want := (articles.Meta{Title: "Why Mongolia Courts Its “Third Neighbours”", Updated: "2022-05-12"}); !reflect.DeepEqual(a.Meta, want) {
		t.Errorf("inline-note.txt front matter: got %+v, want %+v", a.Meta, want)
	}
	_, note := paragraphs(a)
	testsupport.CheckList(t, "inline note", note, []string{
		"Tomas Brandt is a former diplomat who writes in a personal capacity. An earlier version of this essay appeared in his newsletter.",
	})
	testsupport.CheckList(t, "inline-note.txt sections", sectionTitles(a), []string{"Opening", "Editor’s note"})
	if strings.Contains(md, "Share this article") || strings.Contains(md, "Leave a comment") {
		t.Errorf("furniture left in:\n%s", md)
	}
}

// firstWords gives the first n words of each paragraph.
func firstWords(paras []string, n int) []string {
	out := make([]string, len(paras))
	for i, p := range paras {
		words := strings.Fields(p)
		out[i] = strings.Join(words[:min(n, len(words))], " ")
	}
	return out
}

// TestImportTextRules covers the text rules one at a time, with the exact
// Markdown each gives.
func TestImportTextRules(t *testing.T) {
	tests := []struct {
		name string
		text string
		meta articles.Meta
		body string // the Markdown after the front matter
	}{
		{
			name: "furniture in the middle of a paragraph is text",
			text: "Title\n\nThe ports lost their\nshare\nof the trade.\n\nShare\n",
			meta: articles.Meta{Title: "Title"},
			body: "The ports lost their share of the trade.",
		},
		{
			name: "a byline only right below the title",
			text: "Title\n\nBy Jane Doe\n\nText.\n\nBy John Roe\n",
			meta: articles.Meta{Title: "Title", Author: "Jane Doe"},
			body: "Text.\n\nBy John Roe",
		},
		{
			name: "a sentence starting with By is not a byline",
			text: "Title\nBy 2030, the alliance will have changed.\n",
			meta: articles.Meta{Title: "Title"},
			body: "By 2030, the alliance will have changed.",
		},
		{
			name: "dates in several layouts; unreadable short dates dropped; prose kept",
			text: "Title\nPublished on March 5th, 2013 at 10:00\nUpdated on 07/08/13\n\nPublished on the eve of the war, the report argued for restraint.\n\nUpdated on 2014-01-02T10:00:00Z\n",
			meta: articles.Meta{Title: "Title", Published: "2013-03-05", Updated: "2014-01-02"},
			body: "Published on the eve of the war, the report argued for restraint.",
		},
		{
			name: "originally published by a name is the source",
			text: "Title\n\nText.\n\nOriginally published by The Caspian Letter\n",
			meta: articles.Meta{Title: "Title", Source: "The Caspian Letter"},
			body: "Text.",
		},
		{
			name: "a standalone note takes what follows, with a straight apostrophe",
			text: "Title\n\nText.\n\nEDITORS' NOTE\n\nWho.\n\nWhy.\n\nPrint\n",
			meta: articles.Meta{Title: "Title"},
			body: "Text.\n\n## Editor's note\n\nWho.\n\nWhy.",
		},
		{
			name: "an inline note at the top moves to the end alone",
			text: "Title\n\nEditor’s note: this essay was updated.\n\nText.\n",
			meta: articles.Meta{Title: "Title"},
			body: "Text.\n\n## Editor’s note\n\nthis essay was updated.",
		},
		{
			name: "note from the editor",
			text: "Title\n\nText.\n\nNote from the editor:\nWho.\n",
			meta: articles.Meta{Title: "Title"},
			body: "Text.\n\n## Editor's note\n\nWho.",
		},
		{
			name: "typography, CRLF, a byte-order mark and control characters",
			text: "\ufeffTitle\r\n\r\n“Quoted” – it’s\u00a010\u00a0km\x07.\x1b[2J\r\n",
			meta: articles.Meta{Title: "Title"},
			body: "“Quoted” – it’s\u00a010\u00a0km.",
		},
		{
			name: "furniture before the title is skipped",
			text: "Share\n\nTitle\nText.\n",
			meta: articles.Meta{Title: "Title"},
			body: "Text.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			md, title, err := extract.ImportText("t.txt", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			a := testsupport.MustParseCleanly(t, "t.txt", md)
			if title != tt.meta.Title || !reflect.DeepEqual(a.Meta, tt.meta) {
				t.Errorf("front matter: got %+v, want %+v", a.Meta, tt.meta)
			}
			_, body, _ := strings.Cut(string(md), "---\n\n")
			if body != tt.body+"\n" {
				t.Errorf("body:\n got %q\nwant %q", body, tt.body+"\n")
			}
		})
	}
}

// TestImportTextFailures checks the errors for texts with nothing to read.
func TestImportTextFailures(t *testing.T) {
	for text, want := range map[string]string{
		"":                        "t.txt: has no text to import",
		" \n\u00a0\n\t\n":         "t.txt: has no text to import",
		"Share\nPrint\n":          "t.txt: has no text to import",
		"Only a title\n\nShare\n": `t.txt: has a title ("Only a title") but no text after it`,
	} {
		_, _, err := extract.ImportText("t.txt", []byte(text))
		if err == nil || err.Error() != want {
			t.Errorf("importText(%q): err = %v, want %q", text, err, want)
		}
	}
}

// TestEscapeParagraphStart checks each escape, that prose is left alone,
// and that every escaped paragraph reads back as one paragraph.
func TestEscapeParagraphStart(t *testing.T) {
	tests := map[string]string{
		"# Not a heading":            `\# Not a heading`,
		"###### Six":                 `\###### Six`,
		"#hashtag diplomacy":         "#hashtag diplomacy",
		"- not a list":               `\- not a list`,
		"+ plus":                     `\+ plus`,
		"* star":                     `\* star`,
		"1. First point":             `1\. First point`,
		"2019) a year":               `2019\) a year`,
		"1.5 million people":         "1.5 million people",
		"> not a quote":              `\> not a quote`,
		"---":                        `\---`,
		"* * *":                      `\* * *`,
		"___":                        `\___`,
		"```go":                      "\\```go",
		"~~~":                        `\~~~`,
		"<div>raw</div>":             `\<div>raw</div>`,
		"[1]: https://example.org":   `\[1]: https://example.org`,
		`[a\]]: https://x.example`:   `\[a\]]: https://x.example`,
		": a definition":             `\: a definition`,
		"*Emphasis* stays markup":    "*Emphasis* stays markup",
		"A # in the middle, a - too": "A # in the middle, a - too",
		"Plain prose.":               "Plain prose.",
	}
	for in, want := range tests {
		got := extract.EscapeParagraphStart(in)
		if got != want {
			t.Errorf("escapeParagraphStart(%q) = %q, want %q", in, got, want)
			continue
		}
		// Each must read back as one paragraph of text after another one.
		a := testsupport.MustParseCleanly(t, "e.md", []byte("---\ntitle: T\n---\n\nFirst.\n\n"+got+"\n"))
		if len(a.Sections) != 1 || len(a.Sections[0].Blocks) != 2 {
			t.Errorf("%q is not read as one paragraph: %+v", got, a.Sections)
		}
	}
}
