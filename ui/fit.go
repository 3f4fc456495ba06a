package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Fitting words to a width: the header's title wrapped over lines, and
// messages said whole, on two lines, or cut between words.

// cutWords fits plain text s in width columns: whole when it fits, else
// cut after the last word that fits, with "…". A line with no space
// early enough to cut at (a long address, a word wider than the screen)
// is cut where the room ends, as there is no word boundary to keep.
func cutWords(s string, width int) string {
	if ansi.StringWidth(s) <= width {
		return s
	}
	if width <= 1 {
		return ansi.Truncate(s, max(width, 0), "")
	}
	cut := ansi.Truncate(s, width-1, "") // and room for "…"
	if strings.HasPrefix(s[len(cut):], " ") {
		return strings.TrimRight(cut, " ") + "…" // the room ends between two words
	}
	if i := strings.LastIndexByte(cut, ' '); i > 0 && ansi.StringWidth(cut[:i]) >= width/2 {
		return strings.TrimRight(cut[:i], " ,;:·—") + "…"
	}
	return cut + "…"
}

// wrapWords breaks s into lines of at most width columns, between words,
// breaking a word only when it alone is wider than a line; beyond
// maxLines lines, the last is cut between words with "…".
func wrapWords(s string, width, maxLines int) []string {
	width = max(width, 1)
	lines := strings.Split(ansi.Wrap(s, width, ""), "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	if maxLines > 0 && len(lines) > maxLines {
		rest := strings.Join(lines[maxLines-1:], " ")
		lines = append(lines[:maxLines-1], cutWords(rest, width))
	}
	return lines
}

// cutParts fits a line of parts joined by " · " ("Author · Source · 9 min
// · 8 sections · finished") in width columns, cut after the last part
// that fits whole, with "…", so that no part is left half said ("· 1…"
// of "1 min"). Prose after " — " is cut between words, as cutWords does,
// and so is a line whose first part alone is too long.
func cutParts(s string, width int) string {
	cut := cutWords(s, width)
	if cut == s {
		return s
	}
	if head, _, ok := strings.Cut(s, " — "); ok && ansi.StringWidth(head) < width {
		return cut // the cut falls in the prose
	}
	const sep = " · "
	end := -1 // the end of the last part that fits, "…" after it
	for at := 0; ; at += len(sep) {
		i := strings.Index(s[at:], sep)
		if i < 0 || ansi.StringWidth(s[:at+i])+1 > width {
			break
		}
		at += i
		end = at
	}
	if end > 0 && ansi.StringWidth(s[:end]) >= width/3 {
		return s[:end] + "…"
	}
	return cut
}
