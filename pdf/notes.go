package pdf

import (
	"cable/articles"
	"fmt"
	"strconv"
	"strings"
)

// withNotes puts the notes into the article: each numbered stand-in
// becomes a marker, "[^3]", and the notes follow the text as "[^3]:
// text". A stand-in the HTML path moved into a heading is dropped there.
func withNotes(md []byte, notes []string) []byte {
	lines := strings.Split(string(md), "\n")
	for i, l := range lines {
		if !strings.Contains(l, markOpen) {
			continue
		}
		heading := strings.HasPrefix(l, "#")
		lines[i] = marker.ReplaceAllStringFunc(l, func(m string) string {
			num, err := strconv.Atoi(marker.FindStringSubmatch(m)[1])
			if heading || err != nil || num < 1 || num > len(notes) || notes[num-1] == "" {
				return ""
			}
			return "[^" + strconv.Itoa(num) + "]"
		})
		lines[i] = strings.NewReplacer(markOpen, "", markClose, "").Replace(lines[i])
	}
	out := strings.TrimRight(strings.Join(lines, "\n"), "\n") + "\n"
	var defs strings.Builder
	for i, n := range notes {
		if n = strings.TrimSpace(n); n != "" {
			fmt.Fprintf(&defs, "\n[^%d]: %s\n", i+1, escapeNote(n))
		}
	}
	return []byte(out + defs.String())
}

// escapeNote makes a note's text literal Markdown.
func escapeNote(s string) string {
	return articles.Literal(strings.NewReplacer(markOpen, "", markClose, "").Replace(s))
}
