// Package pagecheck measures how well cable reads a saved web page: what
// "cable import" kept of the page's headings, and what "cable read" prints
// of its text. It holds only the measures, as pure functions over text, so
// that the corpus checker (scripts/corpus) and the tests of the fixtures
// in testdata/pages count the same things the same way.
package pagecheck

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// Expect is what a page's NAME.expect.json says a reader should get.
type Expect struct {
	// Sections are the titles of the body's top-level headings, in order,
	// as a reader should see them: no "[edit]", no "¶". The sections cable
	// makes itself (the lede's "Opening", "Notes", the editor's note) are
	// not listed.
	Sections []string `json:"sections"`
	// Headingless says the body has no headings at all, so the article is
	// to be read paragraph by paragraph.
	Headingless bool `json:"headingless"`
	// Author is the byline as written ("Jane Roe and John Doe"), or empty
	// when the page names nobody ("Author unknown" is nobody).
	Author string `json:"author"`
	// Figures, when given, is how many pictures the article holds, each of
	// which should be shown as one "[Figure: …]" line.
	Figures *int `json:"figures,omitempty"`
}

// ReadExpect reads a NAME.expect.json file; unknown fields are an error,
// so that a misspelt expectation is not silently ignored.
func ReadExpect(path string) (Expect, error) {
	var e Expect
	data, err := os.ReadFile(path)
	if err != nil {
		return e, err
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil {
		return e, fmt.Errorf("%s: %w", path, err)
	}
	return e, nil
}

// Entry is the part of one object of "cable list --json" the measures use.
type Entry struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Author      string   `json:"author"`
	Source      string   `json:"source"`
	Published   string   `json:"published"`
	Subtitle    string   `json:"subtitle"`
	Summary     string   `json:"summary"`
	Sections    []string `json:"sections"`
	EditorsNote bool     `json:"editors_note"`
	Origin      string   `json:"origin"`
	Error       string   `json:"error"`
}

// HasNotes says cable gathered the article's notes into a section of its
// own ("Notes", or "Footnotes" when the article has a "Notes" already),
// which stands for the page's own "References" or "Notes" heading.
func (e Entry) HasNotes() bool {
	s := e.Sections
	if e.EditorsNote && len(s) > 0 {
		s = s[:len(s)-1]
	}
	return len(s) > 0 && (s[len(s)-1] == "Notes" || s[len(s)-1] == "Footnotes")
}

// notesTitles are the headings pages put over their notes.
var notesTitles = []string{"references", "notes", "footnotes", "endnotes", "sources", "citations", "notes and references"}

// WithoutNotes leaves out the titles of notes sections ("References",
// "Notes"…): once cable has gathered the notes in a section of its own,
// whether the page's heading over them survives is no matter.
func WithoutNotes(titles []string) []string {
	var out []string
	for _, t := range titles {
		if !slices.Contains(notesTitles, strings.ToLower(strings.TrimSpace(t))) {
			out = append(out, t)
		}
	}
	return out
}

// HeaderBlocks is how many paragraphs "cable read" prints before the text:
// the title, then the subtitle, the byline (author, source, date) and the
// summary, each when the article has one.
func (e Entry) HeaderBlocks() int {
	n := 1
	if e.Subtitle != "" {
		n++
	}
	if e.Author != "" || e.Source != "" || e.Published != "" {
		n++
	}
	if e.Summary != "" {
		n++
	}
	return n
}

// ContentSections are the section titles that come from the article's
// own headings: the list without the lede's "Opening" at the start, and
// without the notes and the editor's note cable adds at the end. An
// article without headings has one section, named after its title; it has
// no content sections.
func (e Entry) ContentSections() []string {
	s := slices.Clone(e.Sections)
	if e.EditorsNote && len(s) > 0 {
		s = s[:len(s)-1]
	}
	if e.HasNotes() {
		s = s[:len(s)-1]
	}
	if len(s) > 0 && s[0] == "Opening" {
		s = s[1:]
	}
	if len(s) == 1 && s[0] == e.Title {
		s = nil
	}
	return s
}

