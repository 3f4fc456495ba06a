package library

import (
	"strings"
	"unicode"

	"cable/textfold"
)

// terms.go reads what the library's filter is asked beyond plain words:
// tag:iran, feed:"War on the Rocks", author:mamedov, and the words
// unread, new and archived. The library screen's filter and "cable list"
// keep an article by the same rules (Terms.Keep).

// Terms are a filter's text, read: its plain words, which the library
// screen matches against titles, authors and sources as it always has,
// and the conditions beside them, which must all hold.
type Terms struct {
	// Words are the plain words, as typed; a quoted phrase's words are
	// plain words too (so "new" in quotes is the word, not the term).
	Words []string
	// Tags, Feeds and Authors are the values of tag:, feed: and author:;
	// each must match (see matchesField).
	Tags, Feeds, Authors []string
	// Unread keeps the articles never opened; New those marked new.
	Unread, New bool
	// Archived searches the archive too: it widens the articles looked
	// at rather than narrowing them, so Keep does not look at it.
	Archived bool
	// fielded is set by any term that is not a plain word, an empty one
	// ("tag:" as it is typed) included.
	fielded bool
}

// Facts are what the conditions are checked against: one article's tags,
// feed and author, and the reader's state of it.
type Facts struct {
	Tags         []string
	Feed, Author string
	// Opened is whether the article was ever opened (or marked finished).
	Opened, New bool
}

// termKeys are the terms that take a value, by the name typed before the
// colon.
var termKeys = map[string]func(t *Terms, value string){
	"tag":    func(t *Terms, v string) { t.Tags = append(t.Tags, v) },
	"feed":   func(t *Terms, v string) { t.Feeds = append(t.Feeds, v) },
	"author": func(t *Terms, v string) { t.Authors = append(t.Authors, v) },
}

// ParseTerms reads a filter's text. Terms are separated by spaces; a
// value with spaces is quoted (feed:"War on the Rocks"), and a quote not
// yet closed runs to the end, as it does while it is typed. The names of
// terms and the words unread, new and archived are read without regard
// to case; any other word, "xyz:abc" included, is a plain word.
func ParseTerms(s string) Terms {
	var t Terms
	for i := 0; i < len(s); {
		if s[i] == ' ' || s[i] == '\t' {
			i++
			continue
		}
		if s[i] == '"' {
			phrase, next := quoted(s, i)
			t.Words = append(t.Words, strings.Fields(phrase)...)
			i = next
			continue
		}
		end := i
		for end < len(s) && s[end] != ' ' && s[end] != '\t' {
			end++
		}
		word := s[i:end]
		name, value, hasValue := strings.Cut(word, ":")
		add := termKeys[strings.ToLower(name)]
		switch {
		case hasValue && add != nil:
			if strings.HasPrefix(value, "\"") {
				value, end = quoted(s, i+len(name)+1)
			}
			if value = strings.TrimSpace(value); value != "" {
				add(&t, value)
			}
			t.fielded = true
		case strings.EqualFold(word, "unread"):
			t.Unread, t.fielded = true, true
		case strings.EqualFold(word, "new"):
			t.New, t.fielded = true, true
		case strings.EqualFold(word, "archived"):
			t.Archived, t.fielded = true, true
		default:
			t.Words = append(t.Words, word)
		}
		i = end
	}
	return t
}

// quoted is the text of the quotation that starts at s[at], a '"', and
// where the text after it starts: after the closing quote, or at the end
// when there is none.
func quoted(s string, at int) (string, int) {
	rest := s[at+1:]
	if end := strings.IndexByte(rest, '"'); end >= 0 {
		return rest[:end], at + 1 + end + 1
	}
	return rest, len(s)
}

// Conditions reports whether the text held anything but plain words: when
// it does not, the plain words are the whole filter, as they were before
// there were terms.
func (t Terms) Conditions() bool { return t.fielded }

// Plain is the plain words, joined by spaces.
func (t Terms) Plain() string { return strings.Join(t.Words, " ") }

// Keep reports whether an article meets every condition: each tag: value
// matches one of its tags, each feed: and author: value its feed and
// author, and it is unread or new when asked. Plain words, and whether
// the archive is searched, are the caller's.
func (t Terms) Keep(f Facts) bool {
	if (t.Unread && f.Opened) || (t.New && !f.New) {
		return false
	}
	for _, v := range t.Feeds {
		if !matchesField(v, f.Feed) {
			return false
		}
	}
	for _, v := range t.Authors {
		if !matchesField(v, f.Author) {
			return false
		}
	}
	for _, v := range t.Tags {
		found := false
		for _, tag := range f.Tags {
			if matchesField(v, tag) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// matchesField reports whether every word of value begins a word of
// field, ignoring case and accents, as the library's plain words match:
// "mamedov" and "eld" match "Eldar Mamedov", "war rocks" matches "War on
// the Rocks", "ir" matches the tag "iran" (a tag is found as it is
// typed).
func matchesField(value, field string) bool {
	words := foldedWords(value)
	if len(words) == 0 {
		return true
	}
	have := foldedWords(field)
	for _, w := range words {
		found := false
		for _, h := range have {
			if strings.HasPrefix(h, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// foldedWords are the words of s, folded: runs of letters and digits.
func foldedWords(s string) []string {
	return strings.FieldsFunc(textfold.String(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
}
