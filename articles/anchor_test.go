package articles

import (
	"strings"
	"testing"
)

// anchorSource is an article with a passage to highlight in its second
// section, a link before it, and words that come twice.
const anchorSource = `---
title: Anchors
---

The war began in the spring. Nobody in the capital expected it.

## The talks

The envoys met in [Vienna](https://example.com/vienna) for the third time. The talks failed again, and the war went on.

## After

The war went on for years. In the end the talks failed again.
`

func parseAnchorArticle(t *testing.T, md string) *Article {
	t.Helper()
	a, err := Parse("anchors.md", []byte(md), "anchors")
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// anchorOn anchors the first place the words stand in a block.
func anchorOn(t *testing.T, a *Article, section, block int, words string) Anchor {
	t.Helper()
	text := a.Sections[section].Blocks[block].Text
	at := strings.Index(text, words)
	if at < 0 {
		t.Fatalf("%q is not in %q", words, text)
	}
	an, ok := a.AnchorAt(section, block, at, at+len(words))
	if !ok {
		t.Fatalf("AnchorAt(%d, %d, %q) failed", section, block, words)
	}
	return an
}

func TestAnchorAtKeepsContext(t *testing.T) {
	a := parseAnchorArticle(t, anchorSource)
	an := anchorOn(t, a, 1, 1, "The talks failed again")
	if an.Quote.Exact != "The talks failed again" {
		t.Errorf("Exact = %q", an.Quote.Exact)
	}
	if an.Quote.Prefix != "t in Vienna for the third time. " {
		t.Errorf("Prefix = %q, want the %d characters before", an.Quote.Prefix, ContextRunes)
	}
	if an.Quote.Suffix != ", and the war went on. After The" {
		t.Errorf("Suffix = %q: the context runs on into the next block, its end a space", an.Quote.Suffix)
	}
	if n := len([]rune(an.Quote.Prefix)); n != ContextRunes {
		t.Errorf("the prefix has %d characters, want %d", n, ContextRunes)
	}
	for _, bad := range [][4]int{{9, 0, 0, 1}, {1, 9, 0, 1}, {1, 1, 5, 5}, {1, 1, -1, 3}, {1, 1, 0, 1000}} {
		if _, ok := a.AnchorAt(bad[0], bad[1], bad[2], bad[3]); ok {
			t.Errorf("AnchorAt%v anchored a place the article does not have", bad)
		}
	}
}

func TestLocate(t *testing.T) {
	a := parseAnchorArticle(t, anchorSource)
	an := anchorOn(t, a, 1, 1, "The talks failed again")
	tests := []struct {
		name  string
		md    string
		place Placement
		// where the passage is found, as the words before it in its block
		section, block int
		before         string
	}{
		{"the same text", anchorSource, InPlace, 1, 1, "The envoys met in Vienna for the third time. "},
		{"reimported: rewrapped, a paragraph added before",
			strings.Replace(strings.Replace(anchorSource, "third time. The talks", "third time.\nThe talks", 1),
				"## The talks\n", "## The talks\n\nA new first paragraph.\n", 1),
			Moved, 1, 2, "The envoys met in Vienna for the third time. "},
		{"the paragraph edited before the passage",
			strings.Replace(anchorSource, "for the third time.", "for the third time in a year, as before.", 1),
			Moved, 1, 1, "The envoys met in Vienna for the third time in a year, as before. "},
		{"white space changed inside the passage",
			strings.Replace(anchorSource, "The talks failed again, and", "The talks failed\u00a0again, and", 1),
			InPlace, 1, 1, "The envoys met in Vienna for the third time. "},
		{"the paragraph deleted", strings.Replace(anchorSource,
			"The envoys met in [Vienna](https://example.com/vienna) for the third time. The talks failed again, and the war went on.\n", "", 1),
			NotFound, 1, 1, "The envoys met in Vienna for the third time. "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now := parseAnchorArticle(t, tt.md)
			got, place := now.Locate(an)
			if place != tt.place {
				t.Fatalf("placement %v, want %v", place, tt.place)
			}
			if place == NotFound {
				if got != an {
					t.Errorf("an anchor not found came back changed: %+v", got)
				}
				return
			}
			if got.Section != tt.section || got.Block != tt.block || got.Start != len(tt.before) {
				t.Errorf("found at §%d block %d byte %d, want §%d block %d byte %d", got.Section, got.Block, got.Start,
					tt.section, tt.block, len(tt.before))
			}
			text := now.Sections[got.Section].Blocks[got.Block].Text
			if squeeze(text[got.Start:got.End]) != squeeze(an.Quote.Exact) {
				t.Errorf("found %q, want %q", text[got.Start:got.End], an.Quote.Exact)
			}
		})
	}
}

// TestLocateByContext: words that stand twice are told apart by the text
// around them, and found in neither place when nothing tells them apart.
func TestLocateByContext(t *testing.T) {
	a := parseAnchorArticle(t, anchorSource)
	second := anchorOn(t, a, 2, 1, "the talks failed again")
	edited := parseAnchorArticle(t, strings.Replace(anchorSource, "## After\n", "## After\n\nA paragraph.\n", 1))
	got, place := edited.Locate(second)
	if place != Moved || got.Section != 2 || got.Block != 2 {
		t.Errorf("found %v at §%d block %d, want moved to §2 block 2", place, got.Section, got.Block)
	}

	war := anchorOn(t, a, 0, 0, "war")
	war.Quote.Prefix, war.Quote.Suffix = "nothing like it", "nothing like it"
	war.Section, war.Block = 5, 5 // its place is gone, its context matches nowhere
	if _, place := a.Locate(war); place != NotFound {
		t.Errorf("a word found %v with no context to choose its place, want not found", place)
	}
	war.Section, war.Block = 0, 0
	war.Start++ // its place no longer holds its words
	if got, place := a.Locate(war); place != Moved || got.Section != 0 || got.Block != 0 {
		t.Errorf("a word in its own block was %v at §%d block %d, want found there", place, got.Section, got.Block)
	}
}

