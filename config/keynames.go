package config

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A key in the configuration is named as Bubble Tea v1 names it in
// KeyMsg.String(), since that is what the screens' keymaps match: one
// printable character ("J", "]", "é"), or one of NamedKeys, either of
// them with "alt+" before it. "space" is accepted for the space bar, which
// Bubble Tea names " ", a name no one could read in a file.

// NamedKeys are the names Bubble Tea v1.3.10 gives keys that are not a
// character: the values of keyNames in
// github.com/charmbracelet/bubbletea@v1.3.10/key.go, copied as data since
// package config does not import Bubble Tea. A test in package ui checks
// this list against Bubble Tea's own names, so that it cannot drift.
func NamedKeys() []string {
	return []string{
		"ctrl+@", "ctrl+a", "ctrl+b", "ctrl+c", "ctrl+d", "ctrl+e", "ctrl+f", "ctrl+g", "ctrl+h",
		"tab", "ctrl+j", "ctrl+k", "ctrl+l", "enter", "ctrl+n", "ctrl+o", "ctrl+p", "ctrl+q",
		"ctrl+r", "ctrl+s", "ctrl+t", "ctrl+u", "ctrl+v", "ctrl+w", "ctrl+x", "ctrl+y", "ctrl+z",
		"esc", `ctrl+\`, "ctrl+]", "ctrl+^", "ctrl+_", "backspace",
		"up", "down", "right", " ", "left", "shift+tab", "home", "end",
		"ctrl+home", "ctrl+end", "shift+home", "shift+end", "ctrl+shift+home", "ctrl+shift+end",
		"pgup", "pgdown", "ctrl+pgup", "ctrl+pgdown", "delete", "insert",
		"ctrl+up", "ctrl+down", "ctrl+right", "ctrl+left",
		"shift+up", "shift+down", "shift+right", "shift+left",
		"ctrl+shift+up", "ctrl+shift+down", "ctrl+shift+left", "ctrl+shift+right",
		"f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10",
		"f11", "f12", "f13", "f14", "f15", "f16", "f17", "f18", "f19", "f20",
	}
}

// spaceName is how the file names the space bar.
const spaceName = "space"

// KeyName is the name Bubble Tea gives the key the configuration names
// s, and whether s names a key at all.
func KeyName(s string) (string, bool) {
	alt, rest := "", s
	if r, ok := strings.CutPrefix(s, "alt+"); ok && r != "" {
		alt, rest = "alt+", r
	}
	if rest == spaceName {
		rest = " "
	}
	if utf8.RuneCountInString(rest) == 1 {
		r, _ := utf8.DecodeRuneInString(rest)
		if r == ' ' || unicode.IsPrint(r) {
			return alt + rest, true
		}
		return "", false
	}
	if slices.Contains(NamedKeys(), rest) {
		return alt + rest, true
	}
	return "", false
}

// KeyLabel is how the file, cable's messages and its help write a key:
// the space bar as "space".
func KeyLabel(k string) string {
	if k == " " || k == "alt+ " {
		return strings.TrimSuffix(k, " ") + spaceName
	}
	return k
}

// badKey says why s names no key, with the likely name when only its
// case is wrong ("Enter", "Ctrl+K").
func badKey(s string) string {
	msg := fmt.Sprintf("%q is not a key: a key is one character (\"J\", \"]\"), or a name such as space, enter, tab, esc, backspace, up, pgdown, home, f1, ctrl+k or shift+tab, with alt+ before it if you like", s)
	if k, ok := KeyName(strings.ToLower(s)); ok && strings.ToLower(s) != s {
		msg += fmt.Sprintf(" (did you mean %q?)", KeyLabel(k))
	}
	return msg
}
