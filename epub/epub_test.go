package epub_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"cable/articles"
	"cable/epub"
)

// A book written in the test: chapters of prose with notes in them, and
// how an EPUB of each version sets them down.
type testNote struct {
	after string // the word the marker follows
	text  string
}

type testChapter struct {
	title string
	paras []string
	sub   string // a sub-heading before the last paragraph, or ""
	notes []testNote
	alt   string // a picture's alternative text, or ""
	head  string // the chapter's own first heading, when not its title
}

// prose is text for a chapter: sentences of words that do not repeat
// across chapters, so that a word lost or doubled shows.
func prose(seed, paras int) []string {
	words := strings.Fields("sanctions deterrence alliance treaty ministers envoy corridor pipeline border " +
		"garrison ceasefire mandate referendum coalition parliament embassy summit negotiation " +
		"reserves tariffs exports frigates militia insurgency doctrine sovereignty recognition")
	var out []string
	for p := 0; p < paras; p++ {
		var b strings.Builder
		for s := 0; s < 4; s++ {
			b.WriteString("The ")
			for w := 0; w < 9; w++ {
				b.WriteString(words[(seed*7+p*13+s*5+w*3)%len(words)] + " ")
			}
			fmt.Fprintf(&b, "stood in chapter%d paragraph%d sentence%d. ", seed, p, s)
		}
		out = append(out, strings.TrimSpace(b.String()))
	}
	return out
}

func testBook() []testChapter {
	return []testChapter{
		{title: "Introduction: The Long Peace", paras: prose(1, 3), notes: []testNote{{"sentence0.", "First note, on the sources of the long peace."}}},
		{title: "Chapter 1. Armies and Borders", paras: prose(2, 4), sub: "The Northern Front", notes: []testNote{
			{"sentence1.", "Second note: the garrison numbers are estimates."}, {"sentence3.", "Third note cites a treaty of 1921."}}, alt: "Map of the northern border in 1990"},
		{title: "Chapter 2. Money and Trade", paras: prose(3, 3), sub: "Tariffs", alt: "Chart of exports by year"},
		{title: "Conclusion", paras: prose(4, 2), notes: []testNote{{"sentence2.", "Last note, with the author's thanks."}}},
	}
}

// paragraphHTML is a paragraph with markers after the words the notes
// name; mark writes one marker.
func paragraphHTML(p string, notes []testNote, used map[int]bool, mark func(i int) string) string {
	words := strings.Fields(p)
	for i, w := range words {
		for j, n := range notes {
			if w == n.after && !used[j] {
				used[j] = true
				words[i] = w + mark(j)
				break
			}
		}
	}
	return "<p>" + strings.Join(words, " ") + "</p>\n"
}

const xhtmlHead = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>%s</title></head><body>
`

// epub3 is the book as an EPUB 3: a navigation document, footnotes as
// <aside epub:type="footnote"> in each chapter, empty anchors written as
// XML writes them.
func epub3(t testing.TB, book []testChapter) []byte {
	files := map[string]string{}
	var nav, manifest, spine strings.Builder
	for i, c := range book {
		name := fmt.Sprintf("text/ch%d.xhtml", i+1)
		var b strings.Builder
		fmt.Fprintf(&b, xhtmlHead, c.title)
		head := c.title
		if c.head != "" {
			head = c.head
		}
		fmt.Fprintf(&b, "<section epub:type=\"chapter\" class=\"sidebar share\"><h1 class=\"chapter-title\">%s</h1><a id=\"page%d\"/>\n", head, i)
		used := map[int]bool{}
		for k, p := range c.paras {
			if c.sub != "" && k == len(c.paras)-1 {
				fmt.Fprintf(&b, "<h2>%s</h2>\n", c.sub)
			}
			b.WriteString(paragraphHTML(p, c.notes, used, func(j int) string {
				return fmt.Sprintf(`<a epub:type="noteref" href="#n%d-%d" id="r%d-%d">%d</a>`, i, j, i, j, j+1)
			}))
			if k == 0 && c.alt != "" {
				fmt.Fprintf(&b, "<figure><img src=\"../images/f%d.png\" alt=\"%s\"/></figure>\n", i, c.alt)
			}
		}
		for j, n := range c.notes {
			fmt.Fprintf(&b, "<aside epub:type=\"footnote\" id=\"n%d-%d\"><p><a href=\"#r%d-%d\">%d.</a> %s</p></aside>\n", i, j, i, j, j+1, n.text)
		}
		b.WriteString("</section></body></html>\n")
		files["OEBPS/"+name] = b.String()
		fmt.Fprintf(&nav, "<li><a href=\"%s\">%s</a></li>\n", name, c.title)
		fmt.Fprintf(&manifest, "<item id=\"c%d\" href=\"%s\" media-type=\"application/xhtml+xml\"/>\n", i, name)
		fmt.Fprintf(&spine, "<itemref idref=\"c%d\"/>\n", i)
	}
	files["OEBPS/cover.xhtml"] = fmt.Sprintf(xhtmlHead, "Cover") + `<div><img src="images/cover.jpg" alt=""/></div></body></html>`
	files["OEBPS/nav.xhtml"] = fmt.Sprintf(xhtmlHead, "Contents") + `<nav epub:type="toc" id="toc"><h1>Contents</h1><ol>` + nav.String() + `</ol></nav></body></html>`
	files["OEBPS/content.opf"] = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="id">urn:uuid:1</dc:identifier>
<dc:title>The Long Peace &amp; Its Enemies</dc:title>
<dc:creator>Anna Keller</dc:creator><dc:creator>Tomas Berg</dc:creator>
<dc:publisher>Institute for Studies</dc:publisher>
<dc:date>2024-03-15T00:00:00Z</dc:date>
<dc:language>en</dc:language>
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>
` + manifest.String() + `</manifest>
<spine><itemref idref="cover"/><itemref idref="nav"/>
` + spine.String() + `</spine></package>`
	return zipBook(t, files)
}

