package articles

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/goccy/go-yaml/ast"
)

// Meta is what an article's front matter says about it.
type Meta struct {
	Title      string   `json:"title"`
	Subtitle   string   `json:"subtitle,omitempty"`
	Author     string   `json:"author,omitempty"`
	AuthorNote string   `json:"author_note,omitempty"`
	Source     string   `json:"source,omitempty"`
	URL        string   `json:"url,omitempty"`
	Published  string   `json:"published,omitempty"` // YYYY-MM-DD
	Updated    string   `json:"updated,omitempty"`   // YYYY-MM-DD
	Topics     []string `json:"topics,omitempty"`
	Summary    string   `json:"summary,omitempty"`
	Language   string   `json:"language,omitempty"`
	// Type is what the piece is, when it is not an article: "book" for
	// one imported from an EPUB; citations cite it so.
	Type        string `json:"type,omitempty"`
	EditorsNote string `json:"-"` // becomes the editor's note section
	// Feed is the title (or address) of the feed the article came from.
	Feed string `json:"feed,omitempty"`
	// SummaryOnly says the text is what a feed carried, not the whole
	// article: the page could not be fetched or read.
	SummaryOnly bool `json:"summary_only,omitempty"`

	editorsNoteLine int // where editors_note was given, for the section's Line
	authorNoteLine  int // where author_note was given, for its block's Line
}

// field describes one front-matter key: where its value goes and how it is
// checked. The table is the single list of known fields, so validation,
// suggestions for typos and the documentation cannot disagree.
type field struct {
	name string
	set  func(m *Meta, v string)
	date bool
	list bool
	// flag is a field whose value is true or false.
	flag bool
}

var fields = []field{
	{name: "title", set: func(m *Meta, v string) { m.Title = v }},
	{name: "subtitle", set: func(m *Meta, v string) { m.Subtitle = v }},
	{name: "author", set: func(m *Meta, v string) { m.Author = v }},
	{name: "author_note", set: func(m *Meta, v string) { m.AuthorNote = v }},
	{name: "source", set: func(m *Meta, v string) { m.Source = v }},
	{name: "url", set: func(m *Meta, v string) { m.URL = v }},
	{name: "published", set: func(m *Meta, v string) { m.Published = v }, date: true},
	{name: "updated", set: func(m *Meta, v string) { m.Updated = v }, date: true},
	{name: "topics", list: true},
	{name: "summary", set: func(m *Meta, v string) { m.Summary = v }},
	{name: "language", set: func(m *Meta, v string) { m.Language = v }},
	{name: "type", set: func(m *Meta, v string) { m.Type = v }},
	{name: "editors_note", set: func(m *Meta, v string) { m.EditorsNote = v }},
	{name: "feed", set: func(m *Meta, v string) { m.Feed = v }},
	{name: "summary_only", set: func(m *Meta, v string) { m.SummaryOnly = v == "true" }, flag: true},
}

// FieldNames lists the front-matter fields cable knows, in documented order.
func FieldNames() []string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.name
	}
	return names
}

func lookupField(name string) (field, bool) {
	for _, f := range fields {
		if f.name == name {
			return f, true
		}
	}
	return field{}, false
}

// splitFrontMatter separates a leading "---" block from the body. It
// returns the YAML text, the body, and the 1-based line on which the body
// starts. found is false when the file has no front matter at all.
func splitFrontMatter(src string, p *problems) (yamlText, body string, bodyLine int, found bool) {
	if !strings.HasPrefix(src, "---\n") && src != "---" {
		return "", src, 1, false
	}
	rest := strings.TrimPrefix(src, "---")
	rest = strings.TrimPrefix(rest, "\n")
	line := 2
	for offset := 0; offset <= len(rest); {
		end := strings.IndexByte(rest[offset:], '\n')
		var text string
		if end < 0 {
			text = rest[offset:]
		} else {
			text = rest[offset : offset+end]
		}
		if t := strings.TrimRight(text, " \t"); t == "---" || t == "..." {
			body := ""
			if end >= 0 {
				body = rest[offset+end+1:]
			}
			return rest[:offset], body, line + 1, true
		}
		if end < 0 {
			break
		}
		offset += end + 1
		line++
	}
	p.errorf(1, "front matter is not closed: no \"---\" line after the opening one")
	return "", "", 0, true
}

// parseFrontMatter reads the YAML of the front matter into a Meta. Line
// numbers in problems are lines of the whole file: the YAML starts on line 2.
// Only scalars and a list for topics are accepted; anchors and aliases are
// refused outright, which also rules out alias bombs.
func parseFrontMatter(yamlText string, p *problems) Meta {
	var m Meta
	if strings.TrimSpace(yamlText) == "" {
		p.errorf(1, "front matter is empty: it needs at least a title")
		return m
	}
	// The YAML starts on line 2, after the opening "---". Repeated keys
	// are reported below with both lines of the file.
	y := YAMLText{Path: p.file, FirstLine: 2, RepeatsAllowed: true}
	docs, err := y.Documents([]byte(yamlText))
	if err != nil {
		p.errorf(err.Line, "front matter is %s%s", err.Msg, quoteHint(yamlText, err.Line-y.FirstLine+1, err.Msg))
		return m
	}
	if len(docs) != 1 || docs[0] == nil {
		p.errorf(1, "front matter must be one YAML mapping of fields")
		return m
	}
	values, ok := YAMLMapping(docs[0])
	if !ok {
		p.errorf(y.Line(docs[0]), "front matter must be a mapping of fields such as \"title: ...\"")
		return m
	}
	seen := map[string]int{}
	for _, mv := range values {
		line := y.Line(mv.Key)
		name := mv.Key.String()
		if first, dup := seen[name]; dup {
			p.errorf(line, "field %q given twice (first on line %d)", name, first)
			continue
		}
		seen[name] = line
		f, known := lookupField(name)
		if !known {
			p.warnf(line, "unknown field %q%s", name, suggestField(name))
			continue
		}
		setField(&m, f, mv.Value, line, p)
	}
	if m.Title == "" {
		if _, given := seen["title"]; !given {
			p.errorf(1, "front matter has no title: add a line \"title: ...\"")
		} else {
			p.errorf(seen["title"], "title is empty")
		}
	}
	return m
}

