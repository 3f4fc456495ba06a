package pagecheck

import (
	"slices"
	"testing"
)

func TestStripFurniture(t *testing.T) {
	tests := map[string]string{
		"Background [edit]":              "Background",
		"Background[ edit ]":             "Background",
		"# What happens next":            "What happens next",
		"Will they observe?¶":            "Will they observe?",
		"Who takes the chair? Permalink": "Who takes the chair?",
		"Security? Link to this section": "Security?",
		"C# and the #MeToo debate":       "C# and the #MeToo debate",
		"  Plain   title ":               "Plain title",
	}
	for in, want := range tests {
		if got := StripFurniture(in); got != want {
			t.Errorf("StripFurniture(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBodyHeadings(t *testing.T) {
	page := `<html><head><style>h2 { color: red }</style></head><body>
<nav><h2>Main menu</h2><ul><li><a href="/">Home</a></li></ul></nav>
<h1>The title</h1>
<p>The lede of the article, printed as it stands here.</p>
<h2><span class="mw-headline">Background</span><span class="mw-editsection">[<a href="?action=edit">edit</a>]</span></h2>
<p>Under Soviet planning the reservoir was operated for irrigation.</p>
<div class="mw-heading"><h2 id="Talks">Talks</h2><span class="mw-editsection">[<a>edit</a>]</span></div>
<div class="mw-heading"><h3 id="First">First round</h3></div>
<p>At the first round the delegations agreed on figures &amp; flows.</p>
<aside><h3>Read more</h3><ul><li>Another story about something else entirely</li></ul></aside>
<section id="comments"><h2>Comments (2)</h2><p>Great piece, thanks for writing it.</p></section>
</body></html>`
	printed := []string{
		"  # The title", "",
		"  The lede of the article https://example.org/lede, printed as it stands here.", "",
		"  ## Background", "",
		"  Under Soviet planning the reservoir[1] was operated for irrigation.", "",
		"  ### First round", "",
		"  At the first round the delegations agreed on figures & flows.",
	}
	got := BodyHeadings(page, printed)
	want := []PageHeading{{2, "Background", true}, {2, "Talks", false}, {3, "First round", true}}
	if !slices.Equal(got, want) {
		t.Errorf("BodyHeadings = %+v\nwant %+v", got, want)
	}
	if top := TopLevel(got); len(top) != 2 || top[1].Title != "Talks" {
		t.Errorf("TopLevel = %+v", top)
	}
}
