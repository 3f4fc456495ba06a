package feeds

import (
	"context"
	"maps"
	"testing"

	"cable/internal/testsupport"
	"cable/library"
)

// TestUpdateMarksNew: every article an update saves is marked new in the
// store, by its path; an update that saves nothing marks nothing more.
func TestUpdateMarksNew(t *testing.T) {
	s := testsupport.NewSite(t)
	body := func(tag string) string { return "<p>" + testsupport.Words(200, tag) + "</p>" }
	s.Set("/feed.xml", "application/rss+xml", testsupport.RSSFeed("F", testsupport.Item{"One", s.Link("/one"), body("one")}, testsupport.Item{"Two", s.Link("/two"), body("two")}))
	u := testUpdater(t)
	f := follow(t, u, s.Link("/feed.xml"))
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
