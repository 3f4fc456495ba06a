package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cable/articles"
	"cable/config"
	"cable/library"
	"cable/render"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
)

// reportChapters are the chapters of a report-shaped article and the
// sub-sections of each: "##" chapters with "###" sub-sections under them,
// and, in the third chapter, a "####" under a "###".
var reportChapters = []struct {
	title string
	subs  []string
}{
	{"Introduction", []string{"Scope of the inquiry", "Method and sources"}},
	{"Regional setting", []string{"Borders and corridors", "Energy routes", "Arms and industry"}},
	{"Findings", []string{"Trade", "#Shipping in the Caspian", "Security cooperation", "Public opinion"}},
	{"Risks", []string{"Escalation with Iran", "Domestic politics"}},
	{"Scenarios", []string{"Continuity", "Rupture", "Realignment"}},
	{"Recommendations", []string{"For governments", "For investors"}},
	{"Conclusion", nil},
}

// reportText is a report as an imported one reads: a cover text, seven
// chapters, most with several sub-sections, each of a few paragraphs.
func reportText() string {
	var b strings.Builder
	b.WriteString("---\ntitle: The Caspian Corridor Report\nauthor: Policy Unit\n---\n")
	b.WriteString("\nThis report was prepared for the annual review. It covers the corridor's trade, security and politics.\n")
	para := func(what string, n int) {
		for i := range n {
			fmt.Fprintf(&b, "\nParagraph %d of %s. %s\n", i+1, what,
				strings.Repeat("The delegations agree on free passage but not on who pays for the pilots. ", 3))
		}
	}
	for _, c := range reportChapters {
		fmt.Fprintf(&b, "\n## %s\n", c.title)
		para(c.title, 1)
		for _, s := range c.subs {
			marks := "###"
			if strings.HasPrefix(s, "#") {
				marks, s = "####", s[1:]
			}
			fmt.Fprintf(&b, "\n%s %s\n", marks, s)
			para(s, 2)
		}
	}
	return b.String()
}

// reportHeadings are the report's headings in reading order, as "}"
// visits them: "§2 Introduction", "§2.1 Scope of the inquiry", ...
func reportHeadings() []string {
	var out []string
	for i, c := range reportChapters {
		sec := i + 2 // the cover text is section 1, "Opening"
		out = append(out, fmt.Sprintf("§%d %s", sec, c.title))
		n, m := 0, 0
		for _, s := range c.subs {
			if strings.HasPrefix(s, "#") {
				m++
				out = append(out, fmt.Sprintf("§%d.%d.%d %s", sec, n, m, s[1:]))
				continue
			}
			n, m = n+1, 0
			out = append(out, fmt.Sprintf("§%d.%d %s", sec, n, s))
		}
	}
	return out
}

// openReport opens the report at w×h.
func openReport(t testing.TB, w, h int) Model {
	t.Helper()
	a, err := articles.Parse("report.md", []byte(reportText()), "report")
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
	return open(t, startModel(t, ctx), "report")
}

// headingAtTop is the heading on the reader's top line as reportHeadings
// names it ("§3.2 Energy routes"), from the status line's number and the
// top line's text; "" when the top line is no heading.
func headingAtTop(t *testing.T, m Model) string {
	t.Helper()
	top := firstTextLine(m)
	if !strings.HasPrefix(top, "#") {
		return ""
	}
	number, _, _ := strings.Cut(strings.TrimPrefix(statusOf(m), "§"), "/")
	return "§" + number + " " + strings.TrimSpace(strings.TrimLeft(top, "#"))
}

