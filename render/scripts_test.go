package render

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"cable/articles"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// TestEveryScriptWraps renders the corpus file of Azerbaijani, Chinese,
// Hebrew, Arabic, emoji and combining marks at every width from 20 to 100:
// no line may be wider than the width, no character may be cut or lost,
// the Chinese paragraph must wrap rather than run off the screen, and no
// line may start with closing punctuation.
func TestEveryScriptWraps(t *testing.T) {
	data, err := os.ReadFile("../testdata/hostile/scripts.md")
	if err != nil {
		t.Fatal(err)
	}
	a, err := articles.Parse("scripts.md", data, "scripts")
	if err != nil {
		t.Fatal(err)
	}
	var want strings.Builder
	for _, b := range a.Sections[0].Blocks {
		want.WriteString(squeeze(b.Text))
	}
	for _, style := range []string{StyleNoTTY, StyleDark} {
		for width := 20; width <= 100; width++ {
			doc, err := Article(a, Options{Width: width, Style: style, Profile: termenv.ANSI256})
			if err != nil {
				t.Fatal(err)
			}
			var got strings.Builder
			chineseLines := 0
			for _, line := range doc.Lines {
				plain := ansi.Strip(line)
				if w := ansi.StringWidth(line); w > width {
					t.Errorf("%s at %d: a line is %d columns wide: %q", style, width, w, plain)
				}
				if !utf8.ValidString(line) || strings.ContainsAny(line, "\v\ue000\u2011") {
					t.Errorf("%s at %d: a line is cut or keeps a stand-in: %q", style, width, line)
				}
				if trimmed := strings.TrimSpace(plain); trimmed != "" && strings.ContainsRune("，。、", []rune(trimmed)[0]) {
					t.Errorf("%s at %d: a line starts with closing punctuation: %q", style, width, plain)
				}
				if strings.ContainsFunc(plain, isWide) { // the Chinese paragraph's lines, its last "开。" too
					chineseLines++
				}
				got.WriteString(squeeze(plain))
			}
			if !strings.Contains(got.String(), want.String()) {
				t.Errorf("%s at %d: text was lost or changed:\n got %q\nwant %q", style, width, got.String(), want.String())
			}
			// 57 characters of 2 columns cannot fit on fewer lines.
			if least := 114/(width-4) + 1; chineseLines < least {
				t.Errorf("%s at %d: the Chinese paragraph takes %d lines, at least %d needed", style, width, chineseLines, least)
			}
		}
	}
}
