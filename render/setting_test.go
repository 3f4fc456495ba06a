package render

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// listArticle has bulleted, nested and numbered items long enough to wrap.
const listArticle = `---
title: Lists
---
# Lists

- This is a rather long bulleted item that must wrap over several lines at any of the widths we test here, and then some more.
- Short one.
  - A nested item that is also long enough to wrap over two or three lines at fifty columns, and more.

1. A numbered item that is long enough to wrap over two or three lines at fifty columns wide, and at eighty.
2. Another.

A paragraph after the list, which keeps its own margin as it wraps over the lines at every width.
`

// checkPositions checks that every line with text maps to a position
// that maps back to it.
func checkPositions(t *testing.T, d *Document) {
	t.Helper()
	for line, text := range d.Lines {
		if strings.TrimSpace(ansi.Strip(text)) == "" {
			continue
		}
		if back := d.LineOf(d.PositionAt(line)); back != line {
			t.Errorf("line %d %q maps back to line %d", line, text, back)
		}
	}
}

// TestListItemsHangUnderTheirText checks that every wrapped line of a list
// item starts at the column of the item's text, not under its bullet.
func TestListItemsHangUnderTheirText(t *testing.T) {
	item := regexp.MustCompile(`^( *)(• |[0-9]+\. )`)
	a := parseArticle(t, listArticle)
	for _, width := range []int{50, 60, 80} {
		for _, style := range []string{StyleNoTTY, StyleDark} {
			t.Run(fmt.Sprintf("%s/%d", style, width), func(t *testing.T) {
				d := render(t, a, width, style)
				hang, items, wrapped := -1, 0, 0
				for _, line := range d.Lines {
					plain := strings.TrimRight(ansi.Strip(line), " ")
					if ansi.StringWidth(plain) > width {
						t.Errorf("line wider than %d: %q", width, plain)
					}
					if plain == "" || strings.HasPrefix(plain, "  A paragraph") {
						hang = -1
						continue
					}
					if m := item.FindString(plain); m != "" {
						hang = ansi.StringWidth(m)
						items++
						continue
					}
					if hang < 0 {
						continue
					}
					wrapped++
					if indent := len(plain) - len(strings.TrimLeft(plain, " ")); indent != hang {
						t.Errorf("wrapped line %q starts at column %d, the item's text at %d", plain, indent, hang)
					}
				}
				if items != 5 || wrapped == 0 {
					t.Fatalf("%d items, %d wrapped lines: %q", items, wrapped, textOf(d.Lines))
				}
				checkPositions(t, d)
			})
		}
	}
}

// eastAsianArticle has a Chinese paragraph, one with Latin words in it,
// and a Japanese one.
const eastAsianArticle = `---
title: 东亚
---
# 段落

世界各国应当加强合作，共同应对气候变化带来的挑战，推动构建人类命运共同体，实现互利共赢的共同利益。我们（中国）始终坚持和平发展的道路，愿意与各国一道，维护世界和平，促进共同发展，这是我们的共同心愿。《报告》指出：「合作」是唯一的出路！各方都应当承担责任、履行义务，为子孙后代留下一个更加美好的世界。

研究人员使用 TypeScript 和 Go 语言编写了名为 cable 的阅读器，它在终端里显示长篇文章，并且支持 Markdown 格式与全文搜索功能，适合在旅途中阅读。

日本の経済は、長い停滞の後、ようやく回復の兆しを見せている。政府は「新しい資本主義」を掲げ、賃上げと投資の促進に力を入れているが、課題は多い。『白書』によれば、少子化（人口減少）は深刻だ。それでも、企業の多くは前向きである！
`

