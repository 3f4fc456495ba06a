package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cable/articles"
	"cable/library"
	"cable/render"

	"github.com/charmbracelet/x/exp/golden"
)

// headinglessText is an article as many saved pages are: eleven
// paragraphs and no heading, with an editor's note from its front matter.
func headinglessText() string {
	openings := []string{
		"Azerbaijan and Israel are pragmatic partners",
		"Their ties go back to the early nineties",
		"Oil flows west through Georgia and Turkey",
		"But officials in Baku are wary of provoking Iran",
		"Arms sales grew after the war of 2016",
		"Drones changed the balance in Karabakh",
		"Tehran watches the border with suspicion",
		"Washington has encouraged the partnership",
		"Moscow remains the region's arbiter",
		"The diaspora lobbies on both sides",
		"What comes next depends on Iran",
	}
	var b strings.Builder
	b.WriteString("---\ntitle: A Long Partnership\nauthor: Jane Doe\neditors_note: Jane Doe writes on the Caucasus.\n---\n")
	for i, o := range openings {
		fmt.Fprintf(&b, "\n%s, as paragraph %d of this article tells at some length, %s\n", o, i+1,
			strings.Repeat("with more words to make a paragraph of several lines on any screen ", 3))
	}
	return b.String()
}

// openHeadingless opens the headingless article at w×h.
func openHeadingless(t testing.TB, w, h int) Model {
	t.Helper()
	a, err := articles.Parse("partnership.md", []byte(headinglessText()), "partnership")
	if err != nil {
		t.Fatal(err)
	}
	ctx := newTestContext(render.StyleDark)
	ctx.Width, ctx.Height = w, h
	cat, err := library.OpenCatalog(library.Options{Sources: library.Sources{Bundle: []*articles.Article{a}}})
	if err != nil {
		t.Fatal(err)
	}
	ctx.Catalog = cat
	return open(t, startModel(t, ctx), "partnership")
}

// paragraphOpening is the first words of paragraph n (from 1) of the
// headingless article.
func paragraphOpening(m Model, n int) string {
	words := strings.Fields(m.reader.article.Sections[0].Blocks[n-1].Text)
	return strings.Join(words[:4], " ")
}

func TestOutlineStops(t *testing.T) {
	parse := func(src string) *articles.Article {
		a, err := articles.Parse("t.md", []byte(src), "t")
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	tests := []struct {
		name        string
		article     *articles.Article
		byParagraph bool
		stops       []string // "s2" for section 2, "p3" for paragraph 3 (section.block)
	}{
		{"sections", parse("---\ntitle: T\n---\nLede.\n\n## A\n\nx\n\n## B\n\ny\n"), false, []string{"s0", "s1", "s2"}},
		{"### sections", parse("---\ntitle: T\n---\n### A\n\nx\n\n### B\n\ny\n"), false, []string{"s0", "s1"}},
		{"no headings", parse("---\ntitle: T\n---\nOne.\n\nTwo.\n\n- three\n- four\n"), true, []string{"p0.0", "p0.1", "p0.2", "p0.3"}},
		{"no headings, a note and an editor's note", parse("---\ntitle: T\neditors_note: Who.\n---\nOne.[^1]\n\nTwo.\n\n[^1]: A note.\n"), true, []string{"p0.0", "p0.1", "s1", "s2"}},
		{"a title heading is no paragraph", parse("# Title\n\nOne.\n\nTwo.\n"), true, []string{"p0.1", "p0.2"}},
		{"only an editor's note", parse("---\ntitle: T\neditors_note: Who.\n---\n"), false, []string{"s0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := newOutline(tt.article)
			var got []string
			for _, s := range o.stops {
				if s.paragraph > 0 {
					got = append(got, fmt.Sprintf("p%d.%d", s.pos.Section, s.pos.Block))
				} else {
					got = append(got, fmt.Sprintf("s%d", s.pos.Section))
				}
			}
			if o.byParagraph != tt.byParagraph || strings.Join(got, " ") != strings.Join(tt.stops, " ") {
				t.Errorf("outline: by paragraph %v, stops %v; want %v, %v", o.byParagraph, got, tt.byParagraph, tt.stops)
			}
		})
	}
}

func TestParagraphsAreNavigableWithoutHeadings(t *testing.T) {
	for _, size := range [][2]int{{44, 16}, {60, 20}, {80, 24}, {120, 30}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m := openHeadingless(t, size[0], size[1])
			if got := statusOf(m); !strings.HasPrefix(got, "¶1/11 · ") {
				t.Fatalf("status on opening = %q", got)
			}
			for n := 2; n <= 11; n++ {
				m, _ = press(t, m, "]")
				if got, want := firstTextLine(m), paragraphOpening(m, n); !strings.HasPrefix(got, want) {
					t.Fatalf("after ] to paragraph %d the top line is %q, want it to start with %q", n, got, want)
				}
				if got, want := statusOf(m), fmt.Sprintf("¶%d/11 · ", n); !strings.HasPrefix(got, want) {
					t.Fatalf("status = %q, want it to start with %q", got, want)
				}
				if m.reader.anchor != (articles.Position{Block: n - 1}) {
					t.Fatalf("place after ] to paragraph %d = %+v", n, m.reader.anchor)
				}
			}
			m, _ = press(t, m, "]")
			if got := firstTextLine(m); got != "## Editor's note" {
				t.Fatalf("] after the last paragraph: top line %q", got)
			}
			if got := statusOf(m); !strings.HasPrefix(got, "Editor's note · ") {
				t.Fatalf("status in the editor's note = %q", got)
			}
			m, cmd := press(t, m, "]")
			if cmd == nil || m.reader.status.text != "This is the last section." {
				t.Errorf("] on the editor's note: status %q", m.reader.status.text)
			}
		})
	}
}

