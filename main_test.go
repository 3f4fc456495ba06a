package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cable/library"
)

// update is accepted so that "go test ./... -update", which refreshes the
// golden files of the ui package, runs here too.
var _ = flag.Bool("update", false, "refresh golden files (none in this package)")

// run runs cable's commands in-process, as the shell would, and returns
// what they print.
func run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	cmd := newRootCommand()
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SetArgs(args)
	err := cmd.Execute()
	return out.String(), err
}

func seedParagraphs(t *testing.T) []string {
	t.Helper()
	raw, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range strings.Split(string(raw), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

var leftovers = map[string]bool{"Updated on": true, "Originally published by": true, "Leave a Comment": true}

func TestReadPrintsEverySeedParagraph(t *testing.T) {
	unwrapped, err := run(t, "read", "azerbaijan-israel-relations", "--style", "notty", "--width", "0")
	if err != nil {
		t.Fatal(err)
	}
	wrapped, err := run(t, "read", "azerbaijan-israel-relations", "--style", "notty")
	if err != nil {
		t.Fatal(err)
	}
	lines := map[string]bool{}
	for _, l := range strings.Split(unwrapped, "\n") {
		lines[strings.TrimSpace(l)] = true
	}
	joined := strings.Join(strings.Fields(strings.ReplaceAll(wrapped, "\n", " ")), " ")
	for _, p := range seedParagraphs(t)[1:] {
		if leftovers[p] {
			if strings.Contains(wrapped, p) {
				t.Errorf("page leftover %q is printed", p)
			}
			continue
		}
		if p == "Editor’s note:" {
			continue // the note's heading in the article
		}
		if !lines[p] {
			t.Errorf("--width 0 output lacks the paragraph %q", p)
		}
		if !strings.Contains(joined, strings.Join(strings.Fields(p), " ")) {
			t.Errorf("80-column output lacks the paragraph %q", p)
		}
	}
	for _, l := range strings.Split(wrapped, "\n") {
		if strings.ContainsRune(l, '\x1b') || strings.HasSuffix(l, " ") {
			t.Fatalf("notty output has escapes or trailing spaces: %q", l)
		}
	}
}

func TestReadEditorsNoteOnly(t *testing.T) {
	out, err := run(t, "read", "azerbaijan-israel-relations", "--editors-note")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(out), " ")
	want := "## Editor’s note Eldar Mamedov is a political adviser to the Socialists & Democrats Group in the European Parliament, who writes in his personal capacity."
	if text != want {
		t.Errorf("--editors-note printed %q, want %q", text, want)
	}
}

func TestReadSection(t *testing.T) {
	for _, arg := range []string{"4", "Arms and Karabakh", "karabakh"} {
		out, err := run(t, "read", "azerbaijan-israel-relations", "--section", arg, "--width", "0")
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Fields(out)
		if !strings.HasPrefix(strings.TrimSpace(out), "## Arms and Karabakh") || strings.Contains(out, "## The lobby") || len(lines) < 50 {
			t.Errorf("--section %s printed:\n%s", arg, out)
		}
	}
}

// TestReadSubsection: "--section 2.3" prints the sub-section the status
// line calls §2.3, from its heading to the next, with only its own links
// listed after it.
func TestReadSubsection(t *testing.T) {
	out, err := run(t, "read", "reading-with-cable", "--section", "2.3", "--width", "0", "--links", "numbered")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.TrimSpace(out)
	if !strings.HasPrefix(text, "### Links and figures") || strings.Contains(out, "The editor's note") || strings.Contains(out, "Articles without headings") {
		t.Errorf("--section 2.3 printed:\n%s", out)
	}
	if !strings.Contains(out, "docs/screenshots/reader-toc.svg") {
		t.Errorf("--section 2.3 lost its figure's address:\n%s", out)
	}
	out, err = run(t, "read", "reading-with-cable", "--section", "2.1", "--width", "0", "--links", "numbered")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "reader-toc.svg") || strings.Contains(out, "### Articles without headings") {
		t.Errorf("--section 2.1 printed another sub-section's text or links:\n%s", out)
	}
}

