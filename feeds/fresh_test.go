package feeds

import (
	"context"
	"maps"
	"testing"

	"cable/library"
)

// TestUpdateMarksNew: every article an update saves is marked new in the
// store, by its path; an update that saves nothing marks nothing more.
func TestUpdateMarksNew(t *testing.T) {
	s := newSite(t)
	body := func(tag string) string { return "<p>" + words(200, tag) + "</p>" }
	s.set("/feed.xml", "application/rss+xml", rssFeed("F", [3]string{"One", s.url("/one"), body("one")}, [3]string{"Two", s.url("/two"), body("two")}))
	u := testUpdater(t)
	f := follow(t, u, s.url("/feed.xml"))
	res := u.Update(context.Background(), []library.Feed{f}, Events{})
	if len(res[0].Saved) != 2 {
		t.Fatalf("saved %v (%v), want 2", res[0].Saved, res[0].Err)
	}
	want := map[string]bool{res[0].Saved[0]: true, res[0].Saved[1]: true}
	if got, err := u.Store.NewKeys(); err != nil || !maps.Equal(got, want) {
		t.Errorf("new after the update: %v, %v; want %v", got, err, want)
	}
	if err := u.Store.ClearNew(res[0].Saved[0]); err != nil {
		t.Fatal(err)
	}
	u.Update(context.Background(), []library.Feed{f}, Events{})
	if got, _ := u.Store.NewKeys(); len(got) != 1 || !got[res[0].Saved[1]] {
		t.Errorf("after an update that saved nothing new: %v", got)
	}
}
