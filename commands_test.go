package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"cable/config"
)

// runSplit runs cable's commands in-process, as run does, and returns
// what they print on standard output and on standard error apart.
func runSplit(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	cmd := newRootCommand()
	var out, errOut bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&errOut)
	cmd.SetArgs(args)
	err = cmd.Execute()
	return out.String(), errOut.String(), err
}

// writeFile writes a file for a test, creating its directory.
func writeFile(t *testing.T, path, body string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestImportMarkdownWithAWarning: "cable import" takes a reader's own
// Markdown file whose only problem is a warning, as "cable read" opens
// it: the article is written, its path printed, the warning said on
// stderr as a warning, and the exit status is 0.
func TestImportMarkdownWithAWarning(t *testing.T) {
	typo := writeFile(t, filepath.Join(t.TempDir(), "typo.md"), "---\ntitle: A typo\nautor: X\n---\n\nText.\n")
	lib := t.TempDir()
	out, errOut, err := runSplit(t, "import", typo, "--library", lib)
	if err != nil {
		t.Fatalf("import failed: %v (stderr %q)", err, errOut)
	}
	if want := filepath.Join(lib, "a-typo.md") + "\n"; out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}
	if want := typo + `:3: unknown field "autor" (did you mean "author"?) (warning)` + "\n"; errOut != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	if _, err := os.Stat(filepath.Join(lib, "a-typo.md")); err != nil {
		t.Error(err)
	}
	if strings.Contains(out, "warning") {
		t.Error("the warning went to stdout")
	}
}

// savedPage is a page as a browser saves it: styles and scripts around
// the article.
const savedPage = `<!DOCTYPE html><html lang="en"><head><title>Ports of the Black Sea</title>
<style>body { color: #333; font-family: Georgia } .nav { display: flex }</style>
<script>window.tracker = function () { return 42 }</script></head>
<body><nav class="nav"><a href="/">Home</a></nav><article><h1>Ports of the Black Sea</h1>
<p>The negotiations over the straits have lasted longer than anyone expected, and each round has
ended with a communiqué that promised more talks. The delegations agree on the principle of free
passage but not on who should pay for the pilots, the tugs and the insurance.</p>
<p>That question, more than any grand strategy, decides how much traffic the waterway can carry
in a year, and the ports along the coast have learned to wait.</p></article>
<script>document.write("subscribe")</script></body></html>`

// TestReadConvertsPagesAndRefusesOtherFiles: "cable read page.html"
// prints the article a page holds, as "cable import" would find it, and
// writes nothing; a text is read through the text importer; a file that is
// no article is refused in one line that names it and says what cable
// reads.
func TestReadConvertsPagesAndRefusesOtherFiles(t *testing.T) {
	dir := t.TempDir()
	page := writeFile(t, filepath.Join(dir, "page.html"), savedPage)
	text := writeFile(t, filepath.Join(dir, "talks.txt"), "Talks in Vienna\n\nThe delegations met again on Tuesday.\n")
	lib := t.TempDir()
	out, err := run(t, "read", page, "--style", "notty", "--width", "0", "--library", lib, "--no-state")
	if err != nil || !strings.Contains(out, "Ports of the Black Sea") || !strings.Contains(out, "the ports along the coast have learned to wait") ||
		strings.Contains(out, "color") || strings.Contains(out, "tracker") || strings.Contains(out, "subscribe") || strings.Contains(out, "Home") {
		t.Errorf("cable read page.html: %v\n%s", err, out)
	}
	if entries, _ := os.ReadDir(lib); len(entries) != 0 {
		t.Errorf("reading a page wrote %v into the library", entries)
	}
	out, err = run(t, "read", text, "--style", "notty", "--width", "0", "--no-state")
	if err != nil || !strings.Contains(out, "# Talks in Vienna") || !strings.Contains(out, "The delegations met again on Tuesday.") {
		t.Errorf("cable read talks.txt: %v\n%s", err, out)
	}
	const kinds = `cable reads articles in Markdown (.md, .markdown), and web pages (.html, .htm) and text (.txt), which it converts as "cable import" does`
	for name, body := range map[string]string{
		"data.json": `{"a": 1}`, "brief.pdf": "%PDF-1.7", "blob": "\x00\x01\x02",
	} {
		path := writeFile(t, filepath.Join(dir, name), body)
		want := path + ": cannot read " + filepath.Ext(name) + " files: " + kinds
		switch filepath.Ext(name) {
		case "":
			want = path + ": is not a text file: " + kinds
		case ".pdf":
			// A report is imported, and the reader is told how.
			want = path + `: is a pdf file: "cable import ` + path + `" makes an article of it, then it opens from the library`
		}
		_, err := run(t, "read", path, "--no-state")
		if _, ok := err.(userError); !ok || err.Error() != want {
			t.Errorf("cable read %s: %v, want the user error %q", name, err, want)
		}
		// The reader refuses it before it needs a terminal.
		if err := runReader(env{library: lib, noState: true}, viewFlags{}, config.Config{}, []string{path}); err == nil || err.Error() != want {
			t.Errorf("cable %s: %v, want %q", name, err, want)
		}
	}
}

