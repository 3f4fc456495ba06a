package ui

import (
	"strings"
	"testing"
)

func TestCutWords(t *testing.T) {
	tests := []struct {
		s     string
		width int
		want  string
	}{
		{"Text width: 72 columns.", 40, "Text width: 72 columns."},
		{"Eldar Mamedov · 9 min · 8 sections · finished · bundle", 40, "Eldar Mamedov · 9 min · 8 sections…"},
		{"Eldar Mamedov · 9 min · 8 sections · finished", 36, "Eldar Mamedov · 9 min · 8 sections…"},
		{"Opened https://example.org/a/very/long/address/indeed", 30, "Opened https://example.org/a/…"},
		{"Supercalifragilistic", 8, "Superca…"},
		{"ab", 1, "a"},
	}
	for _, tt := range tests {
		if got := cutWords(tt.s, tt.width); got != tt.want {
			t.Errorf("cutWords(%q, %d) = %q, want %q", tt.s, tt.width, got, tt.want)
		}
	}
}

func TestWrapWords(t *testing.T) {
	tests := []struct {
		s               string
		width, maxLines int
		want            string
	}{
		{"Assessing a Decade of Pressure", 40, 3, "Assessing a Decade of Pressure"},
		{"Assessing a Decade of Pressure", 16, 3, "Assessing a|Decade of|Pressure"},
		{"Assessing a Decade of Pressure", 16, 2, "Assessing a|Decade of…"},
		{"Assessing a Decade of Pressure", 18, 1, "Assessing a…"},
	}
	for _, tt := range tests {
		if got := strings.Join(wrapWords(tt.s, tt.width, tt.maxLines), "|"); got != tt.want {
			t.Errorf("wrapWords(%q, %d, %d) = %q, want %q", tt.s, tt.width, tt.maxLines, got, tt.want)
		}
	}
}

func TestCutParts(t *testing.T) {
	tests := []struct {
		s     string
		width int
		want  string
	}{
		{"Eldar Mamedov · 4 min · 8 sections", 40, "Eldar Mamedov · 4 min · 8 sections"},
		{"Carrie Arnold and Jeff Foust · The Regional Review · 1 min · 12 sections", 52, "Carrie Arnold and Jeff Foust · The Regional Review…"},
		{"Eldar Mamedov · 4 min · bundled — Azerbaijan and Israel are pragmatic partners", 60, "Eldar Mamedov · 4 min · bundled — Azerbaijan and Israel are…"},
		{"A very long author name that fills the line · 4 min", 20, "A very long author…"},
	}
	for _, tt := range tests {
		if got := cutParts(tt.s, tt.width); got != tt.want {
			t.Errorf("cutParts(%q, %d) = %q, want %q", tt.s, tt.width, got, tt.want)
		}
	}
}
