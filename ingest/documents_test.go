package ingest

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cable/articles"
	"cable/library"
)

// smallEPUB is a book of one chapter; extra files are added to it.
func smallEPUB(t *testing.T, extra map[string]string) []byte {
	files := map[string]string{
		"META-INF/container.xml": `<container><rootfiles><rootfile full-path="c.opf"/></rootfiles></container>`,
		"c.opf": `<package><metadata><title>On Ports</title><creator>Ada Lee</creator></metadata>` +
			`<manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="a"/></spine></package>`,
		"a.xhtml": `<html><body><h1>Harbours</h1><p>Small harbours on the Black Sea matter again for grain and for navies.</p></body></html>`,
	}
	for k, v := range extra {
		files[k] = v
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestImportEPUBKeepsItsSource: an EPUB imported is an article whose
// source is kept, so that a reimport redoes it; one under DRM is refused,
// naming the file, and nothing is written.
func TestImportEPUBKeepsItsSource(t *testing.T) {
	in := t.TempDir()
	book := filepath.Join(in, "ports.epub")
	os.WriteFile(book, smallEPUB(t, nil), 0o644)
	locked := filepath.Join(in, "locked.epub")
	os.WriteFile(locked, smallEPUB(t, map[string]string{"META-INF/rights.xml": "<rights/>"}), 0o644)

	dir, kept := t.TempDir(), library.KeptSources{Dir: t.TempDir()}
	s := New(Options{Dir: dir, Kept: kept})
	done, err := s.Import([]string{in}, nil)
	if err == nil || !strings.Contains(err.Error(), locked+": is protected by DRM") {
		t.Errorf("err = %v, want the DRM-protected book named", err)
	}
	if len(done.Written()) != 1 {
		t.Fatalf("written %v, want the one book", done.Written())
	}
	path := done.Written()[0]
	data, _ := os.ReadFile(path)
	a, err := articles.Parse(path, data, "x")
	if err != nil || a.Meta.Title != "On Ports" || a.Meta.Author != "Ada Lee" || a.Sections[len(a.Sections)-1].Title != "Harbours" {
		t.Fatalf("article = %+v, %v\n%s", a, err, data)
	}
	src, err := kept.Find(path)
	if err != nil || src.Kind != ".epub" {
		t.Fatalf("kept source = %+v, %v", src, err)
	}
	if r, err := kept.Reimport(path); err != nil || r != library.Unchanged {
		t.Errorf("reimport = %v, %v; want it unchanged", r, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("library holds %d files, want 1", len(entries))
	}
}
