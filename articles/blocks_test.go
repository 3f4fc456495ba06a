// blocks_test.go tests the links an article counts and where their texts end.

package articles

import (
	"fmt"
	"strings"
	"testing"
)

func TestLinks(t *testing.T) {
	src := "---\ntitle: T\n---\nSee [the *charter*](https://un.org/charter) and <https://example.org/a>.\n\n## Later\n\n- a [reference][r] in a list\n\n```\n[not](a link)\n```\n\n[r]: https://example.org/report\n"
	a, err := Parse("l.md", []byte(src), "l")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range a.Links() {
		got = append(got, fmt.Sprintf("%s|%s|%d", l.Text, l.URL, l.Block))
	}
	check(t, "links", got, []string{
		"the charter|https://un.org/charter|0",
		"https://example.org/a|https://example.org/a|0",
		"reference|https://example.org/report|1",
	})
	if n := len(a.Sections[1].Links); n != 1 {
		t.Errorf("section 2 has %d links", n)
	}
}

// TestFiguresAndLinkEnds: images are links to their pictures, named as
// the text shows them; a link that is its own address is bare; each
// link's end is where its text ends in its block's text without white
// space, footnote markers before it counted as the text shows them.
func TestFiguresAndLinkEnds(t *testing.T) {
	src := "---\ntitle: T\n---\n" +
		"A note[^1] then [the charter](https://un.org/charter), [un.org](https://un.org/) and <https://example.org/a>.\n\n" +
		"![Soldiers in Harare](https://example.org/harare.jpg)\n\n" +
		"![](https://example.org/blank.png) and [![Map](https://example.org/map.png)](https://example.org/map)\n\n" +
		"[^1]: The note.\n"
	a, err := Parse("l.md", []byte(src), "l")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range a.Links() {
		got = append(got, fmt.Sprintf("%s|%s|%d|image=%v|bare=%v|%d", l.Text, l.URL, l.Block, l.Image, l.Bare, l.End))
	}
	check(t, "links", got, []string{
		"the charter|https://un.org/charter|0|image=false|bare=false|22",
		"un.org|https://un.org/|0|image=false|bare=true|29",
		"https://example.org/a|https://example.org/a|0|image=false|bare=true|53",
		"Figure: Soldiers in Harare|https://example.org/harare.jpg|1|image=true|bare=false|25",
		"Figure|https://example.org/blank.png|2|image=true|bare=false|8",
		"[Figure: Map]|https://example.org/map|2|image=false|bare=false|23",
	})
	blocks := a.Sections[0].Blocks
	if blocks[0].Text != "A note[1] then the charter, un.org and https://example.org/a." || blocks[1].Text != "[Figure: Soldiers in Harare]" || blocks[2].Text != "[Figure] and [Figure: Map]" {
		t.Errorf("blocks read %q", []string{blocks[0].Text, blocks[1].Text, blocks[2].Text})
	}
	for _, l := range a.Links() {
		flat := strings.Join(strings.Fields(blocks[l.Block].Text), "")
		shown := l.Text
		if l.Image {
			shown = "[" + shown + "]"
		}
		if l.End > len(flat) || !strings.HasSuffix(flat[:l.End], strings.Join(strings.Fields(shown), "")) {
			t.Errorf("%q ends at %d: %q", l.Text, l.End, flat[:min(l.End, len(flat))])
		}
	}
}
