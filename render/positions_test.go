package render

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"cable/articles"

	"github.com/charmbracelet/glamour"
	"github.com/muesli/termenv"
)

// placingArticles are the bundled articles and hand-made ones with every
// kind of block whose rendered text differs from its parsed text.
func placingArticles(t testing.TB) []*articles.Article {
	t.Helper()
	list := bundle(t)
	data, err := os.ReadFile("testdata/blocks.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, made := range []struct{ id, md string }{{"blocks", string(data)}, {"ref", referenceArticle}} {
		a, err := articles.Parse(made.id+".md", []byte(made.md), made.id)
		if err != nil {
			t.Fatal(err)
		}
		list = append(list, a)
	}
	return list
}

// TestMarksChangeNothing renders every section with its blocks marked and
// without, at several widths, styles, colour profiles and link modes: once
// the marks are taken out the bytes must be the same, and, with links
// inline, the same as Glamour's own TermRenderer gives (but for figures,
// which cable writes its own way). Every block must have been placed.
func TestMarksChangeNothing(t *testing.T) {
	for _, a := range placingArticles(t) {
		for _, style := range []string{StyleNoTTY, StyleDark, StyleLight} {
			for _, profile := range []termenv.Profile{testProfile, termenv.Ascii} {
				for _, width := range []int{20, 31, 40, 57, 80, 113, 200} {
					for _, mode := range []LinkMode{LinksInline, LinksClean, LinksNumbered} {
						if mode != LinksInline && width%2 == 0 {
							continue // a few widths are enough to place blocks among numbers
						}
						t.Run(fmt.Sprintf("%s/%s/%d/%d/%s", a.ID, style, profile, width, mode), func(t *testing.T) {
							opts := Options{Width: width, Style: style, Profile: profile, Links: mode}
							r, err := newRenderer(opts)
							if err != nil {
								t.Fatal(err)
							}
							gs, err := GlamourStyle(style, nil)
							if err != nil {
								t.Fatal(err)
							}
							g, err := glamour.NewTermRenderer(glamour.WithStyles(gs), glamour.WithWordWrap(width), glamour.WithColorProfile(profile))
							if err != nil {
								t.Fatal(err)
							}
							for i := range a.Sections {
								md := a.SectionMarkdown(i)
								plain, _, _, _, err := r.render(md, linkBase(a, i), false)
								if err != nil {
									t.Fatal(err)
								}
								marked, _, _, _, err := r.render(md, linkBase(a, i), true)
								if err != nil {
									t.Fatal(err)
								}
								section, err := renderMarked(r, md, linkBase(a, i))
								if err != nil {
									t.Fatal(err)
								}
								places := section.blocks
								protected, ok := protectText(md)
								want, err := g.Render(protected)
								if err != nil {
									t.Fatal(err)
								}
								if ok {
									want = restoreText(want)
								}
								// Glamour's, with the words wider than the
								// text broken as cable breaks them; a table
								// cable fits to the measure itself.
								want = setLines(want, width, rightMargin(gs))
								if mode == LinksInline && !strings.Contains(md, "![") && !hasTable(md) && plain != want {
									t.Fatalf("section %d: our Glamour renders differently from Glamour's: %s", i, firstDifference(plain, want))
								}
								if marked != plain {
									t.Fatalf("section %d: marks change the rendering: %s", i, firstDifference(marked, plain))
								}
								if len(places) != len(a.Sections[i].Blocks) {
									t.Fatalf("section %d: %d places for %d blocks", i, len(places), len(a.Sections[i].Blocks))
								}
								for j, p := range places {
									if !p.found {
										t.Errorf("section %d: block %d %q was not placed", i, j, a.Sections[i].Blocks[j].Text)
									}
								}
							}
						})
					}
				}
			}
		}
	}
}

// TestBlockStartsRoundTrip checks, at every width from 20 to 200, that
// each block's start maps to a line and back to itself, and that the line
// shows the block's first word where the block's text starts.
func TestBlockStartsRoundTrip(t *testing.T) {
	for _, a := range placingArticles(t) {
		for width := 20; width <= 200; width++ {
			d := render(t, a, width, StyleNoTTY)
			text, _ := flatten(d.Lines)
			for s, sec := range a.Sections {
				for b, block := range sec.Blocks {
					pos := articles.Position{Section: s, Block: b}
					line := d.LineOf(pos)
					if back := d.PositionAt(line); back != pos {
						t.Fatalf("%s/%d: block %d.%d %q → line %d %q → %+v", a.ID, width, s, b, block.Text, line, d.Lines[line], back)
					}
					first := firstWord(block.Text)
					if !strings.Contains(squeeze(d.Lines[line]), runePrefix(first, 2)) {
						t.Fatalf("%s/%d: block %d.%d starts %q but its line %d is %q", a.ID, width, s, b, first, line, d.Lines[line])
					}
					// A table too wide for the screen cuts its cells short.
					if off := d.blockFlat[s][b]; off < 0 || !strings.HasPrefix(text[off:], runePrefix(first, 3)) {
						t.Fatalf("%s/%d: block %d.%d starts %q, not %q", a.ID, width, s, b, first, runePrefix(text[max(off, 0):], 20))
					}
				}
			}
		}
	}
}

// firstWord is the start of a block's text as it is shown: its first word
// without white space, cut at 8 characters (a Chinese sentence is one
// "word") and at the first character Glamour shows differently.
func firstWord(text string) string {
	w, _, _ := strings.Cut(text, " ")
	if i := strings.IndexAny(w, "\\&"); i > 0 {
		w = w[:i]
	}
	return runePrefix(w, 8)
}

// runePrefix is the first n runes of s, or s when it is shorter.
func runePrefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// firstDifference shows the first line where got and want differ.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d:\n got %q\nwant %q", i, g[i], w[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(g), len(w))
}
