package library

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"cable/articles"
)

// TestSyncFollowsTheFiles walks one library through its life: files
// added, changed, touched, deleted, each step checked against what Sync
// says and what it returns.
func TestSyncFollowsTheFiles(t *testing.T) {
	s, _ := newTestStore(t)
	dir := t.TempDir()
	a, b, c := filepath.Join(dir, "a.md"), filepath.Join(dir, "sub", "b.md"), filepath.Join(dir, "c.markdown")
	src := Sources{Dirs: []string{dir}}
	steps := []struct {
		name  string
		do    func(t *testing.T)
		want  SyncStats
		keys  []string
		check func(t *testing.T, entries []Entry)
	}{
		{"first sync indexes every file", func(t *testing.T) {
			put(t, a, article("Alpha", "First text about pipelines."))
			put(t, b, article("Bravo", "Second text."))
			put(t, filepath.Join(dir, "notes.txt"), "not an article")
			put(t, filepath.Join(dir, ".hidden", "h.md"), article("Hidden", "Never listed."))
			put(t, filepath.Join(dir, ".draft.md"), article("Draft", "Never listed."))
		}, SyncStats{Parsed: 2}, []string{a, b}, func(t *testing.T, entries []Entry) {
			e := find(t, entries, a)
			if e.Summary.Title != "Alpha" || e.Source != SourceLibrary || e.Summary.Origin != a || len(e.Hash) != 64 || e.Added.IsZero() {
				t.Errorf("entry for a.md: %+v", e)
			}
		}},
		{"nothing changed", func(t *testing.T) {}, SyncStats{Unchanged: 2}, []string{a, b}, nil},
		{"a file is changed", func(t *testing.T) {
			put(t, a, article("Alpha, revised", "First text, rewritten at greater length."))
		}, SyncStats{Parsed: 1, Unchanged: 1}, []string{a, b}, func(t *testing.T, entries []Entry) {
			if e := find(t, entries, a); e.Summary.Title != "Alpha, revised" {
				t.Errorf("the change was not seen: %+v", e.Summary)
			}
		}},
		{"a file is touched, its bytes the same", func(t *testing.T) {
			later := oldTime.Add(time.Hour)
			os.Chtimes(b, later, later)
		}, SyncStats{Unchanged: 2}, []string{a, b}, nil},
		{"a file is added", func(t *testing.T) {
			put(t, c, article("Charlie", "Third text."))
		}, SyncStats{Parsed: 1, Unchanged: 2}, []string{a, c, b}, nil}, // sorted by path: "c.markdown" < "sub/"
		{"a file is deleted", func(t *testing.T) {
			os.Remove(a)
		}, SyncStats{Unchanged: 2, Removed: 1}, []string{c, b}, nil},
	}
	var firstAdded time.Time
	for _, step := range steps {
		step.do(t)
		entries, stats := mustSync(t, s, src)
		if stats != step.want {
			t.Errorf("%s: stats %+v, want %+v", step.name, stats, step.want)
		}
		if got := keys(entries); !slices.Equal(got, step.keys) {
			t.Errorf("%s: entries %v, want %v", step.name, got, step.keys)
		}
		if step.check != nil {
			step.check(t, entries)
		}
		if e := find(t, entries, b); firstAdded.IsZero() {
			firstAdded = e.Added
		} else if !e.Added.Equal(firstAdded) {
			t.Errorf("%s: b.md's added time moved from %v to %v", step.name, firstAdded, e.Added)
		}
	}
	if hits, _ := s.Search("pipelines", 10); len(hits) != 0 {
		t.Errorf("a deleted file is still found: %+v", hits)
	}
}

