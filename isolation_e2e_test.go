package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// oddName is a file the cablepanic build's parser panics on (see
// articles/testhook_panic.go): a stand-in for any bug a reader's file
// might one day find.
const oddName = "odd-panics-when-parsed.md"

// panicHome is a home whose library holds two good articles and one whose
// parsing panics, for the cablepanic build of cable.
func panicHome(t *testing.T) (h *home, dir string) {
	t.Helper()
	h = newHome(t)
	h.bin = panicBuild.binary(t)
	dir = filepath.Join(h.xdg("XDG_DATA_HOME"), "cable", "articles")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"first-good.md":  "---\ntitle: First good article\n---\n\nThe first one reads.\n",
		oddName:          "---\ntitle: The odd one\n---\n\nPrivate words of the reader.\n",
		"second-good.md": "---\ntitle: Second good article\n---\n\nThe second one reads too.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return h, dir
}

const internalError = "cable could not read this file (internal error); a report was written to "

// TestEndToEndOneFileCannotStopTheRest starts cable on a library where one
// file's parsing panics: the library lists it as broken with the report's
// path, the other articles (bundled ones too) open, nothing raw reaches
// the terminal, and cable exits normally.
func TestEndToEndOneFileCannotStopTheRest(t *testing.T) {
	t.Parallel()
	h, dir := panicHome(t)
	const wide = 220
	term := startCableIn(t, h, wide, termRows)
	rows := term.waitUntil("the library with the broken file and the others", patience, func(rows []string) bool {
		screen := strings.Join(rows, "\n")
		for _, s := range []string{"5 articles", "First good article", "Second good article", "How Deep Are Azerbaijan-Israel Relations?", oddName, internalError} {
			if !strings.Contains(screen, s) {
				return false
			}
		}
		return true
	})
	screen := strings.Join(rows, "\n")
	for _, s := range []string{"panic:", "goroutine", "Private words"} {
		if strings.Contains(screen, s) {
			t.Errorf("the screen shows %q:\n%s", s, dump(rows))
		}
	}
	// The other articles open: filter to one and read it.
	term.sendKey("/")
	term.typeInto("Filter: ", "second")
	term.sendKey("Enter")
	term.waitFor("1 of 5 articles", patience)
	term.sendKey("Enter")
	term.waitFor("The second one reads too.", patience)
	term.sendKey("q")
	term.waitFor("cable · ", patience)
	term.sendKey("q")
	term.waitFor(exitMarker+"0", patience)

	reports := h.crashReports(t)
	if len(reports) == 0 {
		t.Fatal("no crash report was written")
	}
	report, err := os.ReadFile(reports[0])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(report), "file: "+filepath.Join(dir, oddName)) || strings.Contains(string(report), "Private words") {
		t.Errorf("the report should name the file, not hold its text:\n%s", report)
	}
}

// TestOneFileCannotStopListOrValidate: cable list (with the index and
// without it) lists every other article and exits 0, saying on stderr what
// went wrong with the odd file; cable import imports the others and exits
// 1; cable validate names it and exits 1.
func TestOneFileCannotStopListOrValidate(t *testing.T) {
	t.Parallel()
	h, dir := panicHome(t)
	odd := filepath.Join(dir, oddName)
	for _, args := range [][]string{{"list"}, {"list", "--no-state"}} {
		stdout, stderr, code := h.run(t, args...)
		if code != 0 {
			t.Errorf("cable %s exited %d:\n%s", strings.Join(args, " "), code, stderr)
		}
		for _, s := range []string{"first-good", "second-good", "azerbaijan-israel-relations", "reading-with-cable", "broken"} {
			if !strings.Contains(stdout, s) {
				t.Errorf("cable %s does not list %q:\n%s", strings.Join(args, " "), s, stdout)
			}
		}
		if !strings.Contains(stderr, odd+": "+internalError) || strings.Contains(stderr, "goroutine") {
			t.Errorf("cable %s: stderr is\n%s\nwant the odd file's error and no stack", strings.Join(args, " "), stderr)
		}
	}
	// Importing the three elsewhere, as copies (they are in the library
	// already), writes the two good ones.
	into := t.TempDir()
	stdout, stderr, code := h.run(t, "import", "--again", "--into", into, dir)
	imported, _ := filepath.Glob(filepath.Join(into, "*.md"))
	if code != 1 || len(imported) != 2 || !strings.HasPrefix(stderr, "cable: "+odd+": "+internalError) || strings.Contains(stderr, "goroutine") {
		t.Errorf("cable import exited %d, wrote %v, and said\n%s%s", code, imported, stdout, stderr)
	}
	stdout, stderr, code = h.run(t, "validate", dir)
	if code != 1 {
		t.Errorf("cable validate exited %d, want 1", code)
	}
	if !strings.Contains(stdout, odd+": "+internalError) || !strings.Contains(stderr, "3 files checked: 2 valid, 1 with problems") || strings.Contains(stdout+stderr, "goroutine") {
		t.Errorf("cable validate printed\n%s%s", stdout, stderr)
	}
}

// TestEndToEndOneSectionCannotStopTheArticle: a section whose rendering
// panics shows a line saying so, in the reader and in cable read, and the
// sections around it read as usual.
func TestEndToEndOneSectionCannotStopTheArticle(t *testing.T) {
	t.Parallel()
	h := newHome(t)
	h.bin = panicBuild.binary(t)
	path := filepath.Join(t.TempDir(), "sections.md")
	text := "---\ntitle: Three sections\n---\n\nThe opening reads.\n\n## Odd section\n\nThis one panics-when-rendered here.\n\n## After\n\nThe last one reads too.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	const notice = "[cable could not show this section (internal error); a report was written to "
	stdout, stderr, code := h.run(t, "read", path, "--width", "200")
	if code != 0 || !strings.Contains(stdout, "The opening reads.") || !strings.Contains(stdout, notice) ||
		!strings.Contains(stdout, "The last one reads too.") || strings.Contains(stdout, "panics-when-rendered") {
		t.Errorf("cable read exited %d:\n%s%s", code, stdout, stderr)
	}
	term := startCableIn(t, h, 220, termRows, path)
	term.waitFor("The opening reads.", patience)
	term.sendKey("]")
	term.waitFor(notice, patience)
	term.sendKey("]")
	term.waitFor("The last one reads too.", patience)
	term.sendKey("q")
	term.waitFor("cable · ", patience)
	term.sendKey("q")
	term.waitFor(exitMarker+"0", patience)
}