// quoteHint is the fix for the YAML error msg on a line of the text (1
// for its first) when that line is a field whose value holds ": "
// unquoted ("title: A: B", which YAML reads as a mapping inside a
// value): the line as it should be written, the value in quotes. It is
// "" for any other error; what parses is not changed, only what the
// error says.
func quoteHint(text string, line int, msg string) string {
	if !strings.Contains(msg, "mapping value") {
		return ""
	}
	lines := strings.Split(text, "\n")
	if line < 1 || line > len(lines) {
		return ""
	}
	name, value, ok := strings.Cut(lines[line-1], ": ")
	value = strings.TrimSpace(value)
	if !ok || !isFieldName(name) || value == "" || strings.ContainsAny(value[:1], "\"'[{|>&*!") ||
		!(strings.Contains(value, ": ") || strings.HasSuffix(value, ":")) {
		return ""
	}
	quoted := strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(value)
	return fmt.Sprintf("; put the %s in quotes: %s: \"%s\"", name, name, quoted)
}

// isFieldName reports whether s is written as a front-matter field's name
// is: letters, digits, "_" and "-", starting at the line's start.
func isFieldName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r == '_' || r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

func setField(m *Meta, f field, value ast.Node, line int, p *problems) {
	if usesAnchors(value) {
		p.errorf(line, "%s uses a YAML anchor or alias (&name, *name); they are not accepted in front matter: write the value out", f.name)
		return
	}
	if f.list {
		topics, ok := stringList(value)
		if !ok {
			p.errorf(line, "%s must be a list of words, such as [Iran, Israel]", f.name)
			return
		}
		m.Topics = topics
		return
	}
	text, ok := scalarText(value)
	if !ok {
		p.errorf(line, "%s must be a single value, not a list or mapping", f.name)
		return
	}
	if f.date && text != "" {
		if _, err := time.Parse(time.DateOnly, text); err != nil {
			p.errorf(line, "%s %q is not a date of the form YYYY-MM-DD", f.name, text)
			return
		}
	}
	if f.flag && text != "true" && text != "false" && text != "" {
		p.errorf(line, "%s must be true or false, not %q", f.name, text)
		return
	}
	if f.name != "editors_note" && f.name != "summary" {
		// One line, whatever YAML's block scalars ("subtitle: |") keep:
		// such a field is shown on a line of its own, in a header, a
		// byline or a list; the note and the summary are paragraphs.
		text = oneLine(text)
	}
	f.set(m, Clean(text))
	switch f.name {
	case "editors_note":
		m.editorsNoteLine = line
	case "author_note":
		m.authorNoteLine = line
	}
}

// oneLine joins the lines of s with single spaces, leaving out blank ones.
func oneLine(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	var parts []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, " ")
}

// usesAnchors reports whether a value is, or holds, an anchor or an alias.
func usesAnchors(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.AnchorNode, *ast.AliasNode:
		return true
	case *ast.SequenceNode:
		for _, v := range n.Values {
			if usesAnchors(v) {
				return true
			}
		}
	case *ast.TagNode:
		return usesAnchors(n.Value)
	}
	return false
}

// scalarText is the text of a scalar value as written. Anchors, aliases,
// tags, lists and mappings are not scalars here.
func scalarText(n ast.Node) (string, bool) {
	switch n := n.(type) {
	case nil, *ast.NullNode:
		return "", true
	case *ast.StringNode:
		return strings.TrimSpace(n.Value), true
	case *ast.LiteralNode:
		return strings.TrimSpace(n.Value.Value), true
	case *ast.AnchorNode, *ast.AliasNode, *ast.TagNode, *ast.MappingNode,
		*ast.MappingValueNode, *ast.SequenceNode:
		return "", false
	case ast.ScalarNode:
		return strings.TrimSpace(n.GetToken().Value), true
	}
	return "", false
}

func stringList(n ast.Node) ([]string, bool) {
	if text, ok := scalarText(n); ok {
		if text == "" {
			return nil, true
		}
		return []string{Clean(text)}, true
	}
	seq, ok := n.(*ast.SequenceNode)
	if !ok {
		return nil, false
	}
	var out []string
	for _, v := range seq.Values {
		text, ok := scalarText(v)
		if !ok {
			return nil, false
		}
		if text != "" {
			out = append(out, Clean(text))
		}
	}
	return out, true
}

// suggestField names the known field closest to a misspelt one, if any is
// within two edits, and otherwise lists the known fields.
func suggestField(name string) string {
	if best := Suggest(name, FieldNames()); best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	known := FieldNames()
	sort.Strings(known)
	return fmt.Sprintf(" (known fields: %s)", strings.Join(known, ", "))
}

// Suggest is the name among known closest to a misspelt name, when one is
// within two edits ("autor" is "author"), or "" when none is. The front
// matter's fields and the configuration's settings are suggested by it.
func Suggest(name string, known []string) string {
	best, bestDist := "", 3
	for _, k := range known {
		if d := editDistance(name, k); d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between two short strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// hasBOM reports a UTF-8 byte-order mark, which editors on Windows add and
// which must not hide the opening "---".
func hasBOM(b []byte) bool { return bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) }
