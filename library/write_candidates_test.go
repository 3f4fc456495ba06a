package library

import (
	"path/filepath"
	"slices"
	"testing"
)

// TestCandidates: the names a saved article may take, in the order
// writeUnique and writeExclusive try them, and how many.
func TestCandidates(t *testing.T) {
	var got []string
	for p := range candidates("lib", "essay.md") {
		got = append(got, p)
		if len(got) == 3 {
			break
		}
	}
	want := []string{filepath.Join("lib", "essay.md"), filepath.Join("lib", "essay-2.md"), filepath.Join("lib", "essay-3.md")}
	if !slices.Equal(got, want) {
		t.Errorf("candidates %v, want %v", got, want)
	}
	n, last := 0, ""
	for p := range candidates("lib", "essay.md") {
		n, last = n+1, p
	}
	if n != maxCandidates || last != filepath.Join("lib", "essay-10000.md") {
		t.Errorf("%d candidates ending with %s", n, last)
	}
}
