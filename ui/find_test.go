package ui

import (
	"fmt"
	"strings"
	"testing"
)

func TestTextIndexFind(t *testing.T) {
	lines := []string{
		"  ## Arms and Karabakh",
		"",
		"  Control over the Nagorno-Karabakh",
		"  territory. KARABAKH in capitals,",
		"  and karabakh.",
	}
	ix := newTextIndex(lines)
	tests := []struct {
		query string
		want  []string // line:from-to of each match's first span
	}{
		{"karabakh", []string{"0:14-22", "2:27-35", "3:13-21", "4:6-14"}},
		{"Karabakh", []string{"0:14-22", "2:27-35"}},
		{"KARABAKH", []string{"3:13-21"}},
		{"Nagorno-Karabakh territory", []string{"2:19-35"}}, // across the line break
		{"nagorno-karabakh   territory", []string{"2:19-35"}},
		{"Baku", nil},
		{"   ", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range ix.find(tt.query) {
			l := int(ix.line[m.start])
			s := ix.spans(m)[l]
			got = append(got, fmt.Sprintf("%d:%d-%d", l, s.from, s.to))
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("find(%q) = %v, want %v", tt.query, got, tt.want)
		}
	}
	spans := ix.spans(ix.find("Nagorno-Karabakh territory")[0])
	if spans[2] != (lineSpan{19, 35}) || spans[3] != (lineSpan{2, 11}) {
		t.Errorf("a match across two lines has spans %v", spans)
	}
}

// TestAnySpaceMatchesAnySpace: a no-break space (or a narrow or figure
// one) in the text is found by an ordinary space in the query, and the
// other way round, with or without case; the matched text keeps its own
// spaces.
func TestAnySpaceMatchesAnySpace(t *testing.T) {
	ix := newTextIndex([]string{"  a range of 10\u00a0km, of 5\u202fkm and", "  of 7\u2007Km; deteriorating\u00a0human rights"})
	tests := []struct {
		query string
		want  []string
	}{
		{"10 km", []string{"10\u00a0km"}},
		{"5 km", []string{"5\u202fkm"}},
		{"7 Km", []string{"7\u2007Km"}},
		{"7 km", []string{"7\u2007Km"}},
		{"and of", []string{"and of"}},
		{"deteriorating human rights", []string{"deteriorating\u00a0human rights"}},
		{"deteriorating\u00a0human", []string{"deteriorating\u00a0human"}},
		{"10km", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range ix.find(tt.query) {
			got = append(got, string(ix.runes[m.start:m.end]))
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("find(%q) = %q, want %q", tt.query, got, tt.want)
		}
	}
}

// TestSearchTheSeedAcrossNoBreakSpaces: the seed article has no-break
// spaces inside phrases a reader would search for.
func TestSearchTheSeedAcrossNoBreakSpaces(t *testing.T) {
	for _, query := range []string{"deteriorating human rights", "Israeli warplanes might use"} {
		m := openSeed(t, 100, 30)
		m, _ = press(t, m, "/")
		for _, r := range query {
			m, _ = press(t, m, string(r))
		}
		if got := m.reader.findStatus(); got != "match 1/1" {
			t.Errorf("/%s: %q, want match 1/1", query, got)
		}
	}
}

func TestHighlightKeepsTheRestOfTheLine(t *testing.T) {
	line := "\x1b[1mAn \x1b[0mimportant line"
	got := highlight(line, lineSpan{3, 12}, func(s ...string) string { return "[" + strings.Join(s, "") + "]" })
	if plain := ansiStrip(got); plain != "An [important] line" {
		t.Errorf("highlight = %q (%q)", got, plain)
	}
}

func TestSearchInTheArticle(t *testing.T) {
	m := openSeed(t, 100, 30)
	m, _ = press(t, m, "/")
	for _, r := range "Karabakh" {
		m, _ = press(t, m, string(r))
	}
	if got := m.reader.findStatus(); got != "match 1/6" {
		t.Fatalf("typing Karabakh: %q", got)
	}
	m, _ = press(t, m, "enter")
	if !strings.HasSuffix(statusOf(m), "match 1/6") {
		t.Errorf("status line = %q", statusOf(m))
	}
	// n walks the matches, each brought into view, not at the edge.
	for i := 2; i <= 6; i++ {
		m, _ = press(t, m, "n")
		match := m.reader.find.matches[m.reader.find.current]
		line := int(m.reader.find.index.line[match.start])
		if m.reader.findStatus() != fmt.Sprintf("match %d/6", i) {
			t.Fatalf("n → %q", m.reader.findStatus())
		}
		if line < m.reader.top+2 || line >= m.reader.top+m.reader.bodyHeight()-2 {
			t.Errorf("match %d on line %d is not well inside the view from %d", i, line, m.reader.top)
		}
	}
	m, _ = press(t, m, "n")
	if m.reader.findStatus() != "match 1/6" {
		t.Errorf("n after the last wraps to %q", m.reader.findStatus())
	}
	m, _ = press(t, m, "N")
	if m.reader.findStatus() != "match 6/6" {
		t.Errorf("N from the first goes to %q", m.reader.findStatus())
	}
	// The matches stay right after a resize.
	m = resize(t, m, 52, 30)
	if m.reader.findStatus() != "match 6/6" {
		t.Errorf("after a resize: %q", m.reader.findStatus())
	}
	view := strings.Join(screenLines(m), "\n")
	if !strings.Contains(view, "Karabakh") {
		t.Error("the current match is not on screen after the resize")
	}
	// esc clears the highlights and stays in the article; esc again leaves.
	m, _ = press(t, m, "esc")
	if m.reader.find.active() || m.screen != readerScreen {
		t.Fatalf("esc: search active %v, screen %v", m.reader.find.active(), m.screen)
	}
	m, cmd := press(t, m, "esc")
	if m = settle(t, m, cmd); m.screen != libraryScreen {
		t.Error("the second esc did not go back to the library")
	}
}

func TestSearchEscWhileTypingPutsThePlaceBack(t *testing.T) {
	m := openSeed(t, 80, 24)
	m, _ = press(t, m, "]")
	top := m.reader.top
	m, _ = press(t, m, "/")
	for _, r := range "drone" {
		m, _ = press(t, m, string(r))
	}
	if m.reader.top == top {
		t.Fatal("typing did not move to the match")
	}
	m, _ = press(t, m, "esc")
	if m.reader.top != top || m.reader.find.active() {
		t.Errorf("esc while typing: top %d (was %d), active %v", m.reader.top, top, m.reader.find.active())
	}
}

// TestSearchNotFoundPutsThePlaceBack: a query whose beginning moved the
// text to a match, and which in the end matches nothing, leaves the text
// where it was when typing began, and enter says it was not found.
func TestSearchNotFoundPutsThePlaceBack(t *testing.T) {
	m := openSeed(t, 80, 24)
	m, _ = press(t, m, "]")
	top := m.reader.top
	m, _ = press(t, m, "/")
	for _, r := range "dronez" {
		m, _ = press(t, m, string(r))
		if r == 'e' && m.reader.top == top {
			t.Fatal("typing \"drone\" did not move to the match")
		}
	}
	if m.reader.top != top {
		t.Errorf("\"dronez\" matches nothing, yet the text stays at %d (began at %d)", m.reader.top, top)
	}
	m, _ = press(t, m, "enter")
	if m.reader.top != top || !strings.Contains(statusOf(m), "Not found: dronez") {
		t.Errorf("after enter: top %d (began at %d), status %q", m.reader.top, top, statusOf(m))
	}
}

func TestSentenceAround(t *testing.T) {
	text := "First one. The second, with drones? Yes! Last one"
	for at, want := range map[int]string{0: "First one.", 15: "The second, with drones?", 36: "Yes!", 44: "Last one"} {
		if got := sentenceAround(text, at); got != want {
			t.Errorf("sentenceAround(%d) = %q, want %q", at, got, want)
		}
	}
}

func TestQuoteTheMatchSentence(t *testing.T) {
	ctx := storeContext(t, 80, 24, t.TempDir()+"/cable.db")
	m := open(t, startModel(t, ctx), "azerbaijan-israel-relations")
	m, _ = press(t, m, "/")
	for _, r := range "drone production" {
		m, _ = press(t, m, string(r))
	}
	m, _ = press(t, m, "enter")
	m, cmd := press(t, m, "y")
	m = settle(t, m, cmd)
	quotes, err := ctx.Catalog.Store.Quotes("azerbaijan-israel-relations")
	want := "And drone production does nothing to encourage Karabakh Armenians to accept Azerbaijani control of the territory."
	if err != nil || len(quotes) != 1 || quotes[0].Text != want || quotes[0].SectionTitle != "Arms and Karabakh" {
		t.Errorf("quotes = %+v, %v", quotes, err)
	}
}

func TestNamesIndexWalksMentions(t *testing.T) {
	m := openSeed(t, 100, 30)
	m, _ = press(t, m, "i")
	view := strings.Join(screenLines(m), "\n")
	if !namesOpen(m) || !strings.Contains(view, "Azerbaijan") || !strings.Contains(view, "Nagorno-Karabakh") {
		t.Fatalf("i shows:\n%s", view)
	}
	for names, _ := openOverlay[namesList](m); names.names[names.list.cursor].Text != "Nagorno-Karabakh"; names, _ = openOverlay[namesList](m) {
		m, _ = press(t, m, "j")
	}
	m, _ = press(t, m, "enter")
	if m.reader.overlay != nil || m.reader.findStatus() != "match 1/2" {
		t.Fatalf("choosing Nagorno-Karabakh: overlay %v, %q", m.reader.overlay, m.reader.findStatus())
	}
	m, _ = press(t, m, "n")
	if m.reader.findStatus() != "match 2/2" || !strings.Contains(strings.Join(screenLines(m), "\n"), "Nagorno-Karabakh is a non-issue") {
		t.Errorf("n: %q", m.reader.findStatus())
	}
}
