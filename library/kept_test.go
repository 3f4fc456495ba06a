package library

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cable/articles"
)

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.org/a", "https://example.org/a"},
		{"HTTPS://Example.ORG/a/", "https://example.org/a"},
		{"https://example.org/a#section-2", "https://example.org/a"},
		{"https://example.org/a?utm_source=feed&utm_medium=rss", "https://example.org/a"},
		{"https://example.org/a?b=2&utm_campaign=x&a=1", "https://example.org/a?a=1&b=2"},
		{"https://example.org:443/a", "https://example.org/a"},
		{"http://example.org:80/a", "http://example.org/a"},
		{"http://example.org:8080/a", "http://example.org:8080/a"},
		{"https://example.org/", "https://example.org"},
		{"https://example.org", "https://example.org"},
		{"  https://example.org/A  ", "https://example.org/A"}, // paths keep their case
		{"http://example.org/a", "http://example.org/a"},       // not https's
		{"not a url", "not a url"},
	}
	for _, tt := range tests {
		if got := CanonicalURL(tt.in); got != tt.want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// keptImport imports a fixture into a temporary library, keeping its
// source, and returns the article's path and the sources.
func keptImport(t *testing.T, name string) (string, KeptSources) {
	t.Helper()
	kept := KeptSources{Dir: filepath.Join(t.TempDir(), "sources")}
	dir := t.TempDir()
	c, file, err := ImportFile(fixture(name))
	if err != nil {
		t.Fatal(err)
	}
	path, err := SaveFile(dir, file, c.Markdown)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(fixture(name))
	abs, _ := filepath.Abs(fixture(name))
	if err := kept.Keep(KeptSource{Article: path, File: abs, Kind: SourceKind(name)}, data, c.Markdown); err != nil {
		t.Fatal(err)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".*")); len(leftovers) > 0 {
		t.Errorf("temporary files left in the library: %v", leftovers)
	}
	return path, kept
}

func TestImportKeepsTheSource(t *testing.T) {
	path, kept := keptImport(t, "news-page.html")
	s, err := kept.Find(path)
	if err != nil {
		t.Fatal(err)
	}
	original, _ := os.ReadFile(fixture("news-page.html"))
	data, err := kept.Data(s)
	if err != nil || string(data) != string(original) {
		t.Fatalf("kept %d bytes (%v), want the page's %d", len(data), err, len(original))
	}
	if s.Kind != ".html" || !filepath.IsAbs(s.File) || s.URL != "" {
		t.Errorf("recorded %+v", s)
	}
	names, _ := filepath.Glob(filepath.Join(kept.Dir, "*"))
	if len(names) != 2 || !strings.HasSuffix(names[0], ".html.gz") || !strings.HasSuffix(names[1], ".json") {
		t.Errorf("the sources directory holds %v, want a .html.gz and a .json", names)
	}
	if r, err := kept.Reimport(path); r != Unchanged || err != nil {
		t.Errorf("reimport of a fresh import: %v, %v; want Unchanged", r, err)
	}
}

// olderExtraction makes the article at path look as an older cable would
// have written it: a different text, recorded as what cable wrote.
func olderExtraction(t *testing.T, kept KeptSources, path string) string {
	t.Helper()
	s, err := kept.Find(path)
	if err != nil {
		t.Fatal(err)
	}
	data, err := kept.Data(s)
	if err != nil {
		t.Fatal(err)
	}
	old := article("An older extraction", "Less text than now.")
	writeOld(t, path, old)
	if err := kept.Keep(s, data, []byte(old)); err != nil {
		t.Fatal(err)
	}
	return old
}

func TestReimportRewritesWhatCableWrote(t *testing.T) {
	path, kept := keptImport(t, "news-page.html")
	fresh, _ := os.ReadFile(path)
	olderExtraction(t, kept, path)
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := kept.Reimport(path)
	if r != Rewritten || err != nil {
		t.Fatalf("reimport: %v, %v; want Rewritten", r, err)
	}
	now, _ := os.ReadFile(path)
	if string(now) != string(fresh) {
		t.Errorf("the article is not the new extraction:\n%s", now)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the file's own 0600 kept", info.Mode().Perm())
	}
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".cable-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
	if r, err := kept.Reimport(path); r != Unchanged || err != nil {
		t.Errorf("second reimport: %v, %v; want Unchanged", r, err)
	}
}

