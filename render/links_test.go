package render

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"cable/articles"

	"github.com/charmbracelet/x/ansi"
)

// plainText renders md as an article's text in mode, without colour,
// wide enough that nothing wraps, and returns its visible lines joined.
func plainText(t *testing.T, md string, mode LinkMode) string {
	t.Helper()
	a := parseArticle(t, "---\ntitle: T\n---\n"+md)
	d, err := Article(a, Options{Width: 200, Style: StyleNoTTY, Links: mode})
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(textOf(d.Lines), "\n")
}

// TestLinkModes: how each kind of link and figure reads in each mode.
func TestLinkModes(t *testing.T) {
	tests := []struct {
		name, md                string
		clean, numbered, inline string
	}{
		{
			name:     "a link",
			md:       "See [the report](https://example.org/report/2024) now.",
			clean:    "See the report now.",
			numbered: "See the report¹ now.",
			inline:   "See the report https://example.org/report/2024 now.",
		},
		{
			name:     "a bare address",
			md:       "At <https://example.org/a> today.",
			clean:    "At https://example.org/a today.",
			numbered: "At https://example.org/a today.",
			inline:   "At https://example.org/a today.",
		},
		{
			name:     "a link whose text is its address",
			md:       "At [https://example.org/a](https://example.org/a) and [example.org/b](https://example.org/b/).",
			clean:    "At https://example.org/a and example.org/b.",
			numbered: "At https://example.org/a and example.org/b.",
			inline:   "At https://example.org/a and example.org/b.",
		},
		{
			name:     "numbers count the bare addresses",
			md:       "<https://example.org/a>, [one](https://example.org/1) and [two](https://example.org/2).",
			clean:    "https://example.org/a, one and two.",
			numbered: "https://example.org/a, one² and two³.",
			inline:   "https://example.org/a, one https://example.org/1 and two https://example.org/2.",
		},
		{
			name:     "a mail address",
			md:       "Write to <desk@example.org>.",
			clean:    "Write to desk@example.org.",
			numbered: "Write to desk@example.org.",
			inline:   "Write to desk@example.org mailto:desk@example.org.",
		},
		{
			name:     "a figure",
			md:       "![Soldiers in Harare](https://example.org/harare.jpg)",
			clean:    "[Figure: Soldiers in Harare]",
			numbered: "[Figure: Soldiers in Harare]¹",
			inline:   "[Figure: Soldiers in Harare] https://example.org/harare.jpg",
		},
		{
			name:     "a figure without a caption",
			md:       "![](https://example.org/harare.jpg)",
			clean:    "[Figure]",
			numbered: "[Figure]¹",
			inline:   "[Figure] https://example.org/harare.jpg",
		},
		{
			name:     "a figure with only a title",
			md:       `![](https://example.org/harare.jpg "Harare")`,
			clean:    "[Figure: Harare]",
			numbered: "[Figure: Harare]¹",
			inline:   "[Figure: Harare] https://example.org/harare.jpg",
		},
		{
			name:     "a linked figure is one link",
			md:       "[![Map](https://example.org/map.png)](https://example.org/map) and [next](https://example.org/n)",
			clean:    "[Figure: Map] and next",
			numbered: "[Figure: Map]¹ and next²",
			inline:   "[Figure: Map] https://example.org/map.png https://example.org/map and next https://example.org/n",
		},
		{
			name:     "a reference link",
			md:       "See [the charter][un].\n\n[un]: https://www.un.org/en/about-us/un-charter",
			clean:    "See the charter.",
			numbered: "See the charter¹.",
			inline:   "See the charter https://www.un.org/en/about-us/un-charter.",
		},
		{
			name:     "a link in a table",
			md:       "| Who | Where |\n|---|---|\n| [UN](https://www.un.org/) | New York |",
			clean:    "UN | New York",
			numbered: "UN¹ | New York",
		},
		{
			name:     "a link to an anchor",
			md:       "See [below](#notes).",
			clean:    "See below.",
			numbered: "See below¹.",
			inline:   "See below.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for mode, want := range map[LinkMode]string{LinksClean: tt.clean, LinksNumbered: tt.numbered, LinksInline: tt.inline} {
				if want == "" {
					continue
				}
				got := plainText(t, tt.md, mode)
				if strings.Contains(tt.name, "table") {
					got = got[strings.LastIndexByte(got, '\n')+1:] // the row
				}
				if squeezeSpaces(got) != squeezeSpaces(want) {
					t.Errorf("%s:\n got %q\nwant %q", mode, got, want)
				}
			}
		})
	}
}

