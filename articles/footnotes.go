package articles

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Footnote is one of an article's notes: "[^label]" markers in the text
// and a "[^label]: text" definition. cable numbers notes in the order they
// are first referred to, shows each marker as "[n]", and gathers the notes
// in a Notes section before the editor's note, so that a note is both in
// the flow of reading and a key away from its marker.
type Footnote struct {
	Number int
	Label  string
	// Text is the note's plain text, for a peek at it beside the marker.
	Text string
	// Line is where the note's definition starts in its file.
	Line int
	// Refs are where its markers stand, in reading order; the offset is
	// that of the marker's "[" in its block's text with white space
	// removed, as in a reading Position.
	Refs []Position
}

// Markers and definitions are found line by line rather than with
// goldmark's footnote extension: Glamour's parser does not know footnotes,
// so cable has to rewrite them as plain Markdown anyway, and goldmark drops
// the definitions nobody refers to, which would lose a reader's text.
var (
	footnoteDef    = regexp.MustCompile(`^ {0,3}\[\^([^\]\s]+)\]:[ \t]?`)
	footnoteMarker = regexp.MustCompile(`\[\^([^\]\s]+)\]`)
	fenceOpen      = regexp.MustCompile("^ {0,3}(```+|~~~+)")
	// linkDefinition starts a reference-style link's definition, which
	// may follow a note's last line without a blank line between: it is
	// the article's, not the note's.
	linkDefinition = regexp.MustCompile(`^ {0,3}\[[^\]^][^\]]*\]:`)
)

// markerOpen and markerClose stand around a marker's number while the
// body is cut into sections, so that markers can be told apart from a
// "[2]" the author wrote; finishFootnotes turns them into brackets.
const (
	markerOpen  = "\ue010"
	markerClose = "\ue011"
)

// footnoteDefinition is a note as found in the body.
type footnoteDefinition struct {
	label string
	line  int
	lines []string // the note's Markdown, continuation indent removed
}

// extractFootnotes takes the footnote definitions out of a body, blanking
// their lines so that every other line keeps its number, and replaces each
// marker of a defined note with its number between stand-ins. It returns
// the notes in the order they are numbered: first referred to first, then
// those never referred to, in the order they are defined.
func extractFootnotes(body string, firstLine int, p *problems) (string, []footnoteDefinition) {
	if !strings.Contains(body, "[^") {
		return body, nil
	}
	body = strings.NewReplacer(markerOpen, "", markerClose, "").Replace(body)
	lines := strings.Split(body, "\n")
	defs := map[string]*footnoteDefinition{}
	var order []*footnoteDefinition
	var fence string
	var open *footnoteDefinition // the definition whose lines continue
	for i, line := range lines {
		if fence != "" || fenceOpen.MatchString(line) {
			fence = trackFence(fence, line)
			open = nil
			continue
		}
		if m := footnoteDef.FindStringSubmatchIndex(line); m != nil {
			label := strings.ToLower(line[m[2]:m[3]])
			d := &footnoteDefinition{label: line[m[2]:m[3]], line: firstLine + i, lines: []string{line[m[1]:]}}
			if first, dup := defs[label]; dup {
				p.warnf(d.line, "footnote [^%s] is defined twice (first on line %d); the first is kept", d.label, first.line)
				// d is left out of defs and order: its lines are still
				// read, so that its continuation is not taken for text,
				// and then dropped.
			} else {
				defs[label] = d
				order = append(order, d)
			}
			open = d
			lines[i] = ""
			continue
		}
		if open != nil && continuesNote(line, open) {
			open.lines = append(open.lines, strings.TrimPrefix(strings.TrimPrefix(line, "    "), "\t"))
			lines[i] = ""
			continue
		}
		open = nil
	}
	if len(order) == 0 {
		return body, nil
	}
	number := map[string]int{}
	var numbered []footnoteDefinition
	fence = ""
	for i, line := range lines {
		if fence != "" || fenceOpen.MatchString(line) {
			fence = trackFence(fence, line)
			continue
		}
		lines[i] = replaceMarkers(line, func(label string) (int, bool) {
			key := strings.ToLower(label)
			if n, ok := number[key]; ok {
				return n, true
			}
			d, ok := defs[key]
			if !ok {
				p.warnf(firstLine+i, "footnote [^%s] has no text: no line starts with \"[^%s]:\"", label, label)
				return 0, false
			}
			numbered = append(numbered, *d)
			number[key] = len(numbered)
			return len(numbered), true
		})
	}
	for _, d := range order {
		if _, used := number[strings.ToLower(d.label)]; !used {
			numbered = append(numbered, *d)
		}
	}
	return strings.Join(lines, "\n"), numbered
}

