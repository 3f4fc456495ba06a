package ui

import (
	"testing"

	"cable/render"
)

func TestTextWidthAndMargin(t *testing.T) {
	tests := []struct{ term, measure, width, margin int }{
		{80, 80, 80, 0}, {100, 80, 80, 10}, {200, 80, 80, 60}, {60, 80, 60, 0},
		{120, 0, 120, 0}, {121, 72, 72, 24}, {1, 80, 1, 0},
	}
	for _, tt := range tests {
		w := render.TextWidth(tt.term, tt.measure)
		if m := leftMargin(tt.term, w); w != tt.width || m != tt.margin {
			t.Errorf("term %d measure %d: width %d margin %d, want %d %d", tt.term, tt.measure, w, m, tt.width, tt.margin)
		}
	}
}

func TestPercentRead(t *testing.T) {
	tests := []struct{ top, height, total, want int }{
		{0, 10, 100, 10}, {45, 10, 100, 55}, {90, 10, 100, 100}, {95, 10, 100, 100}, {0, 30, 20, 100}, {0, 10, 0, 100},
	}
	for _, tt := range tests {
		if got := percentRead(tt.top, tt.height, tt.total); got != tt.want {
			t.Errorf("percentRead(%d, %d, %d) = %d, want %d", tt.top, tt.height, tt.total, got, tt.want)
		}
	}
}

func TestStatusLayout(t *testing.T) {
	tests := []struct {
		left, right string
		width       int
		want        string
	}{
		{"§1/8 Opening", "? help", 30, " §1/8 Opening          ? help "},
		{"§1/8 Opening", "t contents • ? help", 24, " §1/8 Opening  t conte… "},
		{"§1/8 Opening", "? help", 16, " §1/8 Opening   "},
		{"§1/8 A very long section title", "? help", 20, " §1/8 A very long…"},
	}
	for _, tt := range tests {
		if got := statusLayout(tt.left, tt.right, tt.width); got != tt.want {
			t.Errorf("statusLayout(%q, %q, %d) = %q, want %q", tt.left, tt.right, tt.width, got, tt.want)
		}
	}
}
