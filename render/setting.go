package render

import (
	"regexp"
	"slices"
	"strings"

	gansi "github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/x/ansi"
	"golang.org/x/text/unicode/bidi"
)

// setLines finishes Glamour's lines as a book is set: a list item's
// wrapped lines hang under its text, and words wider than the text are
// broken. Only line breaks and the spaces that start lines change, so the
// text without white space, by which positions are mapped, stays the same.
// Lines are filled to width less margin, the document's right margin, as
// Glamour fills its own.
func setLines(out string, width, margin int) string {
	if width <= 0 {
		return out
	}
	out = setBlocks(out, width-margin, margin)
	return breakLongLines(out, width)
}

// rightMargin is the margin Glamour keeps at the right of a document set
// in style: the document's margin.
func rightMargin(style gansi.StyleConfig) int {
	if style.Document.Margin == nil {
		return 0
	}
	return int(*style.Document.Margin)
}

// itemStart matches the start of a list item as Glamour writes it: its
// indent, its bullet or number, one space, and the item's first letter.
var itemStart = regexp.MustCompile(`^( *)([•*-]|[0-9]+\.) \S`)

// setBlocks sets each list item's wrapped lines under the item's text
// (the column after "• " or "1. ") rather than under its bullet, and fills
// them again to width. An item's lines are the ones after its first that
// start at its indent with text; a line that only looks like an item (a
// paragraph line starting "1990. ") is one only after a blank line or
// another item's line. A paragraph (lines at the document's margin, after
// a blank line) is set as its script asks (setParagraph).
func setBlocks(out string, width, margin int) string {
	lines := strings.Split(out, "\n")
	var set []string
	inList := false
	changed := false
	for i := 0; i < len(lines); i++ {
		plain := ansi.Strip(lines[i])
		m := itemStart.FindStringSubmatch(plain)
		if m == nil || (i > 0 && !inList && !isBlank(lines[i-1])) {
			if m == nil && (i == 0 || isBlank(lines[i-1])) && hasIndentOrMore(plain, margin) && !hasIndentOrMore(plain, margin+1) {
				end := i + 1
				for end < len(lines) && continuesItem(ansi.Strip(lines[end]), margin) {
					end++
				}
				if para := setParagraph(lines[i:end], margin, width); para != nil {
					set = append(set, para...)
					changed = true
					inList = false
					i = end - 1
					continue
				}
			}
			set = append(set, lines[i])
			inList = inList && !isBlank(lines[i]) && hasIndentOrMore(plain, 1)
			continue
		}
		indent := len(m[1])
		end := i + 1
		for end < len(lines) && continuesItem(ansi.Strip(lines[end]), indent) {
			end++
		}
		item := hangItem(lines[i:end], indent, ansi.StringWidth(m[1]+m[2]+" "), width)
		changed = changed || !slices.Equal(item, lines[i:end])
		set = append(set, item...)
		inList = true
		i = end - 1
	}
	if !changed {
		return out
	}
	return strings.Join(set, "\n")
}

// setParagraph sets a paragraph's lines as their script asks, and is nil
// when Glamour's lines stand: Chinese and Japanese are filled again by
// character, and a paragraph whose text runs right to left is set against
// the right edge of the measure.
func setParagraph(lines []string, indent, width int) []string {
	if para := setEastAsian(lines, indent, width); para != nil {
		return para
	}
	return alignRightToLeft(lines, indent, width)
}

// alignRightToLeft pads each line of a paragraph of Arabic or Hebrew (its
// first strong character, by its bidi class, is R or AL) on the left so
// that it ends at the right edge of the measure, width. The characters are
// left in their order; the terminal shapes and orders them. A heading is
// left as it is: its "#" marks stand first.
func alignRightToLeft(lines []string, indent, width int) []string {
	first := strings.TrimLeft(ansi.Strip(lines[0]), " ")
	if strings.HasPrefix(first, "#") || !rightToLeft(ansi.Strip(strings.Join(lines, " "))) {
		return nil
	}
	set := make([]string, len(lines))
	for n, l := range lines {
		head, rest := cutColumns(l, indent)
		text := join("", unitsOf([]string{rest}))
		pad := max(width-indent-ansi.StringWidth(text), 0)
		set[n] = head + strings.Repeat(" ", pad) + text
	}
	return set
}