// trackFence follows fenced code blocks: it returns the fence that is open
// after line, or "" when none is.
func trackFence(fence, line string) string {
	if fence == "" {
		return fenceOpen.FindStringSubmatch(line)[1]
	}
	// A fence closes on a line of at least as many of its characters and
	// nothing else.
	trimmed := strings.TrimLeft(line, " ")
	rest := strings.TrimLeft(trimmed, fence[:1])
	if len(trimmed)-len(rest) >= len(fence) && strings.TrimSpace(rest) == "" {
		return ""
	}
	return fence
}

// continuesNote reports whether line belongs to the note above it: an
// indented line, a blank line followed by more of the note, or a lazy
// continuation of its last paragraph.
func continuesNote(line string, d *footnoteDefinition) bool {
	if strings.TrimSpace(line) == "" {
		return true
	}
	if strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "\t") {
		return true
	}
	if len(d.lines) == 0 {
		return false
	}
	last := d.lines[len(d.lines)-1]
	return strings.TrimSpace(last) != "" && !startsBlock(line)
}

// startsBlock reports whether a line that is not indented starts a new
// block rather than continuing a paragraph.
func startsBlock(line string) bool {
	t := strings.TrimLeft(line, " ")
	for _, prefix := range []string{"#", ">", "- ", "* ", "+ ", "[^", "|"} {
		if strings.HasPrefix(t, prefix) {
			return true
		}
	}
	return fenceOpen.MatchString(line) || linkDefinition.MatchString(line)
}

// replaceMarkers replaces the markers on one line that number gives a
// number to, skipping code spans.
func replaceMarkers(line string, number func(label string) (int, bool)) string {
	if !strings.Contains(line, "[^") {
		return line
	}
	var b strings.Builder
	for len(line) > 0 {
		tick := strings.IndexByte(line, '`')
		plain := line
		if tick >= 0 {
			plain = line[:tick]
		}
		b.WriteString(footnoteMarker.ReplaceAllStringFunc(plain, func(m string) string {
			if n, ok := number(m[2 : len(m)-1]); ok {
				return markerOpen + strconv.Itoa(n) + markerClose
			}
			return m
		}))
		if tick < 0 {
			break
		}
		// A code span runs to the next run of as many backticks.
		run := len(line[tick:]) - len(strings.TrimLeft(line[tick:], "`"))
		end := strings.Index(line[tick+run:], line[tick:tick+run])
		if end < 0 {
			b.WriteString(line[tick:])
			break
		}
		end += tick + 2*run
		b.WriteString(line[tick:end])
		line = line[end:]
	}
	return b.String()
}

// notesMarkdown is the Markdown of the Notes section: each note a paragraph
// that starts with its number, as the marker shows it. The section is
// "Notes", or "Footnotes" when the author already has a "Notes" section.
func notesMarkdown(title string, level int, notes []footnoteDefinition) string {
	var b strings.Builder
	b.WriteString(headingMarks(level) + title + "\n")
	for i, d := range notes {
		text := strings.TrimSpace(strings.Join(d.lines, "\n"))
		if text == "" {
			text = "(empty note)"
		}
		b.WriteString("\n\\[" + strconv.Itoa(i+1) + "\\] " + text + "\n")
	}
	return b.String()
}