// epub2 is the book as an EPUB 2: an NCX, superscript markers linking
// to a notes chapter at the end, whose notes link back.
func epub2(t testing.TB, book []testChapter) []byte {
	files := map[string]string{}
	var ncx, manifest, spine, notes strings.Builder
	num := 0
	for i, c := range book {
		name := fmt.Sprintf("chapter%02d.html", i+1)
		var b strings.Builder
		fmt.Fprintf(&b, xhtmlHead, c.title)
		fmt.Fprintf(&b, "<div class=\"chapter\"><h2 class=\"title\">%s</h2>\n", c.title)
		used := map[int]bool{}
		first := num
		for k, p := range c.paras {
			if c.sub != "" && k == len(c.paras)-1 {
				fmt.Fprintf(&b, "<h3>%s</h3>\n", c.sub)
			}
			b.WriteString(paragraphHTML(p, c.notes, used, func(j int) string {
				return fmt.Sprintf(`<a id="ref%d" href="notes.html#note%d"><sup>%d</sup></a>`, first+j+1, first+j+1, first+j+1)
			}))
			if k == 0 && c.alt != "" {
				fmt.Fprintf(&b, "<div class=\"img\"><img src=\"images/f%d.png\" alt=\"%s\"/></div>\n", i, c.alt)
			}
		}
		for j, n := range c.notes {
			fmt.Fprintf(&notes, "<p class=\"note\" id=\"note%d\"><a href=\"%s#ref%d\">%d</a>. %s</p>\n", first+j+1, name, first+j+1, first+j+1, n.text)
		}
		num += len(c.notes)
		b.WriteString("</div></body></html>\n")
		files["OPS/"+name] = b.String()
		fmt.Fprintf(&ncx, "<navPoint id=\"p%d\" playOrder=\"%d\"><navLabel><text>%s</text></navLabel><content src=\"%s\"/></navPoint>\n", i, i+1, c.title, name)
		fmt.Fprintf(&manifest, "<item id=\"c%d\" href=\"%s\" media-type=\"application/xhtml+xml\"/>\n", i, name)
		fmt.Fprintf(&spine, "<itemref idref=\"c%d\"/>\n", i)
	}
	files["OPS/notes.html"] = fmt.Sprintf(xhtmlHead, "Notes") + "<h2>Notes</h2>\n" + notes.String() + "</body></html>"
	fmt.Fprintf(&ncx, "<navPoint id=\"pn\" playOrder=\"99\"><navLabel><text>Notes</text></navLabel><content src=\"notes.html\"/></navPoint>\n")
	files["OPS/toc.ncx"] = `<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>` + ncx.String() + `</navMap></ncx>`
	files["OPS/book.opf"] = `<?xml version="1.0"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
<dc:title>The Long Peace &amp; Its Enemies</dc:title><dc:creator opf:role="aut">Anna Keller</dc:creator>
<dc:date>2019</dc:date><dc:language>en-GB</dc:language></metadata>
<manifest><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
<item id="notes" href="notes.html" media-type="application/xhtml+xml"/>
` + manifest.String() + `</manifest><spine toc="ncx">` + spine.String() + `<itemref idref="notes"/></spine></package>`
	return zipBook(t, files)
}