// Body is the printed article without its header: the title, subtitle,
// byline and summary come first, headerBlocks paragraphs (runs of
// non-blank lines) in all. When the first line printed is not the title
// (a "# " heading), nothing is taken away, rather than a guess.
func Body(lines []string, headerBlocks int) []string {
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i == len(lines) || !strings.HasPrefix(strings.TrimSpace(lines[i]), "# ") {
		return lines
	}
	for n := 0; n < headerBlocks; n++ {
		for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
			i++
		}
		for i < len(lines) && strings.TrimSpace(lines[i]) != "" {
			i++
		}
	}
	return lines[i:]
}

var (
	// referenceLine is a link's address listed after its section, as
	// "[³]: https://…" (or "[3]: …"), where the prose only carries the
	// number.
	referenceLine = regexp.MustCompile(`^\[(\d+|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)\]:\s+\S+$`)
	// address is where a web address starts.
	address = regexp.MustCompile(`(?i)https?://|\bwww\.`)
	// bareAddress is a line that holds one address and nothing else: a
	// page whose text is the address itself.
	bareAddress = regexp.MustCompile(`(?i)^<?(https?://|www\.)\S+>?$`)
)

// ProseAddresses counts the web addresses that stand inside prose: in any
// line that is neither an "[n]: url" reference line nor an address alone
// on its line. Lines are trimmed of the margin and of list bullets first.
func ProseAddresses(lines []string) int {
	n := 0
	for _, line := range lines {
		s := strings.TrimSpace(line)
		s = strings.TrimSpace(strings.TrimLeft(s, "•*-"))
		if s == "" || referenceLine.MatchString(s) || bareAddress.MatchString(s) {
			continue
		}
		n += len(address.FindAllStringIndex(s, -1))
	}
	return n
}

// furniture is what sites put into headings for their own use: edit
// links, permalink anchors and their labels.
var furniture = []*regexp.Regexp{
	regexp.MustCompile(`\[\s*edit\s*\]`),
	regexp.MustCompile(`¶`),
	regexp.MustCompile(`(?i)\bpermalink\b`),
	regexp.MustCompile(`(?i)link to this (section|heading)`),
	regexp.MustCompile(`^#\s|\s#$|^#$`),
	regexp.MustCompile(`[🔗§]`),
	regexp.MustCompile(`(?i)https?://|\bwww\.`),
}

// Furniture reports whether a section title carries site furniture: an
// "[edit]" link, a "¶", "§", "🔗", "#" or "Permalink" anchor, a "Link to
// this section" label, or an address.
func Furniture(title string) bool {
	t := strings.TrimSpace(title)
	for _, re := range furniture {
		if re.MatchString(t) {
			return true
		}
	}
	return false
}

// HeadingLines are the headings in printed output ("## Background"),
// without their "#" marks, for Furniture.
func HeadingLines(lines []string) []string {
	var titles []string
	for _, line := range lines {
		s := strings.TrimSpace(line)
		if level, title, ok := atxHeading(s); ok && level >= 2 {
			titles = append(titles, title)
		}
	}
	return titles
}

// atxHeading splits "### Title" into its level and title.
func atxHeading(s string) (level int, title string, ok bool) {
	for level < len(s) && s[level] == '#' {
		level++
	}
	if level == 0 || level > 6 || level == len(s) || s[level] != ' ' {
		return 0, "", false
	}
	return level, strings.TrimSpace(s[level:]), true
}

// Headings are the headings of one level in an article's Markdown.
type Headings struct {
	Level  int // 2 to 6; 0 when there are none
	Titles []string
}