func TestReimportLeavesAnEditedArticleAlone(t *testing.T) {
	path, kept := keptImport(t, "news-page.html")
	edited := article("My own title", "My own notes.")
	writeOld(t, path, edited)
	r, err := kept.Reimport(path)
	if r != EditedByHand || err != nil {
		t.Fatalf("reimport: %v, %v; want EditedByHand", r, err)
	}
	if now, _ := os.ReadFile(path); string(now) != edited {
		t.Errorf("the edited article was changed:\n%s", now)
	}
}

func TestReimportFollowsAMovedArticle(t *testing.T) {
	path, kept := keptImport(t, "news-page.html")
	moved := filepath.Join(t.TempDir(), "moved.md")
	data, _ := os.ReadFile(path)
	put(t, moved, string(data))
	os.Remove(path)
	if r, err := kept.Reimport(moved); r != Unchanged || err != nil {
		t.Fatalf("reimport: %v, %v; want Unchanged", r, err)
	}
	s, err := kept.Find(moved)
	if err != nil || s.Article != moved {
		t.Errorf("the source still names %q (%v)", s.Article, err)
	}
}

func TestReimportWithoutASource(t *testing.T) {
	kept := KeptSources{Dir: t.TempDir()}
	path := filepath.Join(t.TempDir(), "mine.md")
	put(t, path, article("Mine", "Text."))
	if _, err := kept.Reimport(path); !errors.Is(err, ErrNoSource) {
		t.Errorf("error %v, want ErrNoSource", err)
	}
}

