package library

import (
	"fmt"
	"strings"
)

// Markdown writes a quote as a blockquote followed by a citation line,
// ready to paste into notes:
//
//	> There has been much speculation…
//
//	— Eldar Mamedov, “How Deep Are Azerbaijan-Israel Relations?”, section “Opening”.
//
// Only what is known is cited: no author, source, date or address is
// invented for an article that does not give one.
func (q Quote) Markdown() string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(q.Text), "\n") {
		b.WriteString(strings.TrimRight("> "+line, " "))
		b.WriteByte('\n')
	}
	b.WriteString("\n— ")
	b.WriteString(q.Citation())
	b.WriteByte('\n')
	return b.String()
}

// Citation is the line that says where a quote comes from.
func (q Quote) Citation() string {
	var parts []string
	if q.Author != "" {
		parts = append(parts, q.Author)
	}
	parts = append(parts, fmt.Sprintf("“%s”", q.Title))
	for _, p := range []string{q.Source, q.Published} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if q.SectionTitle != "" {
		parts = append(parts, fmt.Sprintf("section “%s”", q.SectionTitle))
	}
	line := strings.Join(parts, ", ") + "."
	if q.URL != "" {
		line += " <" + q.URL + ">"
	}
	return line
}