// TopHeadings finds the headings of the top level an imported article's
// Markdown uses below its title: the "##" headings if there are any, else
// the "###", and so on. Front matter, fenced code and "#" titles are
// skipped.
func TopHeadings(markdown string) Headings {
	lines := strings.Split(strings.ReplaceAll(markdown, "\r\n", "\n"), "\n")
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" {
		for i := 1; i < len(lines); i++ {
			if strings.TrimSpace(lines[i]) == "---" {
				lines = lines[i+1:]
				break
			}
		}
	}
	byLevel := map[int][]string{}
	fence := ""
	for _, line := range lines {
		s := strings.TrimSpace(line)
		if fence != "" {
			if strings.HasPrefix(s, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(s, "```") || strings.HasPrefix(s, "~~~") {
			fence = s[:3]
			continue
		}
		if level, title, ok := atxHeading(s); ok && level >= 2 && !strings.HasPrefix(line, "    ") {
			byLevel[level] = append(byLevel[level], strings.TrimRight(title, " #"))
		}
	}
	for level := 2; level <= 6; level++ {
		if t := byLevel[level]; len(t) > 0 {
			return Headings{Level: level, Titles: t}
		}
	}
	return Headings{}
}

// Figures counts the "[Figure…]" lines in printed output.
func Figures(lines []string) int {
	n := 0
	for _, line := range lines {
		if strings.HasPrefix(strings.TrimSpace(line), "[Figure") {
			n++
		}
	}
	return n
}

// Stranded counts the lines of wrapped output that hold a single word in
// the middle of a paragraph (the next line is text too): the mark a long
// address leaves when it is wrapped inside prose. A paragraph's last line
// may be one word; that is not counted.
func Stranded(lines []string) int {
	n := 0
	for i := 0; i+1 < len(lines); i++ {
		s := strings.TrimSpace(lines[i])
		next := strings.TrimSpace(lines[i+1])
		if s == "" || next == "" || strings.HasPrefix(s, "#") || strings.HasPrefix(next, "#") {
			continue
		}
		if len(strings.Fields(s)) == 1 && !address.MatchString(s) && !strings.HasPrefix(next, "•") {
			n++
		}
	}
	return n
}

// SameAuthors compares two bylines by the names they give, so that "A, B"
// and "A and B" are the same byline.
func SameAuthors(got, want string) bool {
	return slices.Equal(names(got), names(want))
}

// names splits a byline into its names, sorted.
func names(byline string) []string {
	s := strings.NewReplacer(" and ", ",", " & ", ",", ";", ",").Replace(byline)
	var out []string
	for _, n := range strings.Split(s, ",") {
		if n = strings.Join(strings.Fields(n), " "); n != "" {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

var (
	// markers are the numbers cable puts after a link or at a note ("[3]",
	// "[^3]", "³"); they are no words of the text.
	markers = regexp.MustCompile(`\[\^?\d+\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+`)
	// figureLabel is the "[Figure: " and "[Figure]" cable puts around a
	// picture's caption.
	figureLabel = regexp.MustCompile(`\[Figure(:\s*|\])`)
)

// Words are the lower-case words of a text, counted: runs of letters and
// digits. Reference lines ("[3]: https://…"), link and note markers and
// the "[Figure: " label are left out, since the expected text has none of
// them.
func Words(lines []string) map[string]int {
	words := map[string]int{}
	for _, line := range lines {
		s := strings.TrimSpace(line)
		if referenceLine.MatchString(s) {
			continue
		}
		s = figureLabel.ReplaceAllString(markers.ReplaceAllString(s, " "), " ")
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsNumber(r)
		}) {
			words[w]++
		}
	}
	return words
}

// Overlap compares the words cable printed with the words expected:
// recall is the share of the expected words found, precision the share of
// the printed words that were expected, both counted as multisets (a word
// expected twice and printed once matches once).
func Overlap(expected, got map[string]int) (recall, precision float64) {
	var matched, nExpected, nGot int
	for w, n := range expected {
		nExpected += n
		matched += min(n, got[w])
	}
	for _, n := range got {
		nGot += n
	}
	if nExpected > 0 {
		recall = float64(matched) / float64(nExpected)
	}
	if nGot > 0 {
		precision = float64(matched) / float64(nGot)
	}
	return recall, precision
}

// Median is the middle value, or the mean of the two middle values; 0 for
// none.
func Median(values []float64) float64 {
	if len(values) == 0 {
		return 0
	}
	v := slices.Clone(values)
	slices.Sort(v)
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}