// TestReaderOpensTheArticleOfAPage: "cable page.html" opens the article
// extracted from the page straight in the reader, with the index and
// without it.
func TestReaderOpensTheArticleOfAPage(t *testing.T) {
	testHome(t)
	page := writeFile(t, filepath.Join(t.TempDir(), "page.html"), savedPage)
	for _, noState := range []bool{true, false} {
		cat, err := (&env{library: t.TempDir(), noState: noState}).openCatalog([]string{page})
		if err != nil {
			t.Fatal(err)
		}
		e := fileToOpen(cat, []string{page})
		if e == nil {
			t.Fatalf("no state %v: the page does not open: %+v", noState, cat.Entries)
		}
		a, err := cat.Article(*e)
		cat.Close()
		if err != nil {
			t.Fatal(err)
		}
		var md strings.Builder
		for _, s := range a.Sections {
			md.WriteString(s.Markdown)
		}
		if a.Meta.Title != "Ports of the Black Sea" || strings.Contains(md.String(), "tracker") || !strings.Contains(md.String(), "learned to wait") {
			t.Errorf("no state %v: the page opens as %q:\n%s", noState, a.Meta.Title, md.String())
		}
	}
}

// TestNothingFoundIsSaid: as grep, "cable search" and "cable quotes
// --article" say on stderr when they find nothing, and exit 1; with
// --json (--format json) they print an empty array first. An unknown
// article is an error of its own, as for "cable read".
func TestNothingFoundIsSaid(t *testing.T) {
	testHome(t)
	lib := t.TempDir()
	failure := func(want string, args ...string) {
		t.Helper()
		out, errOut, err := runSplit(t, append(args, "--library", lib)...)
		wantOut := ""
		if (slices.Contains(args, "--json") || slices.Contains(args, "json")) && !strings.HasPrefix(want, "no article") {
			wantOut = "[]\n"
		}
		if _, ok := err.(userError); !ok || err.Error() != want || out != wantOut || errOut != "" {
			t.Errorf("cable %s: stdout %q, stderr %q, error %v; want %q and the user error %q", strings.Join(args, " "), out, errOut, err, wantOut, want)
		}
	}
	failure(`no article "nonexistent": "cable list" shows the IDs`, "quotes", "--article", "nonexistent")
	failure(`no article "nonexistent": "cable list" shows the IDs`, "quotes", "--article", "nonexistent", "--format", "json")
	failure("no quotes saved from reading-with-cable", "quotes", "--article", "reading-with-cable")
	failure("no quotes saved from reading-with-cable", "quotes", "--article", "reading-with-cable", "--format", "json")
	failure(`no passage matches "xyzzy"`, "search", "xyzzy")
	failure(`no passage matches "xyzzy plugh"`, "search", "xyzzy", "plugh", "--json")
	if out, err := run(t, "search", "Karabakh", "--library", lib); err != nil || !strings.Contains(out, "Karabakh") {
		t.Errorf("a search that finds passages: %v\n%s", err, out)
	}
}

