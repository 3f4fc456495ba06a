package export

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-yaml"
)

// frontMatter reads a document's YAML front matter back.
func frontMatter(t *testing.T, doc string) map[string]any {
	t.Helper()
	rest, ok := strings.CutPrefix(doc, "---\n")
	end := strings.Index(rest, "\n---\n")
	if !ok || end < 0 {
		t.Fatalf("no front matter in\n%s", doc)
	}
	var fm map[string]any
	if err := yaml.Unmarshal([]byte(rest[:end]), &fm); err != nil {
		t.Fatalf("the front matter does not read as YAML: %v\n%s", err, rest[:end])
	}
	return fm
}

func TestDocument(t *testing.T) {
	a := testArticles()[0]
	doc := Document(a)
	fm := frontMatter(t, doc)
	want := map[string]any{"title": a.Title, "author": a.Author, "source": a.Source, "url": a.URL,
		"published": "2024-01-02", "cable_id": a.ID}
	for k, v := range want {
		if fm[k] != v {
			t.Errorf("front matter %s = %#v, want %#v", k, fm[k], v)
		}
	}
	if tags, _ := fm["tags"].([]any); !slices.Equal(tags, []any{"iran", "caucasus"}) {
		t.Errorf("tags = %#v", fm["tags"])
	}
	for _, part := range []string{
		"\npublished: 2024-01-02\n", // unquoted: a date, to a notes app
		"\n# " + a.Title + "\n",
		"\n> There has been \"much\" speculation, here & there.\n\nWorth citing, with a comma.\n\n— §1 ¶1\n",
		"\n> Baku buys drones_and $oil #1 ~50% {braced}.\n\n— §3 ¶3, not found in the text\n",
		"\n" + MarkerPrefix,
	} {
		if !strings.Contains(doc, part) {
			t.Errorf("the document lacks %q:\n%s", part, doc)
		}
	}
	if !strings.HasSuffix(doc, "-->\n") {
		t.Errorf("the document does not end with its marker line:\n%s", doc)
	}
	two := Document(testArticles()[1])
	if !strings.Contains(two, "> A line.\n>\n> Another line.\n\nA note\nof two lines.\n\n— §2\n") {
		t.Errorf("the paragraphs of a passage are quoted in one block quote:\n%s", two)
	}
	if fm := frontMatter(t, two); fm["url"] != nil || !slices.Equal(fm["tags"].([]any), []any{}) {
		t.Errorf("an unknown field is left out and tags are a list: %v", fm)
	}
}

// TestWriteDirKeepsTheReadersText: a second export rewrites cable's part
// with the new highlight and keeps every byte below the marker line; a
// third changes nothing; a file changed above its marker, or without its
// marker, is left alone; an article of the same title gets a file of its
// own; the reader's own file of that name is never touched.
func TestWriteDirKeepsTheReadersText(t *testing.T) {
	dir := t.TempDir()
	arts := testArticles()
	res, err := WriteDir(dir, arts[:1])
	if err != nil || len(res) != 1 || res[0].Status != Written {
		t.Fatalf("first export: %+v, %v", res, err)
	}
	path := res[0].Path
	if filepath.Base(path) != "how-deep-are-azerbaijan-israel-relations-a-50-view.md" {
		t.Errorf("file %s", filepath.Base(path))
	}
	mine := "\n## My notes\n\nThis matters for the memo; see also > quotes — and §3.\n"
	data, _ := os.ReadFile(path)
	os.WriteFile(path, append(data, mine...), 0o644)

	arts[0].Highlights = append(arts[0].Highlights, hl("h9", "/lib/a.md", "A new passage.", "new note", 4, 1, testTime.Add(time.Hour)))
	res, err = WriteDir(dir, arts[:1])
	if err != nil || res[0].Status != Updated || res[0].Path != path {
		t.Fatalf("second export: %+v, %v", res, err)
	}
	data, _ = os.ReadFile(path)
	if !strings.Contains(string(data), "> A new passage.") || !strings.HasSuffix(string(data), "-->\n"+mine) {
		t.Errorf("after the second export:\n%s", data)
	}
	if res, _ = WriteDir(dir, arts[:1]); res[0].Status != Unchanged {
		t.Errorf("third export: %+v, want unchanged", res)
	}

	edited := strings.Replace(string(data), "new note", "my own words", 1)
	os.WriteFile(path, []byte(edited), 0o644)
	arts[0].Highlights[0].Note = "changed in cable"
	if res, _ = WriteDir(dir, arts[:1]); res[0].Status != LeftAlone || !strings.Contains(res[0].Reason, "above its marker") {
		t.Errorf("a file changed above its marker: %+v", res)
	}
	if got, _ := os.ReadFile(path); string(got) != edited {
		t.Errorf("a file changed above its marker was written:\n%s", got)
	}
	noMarker := Document(arts[0])[:strings.Index(Document(arts[0]), MarkerPrefix)]
	os.WriteFile(path, []byte(noMarker), 0o644)
	if res, _ = WriteDir(dir, arts[:1]); res[0].Status != LeftAlone || !strings.Contains(res[0].Reason, "marker line is gone") {
		t.Errorf("a file without its marker: %+v", res)
	}

	other := arts[1]
	other.Title = arts[0].Title
	theirs := filepath.Join(dir, "how-deep-are-azerbaijan-israel-relations-a-50-view-2.md")
	res, err = WriteDir(dir, []Article{other})
	if err != nil || res[0].Status != Written || res[0].Path != theirs {
		t.Errorf("another article of the same title: %+v, %v; want %s", res, err, theirs)
	}
	readers := filepath.Join(dir, "gaza-the-day-after.md")
	os.WriteFile(readers, []byte("my own file\n"), 0o644)
	res, _ = WriteDir(dir, arts[1:])
	if got, _ := os.ReadFile(readers); string(got) != "my own file\n" || res[0].Path == readers {
		t.Errorf("the reader's own file of that name: %+v, now %q", res, got)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".cable-export-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

// FuzzArticleFile: whatever a file of an article's name holds, an export
// into it never fails but for the disk, never loses what lies below a
// marker line, and writes only a file it can tell is cable's, unchanged
// above its marker.
func FuzzArticleFile(f *testing.F) {
	a := testArticles()[0]
	doc := Document(a)
	f.Add(doc + "my notes\n")
	f.Add(strings.Replace(doc, "Worth", "Changed", 1))
	f.Add("---\ncable_id: \"azerbaijan-israel\"\n---\n" + MarkerPrefix + " (zz) -->")
	f.Add("")
	f.Fuzz(func(t *testing.T, existing string) {
		dir := t.TempDir()
		path := filepath.Join(dir, "how-deep-are-azerbaijan-israel-relations-a-50-view.md")
		if err := os.WriteFile(path, []byte(existing), 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := WriteDir(dir, []Article{a})
		if err != nil {
			t.Fatal(err)
		}
		now, _ := os.ReadFile(path)
		if res[0].Path != path || res[0].Status == LeftAlone || res[0].Status == Unchanged {
			if string(now) != existing {
				t.Fatalf("a file not cable's to write was changed: %+v", res[0])
			}
			return
		}
		_, _, below, ok := splitAtMarker(existing)
		if !ok || !strings.HasSuffix(string(now), below) || !strings.HasPrefix(string(now), Document(a)) {
			t.Fatalf("the export into\n%q\ngave\n%q", existing, now)
		}
	})
}