func TestSubsectionsNumberTheReportsHeadings(t *testing.T) {
	a, err := articles.Parse("report.md", []byte(reportText()), "report")
	if err != nil {
		t.Fatal(err)
	}
	o := newOutline(a)
	var got []string
	for s := range a.Sections {
		if s > 0 {
			got = append(got, fmt.Sprintf("§%d %s", s+1, a.SectionTitle(s)))
		}
		from, to := o.subsOf(s)
		for _, sub := range o.subs[from:to] {
			got = append(got, "§"+sub.number+" "+sub.title)
		}
	}
	if want := reportHeadings(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sub-sections:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestSubsectionKeysReachEveryHeadingInOrder: } goes to every heading of
// the report in order, chapters and sub-sections, each on the top line,
// the status line naming it (§3.2/8); { walks them back.
func TestSubsectionKeysReachEveryHeadingInOrder(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {80, 24}, {140, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m := openReport(t, size[0], size[1])
			want := reportHeadings()
			for i, w := range want {
				m, _ = press(t, m, "}")
				if got := headingAtTop(t, m); got != w {
					t.Fatalf("} number %d: at %q (status %q), want %q", i+1, got, statusOf(m), w)
				}
				if !strings.HasPrefix(statusOf(m), strings.Replace(w, " ", "/8 ", 1)) {
					t.Fatalf("} number %d: status %q, want it to begin %q", i+1, statusOf(m), w)
				}
			}
			m, cmd := press(t, m, "}")
			if cmd == nil || m.reader.status.text != "This is the last sub-section." {
				t.Errorf("} at the last heading: %q", m.reader.status.text)
			}
			for i := len(want) - 2; i >= 0; i-- {
				m, _ = press(t, m, "{")
				if got := headingAtTop(t, m); got != want[i] {
					t.Fatalf("{ back to %q: at %q", want[i], got)
				}
			}
			m, _ = press(t, m, "{")
			if m.reader.top != 0 || m.reader.currentSection() != 0 {
				t.Errorf("{ from the first chapter: top %d", m.reader.top)
			}
			m, cmd = press(t, m, "{")
			if cmd == nil || m.reader.status.text != "This is the first sub-section." {
				t.Errorf("{ at the top: %q", m.reader.status.text)
			}
		})
	}
}

// TestPreviousSubsectionGoesToItsStartFirst: { inside a sub-section goes
// to its heading, as [ does to a section's, and only then to the one
// before; the place kept is the heading's block.
func TestPreviousSubsectionGoesToItsStartFirst(t *testing.T) {
	m := openReport(t, 80, 24)
	for range 4 { // §2, §2.1, §2.2, §3
		m, _ = press(t, m, "}")
	}
	m, _ = press(t, m, "}") // §3.1
	m, _ = press(t, m, "}") // §3.2
	sub := m.reader.anchor
	if got := headingAtTop(t, m); got != "§3.2 Energy routes" {
		t.Fatalf("at %q", got)
	}
	if a := m.reader.article.Sections[sub.Section].Blocks[sub.Block]; a.Text != "Energy routes" || a.Heading != 3 {
		t.Errorf("the place kept is block %+v, not the sub-heading", a)
	}
	for range 3 {
		m, _ = press(t, m, "j")
	}
	if got := statusOf(m); !strings.HasPrefix(got, "§3.2/8 Energy routes · ") {
		t.Errorf("three lines into §3.2 the status line says %q", got)
	}
	m, _ = press(t, m, "{")
	if got := headingAtTop(t, m); got != "§3.2 Energy routes" {
		t.Errorf("{ inside §3.2 goes to %q", got)
	}
	m, _ = press(t, m, "{")
	if got := headingAtTop(t, m); got != "§3.1 Borders and corridors" {
		t.Errorf("{ on §3.2's heading goes to %q", got)
	}
	next, _ := m.Update(tea.KeyMsg{Type: tea.KeyCtrlO})
	if m = next.(Model); headingAtTop(t, m) != "§3.2 Energy routes" {
		t.Errorf("ctrl+o after { goes back to %q", headingAtTop(t, m))
	}
}

