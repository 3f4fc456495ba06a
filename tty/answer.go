package tty

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

const (
	esc = 0x1b
	bel = 0x07
	// backgroundPrefix starts the answer to "what is your background
	// colour?" (OSC 11): ESC ] 11 ; then the colour, then BEL or ESC \.
	backgroundPrefix = "\x1b]11;"
	// maxColor is the longest colour an answer is taken to hold
	// ("rgba:ffff/ffff/ffff/ffff" is 24 bytes); anything longer is no
	// answer.
	maxColor = 64
	// maxParams bounds the parameters of a cursor position or device
	// attributes answer.
	maxParams = 64
)

// scanner sorts what the terminal sends while it is asked about itself
// into its answers and the keys typed around them. The answers looked for
// are the background colour (OSC 11) and the cursor position (CSI row ; col
// R) or device attributes (CSI ? … c), either of which the terminal sends
// after the colour, or alone when it does not know the colour: that one
// ends the answers. Every other byte is a key and is passed on, in order.
// A sequence that may yet turn out an answer is held until the bytes after
// it decide, or until end.
type scanner struct {
	held []byte
	// done: the answers have ended (or were never asked for); every byte
	// is a key.
	done bool
	// answered: the background colour came; color is it ("#rrggbb"),
	// or "" when the terminal's answer named no colour cable reads.
	answered bool
	color    string
}

// match says how the bytes at the start of b, which start with ESC, stand
// to an answer.
type match int

const (
	noAnswer match = iota // not an answer: ESC is a key
	partial               // may be an answer: more bytes decide
	complete              // an answer, of n bytes
)

// scan takes the next bytes read and returns the keys among them, in
// order; the answers found are recorded.
func (s *scanner) scan(p []byte) []byte {
	if s.done {
		return p
	}
	buf := p
	if len(s.held) > 0 {
		buf = append(s.held, p...)
		s.held = nil
	}
	var keys []byte
	for i := 0; i < len(buf); {
		if s.done {
			return append(keys, buf[i:]...)
		}
		if buf[i] != esc {
			j := bytes.IndexByte(buf[i:], esc)
			if j < 0 {
				j = len(buf) - i
			}
			keys = append(keys, buf[i:i+j]...)
			i += j
			continue
		}
		n, m := s.answer(buf[i:])
		switch m {
		case complete:
			i += n
		case partial:
			s.held = append([]byte(nil), buf[i:]...)
			return keys
		default:
			keys = append(keys, esc)
			i++
		}
	}
	return keys
}

// end stops looking for answers and returns the bytes held, which were
// keys after all.
func (s *scanner) end() []byte {
	s.done = true
	held := s.held
	s.held = nil
	return held
}

// answer matches the answer at the start of b, which starts with ESC, and
// records it when it is complete.
func (s *scanner) answer(b []byte) (n int, m match) {
	if len(b) < 2 {
		return 0, partial
	}
	switch b[1] {
	case ']':
		var end int
		n, end, m = oscAnswer(b)
		if m == complete {
			s.answered = true
			s.color = parseColor(string(b[len(backgroundPrefix):end]))
		}
	case '[':
		n, m = csiAnswer(b)
		if m == complete {
			s.done = true
		}
	}
	return n, m
}

// oscAnswer matches a background colour answer: ESC ] 11 ; colour, ended
// by BEL or by ESC \ (ST), of n bytes; the colour is b[len(prefix):end].
func oscAnswer(b []byte) (n, end int, m match) {
	prefix := len(backgroundPrefix)
	if len(b) < prefix {
		if string(b) == backgroundPrefix[:len(b)] {
			return 0, 0, partial
		}
		return 0, 0, noAnswer
	}
	if string(b[:prefix]) != backgroundPrefix {
		return 0, 0, noAnswer
	}
	for i := prefix; i < len(b); i++ {
		switch c := b[i]; {
		case i-prefix > maxColor:
			return 0, 0, noAnswer
		case c == bel:
			return i + 1, i, complete
		case c == esc:
			if i+1 == len(b) {
				return 0, 0, partial
			}
			if b[i+1] == '\\' {
				return i + 2, i, complete
			}
			return 0, 0, noAnswer
		case c < 0x20 || c > 0x7e:
			return 0, 0, noAnswer
		}
	}
	return 0, 0, partial
}

// csiAnswer matches a cursor position answer, ESC [ row ; col R, or a
// device attributes answer, ESC [ ? attributes c.
func csiAnswer(b []byte) (int, match) {
	i := 2
	attributes := len(b) > 2 && b[2] == '?'
	if attributes {
		i++
	}
	digits, semicolons := 0, 0
	for ; i < len(b); i++ {
		c := b[i]
		switch {
		case i > maxParams:
			return 0, noAnswer
		case c >= '0' && c <= '9':
			digits++
		case c == ';':
			if !attributes && (digits == 0 || semicolons > 0) {
				return 0, noAnswer
			}
			semicolons++
			digits = 0
		case c == 'R' && !attributes && semicolons == 1 && digits > 0:
			return i + 1, complete
		case c == 'c' && attributes && digits > 0:
			return i + 1, complete
		default:
			return 0, noAnswer
		}
	}
	return 0, partial
}

// parseColor reads the colour of a background answer, "rgb:RRRR/GGGG/BBBB"
// (1 to 4 hex digits a component; "rgba:" with a fourth, ignored), as
// "#rrggbb"; "" when it is none.
func parseColor(s string) string {
	var parts []string
	switch {
	case strings.HasPrefix(s, "rgb:"):
		parts = strings.Split(s[len("rgb:"):], "/")
		if len(parts) != 3 {
			return ""
		}
	case strings.HasPrefix(s, "rgba:"):
		parts = strings.Split(s[len("rgba:"):], "/")
		if len(parts) != 4 {
			return ""
		}
		parts = parts[:3]
	default:
		return ""
	}
	var rgb [3]uint64
	for i, p := range parts {
		if len(p) < 1 || len(p) > 4 {
			return ""
		}
		v, err := strconv.ParseUint(p, 16, 16)
		if err != nil {
			return ""
		}
		top := uint64(1)<<(4*len(p)) - 1
		rgb[i] = (v*255 + top/2) / top
	}
	return fmt.Sprintf("#%02x%02x%02x", rgb[0], rgb[1], rgb[2])
}
