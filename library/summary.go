package library

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"cable/articles"
)

// unmarshalSummary decodes a summary as the index stores it: json.Marshal of
// an articles.Summary. Decoding 10,000 of them with encoding/json is the
// largest part of a warm start with a large library, so the common case,
// a flat object of known fields whose strings need no unescaping, is read
// here directly, several times faster. Anything else (an escape, a number
// that is not a plain integer, whitespace, an unknown field) is handed to
// json.Unmarshal: the result is always what json.Unmarshal gives, which a
// test checks.
func unmarshalSummary(data []byte, sum *articles.Summary) error {
	var s articles.Summary
	if readSummary(data, &s) {
		*sum = s
		return nil
	}
	return json.Unmarshal(data, sum)
}

// readSummary reads the common case of unmarshalSummary into s; false means
// the data is not that, and s is to be ignored.
func readSummary(b []byte, s *articles.Summary) bool {
	if len(b) < 2 || b[0] != '{' {
		return false
	}
	p := 1
	if b[p] == '}' {
		return len(b) == 2
	}
	for {
		key, q, ok := plainString(b, p)
		if !ok || q >= len(b) || b[q] != ':' {
			return false
		}
		p = q + 1
		switch string(key) {
		case "id":
			s.ID, p, ok = stringValue(b, p)
		case "title":
			s.Title, p, ok = stringValue(b, p)
		case "author":
			s.Author, p, ok = stringValue(b, p)
		case "source":
			s.Source, p, ok = stringValue(b, p)
		case "published":
			s.Published, p, ok = stringValue(b, p)
		case "origin":
			s.Origin, p, ok = stringValue(b, p)
		case "words":
			s.Words, p, ok = intValue(b, p)
		case "minutes":
			s.Minutes, p, ok = intValue(b, p)
		case "editors_note":
			s.EditorsNote, p, ok = boolValue(b, p)
		case "sections":
			s.Sections, p, ok = stringList(b, p)
		case "topics":
			s.Topics, p, ok = stringList(b, p)
		default:
			return false
		}
		if !ok || p >= len(b) {
			return false
		}
		switch b[p] {
		case ',':
			p++
		case '}':
			return p+1 == len(b)
		default:
			return false
		}
	}
}

// plainString reads a JSON string at b[p] that holds no escape and no
// control character and is valid UTF-8, and returns its bytes and the
// index after it.
func plainString(b []byte, p int) ([]byte, int, bool) {
	if p >= len(b) || b[p] != '"' {
		return nil, p, false
	}
	for j := p + 1; j < len(b); j++ {
		switch c := b[j]; {
		case c == '"':
			s := b[p+1 : j]
			return s, j + 1, utf8.Valid(s)
		case c == '\\' || c < 0x20:
			return nil, p, false
		}
	}
	return nil, p, false
}

func stringValue(b []byte, p int) (string, int, bool) {
	s, q, ok := plainString(b, p)
	return string(s), q, ok
}

// intValue reads a JSON integer that fits an int: an optional minus and
// digits, without a leading zero.
func intValue(b []byte, p int) (int, int, bool) {
	q := p
	if q < len(b) && b[q] == '-' {
		q++
	}
	start := q
	for q < len(b) && b[q] >= '0' && b[q] <= '9' {
		q++
	}
	if q == start || (b[start] == '0' && q-start > 1) {
		return 0, p, false
	}
	if q < len(b) && (b[q] == '.' || b[q] == 'e' || b[q] == 'E') {
		return 0, p, false
	}
	n, err := strconv.Atoi(string(b[p:q]))
	return n, q, err == nil
}

func boolValue(b []byte, p int) (bool, int, bool) {
	switch {
	case hasAt(b, p, "true"):
		return true, p + 4, true
	case hasAt(b, p, "false"):
		return false, p + 5, true
	}
	return false, p, false
}

// stringList reads a JSON array of plain strings, or null (a nil slice).
func stringList(b []byte, p int) ([]string, int, bool) {
	if hasAt(b, p, "null") {
		return nil, p + 4, true
	}
	if p >= len(b) || b[p] != '[' {
		return nil, p, false
	}
	p++
	list := []string{}
	if p < len(b) && b[p] == ']' {
		return list, p + 1, true
	}
	for {
		s, q, ok := stringValue(b, p)
		if !ok || q >= len(b) {
			return nil, p, false
		}
		list = append(list, s)
		switch b[q] {
		case ',':
			p = q + 1
		case ']':
			return list, q + 1, true
		default:
			return nil, p, false
		}
	}
}

func hasAt(b []byte, p int, word string) bool {
	return p+len(word) <= len(b) && string(b[p:p+len(word)]) == word
}
