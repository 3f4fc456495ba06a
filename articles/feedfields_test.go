package articles

import "testing"

// TestFeedFields checks the two fields an article saved from a feed
// carries: which feed, and whether only its summary could be had. Both
// reach the summary that "cable list --json" prints.
func TestFeedFields(t *testing.T) {
	tests := []struct {
		src         string
		feed        string
		summaryOnly bool
	}{
		{"---\ntitle: T\nfeed: \"Foreign Affairs\"\nsummary_only: true\n---\nText.\n", "Foreign Affairs", true},
		{"---\ntitle: T\nfeed: War on the Rocks\nsummary_only: false\n---\nText.\n", "War on the Rocks", false},
		{"---\ntitle: T\nfeed: \"\\e[31mRed\\u0007\"\n---\nText.\n", "Red", false},
		{"---\ntitle: T\n---\nText.\n", "", false},
	}
	for _, tt := range tests {
		a, err := Parse("t.md", []byte(tt.src), "t")
		if err != nil {
			t.Fatalf("%q: %v", tt.src, err)
		}
		if len(a.Warnings) > 0 {
			t.Errorf("%q: warnings %v", tt.src, a.Warnings)
		}
		s := a.Summarise()
		if s.Feed != tt.feed || s.SummaryOnly != tt.summaryOnly {
			t.Errorf("%q: feed %q, summary only %v; want %q, %v", tt.src, s.Feed, s.SummaryOnly, tt.feed, tt.summaryOnly)
		}
	}
}
