package export

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// bibItem is an entry as parseBibTeX reads it back.
type bibItem struct {
	Type, Key string
	Fields    map[string]string
}

var bibKey = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_:-]*$`)

// parseBibTeX is a strict reader of the BibTeX the export writes: entries
// "@type{key," then "name = {value}", "name = 2024" or "name = jan"
// fields, each value's braces balanced (a brace after a backslash is
// text), and nothing between entries but white space.
func parseBibTeX(src string) ([]bibItem, error) {
	var out []bibItem
	i := 0
	skip := func() {
		for i < len(src) && unicode.IsSpace(rune(src[i])) {
			i++
		}
	}
	word := func() string {
		start := i
		for i < len(src) && (unicode.IsLetter(rune(src[i])) || unicode.IsDigit(rune(src[i])) || strings.ContainsRune("_:-", rune(src[i]))) {
			i++
		}
		return src[start:i]
	}
	expect := func(c byte) error {
		skip()
		if i >= len(src) || src[i] != c {
			return fmt.Errorf("byte %d: want %q", i, c)
		}
		i++
		return nil
	}
	for skip(); i < len(src); skip() {
		if err := expect('@'); err != nil {
			return nil, err
		}
		e := bibItem{Type: word(), Fields: map[string]string{}}
		if err := expect('{'); err != nil {
			return nil, err
		}
		skip()
		e.Key = word()
		if !bibKey.MatchString(e.Key) {
			return nil, fmt.Errorf("byte %d: key %q", i, e.Key)
		}
		if err := expect(','); err != nil {
			return nil, err
		}
		for {
			skip()
			if i < len(src) && src[i] == '}' {
				i++
				break
			}
			name := word()
			if name == "" {
				return nil, fmt.Errorf("byte %d: want a field name", i)
			}
			if _, dup := e.Fields[name]; dup {
				return nil, fmt.Errorf("byte %d: field %s twice", i, name)
			}
			if err := expect('='); err != nil {
				return nil, err
			}
			skip()
			if i < len(src) && src[i] == '{' {
				depth, start := 0, i+1
				for ; i < len(src); i++ {
					switch src[i] {
					case '\\':
						i++
					case '{':
						depth++
					case '}':
						depth--
					}
					if depth == 0 {
						break
					}
				}
				if i >= len(src) {
					return nil, fmt.Errorf("field %s: braces not closed", name)
				}
				e.Fields[name] = src[start:i]
				i++
			} else if v := word(); v != "" {
				e.Fields[name] = v
			} else {
				return nil, fmt.Errorf("byte %d: field %s has no value", i, name)
			}
			skip()
			if i < len(src) && src[i] == ',' {
				i++
			}
		}
		out = append(out, e)
	}
	return out, nil
}

// unTeX undoes the export's escapes.
var unTeX = strings.NewReplacer(`\textbackslash{}`, `\`, `\{`, "{", `\}`, "}", `\&`, "&", `\%`, "%", `\$`, "$", `\#`, "#",
	`\_`, "_", `\textasciitilde{}`, "~", `\textasciicircum{}`, "^")

func TestBibTeXParsesBack(t *testing.T) {
	arts := testArticles()
	arts = append(arts, Article{ID: "untitled", Title: "How Deep Are Azerbaijan-Israel Relations? Again", Author: "Eldar Mamedov",
		Published: "2024-05-06", Tags: nil}, Article{ID: "x", Title: "¿Qué? 2024", Author: "", Published: "nonsense"})
	var b strings.Builder
	if err := WriteBibTeX(&b, arts); err != nil {
		t.Fatal(err)
	}
	items, err := parseBibTeX(b.String())
	if err != nil {
		t.Fatalf("%v in\n%s", err, b.String())
	}
	if len(items) != len(arts) {
		t.Fatalf("%d entries, want %d:\n%s", len(items), len(arts), b.String())
	}
	keys := map[string]bool{}
	for _, it := range items {
		if keys[strings.ToLower(it.Key)] {
			t.Errorf("key %q twice", it.Key)
		}
		keys[strings.ToLower(it.Key)] = true
	}
	first := items[0]
	want := map[string]string{
		"title": "{" + arts[0].Title + "}", "author": "Mamedov, Eldar and Łódź, Anna", "journal": "Responsible Statecraft",
		"year": "2024", "month": "1", "date": "2024-01-02", "url": "https://example.com/a?x=1&y=2", "urldate": "2026-03-04",
	}
	if first.Type != "article" || first.Key != "mamedov2024deep" {
		t.Errorf("first entry @%s{%s}, want @article{mamedov2024deep}", first.Type, first.Key)
	}
	for name, v := range want {
		got := first.Fields[name]
		if name != "url" {
			got = unTeX.Replace(got)
		}
		if got != v {
			t.Errorf("%s = %q, want %q", name, got, v)
		}
	}
	report := items[1]
	if report.Type != "techreport" || report.Fields["institution"] != "International Crisis Group" ||
		report.Fields["author"] != "{International Crisis Group Middle East Programme}" || report.Fields["month"] != "11" {
		t.Errorf("the report: %+v", report)
	}
	if items[2].Key != "mamedov2024deepb" || items[2].Type != "misc" {
		t.Errorf("a second key alike: @%s{%s}, want @misc{mamedov2024deepb}", items[2].Type, items[2].Key)
	}
	if items[3].Key != "que" || items[3].Fields["year"] != "" {
		t.Errorf("no author, no date: %+v", items[3])
	}
}

func TestBibTeXReaderRefuses(t *testing.T) {
	for _, bad := range []string{"@article{k, title = {open}", "@article{9k, title = {x}}", "article{k, title = {x}}",
		"@article{k, title = {x}, title = {y}}", "@article{k, title = }"} {
		if _, err := parseBibTeX(bad); err == nil {
			t.Errorf("parseBibTeX(%q) read it", bad)
		}
	}
}

// TestPeopleAndOrganisations: an author line is split into people,
// family name last, and an organisation is kept whole, however short its
// name, so that BibTeX and CSL cite "The cable project", not "project,
// The cable".
func TestPeopleAndOrganisations(t *testing.T) {
	tests := []struct {
		author string
		want   []person
	}{
		{"Eldar Mamedov", []person{{Family: "Mamedov", Given: "Eldar"}}},
		{"Jane Doe and John Roe", []person{{Family: "Doe", Given: "Jane"}, {Family: "Roe", Given: "John"}}},
		{"The cable project", []person{{Literal: "The cable project"}}},
		{"RAND Corporation", []person{{Literal: "RAND Corporation"}}},
		{"Crisis Group Staff; Ann Poe", []person{{Literal: "Crisis Group Staff"}, {Family: "Poe", Given: "Ann"}}},
		{"Reuters", []person{{Literal: "Reuters"}}},
		{"Theodore Groupman", []person{{Family: "Groupman", Given: "Theodore"}}},
	}
	for _, tt := range tests {
		if got := people(tt.author); !slices.Equal(got, tt.want) {
			t.Errorf("people(%q) = %+v, want %+v", tt.author, got, tt.want)
		}
	}
}