func TestPreviousParagraphGoesToTheStartFirst(t *testing.T) {
	m := openHeadingless(t, 80, 24)
	m, _ = press(t, m, "]")
	m, _ = press(t, m, "]")
	m, _ = press(t, m, "j")
	if got := statusOf(m); !strings.HasPrefix(got, "¶3/11") {
		t.Fatalf("a line into paragraph 3, status %q", got)
	}
	m, _ = press(t, m, "[")
	if got, want := firstTextLine(m), paragraphOpening(m, 3); !strings.HasPrefix(got, want) {
		t.Fatalf("[ inside paragraph 3: top line %q", got)
	}
	m, _ = press(t, m, "[")
	if got, want := firstTextLine(m), paragraphOpening(m, 2); !strings.HasPrefix(got, want) {
		t.Fatalf("[ at the start of paragraph 3: top line %q", got)
	}
	m, _ = press(t, m, "[")
	m, cmd := press(t, m, "[")
	if m.reader.top != 0 || cmd == nil || m.reader.status.text != "This is the first paragraph." {
		t.Errorf("[ at the top: top %d, status %q", m.reader.top, m.reader.status.text)
	}
}

func TestContentsListParagraphsWithoutHeadings(t *testing.T) {
	m := openHeadingless(t, 80, 24)
	m, _ = press(t, m, "]")
	m, _ = press(t, m, "t")
	c, ok := openOverlay[contentsList](m)
	if !ok {
		t.Fatal("t did not open the contents")
	}
	if c.list.cursor != 1 {
		t.Errorf("the contents opened on row %d, want the second paragraph's", c.list.cursor)
	}
	screen := strings.Join(screenLines(m), "\n")
	for _, want := range []string{"¶1  Azerbaijan and Israel are pragmatic", "¶4  But officials in Baku are wary", "¶11 What comes next", "Editor's note"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the contents lack %q:\n%s", want, screen)
		}
	}
	if strings.Contains(screen, "§") {
		t.Errorf("the contents speak of sections:\n%s", screen)
	}
	for _, k := range []string{"j", "j", "enter"} {
		m, _ = press(t, m, k)
	}
	if got, want := firstTextLine(m), paragraphOpening(m, 4); !strings.HasPrefix(got, want) {
		t.Fatalf("enter on paragraph 4: top line %q", got)
	}
	if got := statusOf(m); !strings.HasPrefix(got, "¶4/11 · ") {
		t.Errorf("status = %q", got)
	}
	m, _ = press(t, m, "[")
	if got := statusOf(m); !strings.HasPrefix(got, "¶3/11 · ") {
		t.Errorf("[ after the jump: status %q", got)
	}
}

