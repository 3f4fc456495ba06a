package articles

import (
	"os"
	"strings"
	"testing"
)

// seedParagraphs reads the seed article's raw text, as it was copied from
// the page, and returns its paragraphs.
func seedParagraphs(t *testing.T) []string {
	t.Helper()
	raw, err := os.ReadFile("../testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range strings.Split(string(raw), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// pageLeftovers are the lines of the seed that belong to the web page it
// was copied from, not to the article.
var pageLeftovers = []string{"Updated on", "Originally published by", "Leave a Comment"}

func TestBundleParses(t *testing.T) {
	list, err := Bundle()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != len(bundleOrder) {
		t.Fatalf("Bundle has %d articles, want %d", len(list), len(bundleOrder))
	}
	for _, a := range list {
		if len(a.Warnings) > 0 {
			t.Errorf("%s: warnings: %v", a.ID, a.Warnings)
		}
		if _, ok := a.EditorsNote(); !ok {
			t.Errorf("%s has no editor's note", a.ID)
		}
		if a.Origin != BundleOrigin {
			t.Errorf("%s: origin %q", a.ID, a.Origin)
		}
	}
}

func TestSeedArticleKeepsEveryParagraph(t *testing.T) {
	paras := seedParagraphs(t)
	if paras[0] != "How Deep Are Azerbaijan-Israel Relations?" {
		t.Fatalf("seed title line = %q", paras[0])
	}
	list, err := Bundle()
	if err != nil {
		t.Fatal(err)
	}
	a := list[0]
	if a.Meta.Title != paras[0] || a.Meta.Author != "Eldar Mamedov" {
		t.Errorf("title, author = %q, %q", a.Meta.Title, a.Meta.Author)
	}
	if a.Meta.Published != "" || a.Meta.Source != "" {
		t.Errorf("the seed gives no date or publisher, yet the article says %q, %q", a.Meta.Published, a.Meta.Source)
	}
	// Every paragraph of the article, in order, as Markdown source.
	var body []string
	for _, s := range a.Sections {
		for _, p := range strings.Split(s.Markdown, "\n\n") {
			if !strings.HasPrefix(p, "## ") {
				body = append(body, p)
			}
		}
	}
	var text []string
	for _, p := range paras[1:] {
		if !isLeftover(p) && p != "Editor’s note:" {
			text = append(text, p)
		}
	}
	if len(text) != 12 {
		t.Fatalf("seed has %d paragraphs of text, want 11 and the note", len(text))
	}
	if strings.Join(body, "\n\n") != strings.Join(text, "\n\n") {
		for i := range min(len(body), len(text)) {
			if body[i] != text[i] {
				t.Fatalf("paragraph %d differs:\n got %q\nwant %q", i+1, body[i], text[i])
			}
		}
		t.Fatalf("article has %d paragraphs, seed %d", len(body), len(text))
	}
	note, _ := a.EditorsNote()
	if got := a.Sections[note].Blocks[1].Text; !strings.HasPrefix(got, "Eldar Mamedov is a political adviser") {
		t.Errorf("editor's note = %q", got)
	}
	for _, left := range pageLeftovers {
		if strings.Contains(a.Markdown(), left) {
			t.Errorf("page leftover %q is in the article", left)
		}
	}
	headings := len(a.Sections) - 2 // less the lede and the note
	if headings < 5 || headings > 8 {
		t.Errorf("%d added headings, want 5 to 8", headings)
	}
	if !strings.Contains(a.Meta.Summary, "headings were added") {
		t.Errorf("summary does not say the headings were added: %q", a.Meta.Summary)
	}
}

func isLeftover(p string) bool {
	for _, l := range pageLeftovers {
		if p == l {
			return true
		}
	}
	return false
}

func TestIsEditorsNoteTitle(t *testing.T) {
	for title, want := range map[string]bool{
		"Editor's note": true, "Editor’s Note": true, "EDITORS NOTE:": true, "Editors' note": true,
		"Note from the editor": true, "Editorial note": true,
		"Notes": false, "Editor": false, "A note on editors": false,
	} {
		if got := IsEditorsNoteTitle(title); got != want {
			t.Errorf("IsEditorsNoteTitle(%q) = %v, want %v", title, got, want)
		}
	}
}

func TestSlugAndUniqueIDs(t *testing.T) {
	for name, want := range map[string]string{
		"How Deep (2013).md": "how-deep-2013", "a--b__c.markdown": "a-b-c", "Bakı.md": "bakı",
		"...md": "article", "x.MD": "x",
	} {
		if got := Slug(name); got != want {
			t.Errorf("Slug(%q) = %q, want %q", name, got, want)
		}
	}
	list := []*Article{{ID: "a"}, {ID: "b"}, {ID: "a"}, {ID: "a"}}
	UniqueIDs(list)
	var ids []string
	for _, a := range list {
		ids = append(ids, a.ID)
	}
	check(t, "ids", ids, []string{"a", "b", "a-2", "a-3"})
}

func TestFindSection(t *testing.T) {
	list, _ := Bundle()
	a := list[0]
	for q, want := range map[string]int{"1": 0, "3": 2, "Arms and Karabakh": 3, "arms": 3, "lobby": 4, "editor": 7} {
		if got, err := a.FindSection(q); err != nil || got != want {
			t.Errorf("FindSection(%q) = %d, %v; want %d", q, got, err, want)
		}
	}
	for q, want := range map[string]string{
		"9":    "azerbaijan-israel-relations has sections 1 to 8, not 9",
		"a":    `"a" matches several sections`,
		"nope": `azerbaijan-israel-relations has no section "nope"; its sections are 1 "Opening", 2`,
	} {
		if _, err := a.FindSection(q); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("FindSection(%q) error = %v, want it to contain %q", q, err, want)
		}
	}
}
