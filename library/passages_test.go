package library

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestSearchPassages: a report that mentions a thing again and again
// gives its best few passages, not one; where the query's words stand
// together comes before where they are spread; the front matter (its
// topics name the thing too) is no passage while the text has one, and is
// the hit, said to be, when only it matches; the limit counts articles.
func TestSearchPassages(t *testing.T) {
	s, _ := newTestStore(t)
	dir := t.TempDir()
	spread := "The shadow of the war falls on the ports, and far from here, in another sea, a fleet of old tankers waits for buyers."
	put(t, filepath.Join(dir, "report.md"), "---\ntitle: Tankers\ntopics: [shadow fleet]\n---\n\n"+strings.Join([]string{
		spread,
		"## Insurance",
		"Insurers will not cover the shadow fleet, which sails without them.",
		"## Flags",
		spread + " " + spread,
		"The shadow fleet changes flags twice a year.",
		"## Ports",
		"Ports turn the shadow fleet away when they can.",
	}, "\n\n")+"\n")
	put(t, filepath.Join(dir, "brief.md"), "---\ntitle: A brief\n---\n\nThe shadow fleet in one paragraph.\n")
	put(t, filepath.Join(dir, "topics.md"), "---\ntitle: Only its topics\ntopics: [shadow fleet]\n---\n\nNothing of it in the text.\n")
	mustSync(t, s, Sources{Dirs: []string{dir}})

	hits, err := s.SearchPassages("shadow fleet", 10, 3)
	if err != nil {
		t.Fatal(err)
	}
	byFile := map[string][]Hit{}
	var order []string
	for _, h := range hits {
		name := filepath.Base(h.Key)
		if len(byFile[name]) == 0 {
			order = append(order, name)
		}
		byFile[name] = append(byFile[name], h)
	}
	report := byFile["report.md"]
	if len(report) != 3 {
		t.Fatalf("report.md gave %d passages, want 3: %+v", len(report), report)
	}
	for _, h := range report {
		if h.FrontMatter || !strings.Contains(h.Snippet, SnippetStart+"shadow"+SnippetEnd+" "+SnippetStart+"fleet") {
			t.Errorf("report.md passage %q (front matter %v): want a passage with the words together", h.Snippet, h.FrontMatter)
		}
	}
	if only := byFile["topics.md"]; len(only) != 1 || !only[0].FrontMatter {
		t.Errorf("topics.md: %+v; want its front matter, said to be", only)
	}
	if len(order) != 3 || order[len(order)-1] != "topics.md" {
		t.Errorf("articles in order %v; want the one found by its topics alone last", order)
	}
	limited, _ := s.SearchPassages("shadow fleet", 1, 3)
	for _, h := range limited {
		if h.Key != limited[0].Key {
			t.Errorf("limit 1 gave passages of two articles: %v", limited)
		}
	}
	one, _ := s.Search("shadow fleet", 10)
	if len(one) != 3 {
		t.Errorf("Search gives %d hits, want one per article", len(one))
	}
}
