package library

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"cable/articles"
)

// trashedState is what a test gives an article before it is deleted, and
// checks it has again once it is restored.
func giveState(t *testing.T, s *Store, key string) {
	t.Helper()
	pos := articles.Position{Section: 2, Block: 1, Offset: 40}
	if err := s.SaveReading(Reading{Key: key, Position: pos, Progress: 60}); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkFinished(key); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddHighlight(testHighlight(key, "Text that", 1, 0, 0, time.Now())); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddBookmark(Bookmark{Key: key, Position: pos, Label: "here"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Tag(key, "iran"); err != nil {
		t.Fatal(err)
	}
	if err := s.Archive(key); err != nil {
		t.Fatal(err)
	}
}

// stateOf says what is kept under key, in a few words a test can compare.
func stateOf(t *testing.T, s *Store, key string) []string {
	t.Helper()
	var out []string
	if r, ok, _ := s.Reading(key); ok {
		out = append(out, fmt.Sprintf("reading %+v", r.Position))
		if r.Finished {
			out = append(out, "finished")
		}
	}
	hs, _ := s.Highlights(key)
	for _, h := range hs {
		out = append(out, "highlight:"+h.Text())
	}
	marks, _ := s.Bookmarks(key)
	for _, b := range marks {
		out = append(out, "bookmark:"+b.Label)
	}
	tags, _ := s.Tags(key)
	for _, tag := range tags {
		out = append(out, "tag:"+tag)
	}
	if archived, _ := s.Archived(); !archived[key].IsZero() {
		out = append(out, "archived")
	}
	return out
}

// TestTrashAndRestore deletes articles to the trash and brings them back,
// in the cases a reader meets: the path free again, a new file at the
// path since (the article then takes the next free name, and nothing is
// written over), and the folder the article was in gone.
func TestTrashAndRestore(t *testing.T) {
	tests := []struct {
		name string
		// meanwhile is done between the deletion and the restore.
		meanwhile   func(t *testing.T, path string)
		wantRenamed string // the file's name once restored, when not its own
	}{
		{name: "path free", meanwhile: func(*testing.T, string) {}},
		{name: "a new file at the path", meanwhile: func(t *testing.T, path string) {
			put(t, path, article("Another piece", "Another text, written since."))
		}, wantRenamed: "piece-2.md"},
		{name: "the next name taken too", meanwhile: func(t *testing.T, path string) {
			put(t, path, article("Another piece", "Another text, written since."))
			put(t, filepath.Join(filepath.Dir(path), "piece-2.md"), article("A third", "A third text."))
		}, wantRenamed: "piece-3.md"},
		{name: "the folder gone", meanwhile: func(t *testing.T, path string) {
			if err := os.RemoveAll(filepath.Dir(path)); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newTestStore(t)
			lib := t.TempDir()
			path := filepath.Join(lib, "sub", "piece.md")
			const text = "Text that does not change while it is away."
			put(t, path, article("A piece", text))
			src := Sources{Dirs: []string{lib}}
			e := find(t, first(mustSync(t, s, src)), path)
			giveState(t, s, path)
			want := stateOf(t, s, path)
			trash := Trash{Dir: filepath.Join(t.TempDir(), "trash")}

			tr, err := trash.Put(s, e)
			if err != nil {
				t.Fatal(err)
			}
			if tr.Name != e.Summary.ID || tr.Path != path || tr.Title != "A piece" {
				t.Errorf("trashed as %+v", tr)
			}
			if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the file is still at %s: %v", path, err)
			}
			if got := stateOf(t, s, path); len(got) != 0 {
				t.Errorf("while the article is in the trash its path keeps %q", got)
			}
			if got := stateOf(t, s, tr.StateKey); !slices.Equal(got, want) {
				t.Errorf("the trash keeps %q, want %q", got, want)
			}
			// Away: not among every highlight, nor due for review.
			if all, _ := s.AllHighlights(HighlightFilter{}); len(all) != 0 {
				t.Errorf("every highlight holds %d of an article in the trash", len(all))
			}
			if due, _ := s.DueHighlights(time.Now().Add(time.Hour*24*400), 5); len(due) != 0 {
				t.Errorf("%d highlights of an article in the trash are due", len(due))
			}
			if kept, _ := s.AllHighlights(HighlightFilter{Deleted: true}); len(kept) != 1 {
				t.Errorf("everything kept holds %d highlights, want the one in the trash", len(kept))
			}
			entries, _ := mustSync(t, s, src)
			if len(entries) != 0 {
				t.Errorf("the library still lists %d articles", len(entries))
			}
			listed, problems := trash.List()
			if len(problems) != 0 || len(listed) != 1 || listed[0].Name != tr.Name || listed[0].Path != path {
				t.Fatalf("the trash lists %+v (%v)", listed, problems)
			}

			tt.meanwhile(t, path)
			var before []byte
			if tt.wantRenamed != "" {
				before, _ = os.ReadFile(path)
			}
			got, err := trash.Restore(s, tr.Name)
			if err != nil {
				t.Fatal(err)
			}
			to := path
			if tt.wantRenamed != "" {
				to = filepath.Join(filepath.Dir(path), tt.wantRenamed)
				if after, _ := os.ReadFile(path); string(after) != string(before) {
					t.Errorf("the file at %s was written over", path)
				}
			}
			if got.To != to || got.Renamed != (tt.wantRenamed != "") {
				t.Errorf("restored to %s (renamed %v), want %s", got.To, got.Renamed, to)
			}
			if data, err := os.ReadFile(to); err != nil || !strings.Contains(string(data), text) {
				t.Errorf("the restored file reads %q (%v)", data, err)
			}
			if st := stateOf(t, s, to); !slices.Equal(st, want) {
				t.Errorf("restored with %q, want %q", st, want)
			}
			if all, _ := s.AllHighlights(HighlightFilter{}); len(all) != 1 {
				t.Errorf("restored, every highlight holds %d", len(all))
			}
			if left, _ := trash.List(); len(left) != 0 {
				t.Errorf("the trash still holds %+v", left)
			}
			entries, _ = mustSync(t, s, src)
			if e := find(t, entries, to); e.Summary.Title != "A piece" {
				t.Errorf("the library lists %+v", e)
			}
		})
	}
}

func first(entries []Entry, _ SyncStats) []Entry { return entries }

// TestTrashKeepsStateFromANewFile: a new article written at the path of
// one in the trash starts with nothing of the deleted one's state.
func TestTrashKeepsStateFromANewFile(t *testing.T) {
	s, _ := newTestStore(t)
	lib := t.TempDir()
	path := filepath.Join(lib, "piece.md")
	put(t, path, article("A piece", "The first text."))
	src := Sources{Dirs: []string{lib}}
	e := find(t, first(mustSync(t, s, src)), path)
	giveState(t, s, path)
	if _, err := (Trash{Dir: t.TempDir()}).Put(s, e); err != nil {
		t.Fatal(err)
	}
	put(t, path, article("A new piece", "A wholly different text."))
	mustSync(t, s, src)
	if got := stateOf(t, s, path); len(got) != 0 {
		t.Errorf("a new file at the path has the deleted article's %q", got)
	}
}

// TestTrashRefuses: a bundled article is not deleted, a name the trash
// does not have is said to be so, and two articles of one ID are kept
// apart.
func TestTrashRefuses(t *testing.T) {
	s, _ := newTestStore(t)
	trash := Trash{Dir: t.TempDir()}
	bundled := Entry{Key: bundledKey("seed"), Source: SourceBundled, Summary: articles.Summary{ID: "seed"}}
	if _, err := trash.Put(s, bundled); !errors.Is(err, ErrBundled) {
		t.Errorf("deleting a bundled article: %v", err)
	}
	for _, name := range []string{"nothing", "", "../x", ".hidden"} {
		if _, err := trash.Restore(s, name); !errors.Is(err, ErrNotInTrash) {
			t.Errorf("restoring %q: %v", name, err)
		}
	}
	var names []string
	for _, dir := range []string{t.TempDir(), t.TempDir()} {
		path := filepath.Join(dir, "same.md")
		put(t, path, article("Same", "Same name, another folder: "+dir))
		tr, err := trash.Put(s, Entry{Key: path, Source: SourceLibrary, Summary: articles.Summary{ID: "same"}})
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, tr.Name)
	}
	if !slices.Equal(names, []string{"same", "same-2"}) {
		t.Errorf("two articles of one ID are trashed as %q", names)
	}
	missing := Entry{Key: filepath.Join(t.TempDir(), "gone.md"), Source: SourceLibrary, Summary: articles.Summary{ID: "gone"}}
	if _, err := trash.Put(s, missing); err == nil {
		t.Error("a file that is not there was put in the trash")
	}
	if listed, _ := trash.List(); len(listed) != 2 {
		t.Errorf("a failed deletion left something in the trash: %+v", listed)
	}
	// A record that cannot be read is said, with its file.
	if err := os.WriteFile(filepath.Join(trash.Dir, "same", trashRecord), []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, problems := trash.List(); len(problems) != 1 || !strings.Contains(problems[0].Error(), filepath.Join("same", trashRecord)) {
		t.Errorf("a broken record: %v", problems)
	}
}
