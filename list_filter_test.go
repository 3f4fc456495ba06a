package main

import (
	"encoding/json"
	"strings"
	"testing"

	"cable/library"
)

// TestListChoosesByTagUnreadAndArchive: cable list leaves the archive
// out unless --archived asks for it, and says so; --tag and --unread keep
// the articles tagged and never opened, alike in the table and in JSON.
func TestListChoosesByTagUnreadAndArchive(t *testing.T) {
	places := testHome(t)
	const guide = "reading-with-cable"
	for _, args := range [][]string{{"tag", deskArticle, "Iran"}, {"archive", guide}} {
		if _, err := run(t, args...); err != nil {
			t.Fatal(err)
		}
	}
	ids := func(args ...string) []string {
		t.Helper()
		out, err := run(t, append([]string{"list"}, args...)...)
		if err != nil {
			t.Fatalf("list %q: %v\n%s", args, err, out)
		}
		var got []string
		for _, line := range strings.Split(out, "\n") {
			if id, _, _ := strings.Cut(line, " "); id == deskArticle || id == guide {
				got = append(got, id)
			}
		}
		return got
	}
	tests := []struct {
		args []string
		want string
	}{
		{nil, deskArticle},
		{[]string{"--archived"}, deskArticle + " " + guide},
		{[]string{"--tag", "iran"}, deskArticle},
		{[]string{"--tag", "iran", "--archived"}, deskArticle},
		{[]string{"--tag", "caucasus", "--archived"}, ""},
		{[]string{"--unread", "--archived"}, deskArticle + " " + guide},
	}
	for _, tt := range tests {
		if tt.want == "" {
			// Nothing chosen is said, with exit status 1, as search says
			// nothing matches.
			if _, err := run(t, append([]string{"list"}, tt.args...)...); err == nil || !strings.Contains(err.Error(), "no article is tagged caucasus") {
				t.Errorf("list %q: %v, want an error saying no article is tagged so", tt.args, err)
			}
			continue
		}
		if got := strings.Join(ids(tt.args...), " "); got != tt.want {
			t.Errorf("list %q lists %q, want %q", tt.args, got, tt.want)
		}
	}
	if out, _ := run(t, "list"); !strings.Contains(out, "1 archived not listed: --archived lists them too.") {
		t.Errorf("list does not say an archived article was left out:\n%s", out)
	}

	store, _, err := library.Open(places.DB)
	if err != nil {
		t.Fatal(err)
	}
	err = store.MarkFinished("bundled:" + deskArticle)
	store.Close()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ids("--unread", "--archived"), " "); got != guide {
		t.Errorf("list --unread --archived after the seed was finished: %q, want %q", got, guide)
	}

	out, err := run(t, "list", "--json", "--tag", "IRAN")
	if err != nil {
		t.Fatal(err)
	}
	var listed []struct {
		ID string `json:"id"`
	}
	// The note on what was left out follows, on standard error.
	if err := json.NewDecoder(strings.NewReader(out)).Decode(&listed); err != nil || len(listed) != 1 || listed[0].ID != deskArticle {
		t.Errorf("list --json --tag IRAN: %v, %v\n%s", listed, err, out)
	}
	// --json says which articles are archived and their tags.
	out, err = run(t, "list", "--json", "--archived")
	if err != nil {
		t.Fatal(err)
	}
	var all []struct {
		ID       string   `json:"id"`
		Tags     []string `json:"tags"`
		Archived bool     `json:"archived"`
	}
	if err := json.NewDecoder(strings.NewReader(out)).Decode(&all); err != nil {
		t.Fatal(err)
	}
	for _, a := range all {
		wantTags, wantArchived := "", a.ID == guide
		if a.ID == deskArticle {
			wantTags = "Iran" // as it was given
		}
		if strings.Join(a.Tags, ",") != wantTags || a.Archived != wantArchived || a.Tags == nil {
			t.Errorf("list --json --archived: %s has tags %q and archived %v, want %q and %v", a.ID, a.Tags, a.Archived, wantTags, wantArchived)
		}
	}
	if _, err := run(t, "list", "--no-state", "--tag", "iran"); err == nil || !strings.Contains(err.Error(), "--tag") {
		t.Errorf("list --no-state --tag: %v, want an error naming --tag", err)
	}
}
