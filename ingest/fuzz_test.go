package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"cable/articles"
	"cable/extract"
	"cable/library"
)

// FuzzSave brings arbitrary bytes in as each kind, by every route's
// conversion: it never panics; it either refuses them with an error that
// names the piece, or writes an article that reads as cable reads it
// (a page's or a text's without a single warning); and the same bytes
// brought in again are found, not written twice.
func FuzzSave(f *testing.F) {
	for _, seed := range []string{
		"<html><head><title>Talks</title></head><body><article><h1>Talks</h1><p>" + testsupportProse + "</p></article></body></html>",
		"# Notes\n\nA paragraph.\n",
		"---\ntitle: T\nsummary_only: true\n---\n\nText.\n",
		"Plain title\n\nA paragraph of text.\n",
		"\x7fELF\x00\x00",
		"\xff\xfe<\x00h\x00",
	} {
		for kind := range 4 {
			f.Add([]byte(seed), uint8(kind))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, kind uint8) {
		dir := t.TempDir()
		s := New(Options{Dir: dir})
		in := Input{Name: "piece", Body: data}
		switch kind % 4 {
		case 0:
			in.Source = library.KeptSource{File: "piece.html", Kind: extract.KindHTML}
		case 1:
			in.Source = library.KeptSource{File: "piece.md", Kind: extract.KindMarkdown}
		case 2:
			in.Source = library.KeptSource{URL: "https://example.org/piece", Kind: extract.KindText, ContentType: "text/plain"}
		case 3:
			m := articles.Meta{Title: "Piece", URL: "https://example.org/piece", Feed: "Feed"}
			in.Source = library.KeptSource{URL: m.URL, Kind: extract.KindHTML, Fragment: true, Meta: &m}
		}
		saved, err := s.Save(in)
		if err != nil {
			var ae *articles.Error
			var list articles.ErrorList
			if !errors.As(err, &ae) && !errors.As(err, &list) {
				t.Fatalf("error %v (%T) names no piece", err, err)
			}
			return
		}
		md, rerr := os.ReadFile(saved.Path)
		if rerr != nil {
			t.Fatal(rerr)
		}
		a, perr := articles.Parse(saved.Path, md, "x")
		if perr != nil {
			t.Fatalf("the article written does not parse: %v\n%s", perr, md)
		}
		if kind%4 != 1 && len(a.Warnings) > 0 {
			t.Fatalf("an article cable converted has warnings: %v\n%s", a.Warnings, md)
		}
		if a.TextPrint() == "" && a.Meta.URL == "" {
			return // nothing tells this piece: it may be saved again
		}
		again, err := s.Save(in)
		if err != nil || !again.Already || again.Path != saved.Path {
			t.Fatalf("the same bytes again: %+v, %v; want %s found", again, err, saved.Path)
		}
		if files, _ := filepath.Glob(filepath.Join(dir, "*.md")); len(files) != 1 {
			t.Fatalf("written: %v", files)
		}
	})
}

// testsupportProse is a paragraph readability takes for an article.
const testsupportProse = "The negotiations over the straits have lasted longer than anyone expected, and each round has ended with a communiqué that promised more talks, as the delegations argued over pilots and tugs."
