package library

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxNameBytes bounds the slug part of an imported file's name. Titles of
// policy papers run long; 80 bytes keeps a name readable in a directory
// listing and far below every file system's limit, even with "-2.md" added.
const maxNameBytes = 80

// windowsReserved are the device names Windows refuses as file names, with
// or without an extension. An article imported on Linux may be copied to
// Windows later, so they are avoided everywhere.
var windowsReserved = map[string]bool{
	"con": true, "prn": true, "aux": true, "nul": true,
	"com1": true, "com2": true, "com3": true, "com4": true, "com5": true,
	"com6": true, "com7": true, "com8": true, "com9": true,
	"lpt1": true, "lpt2": true, "lpt3": true, "lpt4": true, "lpt5": true,
	"lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true,
}

// SafeFileName turns an article's title into the name of the file it is
// imported to: a lower-case slug plus ".md". The title comes from a file
// cable did not write, so the name is built only from letters, digits and
// hyphens: it cannot contain a path separator, cannot be "." or "..", never
// starts with a dot, is never empty and is never a Windows device name, and
// the slug is at most 80 bytes, cut at a hyphen where one is near the limit.
func SafeFileName(title string) string {
	slug := truncateSlug(slugify(title), maxNameBytes)
	if slug == "" {
		slug = "article"
	}
	if windowsReserved[slug] {
		slug += "-article"
	}
	return slug + ".md"
}

// slugify keeps letters and digits (any script) in lower case, with the
// combining marks that belong to them, and folds every run of anything else
// into one hyphen, with no hyphen at either end. Keeping the marks means a
// title typed on macOS, whose file names decompose "é" into "e" and a mark,
// gives the same word rather than a word broken by a hyphen.
func slugify(title string) string {
	var b strings.Builder
	pendingHyphen := false
	for _, r := range strings.ToLower(title) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
		case unicode.In(r, unicode.Mn, unicode.Mc) && b.Len() > 0 && !pendingHyphen:
		default:
			pendingHyphen = true
			continue
		}
		if pendingHyphen && b.Len() > 0 {
			b.WriteByte('-')
		}
		pendingHyphen = false
		b.WriteRune(r)
	}
	return b.String()
}

// truncateSlug shortens a slug to at most limit bytes without splitting a
// character or leaving a mark without its letter, and at the last hyphen
// when that keeps at least half of the allowed length, so that the name
// ends with a whole word.
func truncateSlug(slug string, limit int) string {
	if len(slug) <= limit {
		return slug
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(slug[cut]) {
		cut--
	}
	for cut > 0 {
		r, _ := utf8.DecodeRuneInString(slug[cut:])
		if !unicode.In(r, unicode.Mn, unicode.Mc) {
			break
		}
		_, size := utf8.DecodeLastRuneInString(slug[:cut])
		cut -= size
	}
	s := slug[:cut]
	if i := strings.LastIndexByte(s, '-'); i >= limit/2 {
		s = s[:i]
	}
	return strings.Trim(s, "-")
}
