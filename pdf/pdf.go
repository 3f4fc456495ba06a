// Package pdf turns a PDF report into an article in cable's format: bytes
// in, Markdown with front matter out, or an error naming the file. The
// text comes from PDFium, run as WebAssembly (engine.go); lines.go makes
// lines of its characters, layout.go finds the furniture, the notes, the
// columns and the tables, and this file finds the title and the headings
// and writes the article, through the HTML path of package extract.
package pdf

import (
	"fmt"
	"html"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"cable/articles"
	"cable/extract"
	"cable/internal/lazyre"
)

// Kind is the extension PDF files are known by.
const Kind = ".pdf"

// Is reports whether a file of this name is a PDF, by its extension.
func Is(name string) bool { return strings.EqualFold(path.Ext(name), Kind) }

// Sniff reports whether bytes are a PDF, by how they start.
func Sniff(data []byte) bool {
	head := string(data[:min(len(data), 1024)])
	return strings.Contains(head, "%PDF-")
}

// timeLimit is how long one PDF may take to read.
const timeLimit = 2 * time.Minute

// Convert makes an article of a PDF's bytes. name is the file or address,
// for errors and for the title of a report that gives none. adjust, when
// not nil, completes the front matter found before the article is
// written (the address it was fetched from, what a feed said of it).
func Convert(name string, data []byte, adjust func(*articles.Meta)) (extract.Converted, error) {
	return convert(name, data, adjust, timeLimit)
}

func convert(name string, data []byte, adjust func(*articles.Meta), limit time.Duration) (extract.Converted, error) {
	fail := func(err error) (extract.Converted, error) {
		return extract.Converted{}, &articles.Error{File: name, Msg: err.Error()}
	}
	if !Sniff(data) {
		return fail(fmt.Errorf("is not a PDF (it does not start as one)"))
	}
	doc, err := read(data, limit)
	if err != nil {
		return fail(err)
	}
	letters := 0
	for _, p := range doc.pages {
		for _, g := range p.glyphs {
			if g.r > ' ' {
				letters++
			}
		}
	}
	if letters < 20 {
		return fail(errScanned)
	}
	r := layOut(doc)
	meta := articles.Meta{Title: r.title, Author: r.author, Subtitle: r.subtitle}
	if meta.Title == "" {
		meta.Title = strings.TrimSuffix(path.Base(strings.ReplaceAll(name, "\\", "/")), path.Ext(name))
	}
	if adjust != nil {
		adjust(&meta)
	}
	c, err := extract.Fragment(name, r.html(), "", meta)
	if err != nil {
		return extract.Converted{}, err
	}
	c.Markdown = withNotes(c.Markdown, r.notes)
	a, err := articles.Parse(name, c.Markdown, "pdf")
	if err == nil && len(a.Warnings) > 0 {
		err = a.Warnings
	}
	if err != nil {
		first, _, _ := strings.Cut(err.Error(), "\n")
		return fail(fmt.Errorf("could not be converted into a valid article (%s)", first))
	}
	return c, nil
}

// block is one heading, paragraph or table of the report.
type block struct {
	level int        // a heading's level, 0 for text
	text  string     // a heading's or paragraph's text, markers as numbered stand-ins
	rows  [][]string // a table's cells
	last  *line      // a paragraph's last line
}

// report is a PDF laid out.
type report struct {
	title, author string
	subtitle      string // the cover's short lines, when they are not prose
	blocks        []*block
	notes         []string // the notes, by number from 1
}

// layOut reads the document's pages as a report.
func layOut(doc *document) *report {
	pages := make([][]*line, len(doc.pages))
	heights := make([]float64, len(doc.pages))
	for i, p := range doc.pages {
		pages[i], heights[i] = pageLines(i, p), p.h
	}
	pages = removeFurniture(pages, heights)
	body := bodySize(pages)
	notes := make([]map[string]string, len(pages))
	for i := range pages {
		pages[i] = orderPage(pages[i], doc.pages[i].w)
		pages[i], notes[i] = takePageNotes(pages[i], body)
	}
	r := &report{}
	r.title, r.author = coverTitle(doc, pages, body)
	levels := headingLevels(pages, body)
	headings := map[string]bool{}
	for i, ls := range pages {
		for _, l := range ls {
			if levels[l] > 0 && i > 0 {
				headings[titleKey(l.text)] = true
			}
		}
	}
	// Contents pages are looked for among the first ten pages, and past
	// them for as long as the contents go on, page after page.
	contents := false
	for i := 0; len(headings) > 0 && i < len(pages) && (i < 10 || contents); i++ {
		contents = isContentsPage(pages[i], headings)
		if contents {
			pages[i] = nil
		}
	}
	r.flow(pages, levels, notes, body)
	r.subtitle = r.takeCover()
	return r
}

