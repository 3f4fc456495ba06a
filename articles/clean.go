package articles

import (
	"strings"
	"unicode/utf8"
)

// Clean removes from s everything a terminal would obey rather than print:
// C0 control characters other than tab and newline, DEL, C1 controls, and
// whole escape sequences (CSI, OSC, DCS, APC, PM, SOS and two-byte ESC
// sequences). Article text comes from files cable did not write, so it is
// cleaned once, on the way in, and every screen and every output style can
// trust it. Invalid UTF-8 becomes U+FFFD.
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
			i++
		case r == 0x1b: // ESC
			i += escapeLength(s[i:])
		case r == 0x9b || r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f:
			// 8-bit CSI, OSC, DCS, SOS, PM, APC: drop the whole sequence.
			i += size + sequenceBody(s[i+size:], r == 0x9b)
		case r == '\t' || r == '\n':
			b.WriteRune(r)
			i += size
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			i += size
		default:
			b.WriteString(s[i : i+size])
			i += size
		}
	}
	return b.String()
}

// isClean reports whether s can be returned as it is, which is the common
// case and saves a copy of every clean article.
func isClean(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || (r < 0x20 && r != '\t' && r != '\n') || (r >= 0x7f && r < 0xa0) {
			return false
		}
	}
	return true
}

// escapeLength is the length of the escape sequence that s starts with
// (s[0] is ESC), so that the whole sequence is dropped, not only its ESC.
func escapeLength(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[': // CSI: parameters and intermediates, then one final byte
		return 2 + sequenceBody(s[2:], true)
	case ']', 'P', 'X', '^', '_': // OSC, DCS, SOS, PM, APC: up to ST or BEL
		return 2 + sequenceBody(s[2:], false)
	}
	// A two-byte sequence such as ESC c (reset) or ESC 7; a lone ESC before
	// ordinary text takes only itself.
	if s[1] >= 0x20 && s[1] < 0x7f {
		return 2
	}
	return 1
}

// sequenceBody measures the rest of a control sequence. A CSI ends at its
// final byte (0x40–0x7e); string sequences end at BEL, ST (ESC \) or 8-bit
// ST, and an unterminated one runs to the end of the line, so that a broken
// sequence cannot swallow the rest of the article.
func sequenceBody(s string, csi bool) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if csi {
			if c >= 0x40 && c <= 0x7e {
				return i + 1
			}
			if c < 0x20 || c > 0x7e {
				return i // malformed: stop before the stray byte
			}
			continue
		}
		switch {
		case c == 0x07:
			return i + 1
		case c == 0x1b && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case c == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c: // 8-bit ST in UTF-8
			return i + 2
		case c == '\n':
			return i
		}
	}
	return len(s)
}
