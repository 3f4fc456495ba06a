package render

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/text/width"
)

// A unit is what a line may be broken before: a word of a script that
// spaces its words, or one Chinese or Japanese character (or punctuation
// mark), with the escape sequences and zero-width characters (the block
// marks) before and in it. space says a space stands before it.
type unit struct {
	text  string
	width int
	space bool
	wide  bool
}

// noStart are the marks no line may start with, and noEnd those no line
// may end with, as Chinese and Japanese are set.
const (
	noStart = "。，、．）」』】〉》〕］｝！？：；”’・"
	noEnd   = "（「『【〈《〔［｛“‘"
)

// isWide says whether r takes two columns as an East Asian character.
func isWide(r rune) bool {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return true
	}
	return false
}

func (u unit) first() rune {
	for _, r := range ansi.Strip(u.text) {
		if ansi.StringWidth(string(r)) > 0 {
			return r
		}
	}
	return 0
}

func (u unit) last() rune {
	var last rune
	for _, r := range ansi.Strip(u.text) {
		last = r
	}
	return last
}

// unitsOf cuts lines, the text of one paragraph or item line by line
// without their indents, into units. Where two lines meet, a space is
// put back between words, but not beside a Chinese or Japanese character,
// which stand together without one.
func unitsOf(lines []string) []unit {
	var units []unit
	for n, line := range lines {
		got := unitsOfLine(line)
		if n > 0 && len(got) > 0 && len(units) > 0 {
			got[0].space = !got[0].wide && !units[len(units)-1].wide
		}
		units = append(units, got...)
	}
	return units
}

// unitsOfLine cuts one line into units; the escape sequences after its
// last unit end that unit, so that a style opened is closed.
func unitsOfLine(line string) []unit {
	var units []unit
	var pending strings.Builder
	var cur *unit
	space := false
	end := func() {
		if cur != nil {
			units = append(units, *cur)
			cur = nil
		}
	}
	for i := 0; i < len(line); {
		if line[i] == 0x1b {
			n := escapeLen(line[i:])
			if cur != nil {
				cur.text += line[i : i+n]
			} else {
				pending.WriteString(line[i : i+n])
			}
			i += n
			continue
		}
		c, size := firstCluster(line[i:])
		i += size
		w := ansi.StringWidth(c)
		switch {
		case c == " ":
			end()
			space = true
		case w == 0 && cur != nil && !cur.wide:
			// A mark or a joiner in a word stays in it.
			cur.text += c
		case w == 0:
			// One before a word, or after a Chinese or Japanese
			// character, goes with what follows it.
			end()
			pending.WriteString(c)
		default:
			r := []rune(c)[0]
			wide := isWide(r) || strings.ContainsRune(noStart+noEnd, r)
			if cur != nil && (wide || cur.wide) {
				end()
			}
			if cur == nil {
				cur = &unit{text: pending.String(), space: space, wide: wide}
				pending.Reset()
				space = false
			}
			cur.text += c
			cur.width += w
		}
	}
	end()
	if pending.Len() > 0 && len(units) > 0 {
		units[len(units)-1].text += pending.String()
	}
	return units
}

// fill sets units on lines no wider than limit: the first starts with
// head, the others with hang. A line is never started with a mark of
// noStart nor ended with one of noEnd: the characters before are taken
// to the next line with it.
func fill(units []unit, head, hang string, limit int) []string {
	var lines []string
	var cur []unit
	lead := head
	widthOf := func(us []unit) int {
		w := ansi.StringWidth(lead)
		for k, u := range us {
			if k > 0 && u.space {
				w++
			}
			w += u.width
		}
		return w
	}
	for _, u := range units {
		next := append(cur, u)
		if len(cur) == 0 || widthOf(next) <= limit {
			cur = next
			continue
		}
		carry := []unit{u}
		for len(cur) > 1 && strings.ContainsRune(noStart, carry[0].first()) {
			carry = append([]unit{cur[len(cur)-1]}, carry...)
			cur = cur[:len(cur)-1]
		}
		for len(cur) > 1 && strings.ContainsRune(noEnd, cur[len(cur)-1].last()) {
			carry = append([]unit{cur[len(cur)-1]}, carry...)
			cur = cur[:len(cur)-1]
		}
		lines = append(lines, join(lead, cur))
		lead, cur = hang, carry
	}
	return append(lines, join(lead, cur))
}

func join(lead string, units []unit) string {
	var b strings.Builder
	b.WriteString(lead)
	for k, u := range units {
		if k > 0 && u.space {
			b.WriteByte(' ')
		}
		b.WriteString(u.text)
	}
	return b.String()
}
