package articles

import (
	"fmt"
	"strings"
	"unicode"
)

// Slug makes a stable, readable ID from a file name: lower case, letters
// and digits kept, everything else folded into single hyphens, and the
// extension dropped. "How Deep (2013).md" becomes "how-deep-2013".
func Slug(name string) string {
	for _, ext := range []string{".markdown", ".md", ".txt", ".html", ".htm"} {
		if strings.HasSuffix(strings.ToLower(name), ext) {
			name = name[:len(name)-len(ext)]
			break
		}
	}
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			hyphen = false
			continue
		}
		hyphen = true
	}
	if b.Len() == 0 {
		return "article"
	}
	return b.String()
}

// UniqueIDs gives every article an ID no other has, keeping the first
// article's ID and numbering later ones "-2", "-3" in order, so that the
// bundled articles, listed first, keep theirs.
func UniqueIDs(list []*Article) {
	taken := make(map[string]bool, len(list))
	for _, a := range list {
		id := a.ID
		for n := 2; taken[id]; n++ {
			id = fmt.Sprintf("%s-%d", a.ID, n)
		}
		a.ID = id
		taken[id] = true
	}
}