// TestSectionKeysStillGoByChapter: ] and [ pass over the sub-sections.
func TestSectionKeysStillGoByChapter(t *testing.T) {
	m := openReport(t, 80, 24)
	for i, c := range reportChapters {
		m, _ = press(t, m, "]")
		want := fmt.Sprintf("§%d %s", i+2, c.title)
		if got := headingAtTop(t, m); got != want {
			t.Fatalf("] number %d: at %q, want %q", i+1, got, want)
		}
	}
	m, _ = press(t, m, "[")
	if got := headingAtTop(t, m); got != "§7 Recommendations" {
		t.Errorf("[ from the last chapter: at %q", got)
	}
	m, _ = press(t, m, "}")
	m, _ = press(t, m, "j")
	m, _ = press(t, m, "[")
	if got := headingAtTop(t, m); got != "§7 Recommendations" {
		t.Errorf("[ inside §7.1 goes to %q, not its chapter", got)
	}
}

// TestStatusLineNamesTheSubsection checks the status line's place as the
// text scrolls through a chapter: the chapter's number before its first
// sub-section, §3.2/8 inside the second, the chapter again on the next.
func TestStatusLineNamesTheSubsection(t *testing.T) {
	m := openReport(t, 80, 24)
	m, _ = press(t, m, "]")
	m, _ = press(t, m, "]")
	if got := statusOf(m); !strings.HasPrefix(got, "§3/8 Regional setting · ") {
		t.Fatalf("on chapter 3's heading: %q", got)
	}
	seen := map[string]bool{}
	for m.reader.currentSection() == 2 {
		place, _, _ := strings.Cut(statusOf(m), " · ")
		seen[place] = true
		m, _ = press(t, m, "j")
	}
	for _, want := range []string{"§3/8 Regional setting", "§3.1/8 Borders and corridors", "§3.2/8 Energy routes", "§3.3/8 Arms and industry"} {
		if !seen[want] {
			t.Errorf("scrolling through chapter 3 the status line never said %q; it said %v", want, seen)
		}
	}
	if got := statusOf(m); !strings.HasPrefix(got, "§4/8 Findings · ") {
		t.Errorf("on chapter 4: %q", got)
	}
}

// TestPlacesNameTheSubsection: what names a place (the message of m and
// y, the list of bookmarks) names a sub-section as the status line does,
// its paragraphs counted from its heading; elsewhere as before.
func TestPlacesNameTheSubsection(t *testing.T) {
	a, err := articles.Parse("report.md", []byte(reportText()), "report")
	if err != nil {
		t.Fatal(err)
	}
	o := newOutline(a)
	sub := o.subs[o.firstSub[2]+1] // §3.2 Energy routes
	tests := []struct {
		pos  articles.Position
		want string
	}{
		{articles.Position{Section: 2}, "§3"},
		{articles.Position{Section: 2, Block: 1}, "§3 ¶1"},
		{sub.pos, "§3.2"},
		{articles.Position{Section: 2, Block: sub.pos.Block + 1}, "§3.2 ¶1"},
		{articles.Position{Section: 2, Block: sub.pos.Block + 2, Offset: 40}, "§3.2 ¶2"},
		{o.subs[o.firstSub[3]+1].pos, "§4.1.1"},
		{articles.Position{Section: 3, Block: o.subs[o.firstSub[3]+1].pos.Block + 1}, "§4.1.1 ¶1"},
		{articles.Position{Section: 7, Block: 1}, "§8 ¶1"},
	}
	for _, tt := range tests {
		if got := o.placeName(tt.pos); got != tt.want {
			t.Errorf("placeName(%+v) = %q, want %q", tt.pos, got, tt.want)
		}
	}
	ctx := testContext(render.StyleDark, 80, 24)
	marks := newMarksList(ctx, []library.Bookmark{{Position: articles.Position{Section: 2, Block: sub.pos.Block + 1}, Excerpt: "Paragraph 1"}}, o.placeName)
	if row := ansiStrip(marks.row(0, 70, false)); !strings.Contains(row, "§3.2 ¶1") {
		t.Errorf("the bookmarks list names the place %q", row)
	}
}

