package ui

import (
	"testing"

	"github.com/charmbracelet/bubbles/paginator"
)

// TestPaginatorFor: dots while a line holds them, numbers beyond, so that
// a library of 50,000 articles never builds a line of 5,000 dots at every
// frame (which took about a second a key).
func TestPaginatorFor(t *testing.T) {
	tests := []struct {
		n, width, height int
		want             paginator.Type
	}{
		{2, 80, 24, paginator.Dots},
		{60, 80, 24, paginator.Dots},        // 9 pages
		{250, 80, 24, paginator.Dots},       // 36 pages: fits in half the width
		{300, 80, 24, paginator.Arabic},     // 43 pages
		{50000, 100, 30, paginator.Arabic},  // 5,556 pages
		{50000, 400, 100, paginator.Arabic}, // 1,553 pages
		{20, 10, 4, paginator.Arabic},       // one entry a page on a tiny screen
		{0, 80, 24, paginator.Dots},
	}
	for _, tt := range tests {
		if got := paginatorFor(tt.n, tt.width, tt.height); got != tt.want {
			t.Errorf("paginatorFor(%d, %d, %d) = %v, want %v", tt.n, tt.width, tt.height, got, tt.want)
		}
	}
}
