package library

import (
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
	docx := filepath.Join(dir, "report.DOCX")
	big := filepath.Join(dir, "huge.txt")
	noExt := filepath.Join(dir, "program")
	for p, body := range map[string]string{pdf: "x", docx: "PK", noExt: "\x00\x01"} {
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
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
		pdf:                        pdf + ": is not a PDF (it does not start as one)",
		docx:                       docx + ": cannot import .docx files (html, htm, txt, md, markdown, pdf and epub can be)",
		noExt:                      noExt + `: is not a text file: cable reads articles in Markdown (.md, .markdown), and web pages (.html, .htm) and text (.txt), which it converts as "cable import" does`,
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