// TestTheContentsFoldWhenLong: at 80×24 the report's 24 rows do not fit,
// so the contents open with only the sub-sections of the chapter being
// read; z lists them all, keeping the cursor on its row, and folds them
// again to the chapter under the cursor. enter on a sub-section goes to
// it. At 140×50 they fit and open unfolded.
func TestTheContentsFoldWhenLong(t *testing.T) {
	m := openReport(t, 80, 24)
	for range 5 {
		m, _ = press(t, m, "}") // §3.1 Borders and corridors
	}
	m, _ = press(t, m, "t")
	c, ok := openOverlay[contentsList](m)
	if !ok || !c.folded {
		t.Fatalf("t at 80×24: contents open %v, folded %v", ok, c.folded)
	}
	if got, want := len(c.rows), 8+3; got != want {
		t.Errorf("folded, the contents have %d rows, want the 8 sections and chapter 3's 3 sub-sections", got)
	}
	screen := strings.Join(screenLines(m), "\n")
	for _, want := range []string{"› ", "3.1  Borders and corridors", "3.3  Arms and industry", "+4", "z all sub-sections"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the folded contents lack %q:\n%s", want, screen)
		}
	}
	if strings.Contains(screen, "2.1  Scope") {
		t.Errorf("the folded contents show chapter 2's sub-sections:\n%s", screen)
	}
	cursor := c.rows[c.list.cursor]
	m, _ = press(t, m, "z")
	c, _ = openOverlay[contentsList](m)
	if c.folded || len(c.rows) != 8+len(c.outline.subs) || c.rows[c.list.cursor] != cursor {
		t.Fatalf("z: folded %v, %d rows, cursor on %+v (was %+v)", c.folded, len(c.rows), c.rows[c.list.cursor], cursor)
	}
	if screen := strings.Join(screenLines(m), "\n"); !strings.Contains(screen, "z fold") {
		t.Errorf("unfolded, the help does not offer to fold:\n%s", screen)
	}
	for range 5 { // down to §4 Findings, then §4.1 Trade, §4.1.1 Shipping
		m, _ = press(t, m, "j")
	}
	c, _ = openOverlay[contentsList](m)
	if got := c.outline.subs[c.rows[c.list.cursor].sub].number; got != "4.1.1" {
		t.Fatalf("five rows down the cursor is on %s", got)
	}
	m, _ = press(t, m, "z")
	c, _ = openOverlay[contentsList](m)
	if !c.folded || len(c.rows) != 8+4 || c.outline.subs[c.rows[c.list.cursor].sub].number != "4.1.1" {
		t.Fatalf("z again: folded %v, %d rows", c.folded, len(c.rows))
	}
	m, _ = press(t, m, "enter")
	if got := headingAtTop(t, m); got != "§4.1.1 Shipping in the Caspian" || m.reader.overlay != nil {
		t.Errorf("enter on 4.1.1: at %q", got)
	}

	m = openReport(t, 140, 50)
	m, _ = press(t, m, "t")
	if c, _ := openOverlay[contentsList](m); c.folded || len(c.rows) != 24 {
		t.Errorf("t at 140×50: folded %v, %d rows", c.folded, len(c.rows))
	}
}

// TestTheSideContentsNestTheSubsections: T lists the sub-sections under
// their chapters, highlights the one being read, folds to the chapter
// being read when all do not fit, and a click on a sub-section goes
// there.
func TestTheSideContentsNestTheSubsections(t *testing.T) {
	m := openReport(t, 140, 24)
	m, cmd := press(t, m, "T")
	m = settle(t, m, cmd)
	for range 7 { // §3.3 Arms and industry
		m, _ = press(t, m, "}")
	}
	rows := m.reader.sideRows(m.reader.currentEntry())
	if len(rows) != 8+3 {
		t.Errorf("at 140×24 the side contents have %d rows, want chapter 3's sub-sections only", len(rows))
	}
	lines, owners := m.reader.sidePaneLayout(sidePane)
	found := false
	for i, l := range lines {
		if strings.Contains(ansiStrip(l), "3.3 Arms and industry") {
			found = true
			if owners[i] != m.reader.currentEntry() || !strings.Contains(l, "\x1b[7m") {
				t.Errorf("the sub-section being read is not the highlighted row: %q", l)
			}
		}
	}
	if !found {
		t.Fatalf("the side contents lack 3.3:\n%s", ansiStrip(strings.Join(lines, "\n")))
	}
	m, _ = click(t, m, 5, rowOf(t, m, "3.1 Borders"))
	if got := statusOf(m); !strings.HasPrefix(got, "§3.1/8 Borders and corridors · ") || m.reader.anchor != m.reader.outline.subs[m.reader.outline.firstSub[2]].pos {
		t.Errorf("a click on 3.1 in the side contents: status %q, place %+v", got, m.reader.anchor)
	}
}