// The reader's place, bookmarks and quotes are keyed by the article's
// path, which a reimport keeps; its ID stays too.
func TestReimportKeepsStateAndID(t *testing.T) {
	store, _ := newTestStore(t)
	path, kept := keptImport(t, "news-page.html")
	olderExtraction(t, kept, path)
	src := Sources{Dirs: []string{filepath.Dir(path)}}
	before := find(t, mustSyncEntries(t, store, src), path)
	pos := articles.Position{Section: 1, Block: 2}
	if err := store.SaveReading(Reading{Key: path, Position: pos, Progress: 40}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.AddBookmark(Bookmark{Key: path, Position: pos, Label: "here"}); err != nil {
		t.Fatal(err)
	}
	if r, err := kept.Reimport(path); r != Rewritten || err != nil {
		t.Fatalf("reimport: %v, %v", r, err)
	}
	after := find(t, mustSyncEntries(t, store, src), path)
	if after.Summary.ID != before.Summary.ID || after.Summary.Title == before.Summary.Title {
		t.Errorf("ID %q → %q, title %q → %q: want the ID kept and the new title", before.Summary.ID, after.Summary.ID, before.Summary.Title, after.Summary.Title)
	}
	r, ok, err := store.Reading(path)
	if !ok || err != nil || r.Position != pos {
		t.Errorf("reading after reimport: %+v, %v, %v", r, ok, err)
	}
	marks, err := store.Bookmarks(path)
	if err != nil || len(marks) != 1 {
		t.Errorf("bookmarks after reimport: %v, %v", marks, err)
	}
}

func mustSyncEntries(t *testing.T, s *Store, src Sources) []Entry {
	t.Helper()
	entries, _ := mustSync(t, s, src)
	return entries
}

// TestKeepAfterAMoveTakesANewID: a source follows its article when it is
// moved, under the ID made from its first path. A new article saved at
// that path later gets a source of its own, and the moved article's
// source stays whole.
func TestKeepAfterAMoveTakesANewID(t *testing.T) {
	path, kept := keptImport(t, "news-page.html")
	first, err := kept.Find(path)
	if err != nil {
		t.Fatal(err)
	}
	moved := filepath.Join(t.TempDir(), "moved.md")
	data, _ := os.ReadFile(path)
	put(t, moved, string(data))
	os.Remove(path)
	if r, err := kept.Reimport(moved); r != Unchanged || err != nil {
		t.Fatalf("reimport: %v, %v; want Unchanged", r, err)
	}
	newer := article("Another article", "Saved where the first one was.")
	put(t, path, newer)
	if err := kept.Keep(KeptSource{Article: path, Kind: ".md", File: "/elsewhere/another.md"}, []byte(newer), []byte(newer)); err != nil {
		t.Fatal(err)
	}
	s, err := kept.Find(moved)
	if err != nil || s.Article != moved || s.ID != first.ID {
		t.Fatalf("the moved article's source: %+v, %v", s, err)
	}
	if got, err := kept.Data(s); err != nil || string(got) == newer {
		t.Errorf("the moved article's source was replaced by the new article's (%v)", err)
	}
	s2, err := kept.Find(path)
	if err != nil || s2.ID == first.ID || s2.File != "/elsewhere/another.md" {
		t.Errorf("the new article's source: %+v, %v", s2, err)
	}
	// Keeping the new article's source again replaces its own.
	if err := kept.Keep(KeptSource{Article: path, Kind: ".md", File: "/elsewhere/another.md"}, []byte(newer), []byte(newer)); err != nil {
		t.Fatal(err)
	}
	if all, _ := kept.All(); len(all) != 2 {
		t.Errorf("%d sources kept, want 2", len(all))
	}
}

// TestReimportThroughASymlink: an article that is a symbolic link stays
// one; the file it points to gets the new extraction.
func TestReimportThroughASymlink(t *testing.T) {
	real, kept := keptImport(t, "news-page.html")
	fresh, _ := os.ReadFile(real)
	olderExtraction(t, kept, real)
	link := filepath.Join(t.TempDir(), "link.md")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if r, err := kept.Reimport(link); r != Rewritten || err != nil {
		t.Fatalf("reimport: %v, %v; want Rewritten", r, err)
	}
	info, err := os.Lstat(link)
	if err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced by a file (%v)", err)
	}
	if now, _ := os.ReadFile(real); string(now) != string(fresh) {
		t.Errorf("the file the link points to is not the new extraction:\n%s", now)
	}
}

// TestReimportOfAKeptLink: the source was kept under the link's own path
// (the library holds the link); the link still stays a link.
func TestReimportOfAKeptLink(t *testing.T) {
	real, kept := keptImport(t, "news-page.html")
	fresh, _ := os.ReadFile(real)
	olderExtraction(t, kept, real)
	link := filepath.Join(t.TempDir(), "link.md")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	s, err := kept.Find(real)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := kept.Data(s)
	old, _ := os.ReadFile(real)
	s.Article = link
	if err := kept.Keep(s, data, old); err != nil {
		t.Fatal(err)
	}
	if r, err := kept.Reimport(link); r != Rewritten || err != nil {
		t.Fatalf("reimport: %v, %v; want Rewritten", r, err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced by a file (%v)", err)
	}
	if now, _ := os.ReadFile(real); string(now) != string(fresh) {
		t.Errorf("the file the link points to is not the new extraction:\n%s", now)
	}
}

// TestReimportKeepsAnEditMadeMeanwhile: a file edited by hand while its
// article was being extracted again is left as edited.
func TestReimportKeepsAnEditMadeMeanwhile(t *testing.T) {
	path, kept := keptImport(t, "news-page.html")
	olderExtraction(t, kept, path)
	edited := article("Edited meanwhile", "My notes, saved during the reimport.")
	kept.extracted = func() { writeOld(t, path, edited) }
	r, err := kept.Reimport(path)
	if r != EditedByHand || err != nil {
		t.Errorf("reimport: %v, %v; want EditedByHand", r, err)
	}
	if now, _ := os.ReadFile(path); string(now) != edited {
		t.Errorf("the edit made during the reimport was lost:\n%s", now)
	}
}
