package articles

import "strings"

// MaxNesting is how deep quotes and lists may nest. Glamour gives every
// level a margin, and past the text's width it spends minutes drawing one
// character a line; goldmark's list parser slows down with the square of
// the depth. No article nests more than a few levels, so deeper files are
// refused with the line where it happens.
const MaxNesting = 16

// checkNesting finds the first line of body whose quotes and list items
// nest deeper than MaxNesting. It reads lines, not a parse tree, so that a
// hostile file is refused before the parser sees it. Fenced code is
// skipped: it is shown as written, not nested.
func checkNesting(body string, firstLine int, p *problems) {
	fence := ""
	for i, line := range strings.Split(body, "\n") {
		trimmed := strings.TrimLeft(line, " \t")
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if f := fenceOf(trimmed); f != "" {
			fence = f
			continue
		}
		if depth := nestingDepth(line); depth > MaxNesting {
			p.errorf(firstLine+i, "quotes and lists nested %d deep; cable reads at most %d levels", depth, MaxNesting)
			return
		}
	}
}

// fenceOf is the fence a line opens ("```" or "~~~"), or "".
func fenceOf(trimmed string) string {
	for _, f := range []string{"```", "~~~"} {
		if strings.HasPrefix(trimmed, f) {
			return f
		}
	}
	return ""
}

// nestingDepth estimates how deep a line nests: one level for every quote
// marker and list marker before its text, and, for a list item, one more
// for every two columns of indentation before its first marker (a nested
// list is indented by at least two).
func nestingDepth(line string) int {
	depth, indent, i := 0, 0, 0
	for i < len(line) {
		switch c := line[i]; {
		case c == ' ':
			indent++
			i++
		case c == '\t':
			indent += 4
			i++
		case c == '>':
			depth++
			indent = 0
			i++
		default:
			n := listMarker(line[i:])
			if n == 0 {
				return depth
			}
			depth += 1 + indent/2
			indent = 0
			i += n
		}
	}
	return depth
}

// listMarker is the length of the list marker ("- ", "* ", "+ ", "12. ",
// "3) ") that s starts with, or 0.
func listMarker(s string) int {
	if len(s) >= 2 && strings.ContainsRune("-*+", rune(s[0])) && (s[1] == ' ' || s[1] == '\t') {
		return 2
	}
	digits := 0
	for digits < len(s) && digits < 9 && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	if digits > 0 && digits+1 < len(s) && (s[digits] == '.' || s[digits] == ')') && s[digits+1] == ' ' {
		return digits + 2
	}
	return 0
}
