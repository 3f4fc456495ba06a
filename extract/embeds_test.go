package extract_test

import (
	"strings"
	"testing"

	"cable/extract"
)

// TestImportKeepsEmbeddedPosts checks that a post the article quotes
// (a tweet, an Instagram or Bluesky post, as its <blockquote> stands
// before a script makes it a frame) stays in the text, even in a box the
// furniture pass would take out; a share box beside it still goes.
func TestImportKeepsEmbeddedPosts(t *testing.T) {
	for _, tc := range []struct{ name, embed, post string }{
		{"a tweet in a social box",
			`<div class="social-embed"><div class="embed-wrapper"><blockquote class="twitter-tweet"><p lang="en">The board just voted to raise the dues again.</p>&mdash; Jo Marsh (@jomarsh) <a href="https://twitter.example/jomarsh/status/1">March 5, 2024</a></blockquote></div></div>`,
			"The board just voted to raise the dues again."},
		{"an Instagram post in a promo figure",
			`<figure class="promo-embed"><blockquote class="instagram-media" data-instgrm-permalink="https://instagram.example/p/1"><div><p>Dawn at the old quay, before the dredger came.</p></div></blockquote></figure>`,
			"Dawn at the old quay, before the dredger came."},
		{"a Bluesky post in a sharing block",
			`<div class="sharing"><blockquote class="bluesky-embed"><p lang="en">Third rise in three years. Who pays for the cranes?</p></blockquote></div>`,
			"Third rise in three years. Who pays for the cranes?"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><head><title>Harbour dues rise again</title></head><body><article><h1>Harbour dues rise again</h1>` +
				harbourProse + tc.embed + `<div class="share-tools"><a href="/share">Share this story with a friend today</a></div>` +
				`<p>The dredger is booked for the spring, if the money comes in before the ice goes out of the channel.</p></article></body></html>`
			md, _, err := extract.ImportHTML("page.html", []byte(page))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(md), "> "+tc.post) {
				t.Errorf("the import lacks the quoted post %q:\n%s", tc.post, md)
			}
			if strings.Contains(string(md), "Share this story") {
				t.Errorf("the import keeps the share box:\n%s", md)
			}
		})
	}
}