// squeezeSpaces folds runs of spaces, which tables pad with.
func squeezeSpaces(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.Join(lines, "\n")
}

func linkArticle(t *testing.T) *articles.Article {
	t.Helper()
	data, err := os.ReadFile("testdata/links.md")
	if err != nil {
		t.Fatal(err)
	}
	return parseArticle(t, string(data))
}

// TestNumbersAreTheListsNumbers: each number shown after a link is that
// link's place in Article.Links, across sections.
func TestNumbersAreTheListsNumbers(t *testing.T) {
	a := linkArticle(t)
	d, err := Article(a, Options{Width: 60, Style: StyleNoTTY, Links: LinksNumbered})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(textOf(d.Lines), " ")
	links := a.Links()
	numbered := 0
	for i, l := range links {
		marker := LinkMarker(i + 1)
		if l.Bare {
			if strings.Contains(text, marker) {
				t.Errorf("bare address %s has a number %s", l.URL, marker)
			}
			continue
		}
		numbered++
		last := l.Text[strings.LastIndexByte(l.Text, ' ')+1:]
		if l.Image {
			last += "]"
		}
		if !strings.Contains(text, last+marker) {
			t.Errorf("link %d %q: %q is not in the text", i+1, l.Text, last+marker)
		}
	}
	if numbered < 10 || !strings.Contains(text, "[Figure]¹³") {
		t.Errorf("%d numbered links, and the last figure is not numbered ¹³:\n%s", numbered, text)
	}
}

// TestNoAddressesInTheProse: clean and numbered, no address of a link that
// has text of its own shows in the text.
func TestNoAddressesInTheProse(t *testing.T) {
	a := linkArticle(t)
	for _, mode := range []LinkMode{LinksClean, LinksNumbered} {
		for _, width := range []int{40, 60, 80, 120} {
			d, err := Article(a, Options{Width: width, Style: StyleDark, Profile: testProfile, Links: mode})
			if err != nil {
				t.Fatal(err)
			}
			text, _ := flatten(d.Lines)
			for _, l := range a.Links() {
				if !l.Bare && strings.Contains(text, squeeze(l.URL)[:20]) {
					t.Errorf("%s/%d: the address %s is in the text", mode, width, l.URL)
				}
			}
		}
	}
}

// TestNoLoneWordsAroundLinks: with no address in the prose, no line of a
// paragraph but its last holds a single short word, as lines did around
// addresses too long to share a line.
func TestNoLoneWordsAroundLinks(t *testing.T) {
	a := linkArticle(t)
	for _, mode := range []LinkMode{LinksClean, LinksNumbered} {
		for _, width := range []int{50, 60, 72, 80} {
			d, err := Article(a, Options{Width: width, Style: StyleNoTTY, Links: mode})
			if err != nil {
				t.Fatal(err)
			}
			for i := 0; i+1 < len(d.Lines); i++ {
				this := strings.TrimSpace(ansi.Strip(d.Lines[i]))
				next := strings.TrimSpace(ansi.Strip(d.Lines[i+1]))
				if this == "" || next == "" || strings.Contains(this, "://") || strings.Contains(next, "://") {
					continue // a paragraph's last line, or a bare address
				}
				if words := strings.Fields(this); len(words) == 1 && len([]rune(words[0])) < 12 {
					t.Errorf("%s/%d: line %d holds only %q", mode, width, i, this)
				}
			}
		}
	}
}

