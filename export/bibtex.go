package export

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// WriteBibTeX writes one BibTeX entry per article, for Zotero, JabRef or
// pandoc: an @article in its publication (journal), a @techreport of its
// institution for a report, a @book of its publisher, or @misc when the publication is not known;
// with the title, the authors, the date (year, month and biblatex's date),
// the address and the day it was read (urldate).
func WriteBibTeX(w io.Writer, arts []Article) error {
	for i, key := range citeKeys(arts) {
		if i > 0 {
			if _, err := io.WriteString(w, "\n"); err != nil {
				return err
			}
		}
		if _, err := io.WriteString(w, bibEntry(arts[i], key)); err != nil {
			return err
		}
	}
	return nil
}

func bibEntry(a Article, key string) string {
	kind, container := "article", "journal"
	switch {
	case a.Kind == KindBook:
		kind, container = "book", "publisher"
	case a.Source == "":
		kind, container = "misc", ""
	case a.Kind == KindReport:
		kind, container = "techreport", "institution"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "@%s{%s,\n", kind, key)
	// The title in a second pair of braces: BibTeX styles would set it
	// in sentence case ("How deep are azerbaijan-israel relations?").
	bibField(&b, "title", "{"+bibEscape(a.Title)+"}")
	var names []string
	for _, p := range people(a.Author) {
		if p.Literal != "" {
			names = append(names, "{"+bibEscape(p.Literal)+"}")
		} else {
			names = append(names, bibEscape(p.Family)+", "+bibEscape(p.Given))
		}
	}
	bibField(&b, "author", strings.Join(names, " and "))
	if container != "" {
		bibField(&b, container, bibEscape(a.Source))
	}
	if parts := dateParts(a.Published); len(parts) > 0 {
		bibField(&b, "year", fmt.Sprint(parts[0]))
		if len(parts) > 1 {
			// A number, not the jan…dec macros, which a parser without
			// BibTeX's standard strings refuses.
			bibField(&b, "month", fmt.Sprint(parts[1]))
		}
		bibField(&b, "date", a.Published)
	}
	bibField(&b, "url", bibURL(a.URL))
	if !a.Accessed.IsZero() {
		bibField(&b, "urldate", a.Accessed.In(time.UTC).Format(time.DateOnly))
	}
	b.WriteString("}\n")
	return b.String()
}

func bibField(b *strings.Builder, name, value string) {
	if value != "" {
		fmt.Fprintf(b, "  %s = {%s},\n", name, value)
	}
}

// bibEscaper writes the characters TeX reads as commands as the commands
// that print them, so that every brace in a value is one BibTeX reads as
// text and every value is one group.
var bibEscaper = strings.NewReplacer(`\`, `\textbackslash{}`, "{", `\{`, "}", `\}`, "&", `\&`, "%", `\%`,
	"$", `\$`, "#", `\#`, "_", `\_`, "~", `\textasciitilde{}`, "^", `\textasciicircum{}`)

func bibEscape(s string) string { return bibEscaper.Replace(oneLine(s)) }

// bibURL is an address as BibTeX's url field takes it, which is read as it
// is written: only braces and backslashes, which would end or break the
// field, are percent-encoded.
func bibURL(u string) string {
	return strings.NewReplacer("{", "%7B", "}", "%7D", `\`, "%5C", " ", "%20").Replace(strings.TrimSpace(u))
}
