package library

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestSearchFindsChineseAndJapaneseWords: a word of two characters or more
// inside a Chinese or Japanese clause is found, as a phrase (its
// characters one after the other, not anywhere in the block), and the
// snippet shows the text as written with the word marked.
func TestSearchFindsChineseAndJapaneseWords(t *testing.T) {
	s, _ := newTestStore(t)
	dir := t.TempDir()
	put(t, filepath.Join(dir, "zh.md"), article("出口管制", "美国对半导体出口的管制影响了两国的共同利益。", "另一段讲的是体育和导航，半个小时。"))
	put(t, filepath.Join(dir, "ja.md"), article("輸出規制", "日本政府は半導体の輸出規制を強化した。"))
	put(t, filepath.Join(dir, "en.md"), article("Export controls", "Semiconductor controls tighten again."))
	mustSync(t, s, Sources{Dirs: []string{dir}})
	tests := []struct {
		query, want, marked string
	}{
		{"半导体", "zh.md", "半导体"},
		{"共同利益", "zh.md", "共同利益"},
		{"半導体", "ja.md", "半導体"},
		{"輸出規制", "ja.md", "輸出規制"},
		{"导体半", "", ""}, // the characters, not in that order
		{"semiconductor", "en.md", "Semiconductor"},
	}
	for _, tt := range tests {
		hits, err := s.Search(tt.query, 10)
		if err != nil {
			t.Fatalf("%s: %v", tt.query, err)
		}
		if tt.want == "" {
			if len(hits) != 0 {
				t.Errorf("%s found %v; want nothing", tt.query, hits)
			}
			continue
		}
		if len(hits) != 1 || filepath.Base(hits[0].Key) != tt.want {
			t.Errorf("%s found %v; want %s", tt.query, hits, tt.want)
			continue
		}
		got := strings.NewReplacer(SnippetStart, "[", SnippetEnd, "]").Replace(hits[0].Snippet)
		marked := strings.ReplaceAll(strings.ReplaceAll(got, "[", ""), "]", "")
		if !strings.Contains(marked, tt.marked) || strings.Contains(marked, " ") && strings.ContainsRune(tt.query, '半') {
			t.Errorf("%s: snippet %q; want the text as written", tt.query, got)
		}
		if !strings.Contains(strings.ReplaceAll(strings.ReplaceAll(got, "][", ""), "] [", " "), "["+tt.marked+"]") {
			t.Errorf("%s: snippet %q; want %s marked", tt.query, got, tt.marked)
		}
	}
}

// TestCutCharacters: a long snippet of Chinese is cut around its first
// match, its markers paired; other snippets are left as they are.
func TestCutCharacters(t *testing.T) {
	m := func(s string) string { return SnippetStart + s + SnippetEnd }
	long := strings.Repeat("两国的共同利益", 10) + m("半导体") + strings.Repeat("出口的管制", 10)
	got := cutCharacters(long, 20)
	if n := len([]rune(got)); n > 20+4 {
		t.Errorf("cut to %d characters: %q", n, got)
	}
	if !strings.Contains(got, m("半导体")) || strings.Count(got, SnippetStart) != strings.Count(got, SnippetEnd) {
		t.Errorf("cut %q; want the match whole and the markers paired", got)
	}
	open := strings.Repeat("甲", 30) + SnippetStart + strings.Repeat("乙", 40) + SnippetEnd
	if got := cutCharacters(open, 20); strings.Count(got, SnippetStart) != strings.Count(got, SnippetEnd) {
		t.Errorf("a match cut by the window is not closed: %q", got)
	}
	english := "… the " + m("pipeline") + " decides everything in the end, as everyone knows …"
	if got := cutCharacters(english, 20); got != english {
		t.Errorf("an English snippet was cut: %q", got)
	}
}
