package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestTheStatusLineSaysTheNewestState presses keys that each leave a
// passing message and then change what it describes: the status line
// must describe what is on screen at once, not two seconds later when the
// message's timer runs out (no timer runs here).
func TestTheStatusLineSaysTheNewestState(t *testing.T) {
	tests := []struct {
		name    string
		keys    []string
		want    func(m Model) string // what the status line must end with
		notWant string
	}{
		{
			name:    "names-then-n",
			keys:    []string{"i", "enter", "n", "n", "n"},
			want:    func(m Model) string { return m.reader.findStatus() },
			notWant: "match 1/",
		},
		{
			name:    "not-found-then-found",
			keys:    []string{"/", "x", "y", "z", "z", "y", "enter", "/", "I", "r", "a", "n", "enter"},
			want:    func(m Model) string { return m.reader.findStatus() },
			notWant: "Not found",
		},
		{
			name:    "first-section-then-away",
			keys:    []string{"[", "G"},
			want:    func(Model) string { return "? help" },
			notWant: "This is the first section.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := openSeed(t, 100, 30)
			for _, k := range tt.keys {
				m, _ = press(t, m, k)
			}
			got := statusOf(m)
			if want := tt.want(m); !strings.Contains(got, want) || strings.Contains(got, tt.notWant) {
				t.Errorf("after %s the status says %q, want %q and no %q", strings.Join(tt.keys, " "), got, want, tt.notWant)
			}
			golden.RequireEqualEscape(t, []byte(m.View()), true)
		})
	}
	m := openSeed(t, 100, 30)
	for _, k := range []string{"i", "enter", "n", "n", "n"} {
		m, _ = press(t, m, k)
	}
	if want := fmt.Sprintf("match %d/", m.reader.find.current+1); m.reader.find.current != 3 || !strings.Contains(statusOf(m), want) {
		t.Errorf("three n after a name: match %d, status %q", m.reader.find.current+1, statusOf(m))
	}
}
