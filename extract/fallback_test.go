package extract_test

import (
	"strings"
	"testing"

	"cable/extract"
)

// harbourProse is an article's text, three paragraphs of it.
const harbourProse = `<p>The harbour board voted on Tuesday to raise the dues that ships pay to berth at the old quay, the third rise in as many years.</p>
<p>Shipowners say the rise will send traffic to the new terminal across the bay, where the dues are lower and the cranes newer.</p>
<p>The board answers that the old quay needs dredging, and that the dues pay for it: without them the channel silts up within a decade.</p>`

// harbourComment is a reader's comment, longer than a line.
const harbourComment = `<li class="comment"><p>I have sailed into that harbour for thirty years and the dues were never this high, nor the service this poor; the board should look at its own costs first.</p></li>`

// TestImportNeverLosesTheArticle imports pages whose article the
// furniture pass takes for furniture (a class word of the article's own
// block) while it holds less than half the page's paragraphs: the import
// tries again without that pass rather than keep a widget or refuse the
// page.
func TestImportNeverLosesTheArticle(t *testing.T) {
	comments := `<ol class="comment-list">` + strings.Repeat(harbourComment, 4) + `</ol>`
	for _, tc := range []struct{ name, page string }{
		{"a custom taxonomy class with a furniture word",
			`<article class="post type-post topic-sharing-economy entry"><h1>Harbour dues rise again</h1>` + harbourProse +
				`</article>` + comments + `<div class="widget"><p>We are a small team writing about the sea since 2009.</p></div>`},
		{"a block named for the advertisements it carries",
			`<main><div class="story" id="ads-slot-story"><h1>Harbour dues rise again</h1>` + harbourProse +
				`</div>` + comments + `<div class="about"><p>We are a small team writing about the sea since 2009.</p></div></main>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><head><title>Harbour dues rise again</title></head><body>` + tc.page + `</body></html>`
			md, _, err := extract.ImportHTML("page.html", []byte(page))
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"The harbour board voted", "Shipowners say", "The board answers"} {
				if !strings.Contains(string(md), want) {
					t.Errorf("the import lacks %q:\n%s", want, md)
				}
			}
			if strings.Contains(string(md), "thirty years") {
				t.Errorf("the import holds the comments:\n%s", md)
			}
		})
	}
}

// TestDensestBlock checks the block the last strategy takes: the one
// whose own paragraphs hold the most text that is not links.
func TestDensestBlock(t *testing.T) {
	for _, tc := range []struct{ name, page, want string }{
		{"the article beside a short teaser",
			`<div id="teaser"><p>A short teaser.</p></div><div id="story">` + harbourProse + `</div>`, "story"},
		{"paragraphs of links count for nothing",
			`<div id="links"><p><a href="/a">A long list of links to other stories on this site, one after the other, all of them read by many</a></p>` +
				`<p><a href="/b">Another long line of links to other stories on this site, one after the other, all of them read by many</a></p></div>` +
				`<div id="story"><p>The harbour board voted on Tuesday to raise the dues.</p><p>Shipowners say the rise will hurt them.</p></div>`, "story"},
		{"paragraphs inside a form are not looked at",
			`<form><div id="signup">` + harbourProse + harbourProse + `</div></form><div id="story">` + harbourProse + `</div>`, "story"},
		{"no paragraph at all", `<div id="x">Just text.</div>`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := extract.DensestBlockID(`<html><body>` + tc.page + `</body></html>`); got != tc.want {
				t.Errorf("densest block = %q, want %q", got, tc.want)
			}
		})
	}
}
