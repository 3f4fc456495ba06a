package extract_test

import (
	"testing"

	"cable/extract"
)

// TestClutterNames checks which class and id names mark furniture: a
// furniture word of the name, but not a blog's category or tag of the
// article, a modifier naming what a block carries, or a denied word.
func TestClutterNames(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"share-tools", true},
		{"c-share__button", true},
		{"cookie_banner", true},
		{"article__related", true},
		{"paywall", true},
		{"category-sharing", false},
		{"category-no-newsletter-rss", false},
		{"tag-comments", false},
		{"topic-social-media", false},
		{"TestReport__Section--Ads", false},
		{"teaser--related", false},
		{"non-paywall", false},
		{"no-ads", false},
		{"story-body", false},
		{"author-hovercard", true},
		{"c-hover-card__bio", true},
		{"card", false},
	} {
		if got := extract.HasClutterWord(tc.name); got != tc.want {
			t.Errorf("%q is furniture: %v, want %v", tc.name, got, tc.want)
		}
	}
}
