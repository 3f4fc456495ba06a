package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes each article as a Markdown document a notes app
// takes as it is (Obsidian, Logseq): YAML front matter, the title, then
// each highlight as a block quote followed by its note and its place.
// Documents follow one another, a blank line apart.
func WriteMarkdown(w io.Writer, arts []Article) error {
	for i, a := range arts {
		if i > 0 {
			if _, err := io.WriteString(w, "\n"); err != nil {
				return err
			}
		}
		if _, err := io.WriteString(w, Document(a)); err != nil {
			return err
		}
	}
	return nil
}

// MarkerPrefix starts the line that ends what cable writes in an
// article's Markdown file: what the reader writes below it is theirs, and
// a later export keeps it. The marker carries a print of the text above
// it, so that an export can tell text cable wrote from text the reader
// changed there, and leave the latter alone.
const MarkerPrefix = "<!-- cable: write your own notes below this line"

// Document is an article's Markdown: its front matter, its title and its
// highlights, and the marker line, with the print of what is above it.
func Document(a Article) string {
	body := documentBody(a)
	return body + marker(body) + "\n"
}

// marker is the marker line for the text above it.
func marker(body string) string {
	return MarkerPrefix + "; cable rewrites only what is above it (" + shortPrint(body) + ") -->"
}

func documentBody(a Article) string {
	var b strings.Builder
	b.WriteString("---\n")
	field(&b, "title", a.Title)
	field(&b, "author", a.Author)
	field(&b, "source", a.Source)
	field(&b, "url", a.URL)
	if dateParts(a.Published) != nil {
		// A date unquoted is a date to a notes app (Obsidian's date
		// property), not text.
		fmt.Fprintf(&b, "published: %s\n", a.Published)
	} else {
		field(&b, "published", a.Published)
	}
	tags := a.Tags
	if tags == nil {
		tags = []string{}
	}
	fmt.Fprintf(&b, "tags: %s\n", yamlValue(tags))
	field(&b, "cable_id", a.ID)
	b.WriteString("---\n\n# ")
	b.WriteString(oneLine(a.Title))
	b.WriteString("\n")
	for _, h := range a.Highlights {
		b.WriteString("\n")
		// A passage over several paragraphs is quoted as several, in
		// one block quote.
		for i, para := range strings.Split(strings.TrimSpace(h.Text()), "\n") {
			if i > 0 {
				b.WriteString(">\n")
			}
			b.WriteString(strings.TrimRight("> "+para, " "))
			b.WriteString("\n")
		}
		if note := strings.TrimSpace(h.Note); note != "" {
			b.WriteString("\n")
			b.WriteString(note)
			b.WriteString("\n")
		}
		place := Place(h)
		if a.NotFound[h.ID] {
			place += ", not found in the text"
		}
		fmt.Fprintf(&b, "\n— %s\n", place)
	}
	b.WriteString("\n")
	return b.String()
}

// field writes a front-matter field when it has a value.
func field(b *strings.Builder, name, value string) {
	if value != "" {
		fmt.Fprintf(b, "%s: %s\n", name, yamlValue(value))
	}
}

// yamlValue writes a value as JSON, which YAML reads as it is: a string
// in double quotes needs no thought about colons, hashes or quotes in a
// title.
func yamlValue(v any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.Encode(v) // strings and lists of strings always encode
	return strings.TrimSpace(buf.String())
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// splitAtMarker cuts a file at its marker line: what is above it, the
// print the marker gives, and the rest from the line after the marker.
// ok is false when the file has no marker line.
func splitAtMarker(text string) (above, print, below string, ok bool) {
	at := strings.Index(text, "\n"+MarkerPrefix)
	if at < 0 {
		if !strings.HasPrefix(text, MarkerPrefix) {
			return "", "", "", false
		}
		at = -1
	}
	above = text[:at+1]
	line := text[at+1:]
	below = ""
	if end := strings.IndexByte(line, '\n'); end >= 0 {
		line, below = line[:end], line[end+1:]
	}
	if open := strings.LastIndexByte(line, '('); open >= 0 {
		if end := strings.IndexByte(line[open:], ')'); end > 0 {
			print = line[open+1 : open+end]
		}
	}
	return above, print, below, true
}