func zipBook(t testing.TB, files map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("application/epub+zip"))
	if _, ok := files["META-INF/container.xml"]; !ok {
		opf := "OEBPS/content.opf"
		if _, ok := files["OPS/book.opf"]; ok {
			opf = "OPS/book.opf"
		}
		files["META-INF/container.xml"] = `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="` + opf + `" media-type="application/oebps-package+xml"/></rootfiles></container>`
	}
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var wordRE = regexp.MustCompile(`[\p{L}\p{N}]+`)

func words(s string) map[string]int {
	out := map[string]int{}
	for _, w := range wordRE.FindAllString(strings.ToLower(s), -1) {
		out[w]++
	}
	return out
}

// recall and precision of got's words against want's, as multisets.
func recallPrecision(want, got map[string]int) (float64, float64) {
	common, nw, ng := 0, 0, 0
	for w, n := range want {
		common += min(n, got[w])
		nw += n
	}
	for _, n := range got {
		ng += n
	}
	return float64(common) / float64(max(nw, 1)), float64(common) / float64(max(ng, 1))
}

var markerRE = regexp.MustCompile(`\[\d+\]`)

func TestConvertEPUB(t *testing.T) {
	book := testBook()
	var source strings.Builder
	var titles []string
	var noteTexts []string
	for _, c := range book {
		titles = append(titles, c.title)
		source.WriteString(c.title + "\n")
		for _, p := range c.paras {
			source.WriteString(p + "\n")
		}
		if c.sub != "" {
			source.WriteString(c.sub + "\n")
		}
		if c.alt != "" {
			source.WriteString("Figure: " + c.alt + "\n")
		}
		for _, n := range c.notes {
			source.WriteString(n.text + "\n")
			noteTexts = append(noteTexts, n.text)
		}
	}
	tests := []struct {
		name   string
		data   []byte
		author string
		date   string
		lang   string
		source string
	}{
		{"EPUB 3 with nav and footnotes", epub3(t, book), "Anna Keller, Tomas Berg", "2024-03-15", "en", "Institute for Studies"},
		{"EPUB 2 with NCX and endnotes", epub2(t, book), "Anna Keller", "", "en-GB", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := epub.Convert("book.epub", tt.data, nil)
			if err != nil {
				t.Fatal(err)
			}
			a, err := articles.Parse("book.epub", c.Markdown, "book")
			if err != nil {
				t.Fatal(err)
			}
			if a.Meta.Title != "The Long Peace & Its Enemies" || a.Meta.Author != tt.author || a.Meta.Published != tt.date || a.Meta.Language != tt.lang ||
				a.Meta.Source != tt.source || a.Meta.Type != "book" || len(a.Warnings) > 0 {
				t.Errorf("front matter = %+v", a.Meta)
			}
			var got []string
			var text strings.Builder
			for _, s := range a.Sections {
				if s.Kind == articles.Body {
					got = append(got, s.Title)
				}
				if s.Kind == articles.Notes {
					continue
				}
				for _, b := range s.Blocks {
					text.WriteString(markerRE.ReplaceAllString(b.Text, " ") + "\n")
				}
			}
			if strings.Join(got, " | ") != strings.Join(titles, " | ") {
				t.Errorf("sections = %q, want %q\n%s", got, titles, c.Markdown)
			}
			if len(a.Footnotes) != len(noteTexts) {
				t.Fatalf("%d footnotes, want %d\n%s", len(a.Footnotes), len(noteTexts), c.Markdown)
			}
			// Each note is attached where its marker stood: after its
			// word, in its chapter.
			k := 0
			for _, ch := range book {
				for _, n := range ch.notes {
					f := a.Footnotes[k]
					k++
					text.WriteString(f.Text + "\n")
					if f.Text != n.text {
						t.Errorf("note %d = %q, want %q", f.Number, f.Text, n.text)
					}
					if len(f.Refs) != 1 {
						t.Errorf("note %d has %d markers", f.Number, len(f.Refs))
						continue
					}
					s := a.Sections[f.Refs[0].Section]
					block := strings.Join(strings.Fields(s.Blocks[f.Refs[0].Block].Text), "")
					before := block[:f.Refs[0].Offset]
					if s.Title != ch.title || !strings.HasSuffix(before, strings.TrimSuffix(n.after, ".")+".") {
						t.Errorf("note %d is marked in %q after %q", f.Number, s.Title, before[max(0, len(before)-20):])
					}
				}
			}
			recall, precision := recallPrecision(words(source.String()), words(text.String()))
			if recall < 0.99 || precision < 0.98 {
				t.Errorf("word recall %.3f, precision %.3f\n%s", recall, precision, c.Markdown)
			}
		})
	}
}

