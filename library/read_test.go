package library

import (
	"cable/internal/testsupport"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// savedPage is a page as a browser saves it: styles and scripts around
// the article.
const savedPage = `<!DOCTYPE html><html lang="en"><head><title>Ports of the Black Sea</title>
<style>body { color: #333; font-family: Georgia } .nav { display: flex }</style>
<script>window.tracker = function () { return 42 }</script></head>
<body><nav class="nav"><a href="/">Home</a></nav><article><h1>Ports of the Black Sea</h1>
<p>` + testsupport.Prose + `</p><p>` + testsupport.Prose + `</p></article>
<script>document.write("subscribe")</script></body></html>`

// TestNamedPagesAndTextsAreConverted: a page or a text named on the
// command line is read as "cable import" would write it, by the index and
// without it; a file that is no article is listed as broken, saying what
// cable reads, and never read as Markdown.
func TestNamedPagesAndTextsAreConverted(t *testing.T) {
	dir := t.TempDir()
	page, text, data, bin, plain := filepath.Join(dir, "page.html"), filepath.Join(dir, "notes.txt"),
		filepath.Join(dir, "data.json"), filepath.Join(dir, "blob"), filepath.Join(dir, "README")
	put(t, page, savedPage)
	put(t, text, "Talks in Vienna\n\n"+testsupport.Prose+"\n")
	put(t, data, `{"title": "not an article"}`)
	put(t, bin, "\x00\x01\x02binary")
	put(t, plain, "# Plain notes\n\nText without an extension.\n")
	src := Sources{Files: []string{page, text, data, bin, plain}}
	s, _ := newTestStore(t)
	indexed, _ := mustSync(t, s, src)
	for name, entries := range map[string][]Entry{"indexed": indexed, "direct": ScanDirect(src, nil)} {
		c := &Catalog{Entries: entries}
		for path, title := range map[string]string{page: "Ports of the Black Sea", text: "Talks in Vienna", plain: "Plain notes"} {
			e := find(t, entries, path)
			if e.Error != "" || e.Summary.Title != title {
				t.Errorf("%s: %s: title %q, error %q; want %q", name, path, e.Summary.Title, e.Error, title)
				continue
			}
			a, err := c.Article(e)
			if err != nil {
				t.Errorf("%s: %s: %v", name, path, err)
				continue
			}
			var body strings.Builder
			for _, sec := range a.Sections {
				body.WriteString(sec.Markdown)
			}
			text := body.String()
			if strings.Contains(text, "color") || strings.Contains(text, "tracker") || strings.Contains(text, "subscribe") ||
				path != plain && !strings.Contains(text, "negotiations over the straits") {
				t.Errorf("%s: %s reads as\n%s", name, path, text)
			}
		}
		for path, want := range map[string]string{
			data: data + ": cannot read .json files: " + readableKinds,
			bin:  bin + ": is not a text file: " + readableKinds,
		} {
			if e := find(t, entries, path); e.Error != want {
				t.Errorf("%s: %s: error %q, want %q", name, path, e.Error, want)
			}
		}
	}
}

// TestCheckReadable names what cable reads and refuses the rest, by name
// and, without an extension, by the first bytes.
func TestCheckReadable(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.md": "x", "b.MARKDOWN": "x", "c.html": "x", "d.HTM": "x", "e.txt": "x", "notes": "# Notes\n\nText.\n",
		"f.json": "{}", "g.pdf": "%PDF", "h.EPUB": "PK", "blob": "\x00\x01", "latin1": "caf\xe9 au lait",
		"page": "\ufeff  <!DOCTYPE html><html></html>",
	}
	for name, body := range files {
		put(t, filepath.Join(dir, name), body)
	}
	tests := map[string]string{
		"a.md": "", "b.MARKDOWN": "", "c.html": "", "d.HTM": "", "e.txt": "", "notes": "",
		"missing.md": "", // left for the reading to report
		"f.json":     "cannot read .json files: ",
		"blob":       "is not a text file: ",
		"latin1":     "is not a text file: ",
		"page":       "is a web page without .html in its name: ",
	}
	for name, want := range tests {
		path := filepath.Join(dir, name)
		err := CheckReadable(path)
		switch {
		case want == "" && err != nil:
			t.Errorf("%s: %v", name, err)
		case want != "" && (err == nil || err.Error() != path+": "+want+readableKinds):
			t.Errorf("%s: error %v, want %q", name, err, path+": "+want+readableKinds)
		}
	}
	// A report or a book is not refused as an unknown file: the reader
	// is told how to have it.
	for _, name := range []string{"g.pdf", "h.EPUB"} {
		path := filepath.Join(dir, name)
		want := fmt.Sprintf("%s: is a %s file: \"cable import %s\" makes an article of it, then it opens from the library",
			path, strings.ToLower(strings.TrimPrefix(filepath.Ext(name), ".")), path)
		if err := CheckReadable(path); err == nil || err.Error() != want {
			t.Errorf("%s: error %v, want %q", name, err, want)
		}
	}
}
