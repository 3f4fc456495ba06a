package render

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// breakLongLines breaks every line of out wider than width, which Glamour
// leaves whole when one word (a long address, a compound, a line of code)
// is wider than the text: the reader would cut it at the screen's edge
// and lose its end. The line is broken by character, and each
// continuation is indented as the line was, so that it stays inside its
// paragraph, quote or list item. Escape sequences are kept on both sides
// of a break. A width of 0 wraps nothing, so nothing is broken.
func breakLongLines(out string, width int) string {
	if width <= 0 {
		return out
	}
	lines := strings.Split(out, "\n")
	changed := false
	var kept []string
	for i, line := range lines {
		w := ansi.StringWidth(line)
		if w <= width {
			if changed {
				kept = append(kept, line)
			}
			continue
		}
		if !changed {
			kept = append(kept, lines[:i]...)
			changed = true
		}
		kept = append(kept, breakLine(line, w, width)...)
	}
	if !changed {
		return out
	}
	return strings.Join(kept, "\n")
}

// breakLine cuts a line of w columns into pieces of at most width.
func breakLine(line string, w, width int) []string {
	plain := ansi.Strip(line)
	indent := len(plain) - len(strings.TrimLeft(plain, " "))
	indent = min(indent, width/2) // a continuation keeps room for text
	pieces := []string{ansi.Cut(line, 0, width)}
	pad := strings.Repeat(" ", indent)
	for from := width; from < w; from += width - indent {
		pieces = append(pieces, pad+ansi.Cut(line, from, min(from+width-indent, w)))
	}
	return pieces
}
