package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cable/articles"
	"cable/internal/testsupport"
	"cable/library"
)

// TestImportNeverOverwrites imports the same page three times around a
// file written by someone else.
func TestImportNeverOverwrites(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "library") // created by Import
	src := fixture("minimal-page.html")
	c, _, err := library.ImportFile(src)
	if err != nil {
		t.Fatal(err)
	}
	want := c.Markdown
	var all []string
	for range 2 {
		done, err := importInto(t, dir, true, []string{src}...)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, done.Written()...)
	}
	base := filepath.Join(dir, "notes-on-the-arctic-council-after-the-pause")
	testsupport.CheckList(t, "written", all, []string{base + ".md", base + "-2.md"})

	known := []byte("someone else's file\n")
	if err := os.WriteFile(base+"-3.md", known, 0o600); err != nil {
		t.Fatal(err)
	}
	done, err := importInto(t, dir, true, []string{src}...)
	if err != nil {
		t.Fatal(err)
	}
	testsupport.CheckList(t, "third import", done.Written(), []string{base + "-4.md"})
	for _, p := range []string{base + ".md", base + "-2.md", base + "-4.md"} {
		if got, _ := os.ReadFile(p); string(got) != string(want) {
			t.Errorf("%s holds %q", p, got)
		}
		if info, _ := os.Stat(p); info.Mode().Perm() != 0o644 {
			t.Errorf("%s has mode %v, want 0644", p, info.Mode().Perm())
		}
	}
	if got, _ := os.ReadFile(base + "-3.md"); string(got) != string(known) {
		t.Errorf("an existing file was overwritten: %q", got)
	}
	if info, _ := os.Stat(dir); info.Mode().Perm() != 0o755 {
		t.Errorf("directory mode %v, want 0755", info.Mode().Perm())
	}
}

// TestImportKeepsGoingPastFailures mixes good and bad inputs: the good ones
// are written, in order, and the error names every bad one.
func TestImportKeepsGoingPastFailures(t *testing.T) {
	dir := t.TempDir()
	pdf := filepath.Join(dir, "brief.pdf")
	os.WriteFile(pdf, []byte("%PDF"), 0o644)
	paths := []string{
		fixture("hard-wrapped.txt"), fixture("no-article.html"), fixture("news-page.html"),
		pdf, fixture("bad-front-matter.md"), filepath.Join(dir, "missing.txt"),
	}
	out := filepath.Join(dir, "out")
	done, err := importInto(t, out, true, paths...)
	written := done.Written()
	testsupport.CheckList(t, "written", written, []string{
		filepath.Join(out, "water-diplomacy-on-the-nile-beyond-the-dam.md"),
		filepath.Join(out, "the-harbour-question-why-small-black-sea-ports-matter-again.md"),
	})
	var list articles.ErrorList
	if !errors.As(err, &list) || len(list) != 4 {
		t.Fatalf("err = %v, want an articles.ErrorList naming 4 files", err)
	}
	for i, bad := range []string{paths[1], paths[3], paths[4], paths[5]} {
		if list[i].File != bad || !strings.HasPrefix(list[i].Error(), bad+":") {
			t.Errorf("error %d = %v, want one naming %s", i, list[i], bad)
		}
	}
	for _, p := range written {
		data, _ := os.ReadFile(p)
		testsupport.MustParseCleanly(t, p, data)
	}
}

// TestImportDirectory imports a folder: importable files only, hidden ones
// and the output folder skipped.
func TestImportDirectory(t *testing.T) {
	src := t.TempDir()
	files := map[string]string{
		"a.txt":              "Alpha\n\nText of alpha.\n",
		"Sub/b.HTML":         "<html><head><title>Beta page</title></head><body><p>" + testsupport.Prose + "</p></body></html>",
		"c.markdown":         "# Gamma\n\nText of gamma.\n",
		"notes.docx":         "PK not imported",
		".hidden.md":         "# Hidden\n\nx\n",
		".git/d.md":          "# In git\n\nx\n",
		"out/already.md":     "# Already imported\n\nx\n",
		"out/../e.htm.bak":   "not imported",
		"deep/er/f.markdown": "---\ntitle: Zeta\n---\n\nText.\n",
	}
	for name, text := range files {
		p := filepath.Join(src, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(src, "out")
	done, err := importInto(t, out, true, []string{src}...)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range done.Written() {
		names = append(names, filepath.Base(p))
	}
	testsupport.CheckList(t, "imported from the directory, in lexical order", names, []string{"beta-page.md", "alpha.md", "gamma.md", "zeta.md"})
}

// TestImportTakesMarkdownWithWarnings: a Markdown file whose only problem
// is a warning (a typo in a field's name) is written, among the others,
// and its warning comes back with the file's own line; it is no failure.
func TestImportTakesMarkdownWithWarnings(t *testing.T) {
	src := t.TempDir()
	typo := filepath.Join(src, "typo.md")
	if err := os.WriteFile(typo, []byte("---\ntitle: A typo\nautor: X\n---\n\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(src, "out")
	done, err := importInto(t, out, true, []string{typo, fixture("minimal-page.html")}...)
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	testsupport.CheckList(t, "written", done.Written(), []string{filepath.Join(out, "a-typo.md"), filepath.Join(out, "notes-on-the-arctic-council-after-the-pause.md")})
	want := typo + `:3: unknown field "autor" (did you mean "author"?) (warning)`
	if len(done.Warnings) != 1 || done.Warnings.Error() != want {
		t.Errorf("warnings %v, want %q", done.Warnings, want)
	}
}
