package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"cable/articles"
	"cable/internal/testsupport"
	"cable/library"
	"cable/pdf"
)

func init() {
	// The compiled PDF engine is kept between test runs, as cable keeps it.
	pdf.UseCache(filepath.Join(os.TempDir(), "cable-test-pdfium"))
}

// smallPDF is a brief of one page: a title and two paragraphs.
func smallPDF(t *testing.T) []byte {
	f := fpdf.New("P", "mm", "A4", "")
	f.AddPage()
	f.SetFont("Helvetica", "B", 22)
	f.MultiCell(0, 10, "Grain Corridors in Wartime", "", "L", false)
	f.SetFont("Helvetica", "", 11)
	for range 2 {
		f.MultiCell(0, 5.5, strings.Repeat("Ships leave Odesa under escort while insurers price the risk of every voyage. ", 6), "", "L", false)
		f.Ln(4)
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestPDFsComeInEveryWay: a PDF imported, got from an address that serves
// one, or a feed's entry whose page is one, is an article with its
// source kept; the feed's title and name stay with it.
func TestPDFsComeInEveryWay(t *testing.T) {
	brief := smallPDF(t)
	file := filepath.Join(t.TempDir(), "brief.pdf")
	os.WriteFile(file, brief, 0o644)
	srv := testsupport.NewSite(t)
	srv.Set("/brief", "application/pdf", string(brief))
	srv.Set("/files/brief.pdf", "application/octet-stream", string(brief))
	kept := library.KeptSources{Dir: t.TempDir()}

	tests := []struct {
		name      string
		save      func(s *Saver) (Saved, error)
		title, at string
	}{
		{"imported", func(s *Saver) (Saved, error) { return s.SaveFile(file) }, "Grain Corridors in Wartime", ""},
		{"got", func(s *Saver) (Saved, error) {
			got := s.Get(context.Background(), []string{srv.URL + "/brief"})
			return got[0].Saved, got[0].Err
		}, "Grain Corridors in Wartime", srv.URL + "/brief"},
		{"served as bytes", func(s *Saver) (Saved, error) {
			got := s.Get(context.Background(), []string{srv.URL + "/files/brief.pdf"})
			return got[0].Saved, got[0].Err
		}, "Grain Corridors in Wartime", srv.URL + "/files/brief.pdf"},
		{"a feed's entry", func(s *Saver) (Saved, error) { return byFeed("feed-a")(t, s, srv, "brief") }, "Brief", srv.URL + "/brief"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(Options{Dir: t.TempDir(), Kept: kept})
			saved, err := tt.save(s)
			if err != nil {
				t.Fatal(err)
			}
			data, _ := os.ReadFile(saved.Path)
			a, err := articles.Parse(saved.Path, data, "x")
			if err != nil || a.Meta.Title != tt.title || a.Meta.URL != tt.at || !strings.Contains(string(data), "Ships leave Odesa under escort") {
				t.Fatalf("article %v:\n%s", err, data)
			}
			if src, err := kept.Find(saved.Path); err != nil || src.Kind != ".pdf" {
				t.Errorf("kept source = %+v, %v", src, err)
			}
			if r, err := kept.Reimport(saved.Path); err != nil || r != library.Unchanged {
				t.Errorf("reimport = %v, %v; want it unchanged", r, err)
			}
		})
	}
}

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
