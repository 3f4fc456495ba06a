package extract_test

import (
	"strings"
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

// TestImportKeepsSectionsNamedForTheContents checks a page that names
// its sections after its contents box ("TOC_TITLE_1"): the sections are
// the text and stay; the box, all links, goes.
func TestImportKeepsSectionsNamedForTheContents(t *testing.T) {
	section := func(n, heading, text string) string {
		return `<div class="content_body" id="TOC_TITLE_` + n + `"><h2>` + heading + `</h2><p>` + text + `</p></div>`
	}
	page := `<html><head><title>Measuring dues</title></head><body><article><h1>Measuring dues</h1>` +
		`<div class="toc" id="toc"><ul><li><a href="#TOC_TITLE_1">By tonnage</a></li><li><a href="#TOC_TITLE_2">By length</a></li><li><a href="#TOC_TITLE_3">By time</a></li></ul></div>` +
		section("1", "By tonnage", "The oldest way to set the dues is by the ship's tonnage, which the board has used since the quay was built.") +
		section("2", "By length", "Some ports charge by the length of quay a ship takes, which favours the short and heavy coasters.") +
		section("3", "By time", "The newest way is to charge by the hour at the berth, which rewards a quick turnaround and fast cranes.") +
		`</article></body></html>`
	md, _, err := extract.ImportHTML("page.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"## By tonnage", "The oldest way", "## By length", "Some ports charge", "## By time", "The newest way"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the import lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(string(md), "[By tonnage]") || strings.Contains(string(md), "- By") {
		t.Errorf("the import keeps the contents box:\n%s", md)
	}
}