// markerPattern is a link's number as the text shows it.
var markerPattern = regexp.MustCompile(`[⁰¹²³⁴⁵⁶⁷⁸⁹]+`)

// TestPositionsInTextWithLinks: in clean mode the text shown is the
// blocks' text, so every line's position is the offset where that line's
// text starts in its block's; numbered, the numbers are stepped over. And
// each position maps back to its line.
func TestPositionsInTextWithLinks(t *testing.T) {
	a := linkArticle(t)
	for _, mode := range []LinkMode{LinksClean, LinksNumbered} {
		for width := 30; width <= 120; width += 7 {
			d, err := Article(a, Options{Width: width, Style: StyleNoTTY, Links: mode})
			if err != nil {
				t.Fatal(err)
			}
			for l, line := range d.Lines {
				shown := squeeze(ansi.Strip(line))
				if shown == "" || strings.HasPrefix(shown, "##") {
					continue
				}
				pos := d.PositionAt(l)
				block := squeeze(a.Sections[pos.Section].Blocks[pos.Block].Text)
				if mode == LinksNumbered {
					// A line that starts with a link's number is placed at
					// the end of the link.
					shown = markerPattern.ReplaceAllString(shown, "")
				}
				if shown != "" && !strings.HasPrefix(block[min(pos.Offset, len(block)):], runePrefix(shown, 12)) {
					t.Fatalf("%s/%d: line %d %q is at %+v, where the block reads %q", mode, width, l, line, pos, runePrefix(block[min(pos.Offset, len(block)):], 20))
				}
				if back := d.LineOf(pos); back != l {
					t.Fatalf("%s/%d: line %d is at %+v, which is line %d", mode, width, l, pos, back)
				}
			}
		}
	}
}

// TestLinkTextIsTheHyperlink: clean and numbered, each link's text (not
// its number) is placed on its lines, to be made a hyperlink there.
func TestLinkTextIsTheHyperlink(t *testing.T) {
	a := linkArticle(t)
	for _, mode := range []LinkMode{LinksClean, LinksNumbered} {
		d, err := Article(a, Options{Width: 60, Style: StyleDark, Profile: testProfile, Links: mode})
		if err != nil {
			t.Fatal(err)
		}
		var texts []string
		for l := range d.Lines {
			line := d.HyperlinkLine(l, d.Lines[l])
			for _, part := range strings.Split(line, "\x1b]8;;")[1:] {
				url, rest, _ := strings.Cut(part, "\x1b\\")
				if url == "" {
					continue // the end of a hyperlink
				}
				if !hyperlinkable(url) {
					t.Errorf("hyperlink to %q", url)
				}
				texts = append(texts, ansi.Strip(rest))
			}
		}
		got := strings.Join(texts, "|")
		want := "Robert Mugabe|Grace|ruling party's youth league|the army|led by Emmerson Mnangagwa|the weeks before|[Figure: Soldiers on the streets of Harare, 15 November|2017]|"
		if !strings.HasPrefix(got, want) || !strings.Contains(got, "|Chatham House|") || strings.Contains(got, "¹") {
			t.Errorf("%s: hyperlinks on %q", mode, got)
		}
	}
}

// TestMailAddressIsAMailtoHyperlink: a bare mail address's hyperlink is a
// mailto: link, and the list of links has it so, for L to open.
func TestMailAddressIsAMailtoHyperlink(t *testing.T) {
	a := parseArticle(t, "---\ntitle: T\n---\nWrite to <desk@example.org>.\n")
	if l := a.Links(); len(l) != 1 || l[0].URL != "mailto:desk@example.org" || l[0].Text != "desk@example.org" || !l[0].Bare {
		t.Errorf("links: %+v", l)
	}
	d, err := Article(a, Options{Width: 60, Style: StyleDark, Profile: testProfile})
	if err != nil {
		t.Fatal(err)
	}
	if line := d.HyperlinkLine(0, d.Lines[0]); !strings.Contains(line, "\x1b]8;;mailto:desk@example.org\x1b\\") {
		t.Errorf("no mailto hyperlink in %q", line)
	}
}
