package articles

import "testing"

func TestQuoteText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "A plain sentence.", "A plain sentence."},
		{"a footnote marker", "A claim[1] with a note.", "A claim with a note."},
		{"after punctuation", "It was so.[4] Then more.", "It was so. Then more."},
		{"markers in a row", "Disputed.[2][3] Still.", "Disputed. Still."},
		{"a range and a list", "Many[3–5] and some[1, 7].", "Many and some."},
		{"a link number", "the Soviet Union⁶ fell", "the Soviet Union fell"},
		{"two-digit link number", "a treaty¹² was signed.", "a treaty was signed."},
		{"after a quotation mark", "he said “no”.¹⁴ Then", "he said “no”. Then"},
		{"a unit's power", "an area of 4 km² of land", "an area of 4 km² of land"},
		{"a physicist's power", "E = mc² holds", "E = mc² holds"},
		{"a bracket on its own", "see [4] below", "see [4] below"},
		{"a superscript on its own", "footnote ¹ stands", "footnote ¹ stands"},
		{"words in brackets", "the law[a] and [sic]", "the law[a] and [sic]"},
		{"white space folded", "  two\n lines  ", "two lines"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := QuoteText(tt.in); got != tt.want {
				t.Errorf("QuoteText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