func TestSyncEditKeepsState(t *testing.T) {
	s, _ := newTestStore(t)
	dir := t.TempDir()
	a := filepath.Join(dir, "essay.md")
	put(t, a, article("Essay", "Old words here."))
	src := Sources{Dirs: []string{dir}}
	before, _ := mustSync(t, s, src)
	if err := s.SaveReading(Reading{Key: a, Position: articles.Position{Block: 1}, Progress: 30}); err != nil {
		t.Fatal(err)
	}
	s.AddBookmark(Bookmark{Key: a, Label: "here"})
	put(t, a, article("Essay", "New words here, and more of them."))
	after, stats := mustSync(t, s, src)
	if stats.Parsed != 1 {
		t.Fatalf("the edit was not parsed: %+v", stats)
	}
	if after[0].Summary.ID != before[0].Summary.ID || after[0].Hash == before[0].Hash {
		t.Errorf("after the edit: ID %q → %q, hash %s → %s", before[0].Summary.ID, after[0].Summary.ID, before[0].Hash, after[0].Hash)
	}
	if r, ok, _ := s.Reading(a); !ok || r.Progress != 30 {
		t.Errorf("the reading did not survive the edit: %+v %v", r, ok)
	}
	if bm, _ := s.Bookmarks(a); len(bm) != 1 {
		t.Errorf("the bookmark did not survive the edit: %+v", bm)
	}
	if hits, _ := s.Search("old", 5); len(hits) != 0 {
		t.Errorf("the old text is still found: %+v", hits)
	}
	if hits, _ := s.Search("more", 5); len(hits) != 1 {
		t.Errorf("the new text is not found: %+v", hits)
	}
}

