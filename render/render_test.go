package render

import (
	"fmt"
	"strings"
	"testing"

	"cable/articles"
	"cable/crash"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// textOf is the visible text of rendered lines, blank lines dropped and
// trailing padding trimmed: what a reader sees, line by line.
func textOf(lines []string) []string {
	var out []string
	for _, l := range lines {
		if t := strings.TrimRight(ansi.Strip(l), " "); strings.TrimSpace(t) != "" {
			out = append(out, t)
		}
	}
	return out
}

// referenceArticle exercises what could read differently when a section
// is rendered alone: reference-style links defined once at the end, lists,
// quotes, tables and code.
const referenceArticle = `---
title: Reference links
---
The lede cites [the charter][un] and [a report][r].

## Lists and quotes

- one [charter][un] item
- two

> A quotation with a [link][r].

## Table and code

| Actor | Position |
|---|---|
| Baku | wary |

` + "```\n## not a heading\n```" + `

Back to [the charter][un].

[un]: https://www.un.org/en/about-us/un-charter "UN Charter"
[r]: https://example.org/report
`

// TestSectionsRenderLikeTheWhole renders each article section by section,
// as the reader does, and as one document, as glow would: the text must
// read the same, line for line, in every link mode; numbered, the links of
// a section rendered alone carry the numbers they have in the whole.
func TestSectionsRenderLikeTheWhole(t *testing.T) {
	ref, err := articles.Parse("ref.md", []byte(referenceArticle), "ref")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range append(bundle(t), ref) {
		for _, style := range []string{StyleNoTTY, StyleDark} {
			for _, width := range []int{40, 80} {
				for _, mode := range []LinkMode{LinksClean, LinksNumbered, LinksInline} {
					t.Run(fmt.Sprintf("%s/%s/%d/%s", a.ID, style, width, mode), func(t *testing.T) {
						opts := Options{Width: width, Style: style, Profile: testProfile, Links: mode}
						sections, err := Article(a, opts)
						if err != nil {
							t.Fatal(err)
						}
						r, err := newRenderer(opts)
						if err != nil {
							t.Fatal(err)
						}
						whole, err := renderSection(r, a.Markdown())
						if err != nil {
							t.Fatal(err)
						}
						got, want := textOf(sections.Lines), textOf(whole)
						if strings.Join(got, "\n") != strings.Join(want, "\n") {
							for i := range min(len(got), len(want)) {
								if got[i] != want[i] {
									t.Fatalf("line %d differs:\nsections: %q\nwhole:    %q", i, got[i], want[i])
								}
							}
							t.Fatalf("sections give %d lines, the whole %d", len(got), len(want))
						}
					})
				}
			}
		}
	}
	// The reference links must have resolved, not shown as brackets.
	d, err := Article(ref, Options{Width: 80, Style: StyleNoTTY, Profile: testProfile, Links: LinksInline})
	if err != nil {
		t.Fatal(err)
	}
	if text := strings.Join(textOf(d.Lines), "\n"); strings.Contains(text, "[charter]") || !strings.Contains(text, "un-charter") {
		t.Errorf("reference links did not resolve in sections:\n%s", text)
	}
	// Numbered, the last section's link is the article's fourth.
	d, err = Article(ref, Options{Width: 80, Style: StyleNoTTY, Profile: testProfile, Links: LinksNumbered})
	if err != nil {
		t.Fatal(err)
	}
	if text := strings.Join(textOf(d.Lines), "\n"); !strings.Contains(text, "the charter¹ and a report²") || !strings.Contains(text, "Back to the charter⁵.") {
		t.Errorf("links are not numbered as in the article's list:\n%s", text)
	}
}

// TestNoStrandedWords guards against Glamour's double wrapping, which
// leaves a word alone on a line when it would have fitted on the line
// before. The seed article is plain prose: every line but a paragraph's
// last must be too full to take the next line's first word.
func TestNoStrandedWords(t *testing.T) {
	a := seed(t)
	for width := 30; width <= 120; width++ {
		for _, style := range []string{StyleNoTTY, StyleDark} {
			d := render(t, a, width, style)
			for i := 0; i+1 < len(d.Lines); i++ {
				this := strings.TrimSpace(ansi.Strip(d.Lines[i]))
				next := strings.TrimSpace(ansi.Strip(d.Lines[i+1]))
				if this == "" || next == "" || strings.HasPrefix(this, "#") {
					continue
				}
				first, _, _ := strings.Cut(next, " ")
				room := width - 2*Margin
				if ansi.StringWidth(this)+1+ansi.StringWidth(first) <= room {
					t.Fatalf("%s, width %d: %q would fit after %q", style, width, first, this)
				}
			}
		}
	}
}

func TestProtectText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"prose", "Nagorno-Karabakh and pro-Israel", "Nagorno‑Karabakh and pro‑Israel"},
		{"inline code", "run `cable --width 60`", "run `cable ‑‑width 60`"},
		{"list markers and rules stay", "- a-b\n\n---\n", "- a‑b\n\n---\n"},
		{"code blocks stay", "```\na-b\n```\n", "```\na-b\n```\n"},
		{"link addresses stay", "[a-b](http://x.org/c-d)", "[a‑b](http://x.org/c-d)"},
		{"escaped hyphens stay", "a\\-b", "a\\-b"},
		{"no-break spaces", "might\u00a0use `a\u00a0b`", "might\ue000use `a\ue000b`"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := protectText(tt.in)
			if !ok || got != tt.want {
				t.Errorf("protectText(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
			}
		})
	}
	if got, ok := protectText("already‑there a-b"); ok || got != "already‑there a-b" {
		t.Errorf("text with non-breaking hyphens was changed: %q %v", got, ok)
	}
}