// TestSubsectionKeysOffWithoutSubsections: in an article without
// sub-sections } and { are left out of the help and say why.
func TestSubsectionKeysOffWithoutSubsections(t *testing.T) {
	a, err := articles.Parse("flat.md", []byte("---\ntitle: Flat\n---\nLede.\n\n## A\n\nx\n\n## B\n\ny\n"), "flat")
	if err != nil {
		t.Fatal(err)
	}
	ctx := newTestContext(render.StyleDark)
	ctx.Width, ctx.Height = 80, 24
	cat, err := library.OpenCatalog(library.Options{Sources: library.Sources{Bundle: []*articles.Article{a}}})
	if err != nil {
		t.Fatal(err)
	}
	ctx.Catalog = cat
	m := open(t, startModel(t, ctx), "flat")
	m, cmd := press(t, m, "}")
	if cmd == nil || m.reader.status.text != "This article has no sub-sections." || m.reader.top != 0 {
		t.Errorf("} without sub-sections: %q, top %d", m.reader.status.text, m.reader.top)
	}
	m, _ = press(t, m, "?")
	if screen := strings.Join(screenLines(m), "\n"); strings.Contains(screen, "sub-section") {
		t.Errorf("the help offers } without sub-sections:\n%s", screen)
	}
	m = openReport(t, 80, 30)
	m, _ = press(t, m, "?")
	if screen := strings.Join(screenLines(m), "\n"); !strings.Contains(screen, "}/{") || !strings.Contains(screen, "by sub-section") {
		t.Errorf("the help does not offer }/{ in the report:\n%s", screen)
	}
}

// TestSubsectionViews are the nested contents on screen: over the text at
// 80 columns (folded, then unfolded) and 140, and beside the text at 140.
func TestSubsectionViews(t *testing.T) {
	tests := []struct {
		name string
		w, h int
		keys []string
	}{
		{"contents-80", 80, 24, []string{"]", "]", "}", "}", "t"}},
		{"contents-80-unfolded", 80, 24, []string{"]", "]", "}", "}", "t", "z"}},
		{"contents-140", 140, 44, []string{"]", "]", "}", "}", "t"}},
		{"side-140", 140, 30, []string{"T", "]", "]", "}", "}"}},
		{"status-80", 80, 24, []string{"]", "]", "}", "}", "j"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := openReport(t, tt.w, tt.h)
			for _, k := range tt.keys {
				m, _ = press(t, m, k)
			}
			view := m.View()
			checkSize(t, view, tt.w, tt.h)
			golden.RequireEqualEscape(t, []byte(view), true)
		})
	}
}