// TestReadToAPipeNumbersLinks: printed to a file or a pipe, links are
// numbered in the text and each section's addresses listed after it, so
// that the text stands alone; no address of a link with text of its own
// stands in the prose. --links chooses otherwise.
func TestReadToAPipeNumbersLinks(t *testing.T) {
	const page = "render/testdata/links.md"
	out, err := run(t, "read", page, "--width", "60", "--no-state")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "\x1b[") {
		t.Errorf("escape codes in the text printed to a pipe:\n%q", out)
	}
	before, after, found := strings.Cut(out, "## The succession")
	if !found {
		t.Fatalf("no second section:\n%s", out)
	}
	for _, want := range []string{
		"Zimbabwe President Robert Mugabe¹, his wife Grace²",
		"\n  [¹]: http://www.telegraph.co.uk/news/2017/11/17/zimbabwes-ruling-party-drafting-motion-fire-robert-mugabe-sunday/\n",
		"\n  [⁷]: https://www.telegraph.co.uk/content/dam/news/2017/11/15/harare-soldiers-xlarge_trans_NvBQzQNjv4BqpVlberWd9EgFPZtcLiMQfyf2A9a6I9YchsjMeADBa08.jpg\n",
		"[Figure: Soldiers on the streets of Harare, 15 November",
	} {
		if !strings.Contains(before, want) {
			t.Errorf("the first section lacks %q:\n%s", want, before)
		}
	}
	for _, want := range []string{"Chatham House¹⁰", "[Figure]¹³", "\n  [¹³]: https://www.telegraph.co.uk/content/dam/news/2017/11/21/parliament-harare.jpg\n"} {
		if !strings.Contains(after, want) {
			t.Errorf("the second section lacks %q:\n%s", want, after)
		}
	}
	// The bare addresses are text, shown once and not listed.
	if strings.Contains(out, "[8]") || strings.Count(out, "https://www.zbc.co.zw/statement") != 0 || strings.Count(out, "zw/statement-by-major-general-sibusiso-moyo/") != 1 {
		t.Errorf("the bare address is numbered or shown twice:\n%s", out)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "://") && !strings.HasPrefix(strings.TrimSpace(line), "[") && !strings.Contains(line, "archive.org") && !strings.Contains(line, "zbc.co") {
			t.Errorf("an address in the prose: %q", line)
		}
	}
	if out, err := run(t, "read", page, "--width", "60", "--no-state", "--links", "clean"); err != nil || strings.Contains(out, "[1]") || strings.Contains(out, "telegraph.co.uk") {
		t.Errorf("--links clean printed numbers or addresses (%v):\n%s", err, out)
	}
	if out, err := run(t, "read", page, "--width", "0", "--no-state", "--links", "inline"); err != nil || strings.Contains(out, "[1]") || !strings.Contains(out, "Robert Mugabe http://www.telegraph.co.uk/news/2017/11/17/") {
		t.Errorf("--links inline did not print addresses in the text (%v):\n%s", err, out)
	}
	if _, err := run(t, "read", page, "--no-state", "--links", "footnotes"); err == nil || !strings.Contains(err.Error(), `"footnotes" is not a link mode (choose clean, numbered or inline)`) {
		t.Errorf("--links footnotes: %v", err)
	}
}

// TestSearchPrintsPassages: "cable search" prints the best passages of
// each article, --passages of them, never the front matter of an article
// whose text matches, and the limit counts articles.
func TestSearchPrintsPassages(t *testing.T) {
	testHome(t)
	lib := t.TempDir()
	writeFile(t, filepath.Join(lib, "report.md"), "---\ntitle: Tankers\ntopics: [shadow fleet]\n---\n\n"+
		"Insurers will not cover the shadow fleet.\n\n## Flags\n\nThe shadow fleet changes flags twice a year.\n\n## Ports\n\nPorts turn the shadow fleet away.\n\n## Prices\n\nThe shadow fleet sells below the cap.\n")
	out, err := run(t, "search", "shadow fleet", "--library", lib)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out, "Tankers · "); n != 3 {
		t.Errorf("%d passages of the report, want 3:\n%s", n, out)
	}
	if strings.Contains(out, "title, author or topics") || strings.Contains(out, "Tankers · shadow") {
		t.Errorf("the front matter was printed as a passage:\n%s", out)
	}
	out, _ = run(t, "search", "shadow fleet", "--passages", "1", "--library", lib)
	if n := strings.Count(out, "Tankers · "); n != 1 {
		t.Errorf("--passages 1 printed %d:\n%s", n, out)
	}
}
