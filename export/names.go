package export

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// person is an author as citations name one: a family name and given
// names, or, for an organisation, its whole name.
type person struct {
	Family, Given, Literal string
}

// maxPersonWords is the most words a person's name is taken to have: a
// longer author is an organisation ("International Crisis Group
// Middle East Programme"), cited by its whole name.
const maxPersonWords = 4

// people splits an article's author line into its authors: "Jane Doe and
// John Roe", "Jane Doe, John Roe & Ann Poe", "Jane Doe; John Roe". The
// last word of a name is its family name.
func people(author string) []person {
	author = strings.NewReplacer(" & ", ",", ";", ",", ", and ", ",", " and ", ",").Replace(author)
	var out []person
	for _, name := range strings.Split(author, ",") {
		words := strings.Fields(name)
		switch {
		case len(words) == 0:
		case len(words) == 1 || len(words) > maxPersonWords || isOrganisation(words):
			out = append(out, person{Literal: strings.Join(words, " ")})
		default:
			out = append(out, person{Family: words[len(words)-1], Given: strings.Join(words[:len(words)-1], " ")})
		}
	}
	return out
}

// organisationWords mark an author that is an organisation, whatever
// the length of its name: "The cable project", "RAND Corporation",
// "Crisis Group Staff".
var organisationWords = map[string]bool{
	"agency": true, "association": true, "board": true, "bureau": true, "center": true, "centre": true,
	"commission": true, "committee": true, "corporation": true, "council": true, "department": true,
	"desk": true, "editors": true, "foundation": true, "forum": true, "group": true, "institute": true,
	"institution": true, "ministry": true, "network": true, "office": true, "press": true, "program": true,
	"programme": true, "project": true, "service": true, "staff": true, "team": true, "university": true,
}

// isOrganisation reports whether a name's words are an organisation's:
// it begins with "The", or holds one of organisationWords.
func isOrganisation(words []string) bool {
	if strings.EqualFold(words[0], "the") {
		return true
	}
	for _, w := range words {
		if organisationWords[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// dateParts reads a published date, "2024-01-02", "2024-01" or "2024",
// as its numbers; nil when it is none of those.
func dateParts(date string) []int {
	var parts []int
	for i, p := range strings.Split(date, "-") {
		n, err := strconv.Atoi(p)
		if err != nil || i > 2 || (i == 0 && len(p) != 4) || (i == 1 && (n < 1 || n > 12 || len(p) != 2)) || (i == 2 && (n < 1 || n > 31 || len(p) != 2)) {
			return nil
		}
		parts = append(parts, n)
	}
	return parts
}

// citeKeys gives each article a citation key, the same in BibTeX and
// CSL-JSON: the first author's family name, the year and the first word
// of the title that is not a small word, in ASCII letters and digits
// ("mamedov2024deep"); "b", "c" and on are added to keys that would be
// alike.
func citeKeys(arts []Article) []string {
	keys := make([]string, len(arts))
	seen := map[string]int{}
	for i, a := range arts {
		var who string
		if ps := people(a.Author); len(ps) > 0 {
			who = ps[0].Family
			if who == "" {
				who = strings.Fields(ps[0].Literal)[0]
			}
		}
		year := ""
		if parts := dateParts(a.Published); len(parts) > 0 {
			year = strconv.Itoa(parts[0])
		}
		key := asciiWord(who) + year + asciiWord(firstWord(a.Title))
		if key == "" {
			key = "article"
		}
		if !unicode.IsLetter(rune(key[0])) {
			key = "a" + key
		}
		seen[key]++
		if n := seen[key]; n > 1 {
			key += suffix(n)
		}
		keys[i] = key
	}
	return keys
}

// suffix is the letters added to the nth article of one key: b, c, …, z,
// then ab, ac.
func suffix(n int) string {
	s := ""
	for n > 1 {
		n--
		s = string(rune('a'+n%26)) + s
		n /= 26
	}
	return s
}

var smallWords = map[string]bool{"a": true, "an": true, "the": true, "how": true, "why": true, "what": true,
	"is": true, "are": true, "of": true, "in": true, "on": true, "and": true, "to": true, "for": true, "does": true}

// firstWord is the title's first word that is not a small word.
func firstWord(title string) string {
	for _, w := range strings.FieldsFunc(title, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !smallWords[strings.ToLower(w)] {
			return w
		}
	}
	return ""
}

// asciiWord is a word in lower-case ASCII letters and digits, its accents
// taken off ("Łódź" is "odz", "Müller" "muller"); what has no ASCII form
// is left out.
func asciiWord(w string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(w)) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