// coverWords is the most words the lines before a report's first heading
// may have to be its cover's lettering (an institute, a series, a date)
// rather than prose of its own, such as a summary.
const coverWords = 40

// takeCover takes the lines before the first heading out of the text,
// joined by " · ", when they are a cover's short lines: at most
// coverWords words, no table, no note marker, no paragraph of more than
// one sentence. Left in the text, they would be an "Opening" section,
// numbered before the report's own first chapter.
func (r *report) takeCover() string {
	first := slices.IndexFunc(r.blocks, func(b *block) bool { return b.level > 0 })
	if first <= 0 {
		return ""
	}
	var parts []string
	words := 0
	for _, b := range r.blocks[:first] {
		if b.rows != nil || strings.Contains(b.text, markOpen) || len(sentenceEnd.FindAllString(b.text+" ", -1)) > 1 {
			return ""
		}
		words += len(strings.Fields(b.text))
		parts = append(parts, b.text)
	}
	if words > coverWords {
		return ""
	}
	r.blocks = r.blocks[first:]
	return strings.Join(parts, " · ")
}

var sentenceEnd = lazyre.New(`[.!?]["”’)]?\s`)

var noTitle = lazyre.New(`(?i)^(untitled|microsoft word|document\d*$|.*\.(docx?|pdf|indd|tex|odt)$)`)

// coverTitle is the report's title and authors: the metadata's, when
// they are good, or else the largest line of its first page and the
// "By …" line below it, which are taken out of the text.
func coverTitle(doc *document, pages [][]*line, body float64) (title, author string) {
	title = strings.Join(strings.Fields(articles.Clean(doc.title)), " ")
	author = strings.Join(strings.Fields(articles.Clean(doc.author)), " ")
	if noTitle.MatchString(title) || len(strings.Fields(title)) < 2 {
		title = ""
	}
	if noTitle.MatchString(author) {
		author = ""
	}
	if len(pages) == 0 {
		return title, author
	}
	cover := pages[0]
	biggest := 0.0
	for _, l := range cover {
		biggest = max(biggest, l.size)
	}
	var kept []*line
	var lines []string
	for i, l := range cover {
		m := byLine.FindStringSubmatch(plain(l.text))
		switch {
		case l.size == biggest && biggest > 1.3*body && (len(lines) == 0 || cover[i-1].size == biggest):
			lines = append(lines, plain(l.text))
		case m != nil && author == "":
			author = m[1]
		case m != nil && titleKey(m[1]) == titleKey(author):
		default:
			kept = append(kept, l)
		}
	}
	if len(lines) > 0 {
		if title == "" || titleKey(strings.Join(lines, " ")) == titleKey(title) {
			title = strings.Join(lines, " ")
			pages[0] = kept
		}
	}
	return title, author
}

var byLine = lazyre.New(`(?i)^by\s+(\pL.{1,150})$`)

// headingLevels finds the headings: short lines set larger than the text,
// or bold at its size, standing alone. Their styles are ranked by size,
// bold first, across the document: the largest are sections (2), the
// next sub-sections (3), any smaller 4.
func headingLevels(pages [][]*line, body float64) map[*line]int {
	type style struct {
		size float64
		bold bool
	}
	found := map[*line]style{}
	styles := map[style]bool{}
	for i, ls := range pages {
		for _, l := range ls {
			big := l.size >= 1.12*body
			words := len(strings.Fields(plain(l.text)))
			if l.row != nil || words == 0 || words > 20 || !(big || l.bold && l.size >= 0.95*body) {
				continue
			}
			if i == 0 && big && len(pages) > 1 {
				continue // the cover's lettering
			}
			s := style{l.size, l.bold}
			found[l], styles[s] = s, true
		}
	}
	var ranked []style
	for s := range styles {
		ranked = append(ranked, s)
	}
	sort.Slice(ranked, func(i, j int) bool {
		if ranked[i].size != ranked[j].size {
			return ranked[i].size > ranked[j].size
		}
		return ranked[i].bold
	})
	rank := map[style]int{}
	for i, s := range ranked {
		rank[s] = min(i+2, 4)
	}
	levels := map[*line]int{}
	for l, s := range found {
		levels[l] = rank[s]
	}
	return levels
}

