package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cable/library"
)

// listedIDs runs "cable list --json" with args and returns the IDs it
// shows, by title.
func listedIDs(t *testing.T, args ...string) map[string]string {
	t.Helper()
	out, err := run(t, append([]string{"list", "--json"}, args...)...)
	if err != nil {
		t.Fatalf("list %v: %v", args, err)
	}
	var list []struct{ ID, Title string }
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("list %v printed %q: %v", args, out, err)
	}
	ids := map[string]string{}
	for _, a := range list {
		ids[a.Title] = a.ID
	}
	return ids
}

// TestListedIDsOpenEverywhere checks that an ID "cable list" shows opens
// its article from every command, also the ID a moved file keeps, which
// only the index knows: read, the reader's "cable ID", quotes --article.
func TestListedIDsOpenEverywhere(t *testing.T) {
	places := testHome(t)
	home := t.TempDir()
	lib, other := filepath.Join(home, "lib"), filepath.Join(home, "other")
	for _, dir := range []string{lib, other} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	const body = "---\ntitle: Moving Day\nauthor: A. Writer\n---\n\n## One\n\nWords of the moved article.\n"
	if err := os.WriteFile(filepath.Join(lib, "original-name.md"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if id := listedIDs(t, "--library", lib)["Moving Day"]; id != "original-name" {
		t.Fatalf("the new file is listed as %q", id)
	}
	renamed := filepath.Join(lib, "renamed.md")
	if err := os.Rename(filepath.Join(lib, "original-name.md"), renamed); err != nil {
		t.Fatal(err)
	}

	// Every ID listed opens its article.
	ids := listedIDs(t, "--library", lib)
	if ids["Moving Day"] != "original-name" {
		t.Fatalf("the moved file is listed as %q; it keeps its ID", ids["Moving Day"])
	}
	for title, id := range ids {
		out, err := run(t, "read", id, "--library", lib, "--style", "notty")
		if err != nil || !strings.Contains(out, title) {
			t.Errorf("read %s (listed for %q): %v\n%s", id, title, err, out)
		}
	}
	cat, err := (&env{library: lib}).openCatalog([]string{"original-name"})
	if err != nil {
		t.Fatalf("cable original-name: %v", err)
	}
	if e := fileToOpen(cat, []string{"original-name"}); e == nil || e.Key != renamed {
		t.Errorf("cable original-name opens %+v, want %s", e, renamed)
	}
	cat.Close()

	// A quote saved under an ID the article no longer has is still its
	// quote: quotes follow the article's key.
	store, _, err := library.Open(places.DB)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.AddQuote(library.Quote{Key: renamed, ArticleID: "an-old-id", Title: "Moving Day", Text: "Words of the moved article."}); err != nil {
		t.Fatal(err)
	}
	store.Close()
	out, err := run(t, "quotes", "--article", "original-name", "--library", lib)
	if err != nil || !strings.Contains(out, "Words of the moved article.") {
		t.Errorf("quotes --article original-name printed %q, %v", out, err)
	}
	out, err = run(t, "quotes", "--article", "an-old-id", "--library", lib)
	if err != nil || !strings.Contains(out, "Words of the moved article.") {
		t.Errorf("quotes --article an-old-id (an ID no longer listed) printed %q, %v", out, err)
	}

	// Another library holding the same content: the file is taken for
	// the moved one, keeps its ID, and that ID opens it.
	if err := os.WriteFile(filepath.Join(other, "copy.md"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	id := listedIDs(t, "--library", other)["Moving Day"]
	out, err = run(t, "read", id, "--library", other, "--style", "notty")
	if err != nil || !strings.Contains(out, "Moving Day") {
		t.Errorf("read %s with --library %s: %v\n%s", id, other, err, out)
	}
}