func TestSubHeadingsStayInTheirChapter(t *testing.T) {
	c, err := epub.Convert("book.epub", epub3(t, testBook()), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\n### The Northern Front\n", "\n### Tariffs\n", "\n## Chapter 1. Armies and Borders\n"} {
		if !bytes.Contains(c.Markdown, []byte(want)) {
			t.Errorf("no %q in\n%s", want, c.Markdown)
		}
	}
	if bytes.Contains(c.Markdown, []byte("# Contents")) {
		t.Errorf("the navigation document is in the text:\n%s", c.Markdown)
	}
}

// TestChapterTitledOnce: a chapter's first heading that names it as the
// contents do, numbered otherwise, or that is its only top heading, is
// not a sub-section of its own; the headings under it move up a level.
func TestChapterTitledOnce(t *testing.T) {
	book := []testChapter{
		{title: "Chapter One: The Frontier", head: "1. The Frontier", paras: prose(1, 3), sub: "Outposts"},
		{title: "Part II — Waters", head: "The Rivers and the Sea", paras: prose(2, 3), sub: "Deltas"},
		{title: "Chapter 3", head: "Chapter 3: Bridges", paras: prose(3, 2)},
	}
	c, err := epub.Convert("book.epub", epub3(t, book), nil)
	if err != nil {
		t.Fatal(err)
	}
	md := string(c.Markdown)
	for _, want := range []string{"\n## Chapter One: The Frontier\n", "\n### Outposts\n", "\n## Part II — Waters\n", "\n### Deltas\n", "\n## Chapter 3: Bridges\n"} {
		if !strings.Contains(md, want) {
			t.Errorf("no %q", want)
		}
	}
	for _, gone := range []string{"1. The Frontier", "The Rivers and the Sea", "\n## Chapter 3\n", "#### "} {
		if strings.Contains(md, gone) {
			t.Errorf("%q is still there", gone)
		}
	}
	if t.Failed() {
		t.Logf("%s", md)
	}
}

func TestRefusals(t *testing.T) {
	book := testBook()
	drm := func(name, body string) []byte {
		files := map[string]string{"META-INF/" + name: body, "OEBPS/content.opf": `<package><metadata/><manifest/><spine/></package>`}
		return zipBook(t, files)
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"not a zip", []byte("%PDF-1.4 nothing"), "book.epub: is not an EPUB: it is no zip archive"},
		{"Adobe DRM", drm("rights.xml", "<rights/>"), "book.epub: is protected by DRM (META-INF/rights.xml)"},
		{"encrypted chapters", drm("encryption.xml", `<encryption><EncryptedData><EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/><CipherData><CipherReference URI="OEBPS/ch1.xhtml"/></CipherData></EncryptedData></encryption>`), "book.epub: is protected by DRM (META-INF/encryption.xml encrypts OEBPS/ch1.xhtml)"},
		{"no container", zipBook(t, map[string]string{"META-INF/container.xml": "<container/>"}), "book.epub: is not an EPUB: META-INF/container.xml names no package document"},
		{"empty spine", zipBook(t, map[string]string{"OEBPS/content.opf": `<package><metadata/><manifest/><spine/></package>`}), "book.epub: is not an EPUB cable can read: its spine names no chapters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := epub.Convert("book.epub", tt.data, nil)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %v, want %q…", err, tt.want)
			}
		})
	}
	// Fonts obfuscated as publishers do are no DRM.
	files := map[string]string{}
	zr, _ := zip.NewReader(bytes.NewReader(epub3(t, book)), int64(len(epub3(t, book))))
	for _, f := range zr.File {
		rc, _ := f.Open()
		var b bytes.Buffer
		b.ReadFrom(rc)
		files[f.Name] = b.String()
	}
	files["META-INF/encryption.xml"] = `<encryption><EncryptedData><EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/><CipherData><CipherReference URI="OEBPS/fonts/a.otf"/></CipherData></EncryptedData></encryption>`
	delete(files, "mimetype")
	if _, err := epub.Convert("book.epub", zipBook(t, files), nil); err != nil {
		t.Errorf("a book with obfuscated fonts: %v", err)
	}
}

func FuzzImportEPUB(f *testing.F) {
	f.Add(epub3(f, testBook()))
	f.Add(epub2(f, testBook()))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := epub.Convert("fuzz.epub", data, nil)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.epub") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if _, err := articles.Parse("fuzz.epub", c.Markdown, "fuzz"); err != nil {
			t.Fatalf("converted article does not parse: %v", err)
		}
		if strings.IndexFunc(string(c.Markdown), func(r rune) bool {
			return r == 0xe022 || r == 0xe023 || r == 0x1b || (r < 32 && r != '\n' && r != '\t') || !unicode.IsPrint(r) && r > 127 && r < 0xe000
		}) >= 0 {
			t.Fatalf("stand-in or control character left in the article:\n%q", c.Markdown)
		}
	})
}