// rightToLeft says whether the first strong character of s, by its bidi
// class, is right to left (Hebrew R, Arabic AL).
func rightToLeft(s string) bool {
	for _, r := range s {
		props, _ := bidi.LookupRune(r)
		switch props.Class() {
		case bidi.R, bidi.AL:
			return true
		case bidi.L:
			return false
		}
	}
	return false
}

// setEastAsian fills a paragraph's lines again by character when they
// hold Chinese or Japanese, and is nil when they do not.
func setEastAsian(lines []string, indent, width int) []string {
	wide := false
	for _, l := range lines {
		for _, r := range ansi.Strip(l) {
			wide = wide || isWide(r)
		}
	}
	if !wide || indent >= width/2 {
		return nil
	}
	parts := make([]string, len(lines))
	var head string
	for n, l := range lines {
		if n == 0 {
			head, parts[n] = cutColumns(l, indent)
		} else {
			_, parts[n] = cutColumns(l, indent)
		}
	}
	units := unitsOf(parts)
	if len(units) == 0 {
		return nil
	}
	return fill(units, head, strings.Repeat(" ", indent), width)
}

// hasIndentOrMore says whether plain starts with at least n spaces.
func hasIndentOrMore(plain string, n int) bool {
	return len(plain)-len(strings.TrimLeft(plain, " ")) >= n
}

// continuesItem says whether plain is a wrapped line of an item indented
// indent spaces: text at exactly that indent that starts no item.
func continuesItem(plain string, indent int) bool {
	rest := strings.TrimLeft(plain, " ")
	if rest == "" || len(plain)-len(rest) != indent {
		return false
	}
	return !itemStart.MatchString(plain)
}

// hangItem fills an item's words again: the first line keeps its indent
// and marker (prefix columns), the others start prefix columns in.
func hangItem(lines []string, indent, prefix, width int) []string {
	if prefix >= width/2 {
		return lines // no room to hang in: leave Glamour's lines
	}
	head, rest := cutColumns(lines[0], prefix)
	parts := []string{rest}
	for _, l := range lines[1:] {
		_, cont := cutColumns(l, indent)
		parts = append(parts, cont)
	}
	units := unitsOf(parts[:1])
	for k, part := range parts[1:] {
		got := unitsOf([]string{part})
		if len(got) > 0 && len(units) > 0 {
			// Glamour cuts an item's line that is too long at the
			// width, in a word as well as between two: a line cut full
			// is joined to the next without a space.
			got[0].space = !got[0].wide && !units[len(units)-1].wide && !cutFull(lines[k], width)
		}
		units = append(units, got...)
	}
	if len(units) == 0 {
		return lines
	}
	return fill(units, head, strings.Repeat(" ", prefix), width)
}

// cutFull says whether line's text runs to the width, as Glamour leaves a
// line it cut.
func cutFull(line string, width int) bool {
	return ansi.StringWidth(strings.TrimRight(ansi.Strip(line), " ")) >= width
}

// cutColumns splits line after its first n columns; escape sequences at
// the cut go with the second part.
func cutColumns(line string, n int) (string, string) {
	col := 0
	for i := 0; i < len(line); {
		if col >= n {
			return line[:i], line[i:]
		}
		if line[i] == 0x1b {
			i += escapeLen(line[i:])
			continue
		}
		_, size := firstCluster(line[i:])
		col += ansi.StringWidth(line[i : i+size])
		i += size
	}
	return line, ""
}

// firstCluster is the first character of s and its length in bytes.
func firstCluster(s string) (string, int) {
	for j := 1; j <= len(s); j++ {
		if j == len(s) || (s[j]&0xc0) != 0x80 {
			return s[:j], j
		}
	}
	return s, len(s)
}

// escapeLen is the length of the escape sequence s starts with: a CSI
// sequence up to its final byte, an OSC one up to its terminator.
func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[':
		for j := 2; j < len(s); j++ {
			if s[j] >= 0x40 && s[j] <= 0x7e {
				return j + 1
			}
		}
	case ']':
		for j := 2; j < len(s); j++ {
			if s[j] == 0x07 {
				return j + 1
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				return j + 2
			}
		}
	default:
		return 2
	}
	return len(s)
}