// TestEastAsianFillsTheMeasure checks that Chinese and Japanese are set
// by character to the full measure, without a line starting with closing
// punctuation or ending with opening punctuation, Latin words kept whole.
func TestEastAsianFillsTheMeasure(t *testing.T) {
	a := parseArticle(t, eastAsianArticle)
	for _, width := range []int{30, 41, 50, 60, 76, 80} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			d := render(t, a, width, StyleNoTTY)
			limit := width - 2 // the document's right margin
			var lines []string
			for _, l := range d.Lines[1:] {
				lines = append(lines, strings.TrimRight(ansi.Strip(l), " "))
			}
			for n, line := range lines {
				if strings.TrimSpace(line) == "" {
					continue
				}
				body := []rune(strings.TrimLeft(line, " "))
				if w := ansi.StringWidth(line); w > limit {
					t.Errorf("line %q is %d columns, the measure %d", line, w, limit)
				}
				if strings.ContainsRune("。，、）」』】〉》！？：；", body[0]) {
					t.Errorf("line %q starts with %q", line, body[0])
				}
				if strings.ContainsRune("（「『【〈《", body[len(body)-1]) {
					t.Errorf("line %q ends with %q", line, body[len(body)-1])
				}
				if n+1 >= len(lines) || strings.TrimSpace(lines[n+1]) == "" || !isWide(body[0]) {
					continue
				}
				next := []rune(strings.TrimLeft(lines[n+1], " "))
				if !isWide(next[0]) || strings.HasPrefix(lines[n+1], "  #") {
					continue // a Latin word, or the next paragraph's heading
				}
				moved := strings.ContainsRune(noEnd, next[0]) || (len(next) > 1 && strings.ContainsRune(noStart, next[1]))
				if ansi.StringWidth(line)+2 <= limit && !moved && ansi.StringWidth(lines[n+1]) > 4 {
					t.Errorf("line %q ends short of the measure %d though %q would fit", line, limit, string(next[0]))
				}
			}
			text := strings.Join(lines, " ")
			for _, word := range []string{"TypeScript", "Go", "cable", "Markdown"} {
				if !strings.Contains(text, word) {
					t.Errorf("%q is broken: %q", word, lines)
				}
			}
			checkPositions(t, d)
		})
	}
}

// rightToLeftArticle has an Arabic paragraph, a Hebrew one, and a mixed
// one that starts in Latin letters.
const rightToLeftArticle = `---
title: Scripts
---
# Scripts

هذه فقرة باللغة العربية تتحدث عن السياسة الخارجية والعلاقات الدولية بين الدول في المنطقة وتحتاج إلى أن تلتف على عدة أسطر.

זוהי פסקה בעברית על מדיניות החוץ והיחסים הבינלאומיים בין המדינות באזור, והיא ארוכה מספיק כדי לעבור לכמה שורות.

Latin first then عربي text follows here in a mixed paragraph that wraps over lines at every width.
`

// TestRightToLeftParagraphsAreSetRight checks that the lines of an Arabic
// or Hebrew paragraph end at the right edge of the measure, and that a
// paragraph that starts in Latin letters stays at the left.
func TestRightToLeftParagraphsAreSetRight(t *testing.T) {
	a := parseArticle(t, rightToLeftArticle)
	for _, width := range []int{40, 60, 80} {
		for _, style := range []string{StyleNoTTY, StyleDark} {
			t.Run(fmt.Sprintf("%s/%d", style, width), func(t *testing.T) {
				d := render(t, a, width, style)
				limit := width - 2 // the document's right margin
				rtl, ltr := 0, 0
				for _, l := range d.Lines {
					line := strings.TrimRight(ansi.Strip(l), " ")
					switch {
					case strings.Contains(line, "Scripts"):
					case strings.ContainsAny(line, "abcdefghijklmnopqrstuvwxyz"):
						ltr++
						if !strings.HasPrefix(line, "  ") || strings.HasPrefix(line, "   ") {
							t.Errorf("a line of the Latin paragraph does not start at the margin: %q", line)
						}
					case strings.ContainsFunc(line, hebrewOrArabic):
						rtl++
						if w := ansi.StringWidth(line); w != limit {
							t.Errorf("a right-to-left line ends at column %d, not at the measure's edge %d: %q", w, limit, line)
						}
					}
				}
				if rtl < 4 || ltr < 2 {
					t.Fatalf("%d right-to-left and %d left-to-right lines: %q", rtl, ltr, textOf(d.Lines))
				}
				checkPositions(t, d)
			})
		}
	}
}

// hebrewOrArabic says whether r is a Hebrew or an Arabic letter.
func hebrewOrArabic(r rune) bool { return r >= 0x590 && r < 0x700 }
