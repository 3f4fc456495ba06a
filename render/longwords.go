package render

import (
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// breakLongLines breaks every line of out wider than width. Glamour leaves
// a line too wide when one word (a long address, a compound, a line of
// code) is wider than the text, and draws a quote's bar outside the wrap
// width; the reader would cut such a line at the screen's edge and lose
// its end. A line is broken at its last space that fits, else by
// character; each continuation starts as its line does, with the quote's
// bar or the list item's indent, so that it stays inside its block.
// Escape sequences are kept on both sides of a break. A width of 0 wraps
// nothing, so nothing is broken.
func breakLongLines(out string, width int) string {
	if width <= 0 {
		return out
	}
	lines := strings.Split(out, "\n")
	changed := false
	var kept []string
	for i, line := range lines {
		if ansi.StringWidth(line) <= width {
			if changed {
				kept = append(kept, line)
			}
			continue
		}
		if !changed {
			kept = append(kept, lines[:i]...)
			changed = true
		}
		kept = append(kept, breakLine(line, width)...)
	}
	if !changed {
		return out
	}
	return strings.Join(kept, "\n")
}

// breakLine cuts a line into pieces of at most width columns.
func breakLine(line string, width int) []string {
	lead := continuation(ansi.Strip(line), width)
	var pieces []string
	prefix := ""
	for {
		room := width - ansi.StringWidth(prefix)
		w := ansi.StringWidth(line)
		if w <= room {
			return append(pieces, prefix+line)
		}
		at := breakColumn(ansi.Strip(line), room, ansi.StringWidth(lead))
		pieces = append(pieces, prefix+strings.TrimRight(ansi.Cut(line, 0, at), " "))
		line = ansi.Cut(line, at, w)
		if plain := ansi.Strip(line); strings.TrimLeft(plain, " ") != plain {
			line = ansi.Cut(line, len(plain)-len(strings.TrimLeft(plain, " ")), ansi.StringWidth(line))
		}
		prefix = lead
	}
}

// continuation is what a continuation of plain starts with: its leading
// spaces and quote bars as they are, a list marker as spaces. It is never
// more than half the width, so that text always has room.
func continuation(plain string, width int) string {
	var b strings.Builder
	for _, r := range plain {
		switch {
		case r == ' ' || r == '│' || r == '|' || r == '┃':
			b.WriteRune(r)
		case r == '•' || r == '-' || r == '*' || r == '.' || unicode.IsDigit(r):
			b.WriteString(strings.Repeat(" ", max(ansi.StringWidth(string(r)), 1)))
		default:
			return trimToWidth(b.String(), width/2)
		}
	}
	return trimToWidth(b.String(), width/2)
}

func trimToWidth(s string, w int) string {
	if ansi.StringWidth(s) <= w {
		return s
	}
	return strings.Repeat(" ", w)
}

// breakColumn is where to break a line whose plain text is plain, to fit
// room columns: after its last space within room that leaves text before
// it (past the lead), else at room itself.
func breakColumn(plain string, room, lead int) int {
	col, best := 0, 0
	for _, r := range plain {
		w := ansi.StringWidth(string(r))
		if col+w > room {
			break
		}
		col += w
		if r == ' ' && col-1 > lead {
			best = col
		}
	}
	if best > 0 {
		return best
	}
	return max(col, 1)
}