// TestPositionOf: an anchor's reading position counts its offset without
// white space, as the reader's positions do.
func TestPositionOf(t *testing.T) {
	a := parseAnchorArticle(t, anchorSource)
	an := anchorOn(t, a, 1, 1, "The talks failed again")
	want := Position{Section: 1, Block: 1, Offset: len(squeeze("The envoys met in Vienna for the third time. "))}
	if got := a.PositionOf(an); got != want {
		t.Errorf("PositionOf = %+v, want %+v", got, want)
	}
}

// FuzzLocate: whatever an anchor holds and whatever the text became,
// Locate never fails, and a passage it finds is a place of the article
// whose text is the passage's words, white space aside.
func FuzzLocate(f *testing.F) {
	f.Add(anchorSource, "The talks failed again", "time. ", ", and", 1, 1, 46, 68)
	f.Add("Short.\n\nOther.", "x", "", "", 5, -3, -1, 1000)
	f.Add("---\ntitle: T\n---\n\n我们走了。他来了！\n", "他来了", "。", "！", 0, 0, 0, 9)
	f.Fuzz(func(t *testing.T, md, exact, prefix, suffix string, section, block, start, end int) {
		a, err := Parse("fuzz.md", []byte(md), "fuzz")
		if err != nil {
			return
		}
		an := Anchor{Quote: TextQuote{Exact: exact, Prefix: prefix, Suffix: suffix}, Section: section, Block: block, Start: start, End: end}
		got, place := a.Locate(an)
		if place == NotFound {
			if got != an {
				t.Fatalf("an anchor not found came back changed")
			}
			return
		}
		text := a.textAt(got)
		if text == "" || squeeze(text) != squeeze(exact) || text != got.Quote.Exact {
			t.Fatalf("found %+v holding %q for %q", got, text, exact)
		}
		a.PositionOf(got)
		last := flatten(a).places[flatten(a).index(got.Section, got.Block)+got.Through]
		again, ok := a.AnchorSpan(Position{Section: got.Section, Block: got.Block, Offset: got.Start},
			Position{Section: last[0], Block: last[1], Offset: got.End})
		if !ok || again.Quote.Exact != text || again.Through != got.Through {
			t.Fatalf("AnchorSpan there holds %+v, %v", again, ok)
		}
	})
}

// TestAnchorSpan: a passage over several paragraphs, across a section's
// heading, is anchored with a newline where each block ends, found in
// place, and found again when the text around it moved.
func TestAnchorSpan(t *testing.T) {
	a := parseAnchorArticle(t, anchorSource)
	from := Position{Section: 1, Block: 1, Offset: strings.Index(a.Sections[1].Blocks[1].Text, "The talks")}
	to := Position{Section: 2, Block: 1, Offset: len("The war went on for years.")}
	an, ok := a.AnchorSpan(from, to)
	if !ok {
		t.Fatal("AnchorSpan failed")
	}
	if want := "The talks failed again, and the war went on.\nAfter\nThe war went on for years."; an.Quote.Exact != want || an.Through != 2 {
		t.Errorf("anchored %q through %d, want %q through 2", an.Quote.Exact, an.Through, want)
	}
	if got, place := a.Locate(an); place != InPlace || got != an {
		t.Errorf("in the same text: %v %+v", place, got)
	}
	moved := parseAnchorArticle(t, strings.Replace(anchorSource, "## The talks\n", "## The talks\n\nA new paragraph.\n", 1))
	got, place := moved.Locate(an)
	if place != Moved || got.Section != 1 || got.Block != 2 || got.Through != 2 || got.End != to.Offset || got.Quote.Exact != an.Quote.Exact {
		t.Errorf("after a paragraph added before: %v %+v", place, got)
	}
	for _, bad := range [][2]Position{{to, from}, {from, from}, {from, {Section: 9}}, {{Section: 1, Block: 1, Offset: -1}, to}} {
		if _, ok := a.AnchorSpan(bad[0], bad[1]); ok {
			t.Errorf("AnchorSpan%v anchored", bad)
		}
	}
}

// TestLocateIgnoresFootnoteMarkers: a quote keeps its passage without
// the footnote markers the reader shows ("[1]", "²"); it is found in the
// paragraph that has them.
func TestLocateIgnoresFootnoteMarkers(t *testing.T) {
	a := parseAnchorArticle(t, "---\ntitle: Notes\n---\n\nThe deal held.[^1] Then it broke,² as expected.\n\n[^1]: A source.\n")
	text := a.Sections[0].Blocks[0].Text
	quote := Anchor{Quote: TextQuote{Exact: QuoteText(text)}}
	got, place := a.Locate(quote)
	if place != Moved || a.textAt(got) != text || QuoteText(text) == text {
		t.Errorf("the quote %q of %q: %v at %+v", quote.Quote.Exact, text, place, got)
	}
}