// TestQuoteAndBookmarkInASubsection press y and m right after } has put
// a sub-section's heading on the top line: the quote is its first
// paragraph, not the heading, and both messages name the place as the
// status line does; the citation names the chapter.
func TestQuoteAndBookmarkInASubsection(t *testing.T) {
	file := filepath.Join(t.TempDir(), "report.md")
	if err := os.WriteFile(file, []byte(reportText()), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := storeContext(t, 100, 30, filepath.Join(t.TempDir(), "cable.db"), file)
	m := open(t, startModel(t, ctx), file)
	for range 6 {
		m, _ = press(t, m, "}")
	}
	if got := statusOf(m); !strings.HasPrefix(got, "§3.2/8 Energy routes") {
		t.Fatalf("status %q", got)
	}
	m, cmd := press(t, m, "y")
	m = settle(t, m, cmd)
	if got := m.reader.status.text; !strings.Contains(got, "Highlighted §3.2 ¶1.") {
		t.Errorf("y says %q", got)
	}
	quotes, err := ctx.Catalog.Store.Quotes("")
	if err != nil || len(quotes) != 1 {
		t.Fatalf("quotes = %+v, %v", quotes, err)
	}
	if q := quotes[0]; !strings.HasPrefix(q.Text, "Paragraph 1 of Energy routes.") || q.SectionTitle != "Regional setting" {
		t.Errorf("quoted %q in %q, want the sub-section's first paragraph in its chapter", q.Text, q.SectionTitle)
	}
	m, _ = press(t, m, "m")
	m, cmd = press(t, m, "enter")
	m = settle(t, m, cmd)
	if got := m.reader.status.text; got != "Bookmarked §3.2." {
		t.Errorf("m says %q", got)
	}
	m, _ = press(t, m, "'")
	if screen := strings.Join(screenLines(m), "\n"); !strings.Contains(screen, "1   §3.2  ") {
		t.Errorf("the bookmarks list:\n%s", screen)
	}
}

// TestContentsOfNothing: contents with no rows take every key without
// going anywhere; enter closes them.
func TestContentsOfNothing(t *testing.T) {
	a := &articles.Article{}
	c := newContents(testContext(render.StyleDark, 80, 24), a, newOutline(a)).at(entry{}, 20)
	for _, k := range []string{"j", "z", "G"} {
		next, act := c.update(keyMsg(k), frame{})
		if next == nil || act != nil {
			t.Errorf("%s in empty contents: %v, %v", k, next, act)
		}
	}
	if next, act := c.update(keyMsg("enter"), frame{}); next != nil || act != nil {
		t.Errorf("enter in empty contents: %v, %v", next, act)
	}
	if lines := c.view(frame{height: 20, width: 80}); len(lines) == 0 {
		t.Error("empty contents draw nothing")
	}
}

// TestSubsectionKeysRebind: next_subsection and previous_subsection take
// the keys config.yaml gives them, and the help shows those.
func TestSubsectionKeysRebind(t *testing.T) {
	c, err := config.Load(writeConfig(t, "keys:\n  next_subsection: J\n  previous_subsection: K\n"), Keymaps())
	if err != nil {
		t.Fatal(err)
	}
	a, err := articles.Parse("report.md", []byte(reportText()), "report")
	if err != nil {
		t.Fatal(err)
	}
	ctx := newTestContext(render.StyleDark)
	ctx.Width, ctx.Height, ctx.Keys = 80, 30, c.Keys
	cat, err := library.OpenCatalog(library.Options{Sources: library.Sources{Bundle: []*articles.Article{a}}})
	if err != nil {
		t.Fatal(err)
	}
	ctx.Catalog = cat
	m := open(t, startModel(t, ctx), "report")
	for _, k := range []string{"J", "J", "J", "}", "K"} {
		m, _ = press(t, m, k)
	}
	if got := headingAtTop(t, m); got != "§2.1 Scope of the inquiry" {
		t.Errorf("J J J } K: at %q, want } to do nothing once rebound", got)
	}
	m, _ = press(t, m, "?")
	if help := strings.Join(screenLines(m), "\n"); !strings.Contains(help, "J/K    by sub-section") {
		t.Errorf("the help does not show J/K:\n%s", help)
	}
}

// BenchmarkOutlineOfALongReport builds the outline (sections and
// sub-sections) of a report of 60 chapters with 8 sub-sections each, as
// opening it does.
func BenchmarkOutlineOfALongReport(b *testing.B) {
	var src strings.Builder
	src.WriteString("---\ntitle: Long\n---\nCover.\n")
	for c := range 60 {
		fmt.Fprintf(&src, "\n## Chapter %d\n\nText.\n", c+1)
		for s := range 8 {
			fmt.Fprintf(&src, "\n### Part %d.%d\n\nOne.\n\nTwo.\n\nThree.\n", c+1, s+1)
		}
	}
	a, err := articles.Parse("long.md", []byte(src.String()), "long")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if o := newOutline(a); len(o.subs) != 480 {
			b.Fatalf("%d sub-sections", len(o.subs))
		}
	}
}