func TestParagraphViews(t *testing.T) {
	tests := []struct {
		name string
		w, h int
		keys []string
	}{
		{"reader-paragraphs", 80, 24, []string{"]", "]"}},
		{"reader-paragraphs-contents", 80, 24, []string{"]", "]", "]", "t"}},
		{"reader-paragraphs-side", 120, 24, []string{"T", "]", "]"}},
		{"reader-paragraphs-help", 80, 30, []string{"?"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := openHeadingless(t, tt.w, tt.h)
			for _, k := range tt.keys {
				m, _ = press(t, m, k)
			}
			view := m.View()
			checkSize(t, view, tt.w, tt.h)
			golden.RequireEqualEscape(t, []byte(view), true)
		})
	}
}

func TestClickingAParagraphInTheContentsJumpsToIt(t *testing.T) {
	m := openHeadingless(t, 80, 24)
	m, _ = press(t, m, "t")
	m, _ = click(t, m, 20, rowOf(t, m, "¶6  Drones"))
	if got := statusOf(m); m.reader.overlay != nil || !strings.HasPrefix(got, "¶6/11 · ") {
		t.Errorf("a click in the contents: overlay %v, status %q", m.reader.overlay, got)
	}
	m = openHeadingless(t, 140, 30)
	m, cmd := press(t, m, "T")
	m = settle(t, m, cmd)
	m, _ = click(t, m, 5, rowOf(t, m, "¶8  Washington"))
	if got, want := firstTextLine(m), paragraphOpening(m, 8); !strings.Contains(got, want) {
		t.Errorf("a click on the side contents: top line %q, want it to hold %q", got, want)
	}
}

// TestContinueReadingNamesTheParagraph: the library's "Continue reading"
// row names a place in an article without headings as the reader's
// status line does (¶4/11), not as "§1" and the article's title.
func TestContinueReadingNamesTheParagraph(t *testing.T) {
	file := filepath.Join(t.TempDir(), "partnership.md")
	if err := os.WriteFile(file, []byte(headinglessText()), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := storeContext(t, 100, 30, filepath.Join(t.TempDir(), "cable.db"), file)
	m := open(t, startModel(t, ctx), file)
	for range 3 {
		m, _ = press(t, m, "]")
	}
	status := statusOf(m)
	m, cmd := press(t, m, "q")
	m = settle(t, m, cmd)
	row, ok := m.library.list.Items()[0].(continueItem)
	if !ok {
		t.Fatalf("no Continue reading row after reading")
	}
	got := row.Description()
	if !strings.HasPrefix(got, "¶4/11 · ") || !strings.HasPrefix(status, "¶4/11 · ") {
		t.Errorf("Continue reading says %q where the reader said %q, want ¶4/11", got, status)
	}
	if view := m.View(); !strings.Contains(view, "¶4/11") || strings.Contains(view, "§1 A Long Partnership") {
		t.Errorf("the library shows:\n%s", view)
	}
}

// TestQuotePlaceInAnArticleReadByParagraph: y in an article without
// headings names the paragraph as the status line does, "¶2", not "§1".
func TestQuotePlaceInAnArticleReadByParagraph(t *testing.T) {
	m := openSeed(t, 80, 24)
	o := newOutline(m.reader.article)
	if o.byParagraph {
		t.Fatal("the seed has sections")
	}
	if got := o.placeName(articles.Position{Section: 3, Block: 2}); got != "§4 ¶2" {
		t.Errorf("in an article with sections: %q", got)
	}
	a, err := articles.Parse("p.md", []byte("---\ntitle: No headings\n---\n\nOne.\n\nTwo.\n\nThree.\n"), "p")
	if err != nil {
		t.Fatal(err)
	}
	p := newOutline(a)
	if got := p.placeName(articles.Position{Block: a.ParagraphBlocks()[1]}); got != "¶2" {
		t.Errorf("in an article read by paragraph: %q, want ¶2", got)
	}
}
