package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"cable/library"
)

// cslTypes are the item types the CSL 1.0.2 schema (csl-data.json) allows.
var cslTypes = []string{"article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
	"broadcast", "chapter", "classic", "collection", "dataset", "document", "entry", "entry-dictionary",
	"entry-encyclopedia", "event", "figure", "graphic", "hearing", "interview", "legal_case", "legislation",
	"manuscript", "map", "motion_picture", "musical_score", "pamphlet", "paper-conference", "patent",
	"performance", "periodical", "personal_communication", "post", "post-weblog", "regulation", "report",
	"review", "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage"}

// TestCSLJSONMeetsTheSchema: every item has the schema's required id and
// type, a type the schema knows, names as it writes them and dates as
// date-parts; and what the article's front matter says is where CSL
// readers look for it.
func TestCSLJSONMeetsTheSchema(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCSL(&b, testArticles()); err != nil {
		t.Fatal(err)
	}
	var items []map[string]any
	if err := json.Unmarshal(b.Bytes(), &items); err != nil {
		t.Fatalf("%v in\n%s", err, b.String())
	}
	if len(items) != 2 {
		t.Fatalf("%d items", len(items))
	}
	for _, it := range items {
		id, _ := it["id"].(string)
		typ, _ := it["type"].(string)
		if id == "" || !slices.Contains(cslTypes, typ) {
			t.Errorf("item id %q, type %q: want an id and a CSL type", id, typ)
		}
		for _, a := range it["author"].([]any) {
			name := a.(map[string]any)
			for k := range name {
				if !slices.Contains([]string{"family", "given", "literal"}, k) {
					t.Errorf("a name has %q", k)
				}
			}
		}
		for _, field := range []string{"issued", "accessed"} {
			d, ok := it[field].(map[string]any)
			if !ok {
				continue
			}
			parts := d["date-parts"].([]any)
			if len(parts) != 1 || len(parts[0].([]any)) == 0 || len(parts[0].([]any)) > 3 {
				t.Errorf("%s = %v", field, d)
			}
		}
	}
	a, r := items[0], items[1]
	if a["type"] != KindMagazine || a["id"] != "mamedov2024deep" || a["container-title"] != "Responsible Statecraft" ||
		a["URL"] != "https://example.com/a?x=1&y=2" || a["keyword"] != "iran, caucasus" {
		t.Errorf("the article: %v", a)
	}
	if got := a["issued"].(map[string]any)["date-parts"]; !slices.Equal(got.([]any)[0].([]any), []any{2024.0, 1.0, 2.0}) {
		t.Errorf("issued = %v", got)
	}
	if got := a["accessed"].(map[string]any)["date-parts"]; !slices.Equal(got.([]any)[0].([]any), []any{2026.0, 3.0, 4.0}) {
		t.Errorf("accessed = %v", got)
	}
	if r["type"] != KindReport || r["publisher"] != "International Crisis Group" || r["container-title"] != nil {
		t.Errorf("the report: %v", r)
	}
}

func TestKindOf(t *testing.T) {
	for source, want := range map[string]string{
		"Foreign Affairs": KindMagazine, "War on the Rocks": KindMagazine, "": KindMagazine,
		"The New York Times": KindNewspaper, "The Washington Post": KindNewspaper, "Financial Times": KindNewspaper,
		"The Wall Street Journal": KindNewspaper, "Journal of Strategic Studies": KindMagazine,
		"RAND Corporation": KindReport, "Brookings Institution": KindReport, "International Crisis Group": KindReport,
		"Carnegie Endowment for International Peace": KindReport, "Congressional Research Service": KindReport,
	} {
		if got := KindOf(source); got != want {
			t.Errorf("KindOf(%q) = %s, want %s", source, got, want)
		}
	}
}

// TestCSVReadsBack: Readwise's columns, one row per highlight, read back
// whole by a CSV reader whatever quotes, commas and lines the text holds.
func TestCSVReadsBack(t *testing.T) {
	var b bytes.Buffer
	arts := testArticles()
	if err := WriteCSV(&b, arts); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"Highlight", "Title", "Author", "URL", "Note", "Location", "Date"},
		{arts[0].Highlights[0].Text(), arts[0].Title, arts[0].Author, arts[0].URL, "Worth citing, with a comma.", "1", "2026-03-04 10:30:00"},
		{arts[0].Highlights[1].Text(), arts[0].Title, arts[0].Author, arts[0].URL, "", "2", "2026-03-04 11:30:00"},
		{"A line.\nAnother line.", "Gaza: The Day After", arts[1].Author, "", "A note\nof two lines.", "1", "2026-03-04 10:30:00"},
	}
	if !slices.EqualFunc(rows, want, slices.Equal) {
		t.Errorf("rows\n%q\nwant\n%q", rows, want)
	}
}

// TestJSONHoldsEverything: the JSON has every highlight's words, context,
// place, note, times and whether it was found.
func TestJSONHoldsEverything(t *testing.T) {
	arts := testArticles()
	arts[0].Highlights[0].Anchor.Quote.Prefix, arts[0].Highlights[0].Anchor.Quote.Suffix = "before ", " after"
	var b bytes.Buffer
	if err := WriteJSON(&b, arts); err != nil {
		t.Fatal(err)
	}
	var got []articleJSON
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || len(got[0].Highlights) != 2 || got[0].Type != KindMagazine || !slices.Equal(got[0].Tags, []string{"iran", "caucasus"}) {
		t.Fatalf("got %+v", got)
	}
	h := got[0].Highlights[0]
	if h.ID != "h1" || h.Selector.Prefix != "before " || h.Selector.Suffix != " after" || h.Note != "Worth citing, with a comma." ||
		h.Place != "§1 ¶1" || !h.Found || !h.Created.Equal(testTime) {
		t.Errorf("the first highlight: %+v", h)
	}
	if got[0].Highlights[1].Found || got[0].Highlights[1].Place != "§3 ¶3" {
		t.Errorf("the highlight not found: %+v", got[0].Highlights[1])
	}
	var empty bytes.Buffer
	WriteJSON(&empty, nil)
	if strings.TrimSpace(empty.String()) != "[]" {
		t.Errorf("no articles: %q, want []", empty.String())
	}
}

// TestGather: highlights come together by article, the article with the
// newest highlight first, each one's highlights in the order of the text.
func TestGather(t *testing.T) {
	hs := []library.Highlight{
		hl("late", "/lib/b.md", "B late.", "", 0, 1, testTime.Add(3*time.Hour)),
		hl("second", "/lib/a.md", "A second.", "", 2, 1, testTime.Add(2*time.Hour)),
		hl("first", "/lib/a.md", "A first.", "", 1, 4, testTime),
	}
	hs[0].Title, hs[1].Title, hs[1].Source = "B", "A", "RAND Corporation"
	arts := Gather(hs)
	if len(arts) != 2 || arts[0].Key != "/lib/b.md" || arts[1].Title != "A" || arts[1].Kind != KindReport {
		t.Fatalf("Gather = %+v", arts)
	}
	if ids := []string{arts[1].Highlights[0].ID, arts[1].Highlights[1].ID}; !slices.Equal(ids, []string{"first", "second"}) {
		t.Errorf("highlights of A in order %q", ids)
	}
	if !arts[1].Accessed.Equal(testTime) {
		t.Errorf("A accessed %v, want its first highlight's time", arts[1].Accessed)
	}
}
