package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"cable/scripts/corpus/pagecheck"
)

func TestFindPagesSkipsHiddenFoldersAndOtherFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.html", "b.HTM", "notes.txt", "sub/c.html", ".cache/d.html", "e.expected.txt"} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := findPages([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "a.html"), filepath.Join(dir, "b.HTM"), filepath.Join(dir, "sub", "c.html")}
	if !slices.Equal(got, want) {
		t.Errorf("findPages = %q, want %q", got, want)
	}
}

func TestParagraphContents(t *testing.T) {
	if !paragraphContents("  Contents\n\n  › ¶1  Ask a diplomat to name…\n    ¶2  The reason is simple…\n") {
		t.Error("contents of paragraphs not seen")
	}
	if paragraphContents("  1  Opening\n  2  Background\n") {
		t.Error("contents of sections taken for paragraphs")
	}
}

func TestCheckLeavesTheNotesHeadingOut(t *testing.T) {
	e := pagecheck.Entry{Title: "T", Author: "A, B", Sections: []string{"Opening", "History", "Notes"}}
	want := pagecheck.Expect{Sections: []string{"History", "References"}, Author: "A and B"}
	x := check(want, e, 0)
	if !x.SectionsOK || x.SectionsFound != 1 || x.SectionsWant != 1 || !x.AuthorOK {
		t.Errorf("check = %+v", x)
	}
}
