package library

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestCleanTag(t *testing.T) {
	for in, want := range map[string]string{"iran": "iran", "  #Iran ": "Iran", "arms  control": "arms control",
		"a,b": "a b", "#": "", "   ": ""} {
		if got := CleanTag(in); got != want {
			t.Errorf("CleanTag(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTagsAndUntags: tags are kept once however often given, without
// regard to case, taken off as tombstones with their time, and put back
// with the same ID.
func TestTagsAndUntags(t *testing.T) {
	s, _ := newTestStore(t)
	if err := s.Tag("/lib/a.md", "iran", "Nuclear", "#iran", ""); err != nil {
		t.Fatal(err)
	}
	if err := s.Tag("/lib/b.md", "Iran"); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Tags("/lib/a.md"); err != nil || !slices.Equal(got, []string{"iran", "Nuclear"}) {
		t.Errorf("Tags(a) = %q, %v", got, err)
	}
	if got, _ := s.TagsInUse(); !slices.Equal(got, []string{"iran", "Nuclear"}) && !slices.Equal(got, []string{"Iran", "Nuclear"}) {
		t.Errorf("TagsInUse = %q; want each tag once", got)
	}
	before, _ := s.Marks()
	if err := s.Untag("/lib/a.md", "IRAN", "never given"); err != nil {
		t.Fatal(err)
	}
	all, _ := s.AllTags()
	if want := map[string][]string{"/lib/a.md": {"Nuclear"}, "/lib/b.md": {"Iran"}}; !maps.EqualFunc(all, want, slices.Equal) {
		t.Errorf("AllTags = %q, want %q", all, want)
	}
	marks, _ := s.Marks()
	if len(marks) != 3 {
		t.Fatalf("marks = %+v; want three, one a tombstone", marks)
	}
	var tomb Mark
	for _, m := range marks {
		if !m.Deleted.IsZero() {
			tomb = m
		}
	}
	if tomb.Tag != "iran" || tomb.Key != "/lib/a.md" || !tomb.Changed.Equal(tomb.Deleted) {
		t.Errorf("the tombstone is %+v", tomb)
	}
	if err := s.Tag("/lib/a.md", "Iran"); err != nil {
		t.Fatal(err)
	}
	again, _ := s.Marks()
	for _, m := range again {
		if m.Tag == "iran" && m.Key == "/lib/a.md" {
			if !m.Deleted.IsZero() || m.ID != idOf(before, "/lib/a.md", "iran") {
				t.Errorf("tagged again: %+v; want live, with its first ID", m)
			}
		}
	}
}

func idOf(marks []Mark, key, tag string) string {
	for _, m := range marks {
		if m.Key == key && m.Tag == tag {
			return m.ID
		}
	}
	return ""
}

// TestArchive: an article put aside is listed with its time; taken out,
// its mark stays as a tombstone.
func TestArchive(t *testing.T) {
	s, _ := newTestStore(t)
	start := time.Now()
	if err := s.Archive("/lib/a.md"); err != nil {
		t.Fatal(err)
	}
	if err := s.Archive("/lib/b.md"); err != nil {
		t.Fatal(err)
	}
	first, _ := s.Archived()
	if err := s.Archive("/lib/a.md"); err != nil {
		t.Fatal(err)
	}
	got, err := s.Archived()
	if err != nil || len(got) != 2 || got["/lib/a.md"].Before(start) || !got["/lib/a.md"].Equal(first["/lib/a.md"]) {
		t.Errorf("Archived = %v, %v; want both, a keeping its first time", got, err)
	}
	if err := s.Unarchive("/lib/a.md"); err != nil {
		t.Fatal(err)
	}
	if err := s.Unarchive("/lib/never.md"); err != nil {
		t.Errorf("taking out an article never archived: %v", err)
	}
	if got, _ := s.Archived(); len(got) != 1 || got["/lib/b.md"].IsZero() {
		t.Errorf("Archived after Unarchive = %v", got)
	}
	marks, _ := s.Marks()
	if len(marks) != 2 {
		t.Errorf("marks = %+v; want two, one a tombstone", marks)
	}
}

// TestReviewIntervals: a highlight is due a day after it was made, then
// after 3, 7, 21, 60 and 180 days from each review, and every 180 after.
func TestReviewIntervals(t *testing.T) {
	s, _ := newTestStore(t)
	made := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	h, err := s.AddHighlight(testHighlight("/lib/a.md", "Words.", 0, 1, 0, made))
	if err != nil {
		t.Fatal(err)
	}
	if due, _ := s.DueHighlights(made.Add(23*time.Hour), 5); len(due) != 0 {
		t.Errorf("due before a day: %+v", due)
	}
	now := made
	for i, days := range []int{1, 3, 7, 21, 60, 180, 180} {
		now = now.Add(time.Duration(days) * 24 * time.Hour)
		if due, _ := s.DueHighlights(now.Add(-time.Minute), 5); len(due) != 0 {
			t.Fatalf("review %d: due a minute before %d days", i+1, days)
		}
		due, err := s.DueHighlights(now, 5)
		if err != nil || len(due) != 1 || due[0].ID != h.ID {
			t.Fatalf("review %d: due after %d days = %+v, %v", i+1, days, due, err)
		}
		if err := s.MarkReviewed(now, h.ID); err != nil {
			t.Fatal(err)
		}
	}
	if got, _, _ := s.Highlight(h.ID); got.Reviews != 7 || !got.Reviewed.Equal(now) {
		t.Errorf("after seven reviews: %d reviews, last %v", got.Reviews, got.Reviewed)
	}
}

// TestMarksFollowAMovedFile: an article's tags, archive mark and
// highlights follow its file when it moves, as its reading does.
func TestMarksFollowAMovedFile(t *testing.T) {
	s, _ := newTestStore(t)
	dir := t.TempDir()
	oldPath, newPath := filepath.Join(dir, "draft.md"), filepath.Join(dir, "final.md")
	put(t, oldPath, article("Moving house", "Text that does not change when the file moves."))
	src := Sources{Dirs: []string{dir}}
	mustSync(t, s, src)
	s.Tag(oldPath, "iran")
	s.Archive(oldPath)
	if _, err := s.AddHighlight(testHighlight(oldPath, "Text that", 1, 1, 0, time.Now())); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(oldPath, newPath); err != nil {
		t.Fatal(err)
	}
	mustSync(t, s, src)
	if tags, _ := s.Tags(newPath); !slices.Equal(tags, []string{"iran"}) {
		t.Errorf("the tags did not follow the file: %q", tags)
	}
	if archived, _ := s.Archived(); archived[newPath].IsZero() || !archived[oldPath].IsZero() {
		t.Errorf("the archive mark did not follow the file: %v", archived)
	}
	if hs, _ := s.Highlights(newPath); len(hs) != 1 {
		t.Errorf("the highlight did not follow the file: %+v", hs)
	}
}