func TestSyncRenameMovesState(t *testing.T) {
	s, _ := newTestStore(t)
	dir := t.TempDir()
	oldPath, newPath := filepath.Join(dir, "draft.md"), filepath.Join(dir, "2024", "final-title.md")
	content := article("Moving house", "Text that does not change when the file moves.")
	put(t, oldPath, content)
	put(t, filepath.Join(dir, "other.md"), article("Other", "Same size? No, another text entirely."))
	src := Sources{Dirs: []string{dir}}
	before, _ := mustSync(t, s, src)
	old := find(t, before, oldPath)
	s.SaveReading(Reading{Key: oldPath, Progress: 55, Position: articles.Position{Section: 1, Block: 2}})
	s.AddBookmark(Bookmark{Key: oldPath, Label: "good bit"})
	s.AddQuote(Quote{Key: oldPath, ArticleID: old.Summary.ID, Title: "Moving house", Text: "Text that does not change"})

	if err := os.MkdirAll(filepath.Dir(newPath), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(oldPath, newPath); err != nil {
		t.Fatal(err)
	}
	reads := countReads(s)
	after, stats := mustSync(t, s, src)
	if want := (SyncStats{Unchanged: 2}); stats != want {
		t.Errorf("stats %+v, want %+v", stats, want)
	}
	if reads.Load() != 1 {
		t.Errorf("%d files read; want only the new one, to hash it", reads.Load())
	}
	moved := find(t, after, newPath)
	if moved.Summary.ID != old.Summary.ID || !moved.Added.Equal(old.Added) || moved.Summary.Origin != newPath {
		t.Errorf("the moved file: %+v; want ID %q, added %v", moved, old.Summary.ID, old.Added)
	}
	if r, ok, _ := s.Reading(newPath); !ok || r.Progress != 55 || r.Position.Block != 2 {
		t.Errorf("the reading did not follow the file: %+v %v", r, ok)
	}
	if _, ok, _ := s.Reading(oldPath); ok {
		t.Error("the reading is still under the old path")
	}
	if bm, _ := s.Bookmarks(newPath); len(bm) != 1 || bm[0].Label != "good bit" {
		t.Errorf("the bookmark did not follow the file: %+v", bm)
	}
	if q, _ := s.Quotes(old.Summary.ID); len(q) != 1 || q[0].Key != newPath {
		t.Errorf("the quote did not follow the file: %+v", q)
	}
	if hits, _ := s.Search("moves", 5); len(hits) != 1 || hits[0].Key != newPath {
		t.Errorf("search does not find the moved file at its new path: %+v", hits)
	}
	if r, ok, _ := s.LastReading(); !ok || r.Key != newPath {
		t.Errorf("LastReading = %+v, %v; want the moved file", r, ok)
	}
}

// A file moved and changed at once is a deletion and a new file: the state
// stays with the old path.
func TestSyncMovedAndChangedIsNotARename(t *testing.T) {
	s, _ := newTestStore(t)
	dir := t.TempDir()
	oldPath, newPath := filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md")
	put(t, oldPath, article("A", "Original text."))
	src := Sources{Dirs: []string{dir}}
	mustSync(t, s, src)
	s.SaveReading(Reading{Key: oldPath, Progress: 10})
	os.Remove(oldPath)
	put(t, newPath, article("A", "Changed text."))
	_, stats := mustSync(t, s, src)
	if want := (SyncStats{Parsed: 1, Removed: 1}); stats != want {
		t.Errorf("stats %+v, want %+v", stats, want)
	}
	if _, ok, _ := s.Reading(oldPath); !ok {
		t.Error("the old path's reading was lost")
	}
	if _, ok, _ := s.Reading(newPath); ok {
		t.Error("a reading was given to a different article")
	}
}

var errorLine = regexp.MustCompile(`^/.+\.md:[0-9]+: .+$`)

func TestSyncListsBrokenFilesAndTheRest(t *testing.T) {
	s, _ := newTestStore(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.md")
	put(t, good, article("Good", "Fine text."))
	badDate := filepath.Join(dir, "bad-date.md")
	put(t, badDate, "---\ntitle: Dated\npublished: last Tuesday\n---\n\nText.\n")
	unclosed := filepath.Join(dir, "unclosed.md")
	put(t, unclosed, "---\ntitle: Open\n\nText without the closing line.\n")
	loop := filepath.Join(dir, "loop.md")
	os.Symlink(loop, loop)
	dangling := filepath.Join(dir, "dangling.md")
	os.Symlink(filepath.Join(dir, "nowhere.md"), dangling)
	folder := filepath.Join(dir, "folder.md")
	os.Symlink(t.TempDir(), folder)
	entries, stats := mustSync(t, s, Sources{Dirs: []string{dir}})
	if stats.Broken != 5 || stats.Parsed != 3 {
		t.Errorf("stats %+v; want 5 broken, 3 parsed", stats)
	}
	if e := find(t, entries, good); e.Error != "" || e.Summary.Title != "Good" {
		t.Errorf("the good file: %+v", e)
	}
	for _, path := range []string{badDate, unclosed} {
		e := find(t, entries, path)
		for _, line := range strings.Split(e.Error, "\n") {
			if !errorLine.MatchString(line) || !strings.HasPrefix(line, path+":") {
				t.Errorf("%s: error line %q is not \"path:line: message\"", path, line)
			}
		}
		if e.Summary.Title != filepath.Base(path) || e.Summary.ID == "" {
			t.Errorf("%s: a broken file is listed as %+v; want its file name", path, e.Summary)
		}
	}
	for path, msg := range map[string]string{
		loop: "too many levels of symbolic links", dangling: "no such file", folder: "is not a regular file",
	} {
		// folder.md is a link to a directory: not followed into, and
		// not an article file.
		e := find(t, entries, path)
		if !strings.HasPrefix(e.Error, path+": ") || !strings.Contains(e.Error, msg) && !strings.Contains(e.Error, "directory") {
			t.Errorf("%s: error %q; want %q", path, e.Error, msg)
		}
	}
	reads := countReads(s)
	_, again := mustSync(t, s, Sources{Dirs: []string{dir}})
	if reads.Load() != 0 || again.Broken != 5 || again.Parsed != 0 {
		t.Errorf("second sync: %d reads, %+v; want the broken files not read again", reads.Load(), again)
	}
}

func TestSyncUnreadableFilesAndDirectories(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every file, so nothing is unreadable")
	}
	s, _ := newTestStore(t)
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret.md")
	put(t, secret, article("Secret", "Text."))
	os.Chmod(secret, 0)
	locked := filepath.Join(dir, "locked")
	put(t, filepath.Join(locked, "inside.md"), article("Inside", "Text."))
	os.Chmod(locked, 0)
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	put(t, filepath.Join(dir, "fine.md"), article("Fine", "Text."))
	entries, stats := mustSync(t, s, Sources{Dirs: []string{dir}})
	if stats.Broken != 2 || stats.Parsed != 1 {
		t.Errorf("stats %+v; want 2 broken, 1 parsed", stats)
	}
	for _, path := range []string{secret, locked} {
		if e := find(t, entries, path); !strings.Contains(e.Error, "permission denied") {
			t.Errorf("%s: error %q", path, e.Error)
		}
	}
}

func TestSyncIDsAreUniqueAndStable(t *testing.T) {
	s, _ := newTestStore(t)
	dir := t.TempDir()
	path := func(p string) string { return filepath.Join(dir, p) }
	for _, p := range []string{"a/x.md", "b/x.md", "c/X.md", "guide.md"} {
		put(t, path(p), article(p, "Text of "+p+"."))
	}
	bundle := []*articles.Article{mustParse(t, "guide", article("The guide", "Bundled."))}
	src := Sources{Bundle: bundle, Dirs: []string{dir}}
	ids := func(entries []Entry) map[string]string {
		m := map[string]string{}
		for _, e := range entries {
			m[strings.TrimPrefix(e.Key, dir+"/")] = e.Summary.ID
		}
		return m
	}
	steps := []struct {
		name string
		do   func()
		want map[string]string
	}{
		{"collisions numbered in path order, the bundle first", func() {},
			map[string]string{"bundled:guide": "guide", "a/x.md": "x", "b/x.md": "x-2", "c/X.md": "x-3", "guide.md": "guide-2"}},
		{"stable when nothing changes", func() {},
			map[string]string{"bundled:guide": "guide", "a/x.md": "x", "b/x.md": "x-2", "c/X.md": "x-3", "guide.md": "guide-2"}},
		{"stable when the first goes", func() { os.Remove(path("a/x.md")) },
			map[string]string{"bundled:guide": "guide", "b/x.md": "x-2", "c/X.md": "x-3", "guide.md": "guide-2"}},
		{"a newcomer takes the free ID", func() { put(t, path("d/x.md"), article("d", "Newcomer.")) },
			map[string]string{"bundled:guide": "guide", "b/x.md": "x-2", "c/X.md": "x-3", "d/x.md": "x", "guide.md": "guide-2"}},
		{"a file named on the command line joins in", func() { src.Files = []string{path("d/x.md"), path("../elsewhere.md")} },
			map[string]string{"bundled:guide": "guide", "b/x.md": "x-2", "c/X.md": "x-3", "d/x.md": "x", "guide.md": "guide-2", filepath.Dir(dir) + "/elsewhere.md": "elsewhere"}},
	}
	for _, step := range steps {
		step.do()
		entries, _ := mustSync(t, s, src)
		if got := ids(entries); !mapsEqual(got, step.want) {
			t.Errorf("%s:\n got %v\nwant %v", step.name, got, step.want)
		}
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func mustParse(t *testing.T, id, src string) *articles.Article {
	t.Helper()
	a, err := articles.Parse(articles.BundleOrigin, []byte(src), id)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestSyncOrderAndSources(t *testing.T) {
	s, _ := newTestStore(t)
	lib, other := t.TempDir(), t.TempDir()
	inLib := filepath.Join(lib, "z.md")
	put(t, inLib, article("Z", "In the library."))
	named := filepath.Join(other, "a") // no extension: Markdown, since it is text
	put(t, named, article("Named", "Named on the command line."))
	bundle, err := articles.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := mustSync(t, s, Sources{Bundle: bundle, Dirs: []string{lib}, Files: []string{named, inLib}})
	var want []string
	for _, a := range bundle {
		want = append(want, "bundled:"+a.ID)
	}
	want = append(want, sortedPaths(inLib, named)...)
	if got := keys(entries); !slices.Equal(got, want) {
		t.Fatalf("order %v, want %v", got, want)
	}
	for i, a := range bundle {
		e := entries[i]
		if e.Source != SourceBundled || e.Hash != "" || e.Summary.Origin != "bundled" || e.Summary.Title != a.Meta.Title || e.Summary.Words != a.Words() {
			t.Errorf("bundled entry %d: %+v", i, e)
		}
	}
	if e := find(t, entries, inLib); e.Source != SourceLibrary {
		t.Errorf("a file both in the library and named is from %q, want library", e.Source)
	}
	if e := find(t, entries, named); e.Source != SourcePath || e.Error != "" {
		t.Errorf("the named file: %+v", e)
	}
	if _, stats := mustSync(t, s, Sources{Bundle: bundle, Dirs: []string{lib}}); stats.Removed != 1 || stats.Unchanged != len(bundle)+1 {
		t.Errorf("without the named file: %+v; want it removed and the rest unchanged", stats)
	}
}

func sortedPaths(p ...string) []string {
	slices.Sort(p)
	return p
}

func TestSyncReportsAMissingDirectory(t *testing.T) {
	s, _ := newTestStore(t)
	missing := filepath.Join(t.TempDir(), "gone")
	entries, stats := mustSync(t, s, Sources{Dirs: []string{missing}, Files: []string{missing + ".md"}})
	if len(entries) != 2 || stats.Broken != 2 {
		t.Fatalf("entries %+v, stats %+v; want two broken entries", entries, stats)
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Error, e.Key+": ") || !strings.Contains(e.Error, "no such file") {
			t.Errorf("%s: error %q", e.Key, e.Error)
		}
	}
}

// A file rewritten within its clock's granularity keeps its size and mtime;
// Sync must not be fooled by a modification time it took too early.
func TestSyncNotFooledBySameSizeAndMtime(t *testing.T) {
	s, _ := newTestStore(t)
	dir := t.TempDir()
	p := filepath.Join(dir, "fast.md")
	if err := os.WriteFile(p, []byte(article("Fast", "Version one.")), 0o644); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(p)
	mustSync(t, s, Sources{Dirs: []string{dir}})
	os.WriteFile(p, []byte(article("Fast", "Version two.")), 0o644)
	os.Chtimes(p, info.ModTime(), info.ModTime())
	entries, stats := mustSync(t, s, Sources{Dirs: []string{dir}})
	if stats.Parsed != 1 {
		t.Errorf("stats %+v: the rewrite was missed", stats)
	}
	if hits, _ := s.Search("two", 5); len(hits) != 1 || hits[0].Key != entries[0].Key {
		t.Errorf("the new version is not indexed: %+v", hits)
	}
}

// Unchanged files are not read at all: across two syncs of 1,000 generated
// files, the second reads none and parses none.
func TestSyncDoesNotReadUnchangedFiles(t *testing.T) {
	n := 1000
	if testing.Short() {
		n = 100
	}
	s, _ := newTestStore(t)
	dir := t.TempDir()
	paths := writeArticles(t, dir, n, 42)
	src := Sources{Dirs: []string{dir}}
	reads := countReads(s)
	entries, stats := mustSync(t, s, src)
	if stats != (SyncStats{Parsed: n}) || len(entries) != n {
		t.Fatalf("first sync: %+v, %d entries", stats, len(entries))
	}
	reads.Store(0)
	again, stats := mustSync(t, s, src)
	if stats != (SyncStats{Unchanged: n}) || reads.Load() != 0 {
		t.Fatalf("second sync: %+v after %d reads; want %d unchanged and no reads", stats, reads.Load(), n)
	}
	for i := range entries {
		if entries[i].Summary.ID != again[i].Summary.ID || entries[i].Summary.Words != again[i].Summary.Words {
			t.Fatalf("entry %d differs between syncs: %+v / %+v", i, entries[i].Summary, again[i].Summary)
		}
	}
	later := oldTime.Add(time.Minute)
	os.Chtimes(paths[3], later, later)
	put(t, paths[7], article("Rewritten", "Entirely new."))
	reads.Store(0)
	if _, stats = mustSync(t, s, src); stats != (SyncStats{Parsed: 1, Unchanged: n - 1}) || reads.Load() != 2 {
		t.Errorf("after a touch and an edit: %+v after %d reads; want 1 parsed, 2 read", stats, reads.Load())
	}
}

// An index made by another version of the index format is rebuilt.
func TestSyncReparsesAnOutdatedIndex(t *testing.T) {
	s, _ := newTestStore(t)
	dir := t.TempDir()
	put(t, filepath.Join(dir, "a.md"), article("A", "Text."))
	src := Sources{Dirs: []string{dir}}
	mustSync(t, s, src)
	if _, err := s.db.Exec("UPDATE meta SET value = 'old' WHERE name = 'index_version'"); err != nil {
		t.Fatal(err)
	}
	if _, stats := mustSync(t, s, src); stats.Parsed != 1 {
		t.Errorf("an outdated index was trusted: %+v", stats)
	}
	if _, stats := mustSync(t, s, src); stats.Parsed != 0 {
		t.Errorf("the rebuilt index was not trusted: %+v", stats)
	}
}

// A library directory is often a link to somewhere else (a synced folder);
// it is walked, and its files keep the paths under the link.
func TestSyncLibraryDirMayBeASymlink(t *testing.T) {
	s, _ := newTestStore(t)
	real := t.TempDir()
	put(t, filepath.Join(real, "a.md"), article("A", "Text."))
	link := filepath.Join(t.TempDir(), "library")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	os.Symlink(real, filepath.Join(real, "loop")) // a link to a directory is not followed
	entries, stats := mustSync(t, s, Sources{Dirs: []string{link}})
	if len(entries) != 1 || entries[0].Key != filepath.Join(link, "a.md") || stats.Broken != 0 {
		t.Errorf("entries %v, stats %+v; want only %s", keys(entries), stats, filepath.Join(link, "a.md"))
	}
}