// flow reads the pages' lines in order into headings, paragraphs and
// tables, and numbers the notes as their markers come.
func (r *report) flow(pages [][]*line, levels map[*line]int, notes []map[string]string, body float64) {
	used := map[string]int{} // page and label → number
	var para *block
	for i, ls := range pages {
		for _, l := range ls {
			text := r.markers(l.text, i, notes, used)
			switch {
			case levels[l] > 0:
				if b := r.lastBlock(); b != nil && b.level == levels[l] && para == nil && b.last.page == l.page && b.last.base-l.base < 2*l.size {
					b.text = joinLine(b.text, plain(l.text)) // a heading on two lines
					b.last = l
					continue
				}
				para = nil
				r.blocks = append(r.blocks, &block{level: levels[l], text: plain(l.text), last: l})
			case l.row != nil:
				para = nil
				var cells []string
				for _, c := range l.row {
					cells = append(cells, r.markers(c.text, i, notes, used))
				}
				if b := r.lastBlock(); b != nil && b.rows != nil && len(b.rows[0]) == len(cells) {
					b.rows = append(b.rows, cells)
				} else {
					r.blocks = append(r.blocks, &block{rows: [][]string{cells}, last: l})
				}
			case para != nil && continues(para.last, l):
				para.text = joinLine(para.text, text)
				para.last = l
			default:
				para = &block{text: text, last: l}
				r.blocks = append(r.blocks, para)
			}
		}
	}
	// Notes no marker was found for are kept, at the end.
	for i, byLabel := range notes {
		var labels []string
		for label := range byLabel {
			labels = append(labels, label)
		}
		sort.Strings(labels)
		for _, label := range labels {
			if _, ok := used[fmt.Sprint(i, "|", label)]; !ok {
				r.notes = append(r.notes, byLabel[label])
			}
		}
	}
}

func (r *report) lastBlock() *block {
	if len(r.blocks) == 0 {
		return nil
	}
	return r.blocks[len(r.blocks)-1]
}

var marker = lazyre.New(markOpen + `([^` + markClose + `]*)` + markClose)

// markers numbers the markers of a line's text: each label is looked up
// among the notes of its page, then of the next (a note run over). A
// label with no note is only text.
func (r *report) markers(text string, page int, notes []map[string]string, used map[string]int) string {
	return marker.ReplaceAllStringFunc(text, func(m string) string {
		label := marker.FindStringSubmatch(m)[1]
		for _, p := range []int{page, page + 1} {
			if p >= len(notes) {
				break
			}
			key := fmt.Sprint(p, "|", label)
			if n, ok := used[key]; ok {
				return markOpen + strconv.Itoa(n) + markClose
			}
			if note, ok := notes[p][label]; ok {
				r.notes = append(r.notes, note)
				used[key] = len(r.notes)
				return markOpen + strconv.Itoa(len(r.notes)) + markClose
			}
		}
		return label
	})
}

// continues reports whether line l goes on with the paragraph whose last
// line is prev: the next line down the same column, close below it, not
// indented, after a line that did not end short of the column; or, on the
// next column or page, after a line that did not end a sentence.
func continues(prev, l *line) bool {
	if abs(prev.size-l.size) > 0.5 || prev.page == 0 && l.page > 0 {
		return false // nothing on the cover goes on over the page
	}
	ended := strings.ContainsRune(".!?:\"”’)", lastRune(plain(prev.text)))
	below := prev.page == l.page && prev.base > l.base && abs(prev.x0-l.x0) < 2*l.size
	if below && (prev.base-l.base > 1.6*l.size || l.x0 > prev.x0+0.8*l.size) {
		return false
	}
	// A line that ended a sentence short of its column's edge ended its
	// paragraph, unless the next line's first word would not have fitted
	// there.
	text := plain(l.text)
	first, _, _ := strings.Cut(text, " ")
	perChar := (l.x1 - l.x0) / float64(max(utf8.RuneCountInString(text), 1))
	right := prev.right
	if below {
		right = max(right, l.right)
	}
	fitted := prev.x1+perChar*float64(utf8.RuneCountInString(first)+1) < right-0.5*l.size
	return !ended || !fitted
}

func lastRune(s string) rune {
	r := []rune(s)
	if len(r) == 0 {
		return 0
	}
	return r[len(r)-1]
}

// html writes the report as HTML for the HTML path.
func (r *report) html() string {
	var b strings.Builder
	for _, bl := range r.blocks {
		switch {
		case bl.level > 0:
			fmt.Fprintf(&b, "<h%d>%s</h%d>\n", bl.level, html.EscapeString(bl.text), bl.level)
		case bl.rows != nil:
			b.WriteString("<table>")
			for i, row := range bl.rows {
				b.WriteString("<tr>")
				cell := "td"
				if i == 0 {
					cell = "th" // a table's first row names its columns
				}
				for _, c := range row {
					b.WriteString("<" + cell + ">" + html.EscapeString(c) + "</" + cell + ">")
				}
				b.WriteString("</tr>")
			}
			b.WriteString("</table>\n")
		default:
			b.WriteString("<p>" + html.EscapeString(bl.text) + "</p>\n")
		}
	}
	return b.String()
}
