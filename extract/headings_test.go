package extract_test

import (
	"strings"
	"testing"

	"cable/extract"
	"cable/internal/testsupport"
)

// TestImportHeadings checks the headings of imported pages: the site's
// furniture taken out of them (so that the saved Markdown is clean too),
// and the level that makes the sections left for Parse to find, whatever
// level the page uses.
func TestImportHeadings(t *testing.T) {
	prose := strings.Repeat("The ministry said the talks would resume within a year. ", 6)
	page := func(body string) string {
		return `<html><head><title>Straits</title></head><body><article><h1>Straits</h1><p>` + prose + `</p>` + body + `</article></body></html>`
	}
	para := `<p>` + prose + `</p>`
	tests := []struct {
		name     string
		page     string
		sections []string
		has      []string // in the Markdown
		lacks    []string
	}{
		{
			name: "wikipedia edit links, in their span",
			page: page(`<h2><span class="mw-headline" id="History">History</span><span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/w/index.php?title=Straits&amp;action=edit&amp;section=1" title="Edit section: History">edit</a><span class="mw-editsection-bracket">]</span></span></h2>` + para +
				`<h2>Trade</h2>` + para),
			sections: []string{"Opening", "History", "Trade"},
			has:      []string{"## History\n", "## Trade\n"},
			lacks:    []string{"edit", "[]"},
		},
		{
			name: "wikipedia edit links without their span",
			page: page(`<h2 id="History">History[<a href="https://en.wikipedia.org/w/index.php?title=Straits&amp;action=edit&amp;section=1">edit</a>]</h2>` + para +
				`<h2 id="Trade">Trade <a href="https://en.wikipedia.org/w/index.php?title=Straits&amp;action=edit&amp;section=2">[edit]</a></h2>` + para),
			sections: []string{"Opening", "History", "Trade"},
			has:      []string{"## History\n", "## Trade\n"},
			lacks:    []string{"edit", "[]"},
		},
		{
			name: "wikipedia's newer heading wrapper, with its edit link beside the heading",
			page: page(`<div class="mw-heading mw-heading2"><h2 id="History">History</h2><span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/w/index.php?title=Straits&amp;action=edit&amp;section=1">edit</a><span class="mw-editsection-bracket">]</span></span></div>` + para +
				`<div class="mw-heading mw-heading3"><h3 id="Ports">Ports</h3><span class="mw-editsection">[<a href="/w/index.php?title=Straits&amp;action=edit&amp;section=2">edit</a>]</span></div>` + para +
				`<div class="mw-heading mw-heading2"><h2 id="Trade">Trade</h2><span class="mw-editsection">[<a href="/w/index.php?title=Straits&amp;action=edit&amp;section=3">edit</a>]</span></div>` + para),
			sections: []string{"Opening", "History", "Trade"},
			has:      []string{"## History\n", "### Ports\n", "## Trade\n"},
			lacks:    []string{"edit", "[]"},
		},
		{
			name:     "[edit] written as text",
			page:     page(`<h2>History [edit]</h2>` + para + `<h2>Trade[edit]</h2>` + para),
			sections: []string{"Opening", "History", "Trade"},
			has:      []string{"## History\n", "## Trade\n"},
			lacks:    []string{"edit"},
		},
		{
			name: "blog permalink anchors, before and after the text",
			page: page(`<h3 id="a">The talks <a class="headerlink" href="#a" title="Permalink to this heading">¶</a></h3>` + para +
				`<h3 id="b"><a class="anchor" href="#b">#</a>The shipping lanes</h3>` + para +
				`<h3 id="c">The ports <a href="#c">Permalink</a></h3>` + para +
				`<h3 id="d">The future <a href="#d" aria-label="Link to this section">🔗</a></h3>` + para +
				`<h3 id="e">Learning C# <a href="#e">§</a></h3>` + para),
			sections: []string{"Opening", "The talks", "The shipping lanes", "The ports", "The future", "Learning C#"},
			has:      []string{"### The talks\n", "### The shipping lanes\n", "### The ports\n", "### Learning C\\#\n"},
			lacks:    []string{"¶", "Permalink", "🔗", "(#", "§"},
		},
		{
			name:     "a page of h3 subheads reads in sections, its h4 inside them",
			page:     page(`<h3>Background</h3>` + para + `<h4>Detail</h4>` + para + `<h3>Outlook</h3>` + para),
			sections: []string{"Opening", "Background", "Outlook"},
			has:      []string{"### Background\n", "#### Detail\n", "### Outlook\n"},
		},
		{
			name:     "a repeated h3 and a second editor's note become sub-headings",
			page:     page(`<h3>Background</h3>` + para + `<h3>Background</h3>` + para + `<h3>Editor's note</h3>` + para + `<h3>Editor’s note</h3>` + para),
			sections: []string{"Opening", "Background", "Editor's note"},
			has:      []string{"### Background\n", "#### Background\n", "### Editor's note\n", "#### Editor’s note\n"},
		},
		{
			name:     "an h1 and h2 page is as before",
			page:     page(`<h1>First part</h1>` + para + `<h2>Second part</h2>` + para + `<h2>Second part</h2>` + para),
			sections: []string{"Opening", "First part", "Second part"},
			has:      []string{"## First part\n", "## Second part\n", "### Second part\n"},
		},
		{
			name:     "a heading that is only furniture goes",
			page:     page(`<h2><a href="#x">¶</a></h2>` + para),
			sections: []string{"Straits"},
			lacks:    []string{"¶", "##"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			md, _, err := extract.ImportHTML("page.html", []byte(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			a := testsupport.MustParseCleanly(t, "page.html", md)
			testsupport.CheckList(t, "sections", sectionTitles(a), tt.sections)
			for _, s := range tt.has {
				if !strings.Contains(string(md), s) {
					t.Errorf("the Markdown lacks %q:\n%s", s, md)
				}
			}
			body := string(md[strings.Index(string(md), "\n---\n"):])
			for _, s := range tt.lacks {
				if strings.Contains(body, s) {
					t.Errorf("the Markdown has %q:\n%s", s, md)
				}
			}
		})
	}
}
