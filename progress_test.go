package main

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// TestProgressText: the line says the address, how much has come and for
// how long, fits the width, and cuts the address rather than a figure.
func TestProgressText(t *testing.T) {
	long := "https://www.example.org/analysis/2026/12/the-long-road-to-a-ceasefire-in-the-caucasus"
	tests := []struct {
		address  string
		count    int
		received int64
		elapsed  time.Duration
		width    int
		want     string
	}{
		{"https://example.org/a", 1, 512, 2 * time.Second, 80, "Fetching https://example.org/a · 512 bytes · 2 s"},
		{"https://example.org/a", 3, 1_250_000, 4500 * time.Millisecond, 80, "Fetching https://example.org/a (3 addresses) · 1.2 MB · 4 s"},
		{"", 1, 0, time.Second, 80, "Fetching … · 0 bytes · 1 s"},
		{long, 1, 48_000, 12 * time.Second, 60, "Fetching https://www.example.org/analysis/2… · 48 kB · 12 s"},
		{long, 2, 48_000, 12 * time.Second, 30, "Fetching (2 addresses) · 48 …"},
	}
	for _, tt := range tests {
		got := progressText(tt.address, tt.count, tt.received, tt.elapsed, tt.width)
		if got != tt.want {
			t.Errorf("progressText(%q, %d, %d, %v, %d) =\n%q\nwant\n%q", tt.address, tt.count, tt.received, tt.elapsed, tt.width, got, tt.want)
		}
		if w := ansi.StringWidth(got); w >= tt.width {
			t.Errorf("%q is %d columns at width %d", got, w, tt.width)
		}
	}
	// Not a terminal: no line, and a nil line does nothing.
	var b strings.Builder
	p := startProgress(&b, 1, time.Millisecond)
	if p != nil {
		t.Fatal("a line on a writer that is no terminal")
	}
	p.received("x", 1)
	p.stop()
}
