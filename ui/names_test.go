package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// hongKongReport is a news report whose names are met in its title and a
// heading as well as its text, in longer runs of capitals ("Hong Kong
// Chief Executive"), before a possessive and shortened ("Xi").
const hongKongReport = `---
title: Hong Kong after the protests
---

Excessive force was used on Sunday, protesters in Hong Kong said, as police
cleared the streets around the Legislative Council.

Photograph: Reuters

Chinese leader Xi Jinping said on Monday that Hong Kong must be governed by
patriots. People's Daily, the Communist Party newspaper, printed his words in
full. Xi's speech was the first since the protests began.

## Hong Kong's response

Hong Kong Chief Executive John Lee welcomed the speech. Xi has visited the
city twice, and People's Daily called the visits a success. Critics, quoted
by Reuters, said the Hong Kong-based press had little choice.
`

// TestNamesCountWhatEnterFinds: for every name in the index, the count the
// list shows is the number of matches enter gives ("match k/N").
func TestNamesCountWhatEnterFinds(t *testing.T) {
	file := filepath.Join(t.TempDir(), "hong-kong.md")
	if err := os.WriteFile(file, []byte(hongKongReport), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := testContext("dark", 100, 40)
	cat, err := catalogOf(file)
	if err != nil {
		t.Fatal(err)
	}
	ctx.Catalog = cat
	m := open(t, startModel(t, ctx), "hong-kong")
	m, _ = press(t, m, "i")
	names, ok := openOverlay[namesList](m)
	if !ok {
		t.Fatal("the names index did not open")
	}
	rows := len(names.names)
	m, _ = press(t, m, "esc")
	matchN := regexp.MustCompile(`match \d+/(\d+)`)
	seen := map[string]bool{}
	for i := 0; i < rows; i++ {
		m, _ = press(t, m, "i")
		for j := 0; j < rows; j++ {
			if l, _ := openOverlay[namesList](m); l.list.cursor < i {
				m, _ = press(t, m, "j")
			}
		}
		open, _ := openOverlay[namesList](m)
		if open.list.cursor != i {
			t.Fatalf("the cursor is on row %d, want %d", open.list.cursor, i)
		}
		name, shown := shownRow(t, m, open.names[i].Text)
		seen[name] = true
		m, _ = press(t, m, "enter")
		got := matchN.FindStringSubmatch(statusOf(m))
		if got == nil {
			t.Errorf("%s: enter says %q", name, statusOf(m))
			continue
		}
		if got[1] != strconv.Itoa(shown) {
			t.Errorf("%s: the names index shows %d, enter finds %s matches", name, shown, got[1])
		}
		m, _ = press(t, m, "esc")
	}
	for _, want := range []string{"Hong Kong", "Xi Jinping", "People's Daily"} {
		if !seen[want] {
			t.Errorf("%s is not in the names index: %v", want, seen)
		}
	}
}

// shownRow finds the row of a name on the screen and reads its count.
func shownRow(t *testing.T, m Model, name string) (string, int) {
	t.Helper()
	row := regexp.MustCompile(regexp.QuoteMeta(name) + ` +(\d+)\b`)
	for _, line := range screenLines(m) {
		if got := row.FindStringSubmatch(ansiStrip(line)); got != nil && strings.Contains(line, name) {
			n, _ := strconv.Atoi(got[1])
			return name, n
		}
	}
	t.Fatalf("no row for %s on the screen:\n%s", name, strings.Join(screenLines(m), "\n"))
	return "", 0
}