// TestHyphensComeBack checks that rendered text has its own hyphens again.
func TestHyphensComeBack(t *testing.T) {
	r, err := newRenderer(Options{Width: 40, Style: StyleNoTTY, Profile: termenv.Ascii})
	if err != nil {
		t.Fatal(err)
	}
	lines, err := renderSection(r, "The Azerbaijani-Israeli relations, the pro-Armenian lobby.")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(textOf(lines), " ")
	if strings.ContainsRune(text, hyphenStandIn) || !strings.Contains(text, "pro-Armenian") {
		t.Errorf("rendered text %q", text)
	}
}

// TestFirstScreenIsTheWholeOnesFirstScreen renders the first screen alone,
// as the reader does on opening, and checks that what it shows is exactly
// what the whole rendering shows there: when the whole arrives, nothing
// on screen moves.
func TestFirstScreenIsTheWholeOnesFirstScreen(t *testing.T) {
	a := seed(t)
	opts := Options{Width: 60, Style: StyleDark, Profile: testProfile}
	whole, err := Article(a, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, pos := range []articles.Position{{}, {Section: 3}, {Section: 4, Block: 2}, {Section: 7}} {
		const height = 20
		first, err := FirstScreen(a, opts, pos, height)
		if err != nil {
			t.Fatal(err)
		}
		if !first.Partial || len(first.SectionStart) != len(a.Sections) {
			t.Fatalf("first paint at %+v: partial %v, %d sections", pos, first.Partial, len(first.SectionStart))
		}
		ft, wt := first.LineOf(pos), whole.LineOf(pos)
		for i := 0; i < height && wt+i < len(whole.Lines); i++ {
			if ft+i >= len(first.Lines) || first.Lines[ft+i] != whole.Lines[wt+i] {
				t.Fatalf("at %+v, line %d of the screen differs:\nfirst %q\nwhole %q", pos, i, textOf(first.Lines[ft+i:ft+i+1]), textOf(whole.Lines[wt+i:wt+i+1]))
			}
		}
		if rendered := len(first.Lines); rendered >= len(whole.Lines) && pos.Section > 0 {
			t.Errorf("at %+v the first paint rendered everything (%d lines)", pos, rendered)
		}
	}
}

// TestAPanickingSectionStandsAsOneLine: a panic while one section is
// rendered is reported, and the section shows a line saying where the
// report is, with its title above it.
func TestAPanickingSectionStandsAsOneLine(t *testing.T) {
	a, err := articles.Parse("/tmp/odd.md", []byte("---\ntitle: T\n---\nLede.\n\n## Odd one\n\nText.\n"), "odd")
	if err != nil {
		t.Fatal(err)
	}
	reports := &crash.Reporter{Dir: t.TempDir()}
	r, err := newRenderer(Options{Width: 60, Style: "notty"})
	if err != nil {
		t.Fatal(err)
	}
	section, broken, err := guardedSection(r, a, 1, reports)
	if err != nil || broken {
		t.Fatalf("a good section: broken %v, error %v", broken, err)
	}
	section, broken, err = guardedSection(nil, a, 1, reports) // a nil renderer panics
	lines := section.lines
	if err != nil || !broken || len(lines) != 3 || lines[0] != "  Odd one" ||
		!strings.HasPrefix(lines[2], "  [cable could not show this section (internal error); a report was written to "+reports.Dir) {
		t.Fatalf("a panicking section: %q, broken %v, error %v", lines, broken, err)
	}
}

// FuzzRenderArticle renders whatever parses, at a width from 20 to 119:
// rendering never fails or panics, no line is wider than the text, and
// every block start maps to a line of the document, in reading order.
func FuzzRenderArticle(f *testing.F) {
	f.Add([]byte("---\ntitle: T\n---\n\nLede with a [link](https://example.org) and *emphasis*.\n\n## A\n\nText.[^n]\n\n[^n]: A note.\n"), uint8(60))
	f.Add([]byte("---\ntitle: T\n---\n\n| a | b |\n|---|---|\n| https://example.org/"+strings.Repeat("y", 90)+" | 中文 |\n\n> - [x] quote [^1]\n\n[^1]: note\n"), uint8(0))
	f.Add([]byte("# T\n\n```\n"+strings.Repeat("code ", 40)+"\n```\n\n1. one\n   - two <https://a.b/c>\n"), uint8(17))
	f.Add([]byte("---\ntitle: T\n---\n\n[![Map](https://a.b/m.png)](https://a.b/m) ![](x.png) [a`b`*c*](https://a.b/c)\n\n| [x](https://a.b/x) | <x@y.z> |\n|---|---|\n| ![y](https://a.b/y.png) | [https://a.b](https://a.b) |\n"), uint8(160))
	f.Fuzz(func(t *testing.T, data []byte, w uint8) {
		a, err := articles.Parse("fuzz.md", data, "fuzz")
		if err != nil {
			return
		}
		width := 20 + int(w)%100
		mode := LinkMode(w / 100) // clean, numbered or inline
		doc, err := Article(a, Options{Width: width, Style: StyleNoTTY, Links: mode})
		if err != nil {
			t.Fatalf("rendering failed: %v", err)
		}
		for i, l := range doc.Lines {
			if ansi.StringWidth(l) > width {
				t.Fatalf("line %d is %d columns, wider than %d: %q", i, ansi.StringWidth(l), width, l)
			}
			if strings.Contains(l, "cable could not show this section") {
				t.Fatalf("rendering panicked: %q", l)
			}
			_ = doc.HyperlinkLine(i, l)
			if pos := doc.PositionAt(i); doc.LineOf(pos) < 0 || doc.LineOf(pos) >= len(doc.Lines) {
				t.Fatalf("line %d is at %+v, line %d", i, pos, doc.LineOf(pos))
			}
		}
		last := 0
		for s, sec := range a.Sections {
			for b := range sec.Blocks {
				line := doc.LineOf(articles.Position{Section: s, Block: b})
				if line < 0 || line >= max(len(doc.Lines), 1) || line < last {
					t.Fatalf("block %d of section %d is on line %d (after %d, of %d)", b, s, line, last, len(doc.Lines))
				}
				last = line
			}
		}
	})
}
