// Command corpus measures how cable reads a folder of saved web pages,
// through the real binary as a user runs it: each page is imported with
// "cable import" into a library of its own, listed with "cable list
// --json" and printed with "cable read --style notty". For every page it
// reports whether it was imported, the web addresses left inside the
// prose, site furniture ("[edit]", "¶", "Permalink") in section titles,
// the sections against the top-level headings of the imported text, how
// an article without headings can be navigated and, where the folder
// holds NAME.expected.txt beside NAME.html, how much of the expected text
// was printed (recall) and how much of what was printed was expected
// (precision). NAME.expect.json adds the expected sections, byline and
// number of figures.
//
//	go run ./scripts/corpus testdata/pages
//	go run ./scripts/corpus -bin ./cable -json ~/saved-pages
//
// Without -bin it builds cable from the module it is run in. Nothing is
// fetched, and nothing of the user's own library, state or configuration
// is read or written: cable runs in a temporary home that is removed
// afterwards (-keep leaves it, to look at the imported files).
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"cable/scripts/corpus/pagecheck"
)

func main() {
	bin := flag.String("bin", "", "the cable binary to measure (default: build one from this module)")
	asJSON := flag.Bool("json", false, "print the results as JSON instead of a table")
	keep := flag.Bool("keep", false, "keep the temporary home with the imported articles, and say where")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: go run ./scripts/corpus [-bin PATH] [-json] [-keep] DIR|FILE...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(os.Stdout, *bin, *asJSON, *keep, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
}

// run measures the pages found under paths and writes the report.
func run(w io.Writer, bin string, asJSON, keep bool, paths []string) error {
	pages, err := findPages(paths)
	if err != nil {
		return err
	}
	if len(pages) == 0 {
		return fmt.Errorf("no .html or .htm files in %s", strings.Join(paths, " "))
	}
	dir, err := os.MkdirTemp("", "cable-corpus-")
	if err != nil {
		return err
	}
	if keep {
		fmt.Fprintln(os.Stderr, "corpus: the temporary home is", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	if bin == "" {
		if bin, err = buildCable(dir); err != nil {
			return err
		}
	}
	c, err := newCable(bin, dir)
	if err != nil {
		return err
	}
	results := c.measure(pages)
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(results)
	}
	writeTable(w, results)
	writeTotals(w, results, c.hasTOC)
	return nil
}

// findPages lists the saved pages under each path, a directory (searched
// through, hidden ones left out) or a file, in order.
func findPages(paths []string) ([]string, error) {
	var pages []string
	for _, root := range paths {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && path != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if ext := strings.ToLower(filepath.Ext(path)); !d.IsDir() && (ext == ".html" || ext == ".htm") {
				pages = append(pages, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return pages, nil
}

// buildCable builds cable from the module this command runs in.
func buildCable(dir string) (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil || strings.TrimSpace(string(out)) == "" || strings.TrimSpace(string(out)) == os.DevNull {
		return "", fmt.Errorf("not inside cable's module; give the binary with -bin (%v)", err)
	}
	bin := filepath.Join(dir, "cable")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = filepath.Dir(strings.TrimSpace(string(out)))
	if out, err := build.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
}

// cable runs the binary in a home of its own.
type cable struct {
	bin, library string
	env          []string
	// hasTOC says "cable read" can print the contents (--toc), which is
	// how a page without headings shows whether it can be walked
	// paragraph by paragraph.
	hasTOC bool
}

// newCable makes the temporary home: XDG directories and a library, so
// that the user's configuration, index and render cache play no part.
func newCable(bin, dir string) (*cable, error) {
	c := &cable{bin: bin, library: filepath.Join(dir, "library")}
	c.env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "LANG=C.UTF-8"}
	for _, v := range []string{"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"} {
		d := filepath.Join(dir, strings.ToLower(v))
		if err := os.MkdirAll(d, 0o700); err != nil {
			return nil, err
		}
		c.env = append(c.env, v+"="+d)
	}
	if err := os.MkdirAll(c.library, 0o700); err != nil {
		return nil, err
	}
	help, _, err := c.run("read", "--help")
	if err != nil {
		return nil, fmt.Errorf("%s read --help: %v", bin, err)
	}
	c.hasTOC = strings.Contains(help, "--toc")
	return c, nil
}

// run runs one cable command and returns its standard output and error.
func (c *cable) run(args ...string) (stdout, stderr string, err error) {
	cmd := exec.Command(c.bin, args...)
	cmd.Env = c.env
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	return out.String(), errOut.String(), err
}

// result is what was measured of one page.
type result struct {
	Page  string `json:"page"`
	Done  bool   `json:"imported"`
	Error string `json:"error,omitempty"`
	ID    string `json:"id,omitempty"`
	// Words is how many words "cable read" printed after the header.
	Words int `json:"words"`
	// Addresses are the web addresses inside prose lines.
	Addresses int `json:"addresses_in_prose"`
	// Stranded are the one-word lines inside paragraphs at 80 columns.
	Stranded int `json:"stranded_lines"`
	// Furniture are the section titles and printed headings that carry
	// site furniture.
	Furniture []string `json:"furniture,omitempty"`
	// Sections is how many sections the status line counts; Content, the
	// titles of those that come from the page's own headings.
	Sections int      `json:"sections"`
	Content  []string `json:"content_sections"`
	// Headings are the page's own headings of the top level its article
	// uses (pagecheck.BodyHeadings), and AsSections how many of them are
	// sections; Lost are the article's headings, of any level, that the
	// printed text does not show.
	Headings   []pagecheck.PageHeading `json:"headings"`
	AsSections int                     `json:"headings_as_sections"`
	Lost       []string                `json:"lost_headings,omitempty"`
	// ImportedLevel and Imported are the top level of heading in the
	// imported Markdown and how many headings of it there are.
	ImportedLevel int `json:"imported_heading_level"`
	Imported      int `json:"imported_headings"`
	// Navigable is, for an article without headings, "¶" when its
	// contents list paragraphs, else "§1/N" as the status line would say.
	Navigable string `json:"navigable,omitempty"`
	// Recall and Precision compare the printed words with
	// NAME.expected.txt, when there is one.
	Recall    *float64 `json:"recall,omitempty"`
	Precision *float64 `json:"precision,omitempty"`
	// Expect is what NAME.expect.json said, and the checks against it.
	Expect *expectation `json:"expect,omitempty"`
}

// expectation is NAME.expect.json checked.
type expectation struct {
	SectionsFound int    `json:"sections_found"`
	SectionsWant  int    `json:"sections_wanted"`
	SectionsOK    bool   `json:"sections_ok"`
	Author        string `json:"author"`
	AuthorOK      bool   `json:"author_ok"`
	FiguresWant   *int   `json:"figures_wanted,omitempty"`
	Figures       int    `json:"figures"`
}

// sectionsMatch says the page's headings made its sections: each of two
// or more headings of the body's top level is a section.
func (r result) sectionsMatch() bool {
	return len(r.Headings) < 2 || r.AsSections == len(r.Headings)
}

// headingless says the article has no heading below its title, in the
// page or in the imported text.
func (r result) headingless() bool {
	return r.ID != "" && len(r.Headings) == 0 && len(r.Lost) == 0 && r.Imported == 0
}

// measure imports every page, then lists and reads each one.
func (c *cable) measure(pages []string) []result {
	results := make([]result, len(pages))
	written := map[string]int{} // imported file → its page
	for i, page := range pages {
		results[i].Page = page
		out, errOut, err := c.run("import", "--library", c.library, page)
		path := strings.TrimSpace(out)
		if err != nil || path == "" || strings.Contains(path, "\n") {
			results[i].Error = oneLine(errOut, err)
			continue
		}
		results[i].Done = true
		written[path] = i
	}
	out, errOut, err := c.run("list", "--json", "--library", c.library)
	var entries []pagecheck.Entry
	if err == nil {
		err = json.Unmarshal([]byte(out), &entries)
	}
	if err != nil {
		for i := range results {
			if results[i].Done {
				results[i].Error = "cable list --json: " + oneLine(errOut, err)
			}
		}
		return results
	}
	for _, e := range entries {
		if i, ok := written[e.Origin]; ok {
			c.measurePage(&results[i], e)
		}
	}
	return results
}

// measurePage reads one imported page and measures it.
func (c *cable) measurePage(r *result, e pagecheck.Entry) {
	r.ID = e.ID
	if e.Error != "" {
		r.Error = e.Error
		return
	}
	out, errOut, err := c.run("read", "--library", c.library, "--style", "notty", "--width", "0", e.ID)
	if err != nil {
		r.Error = "cable read: " + oneLine(errOut, err)
		return
	}
	body := pagecheck.Body(strings.Split(out, "\n"), e.HeaderBlocks())
	words := pagecheck.Words(body)
	for _, n := range words {
		r.Words += n
	}
	r.Addresses = pagecheck.ProseAddresses(body)
	if out80, _, err := c.run("read", "--library", c.library, "--style", "notty", "--width", "80", e.ID); err == nil {
		r.Stranded = pagecheck.Stranded(pagecheck.Body(strings.Split(out80, "\n"), e.HeaderBlocks()))
	}
	for _, title := range append(slices.Clone(e.Sections), pagecheck.HeadingLines(body)...) {
		if pagecheck.Furniture(title) && !slices.Contains(r.Furniture, title) {
			r.Furniture = append(r.Furniture, title)
		}
	}
	r.Sections = len(e.Sections)
	r.Content = e.ContentSections()
	if md, err := os.ReadFile(e.Origin); err == nil {
		h := pagecheck.TopHeadings(string(md))
		r.ImportedLevel, r.Imported = h.Level, len(h.Titles)
	}
	if page, err := os.ReadFile(r.Page); err == nil {
		all := pagecheck.BodyHeadings(string(page), body)
		if e.HasNotes() {
			all = slices.DeleteFunc(all, func(h pagecheck.PageHeading) bool { return len(pagecheck.WithoutNotes([]string{h.Title})) == 0 })
		}
		r.Headings = pagecheck.TopLevel(all)
		for _, h := range r.Headings {
			if slices.Contains(r.Content, h.Title) {
				r.AsSections++
			}
		}
		for _, h := range all {
			if !h.Printed {
				r.Lost = append(r.Lost, h.Title)
			}
		}
	}
	if r.headingless() {
		r.Navigable = fmt.Sprintf("§1/%d", r.Sections)
		if c.hasTOC {
			if toc, _, err := c.run("read", "--library", c.library, "--toc", e.ID); err == nil && paragraphContents(toc) {
				r.Navigable = "¶"
			}
		}
	}
	base := strings.TrimSuffix(r.Page, filepath.Ext(r.Page))
	if data, err := os.ReadFile(base + ".expected.txt"); err == nil {
		recall, precision := pagecheck.Overlap(pagecheck.Words(strings.Split(string(data), "\n")), words)
		r.Recall, r.Precision = &recall, &precision
	}
	if want, err := pagecheck.ReadExpect(base + ".expect.json"); err == nil {
		r.Expect = check(want, e, pagecheck.Figures(body))
	} else if !errors.Is(err, fs.ErrNotExist) {
		r.Error = err.Error()
	}
}

// check compares a page's expectations with what cable made of it. Where
// cable gathered the notes in a section of its own, the page's heading
// over them ("References") is not looked for.
func check(want pagecheck.Expect, e pagecheck.Entry, figures int) *expectation {
	content := e.ContentSections()
	if e.HasNotes() {
		content, want.Sections = pagecheck.WithoutNotes(content), pagecheck.WithoutNotes(want.Sections)
	}
	x := &expectation{SectionsWant: len(want.Sections), Author: e.Author, FiguresWant: want.Figures, Figures: figures}
	for _, s := range want.Sections {
		if slices.Contains(content, s) {
			x.SectionsFound++
		}
	}
	x.SectionsOK = slices.Equal(content, want.Sections) || (want.Headingless && len(content) == 0 && len(want.Sections) == 0)
	x.AuthorOK = pagecheck.SameAuthors(e.Author, want.Author)
	return x
}

// paragraphContents says printed contents list paragraphs ("¶4  But
// officials…") rather than sections.
func paragraphContents(toc string) bool {
	for _, line := range strings.Split(toc, "\n") {
		if strings.HasPrefix(strings.TrimLeft(line, " •›*0123456789."), "¶") {
			return true
		}
	}
	return false
}

// oneLine is a failed command's first line of standard error, or its
// error.
func oneLine(stderr string, err error) string {
	if s, _, _ := strings.Cut(strings.TrimSpace(stderr), "\n"); s != "" {
		return s
	}
	if err != nil {
		return err.Error()
	}
	return "nothing written"
}
