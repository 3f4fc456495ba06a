package library

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"cable/articles"
)

// fixture is the path of an import fixture; they are extract's.
func fixture(name string) string { return filepath.Join("..", "extract", "testdata", "import", name) }

// TestImportFileRefusals checks the files ImportFile will not read.
func TestImportFileRefusals(t *testing.T) {
	dir := t.TempDir()
	pdf := filepath.Join(dir, "report.PDF")
	big := filepath.Join(dir, "huge.txt")
	noExt := filepath.Join(dir, "README")
	for _, p := range []string{pdf, noExt} {
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(articles.MaxSize + 1); err != nil { // sparse: no 16 MiB written
		t.Fatal(err)
	}
	f.Close()
	for path, want := range map[string]string{
		pdf:                        pdf + ": cannot import .pdf files (html, htm, txt, md and markdown can be)",
		noExt:                      noExt + ": cannot import a file without an extension (html, htm, txt, md and markdown can be)",
		big:                        big + ": is 16 MiB; files larger than 16 MiB are not imported",
		filepath.Join(dir, "x.md"): filepath.Join(dir, "x.md") + ": no such file",
		dir + "/sub.html":          dir + "/sub.html: no such file",
	} {
		_, _, err := ImportFile(path)
		if err == nil || err.Error() != want {
			t.Errorf("ImportFile(%s): err = %v, want %q", path, err, want)
		}
	}
	sub := filepath.Join(dir, "folder.md")
	os.Mkdir(sub, 0o755)
	if _, _, err := ImportFile(sub); err == nil || err.Error() != sub+": is a directory, not a file to import" {
		t.Errorf("directory: %v", err)
	}
}

// TestImportNeverOverwrites imports the same page three times around a
// file written by someone else.
func TestImportNeverOverwrites(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "library") // created by Import
	src := fixture("minimal-page.html")
	c, _, err := ImportFile(src)
	if err != nil {
		t.Fatal(err)
	}
	want := c.Markdown
	var all []string
	for range 2 {
		done, err := Import([]string{src}, dir, nil)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, done.Written...)
	}
	base := filepath.Join(dir, "notes-on-the-arctic-council-after-the-pause")
	check(t, "written", all, []string{base + ".md", base + "-2.md"})

	known := []byte("someone else's file\n")
	if err := os.WriteFile(base+"-3.md", known, 0o600); err != nil {
		t.Fatal(err)
	}
	done, err := Import([]string{src}, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	check(t, "third import", done.Written, []string{base + "-4.md"})
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
	done, err := Import(paths, out, nil)
	written := done.Written
	check(t, "written", written, []string{
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
		mustParseCleanly(t, p, data)
	}
}

// TestImportDirectory imports a folder: importable files only, hidden ones
// and the output folder skipped.
func TestImportDirectory(t *testing.T) {
	src := t.TempDir()
	files := map[string]string{
		"a.txt":              "Alpha\n\nText of alpha.\n",
		"Sub/b.HTML":         "<html><head><title>Beta page</title></head><body><p>" + prose + "</p></body></html>",
		"c.markdown":         "# Gamma\n\nText of gamma.\n",
		"notes.pdf":          "%PDF",
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
	done, err := Import([]string{src}, out, nil)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range done.Written {
		names = append(names, filepath.Base(p))
	}
	check(t, "imported from the directory, in lexical order", names, []string{"beta-page.md", "alpha.md", "gamma.md", "zeta.md"})
}

// TestSafeFileName checks names for ordinary and hostile titles.
func TestSafeFileName(t *testing.T) {
	long := strings.Repeat("a", 500)
	words := strings.Repeat("word ", 40)
	tests := []struct{ title, want string }{
		{"How Deep Are Azerbaijan-Israel Relations?", "how-deep-are-azerbaijan-israel-relations.md"},
		{"../../etc/passwd", "etc-passwd.md"},
		{"/abs", "abs.md"},
		{`C:\Windows\system32`, "c-windows-system32.md"},
		{"CON", "con-article.md"},
		{"lpt9", "lpt9-article.md"},
		{"Con game", "con-game.md"},
		{long, strings.Repeat("a", 80) + ".md"},
		{words, strings.TrimSuffix(strings.Repeat("word-", 16), "-") + ".md"},
		{"Baku: Bakı – 2013", "baku-bakı-2013.md"},
		{"", "article.md"},
		{"..", "article.md"},
		{".hidden", "hidden.md"},
		{"a\x00b\x00", "a-b.md"},
		{"🇮🇷 Iran 🚀 launch", "iran-launch.md"},
		{"🚀", "article.md"},
		{"Re\u0301sume\u0301 of talks", "re\u0301sume\u0301-of-talks.md"},
		{"Ελλάδα και Τουρκία", "ελλάδα-και-τουρκία.md"},
		{strings.Repeat("é", 100), strings.Repeat("é", 40) + ".md"},
		{strings.Repeat("e\u0301", 60), strings.Repeat("e\u0301", 26) + ".md"},
	}
	for _, tt := range tests {
		got := SafeFileName(tt.title)
		if got != tt.want {
			t.Errorf("SafeFileName(%q) = %q, want %q", tt.title, got, tt.want)
		}
		checkSafeName(t, tt.title, got)
	}
}

// checkSafeName checks the promises SafeFileName makes for any title.
func checkSafeName(t *testing.T, title, name string) {
	t.Helper()
	stem, ok := strings.CutSuffix(name, ".md")
	bad := !ok || stem == "" || len(stem) > maxNameBytes || !utf8.ValidString(name) ||
		strings.ContainsAny(name, `/\:*?"<>|`+"\x00") || strings.HasPrefix(name, ".") ||
		strings.HasPrefix(stem, "-") || strings.HasSuffix(stem, "-") || windowsReserved[stem] ||
		filepath.Base(name) != name
	if bad {
		t.Errorf("SafeFileName(%q) = %q is not a safe name", title, name)
	}
}

// FuzzSafeFileName checks SafeFileName's promises for any title.
func FuzzSafeFileName(f *testing.F) {
	f.Add("../../etc/passwd")
	f.Add("CON")
	f.Add(strings.Repeat("é", 100))
	f.Fuzz(func(t *testing.T, title string) {
		checkSafeName(t, title, SafeFileName(title))
	})
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
	done, err := Import([]string{typo, fixture("minimal-page.html")}, out, nil)
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	check(t, "written", done.Written, []string{filepath.Join(out, "a-typo.md"), filepath.Join(out, "notes-on-the-arctic-council-after-the-pause.md")})
	want := typo + `:3: unknown field "autor" (did you mean "author"?) (warning)`
	if len(done.Warnings) != 1 || done.Warnings.Error() != want {
		t.Errorf("warnings %v, want %q", done.Warnings, want)
	}
}