// addNotes appends the Notes section made from notes to sections, before
// the editor's note has been placed, and returns the article's footnotes.
// Its heading takes the level of the article's own section headings, so
// that it reads as one of them rather than above them.
func addNotes(sections []Section, notes []footnoteDefinition) ([]Section, []Footnote) {
	if len(notes) == 0 {
		return sections, nil
	}
	title := "Notes"
	for _, s := range sections {
		if strings.EqualFold(s.Title, title) {
			title = "Footnotes"
		}
	}
	level := madeSectionLevel(sections)
	made, _ := splitSections(notesMarkdown(title, level, notes), "", notes[0].line, level)
	section := made[0]
	section.Kind = Notes
	// The lines of the made section count from the first note; each note's
	// blocks keep the line of its definition instead.
	footnotes := make([]Footnote, len(notes))
	for i, d := range notes {
		footnotes[i] = Footnote{Number: i + 1, Label: d.label, Line: d.line}
	}
	next := 0
	for j := range section.Blocks {
		if j == 0 {
			section.Blocks[j].Line = notes[0].line
			continue
		}
		// A paragraph of a note may itself start "[2]"; it begins the
		// next note only if there is one.
		if n, ok := noteNumber(section.Blocks[j].Text); ok && n == next+1 && n <= len(footnotes) {
			next = n
			footnotes[n-1].Text = strings.TrimSpace(section.Blocks[j].Text[len(strconv.Itoa(n))+2:])
		} else if next > 0 {
			footnotes[next-1].Text += " " + section.Blocks[j].Text
		}
		if next > 0 {
			section.Blocks[j].Line = notes[next-1].line
		}
	}
	return append(sections, section), footnotes
}

// noteNumber reads the number a note's first paragraph starts with.
func noteNumber(text string) (int, bool) {
	rest, ok := strings.CutPrefix(text, "[")
	if !ok {
		return 0, false
	}
	end := strings.IndexByte(rest, ']')
	if end < 0 {
		return 0, false
	}
	n, err := strconv.Atoi(rest[:end])
	return n, err == nil
}

// finishFootnotes turns the stand-ins around marker numbers into brackets
// in every section, and records where each marker stands.
func finishFootnotes(sections []Section, footnotes []Footnote) {
	if len(footnotes) == 0 {
		return
	}
	brackets := strings.NewReplacer(markerOpen, "[", markerClose, "]")
	escaped := strings.NewReplacer(markerOpen, `\[`, markerClose, `\]`)
	for i := range sections {
		s := &sections[i]
		if !strings.Contains(s.Markdown, markerOpen) {
			continue
		}
		s.Markdown = escaped.Replace(s.Markdown)
		s.Title = brackets.Replace(s.Title)
		for j := range s.Links {
			l := &s.Links[j]
			l.Text = brackets.Replace(l.Text)
			if l.Block >= 0 && l.Block < len(s.Blocks) {
				l.End = bracketedOffset(s.Blocks[l.Block].Text, l.End)
			}
		}
		for j := range s.Blocks {
			s.Blocks[j].Text = placeMarkers(s.Blocks[j].Text, i, j, footnotes)
		}
	}
}

// placeMarkers turns the stand-ins in one block's text into brackets and
// records each marker's position with its note, in one pass over the
// text, however many markers it holds.
func placeMarkers(text string, section, block int, footnotes []Footnote) string {
	if !strings.Contains(text, markerOpen) {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	flat := 0 // bytes of text without white space written so far
	for {
		at := strings.Index(text, markerOpen)
		end := -1
		if at >= 0 {
			end = strings.Index(text[at:], markerClose)
		}
		if end < 0 {
			b.WriteString(text)
			return b.String()
		}
		flat += flatLen(text[:at])
		number := text[at+len(markerOpen) : at+end]
		if n, err := strconv.Atoi(number); err == nil && n >= 1 && n <= len(footnotes) {
			pos := Position{Section: section, Block: block, Offset: flat}
			footnotes[n-1].Refs = append(footnotes[n-1].Refs, pos)
		}
		b.WriteString(text[:at])
		b.WriteString("[" + number + "]")
		flat += len(number) + 2
		text = text[at+end+len(markerClose):]
	}
}

// flatLen is the length in bytes of s without its white space: the offset
// a Position counts in.
func flatLen(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n += utf8.RuneLen(r)
		}
	}
	return n
}

// bracketedOffset is where offset, counted in text with its stand-ins,
// falls once they are brackets: each stand-in before it is a byte where
// it was three.
func bracketedOffset(text string, offset int) int {
	flat, standIns := 0, 0
	for _, r := range text {
		if flat >= offset {
			break
		}
		if unicode.IsSpace(r) {
			continue
		}
		if string(r) == markerOpen || string(r) == markerClose {
			standIns++
		}
		flat += utf8.RuneLen(r)
	}
	return offset - standIns*(len(markerOpen)-1)
}