func TestListJSON(t *testing.T) {
	out, err := run(t, "list", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(list) != 2 {
		t.Fatalf("%d articles listed", len(list))
	}
	for _, field := range []string{"id", "title", "author", "source", "published", "words", "minutes", "sections", "editors_note", "origin"} {
		if _, ok := list[0][field]; !ok {
			t.Errorf("field %q missing", field)
		}
	}
	seed := list[0]
	if seed["id"] != "azerbaijan-israel-relations" || seed["editors_note"] != true || seed["origin"] != "bundled" {
		t.Errorf("seed entry = %v", seed)
	}
	if sections := seed["sections"].([]any); len(sections) != 8 || sections[7] != "Editor’s note" {
		t.Errorf("sections = %v", sections)
	}
}

func TestListTable(t *testing.T) {
	out, err := run(t, "list")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "ID") || !strings.HasPrefix(lines[1], "azerbaijan-israel-relations  How Deep Are") {
		t.Errorf("list printed:\n%s", out)
	}
}

func TestUserErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.md")
	if err := os.WriteFile(bad, []byte("---\ntitle: T\npublished: last May\n---\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	plain := filepath.Join(dir, "plain.md")
	if err := os.WriteFile(plain, []byte("---\ntitle: Plain\n---\nOne.\n\nTwo.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"read", "no-such-article"}, `no article "no-such-article": "cable list" shows the IDs`},
		{[]string{"read", bad}, bad + `:3: published "last May" is not a date of the form YYYY-MM-DD`},
		{[]string{"read", "azerbaijan-israel-relations", "--section", "12"}, "azerbaijan-israel-relations has sections 1 to 8, not 12"},
		{[]string{"read", plain, "--section", "3"}, "plain has no sections: it has no headings, and is read by paragraph"},
		{[]string{"read", "reading-with-cable", "--section", "2.9"}, "reading-with-cable has no sub-section 2.9; section 2's are 2.1, 2.2, 2.3, 2.4, 2.5"},
		{[]string{"read", "reading-with-cable", "--section", "1.1"}, "reading-with-cable: section 1 has no sub-sections"},
		{[]string{"read", "reading-with-cable", "--section", "40.1"}, "reading-with-cable has sections 1 to 8, not 40"},
		{[]string{"read", "azerbaijan-israel-relations", "--style", "sepia"}, `unknown style "sepia" (choose one of auto, dark, light, notty, or the path of a Glamour JSON style)`},
		{[]string{"read", "azerbaijan-israel-relations", "--section", "1", "--editors-note"}, "give --section or --editors-note, not both"},
		{[]string{"list", filepath.Join(dir, "missing.md")}, filepath.Join(dir, "missing.md") + ": no such file, directory or article"},
	}
	for _, tt := range tests {
		_, err := run(t, tt.args...)
		if err == nil || err.Error() != tt.want {
			t.Errorf("cable %s: error %v, want %q", strings.Join(tt.args, " "), err, tt.want)
			continue
		}
		if _, ok := err.(userError); !ok {
			t.Errorf("cable %s: %T is not a user error (exit 1)", strings.Join(tt.args, " "), err)
		}
	}
}

// TestImportWritesIntoTheLibraryGiven: --library names the library that
// cable import writes into, as it names the one every other command reads;
// --into still beats it.
func TestImportWritesIntoTheLibraryGiven(t *testing.T) {
	src := filepath.Join(t.TempDir(), "piece.md")
	if err := os.WriteFile(src, []byte("---\ntitle: A piece\n---\n\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	lib, into := t.TempDir(), t.TempDir()
	out, err := run(t, "import", src, "--library", lib)
	if want := filepath.Join(lib, "a-piece.md") + "\n"; err != nil || out != want {
		t.Errorf("import --library: %q, %v; want %q", out, err, want)
	}
	out, err = run(t, "import", src, "--again", "--library", lib, "--into", into)
	if want := filepath.Join(into, "a-piece.md") + "\n"; err != nil || out != want {
		t.Errorf("import --library --into: %q, %v; want %q", out, err, want)
	}
	if listed, err := run(t, "list", "--library", lib, "--no-state"); err != nil || !strings.Contains(listed, "A piece") {
		t.Errorf("the library given does not list the import: %q, %v", listed, err)
	}
}

func TestListAddsFiles(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"one.md":       "---\ntitle: One\n---\nText.\n",
		"sub/two.md":   "# Two\n\nNo front matter.\n",
		"notes.txt":    "not an article",
		".hidden/x.md": "---\ntitle: Hidden\n---\nx\n",
	} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := run(t, "list", "--json", dir)
	if err != nil {
		t.Fatal(err)
	}
	var list []struct{ ID, Title, Origin string }
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range list[2:] {
		got = append(got, a.ID+" "+a.Title+" "+a.Origin)
	}
	want := []string{"one One " + filepath.Join(dir, "one.md"), "two Two " + filepath.Join(dir, "sub", "two.md")}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("added articles:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestValidate(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"good.md":         "---\ntitle: Good\n---\nText.\n",
		"typo.md":         "---\ntitle: T\nautor: Someone\n---\nText.\n",
		"sub/no-title.md": "---\nauthor: A\n---\nText.\n",
		"sub/date.md":     "---\ntitle: T\npublished: 2013-13-01\n---\nText.\n",
		"unclosed.md":     "---\ntitle: T\nText.\n",
	}
	for name, body := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := run(t, "validate", dir)
	want := []string{
		filepath.Join(dir, "sub/date.md") + `:3: published "2013-13-01" is not a date of the form YYYY-MM-DD`,
		filepath.Join(dir, "sub/no-title.md") + `:1: front matter has no title: add a line "title: ..."`,
		filepath.Join(dir, "typo.md") + `:3: unknown field "autor" (did you mean "author"?) (warning)`,
		filepath.Join(dir, "unclosed.md") + `:1: front matter is not closed: no "---" line after the opening one`,
	}
	if got := strings.TrimSpace(out); got != strings.Join(want, "\n") {
		t.Errorf("validate printed:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	if err == nil || err.Error() != "5 files checked: 1 valid, 4 with problems (3 errors, 1 warning)" {
		t.Errorf("validate error = %v", err)
	}
	if _, ok := err.(userError); !ok {
		t.Errorf("validate's failure is %T, not a user error (exit 1)", err)
	}
	out, err = run(t, "validate", filepath.Join(dir, "good.md"), "articles/bundle")
	if err != nil || strings.TrimSpace(out) != "3 files checked: 3 valid, 0 with problems (0 errors, 0 warnings)" {
		t.Errorf("validate of good files: %v\n%s", err, out)
	}
}

func TestNoStateWritesNothing(t *testing.T) {
	state := filepath.Dir(testHome(t).Crash)
	if _, err := run(t, "list", "--no-state"); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(state)
	if len(entries) != 0 {
		t.Errorf("--no-state wrote %v into the state directory", entries)
	}
	if _, err := run(t, "list"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(state, "cable", "cable.db")); err != nil {
		t.Errorf("without --no-state there is no database: %v", err)
	}
}

func TestQuotesCommand(t *testing.T) {
	store, _, err := library.Open(testHome(t).DB)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.AddQuote(library.Quote{Key: "bundled:x", ArticleID: "x", Title: "T", Author: "A", Text: "Words."}); err != nil {
		t.Fatal(err)
	}
	store.Close()
	out, err := run(t, "quotes")
	if err != nil || out != "> Words.\n\n— A, “T”.\n" {
		t.Errorf("quotes printed %q, %v", out, err)
	}
	out, err = run(t, "quotes", "--format", "json")
	var quotes []map[string]any
	if err != nil || json.Unmarshal([]byte(out), &quotes) != nil || len(quotes) != 1 || quotes[0]["text"] != "Words." || quotes[0]["citation"] != "A, “T”." {
		t.Errorf("quotes --format json printed %q, %v", out, err)
	}
	if _, err := run(t, "quotes", "--format", "html"); err == nil {
		t.Error("--format html was accepted")
	}
}

func TestConfigPrecedence(t *testing.T) {
	config := filepath.Dir(filepath.Dir(testHome(t).Config))
	t.Setenv("CABLE_STYLE", "")
	t.Setenv("CABLE_WIDTH", "")
	if err := os.MkdirAll(filepath.Join(config, "cable"), 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(config, "cable", "config.yaml")
	if err := os.WriteFile(path, []byte("style: light\nwidth: 60\nwords_per_minute: 119\nkeys:\n  next_section: J\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	check := func(want string, args ...string) {
		t.Helper()
		out, err := run(t, append([]string{"config"}, args...)...)
		if err != nil || out != "# "+path+"\n"+want+"words_per_minute: 119\nhyperlinks: auto\nlinks: clean\nkeys:\n  next_section: [J]\n" {
			t.Errorf("cable config %v printed %q, %v", args, out, err)
		}
	}
	check("style: light\nwidth: 60\n") // the file beats the defaults
	t.Setenv("CABLE_WIDTH", "70")
	t.Setenv("CABLE_STYLE", "dark")
	check("style: dark\nwidth: 70\n")                                       // the environment beats the file
	check("style: notty\nwidth: 50\n", "--width", "50", "--style", "notty") // flags beat both

	// The reading speed of the file gives cable list its minutes: each
	// article's minutes are its words divided by 119, rounded up.
	var listed []listedArticle
	if out, err := run(t, "list", "--json"); err != nil || json.Unmarshal([]byte(out), &listed) != nil {
		t.Fatalf("cable list --json: %v", err)
	}
	for _, a := range listed {
		if want := (a.Words + 118) / 119; a.Minutes != want {
			t.Errorf("%s: %d minutes for %d words at 119 a minute, want %d", a.ID, a.Minutes, a.Words, want)
		}
	}

	if err := os.WriteFile(path, []byte("keys:\n  down: x\n  up: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := run(t, "config"); err == nil || err.Error() != path+`:3: the key "x" is bound to both down and up` {
		t.Errorf("a conflict gave %v", err)
	}
}

// TestReaderOpensAnArticleByID: "cable reading-with-cable" opens the
// bundled guide as "cable read" would find it; a name that is neither a
// file nor an article is an error.
func TestReaderOpensAnArticleByID(t *testing.T) {
	global := env{library: t.TempDir(), noState: true}
	cat, err := global.openCatalog([]string{"reading-with-cable"})
	if err != nil {
		t.Fatal(err)
	}
	defer cat.Close()
	if e := fileToOpen(cat, []string{"reading-with-cable"}); e == nil || e.Summary.ID != "reading-with-cable" {
		t.Errorf("the guide's ID opens %v", e)
	}
	if _, err := global.openCatalog([]string{"no-such-article"}); err == nil || err.Error() != "no-such-article: no such file, directory or article" {
		t.Errorf("an unknown name gave %v", err)
	}
}

// TestReadToAPipeIsPlainUnlessAsked: printed to a file or a pipe, an
// article is plain text whatever style the configuration file or the
// environment gives the screens; only --style on the command line puts
// escape codes in it.
func TestReadToAPipeIsPlainUnlessAsked(t *testing.T) {
	config := filepath.Dir(filepath.Dir(testHome(t).Config))
	t.Setenv("CABLE_WIDTH", "")
	if err := os.MkdirAll(filepath.Join(config, "cable"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(config, "cable", "config.yaml"), []byte("style: light\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, env := range []string{"", "dark"} {
		t.Setenv("CABLE_STYLE", env)
		out, err := run(t, "read", "azerbaijan-israel-relations", "--no-state")
		if err != nil || strings.Contains(out, "\x1b[") || strings.Contains(out, " \n") {
			t.Errorf("CABLE_STYLE=%q: cable read to a pipe printed escape codes or trailing spaces (%v)", env, err)
		}
	}
	if out, err := run(t, "read", "azerbaijan-israel-relations", "--no-state", "--style", "dark"); err != nil || !strings.Contains(out, "\x1b[") {
		t.Errorf("--style dark to a pipe printed no escape codes (%v)", err)
	}
}
