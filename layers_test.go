package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLayers keeps the arrows between cable's packages pointing one way,
// as "go list" sees the imports: the packages the printing commands use
// never link Bubble Tea or Bubbles, the article format imports nothing of
// cable's, and the library never imports the screens.
func TestLayers(t *testing.T) {
	if testing.Short() {
		t.Skip("go list takes a second")
	}
	tests := []struct {
		pkg       string
		forbidden []string // import path prefixes
	}{
		{"cable/render", []string{"github.com/charmbracelet/bubbletea", "github.com/charmbracelet/bubbles", "cable/ui"}},
		{"cable/articles", []string{"cable/"}},
		{"cable/library", []string{"cable/ui", "github.com/charmbracelet/bubbletea", "github.com/charmbracelet/bubbles"}},
	}
	for _, tt := range tests {
		out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", tt.pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", tt.pkg, err)
		}
		for _, dep := range strings.Fields(string(out)) {
			if dep == tt.pkg {
				continue
			}
			for _, f := range tt.forbidden {
				if dep == strings.TrimSuffix(f, "/") || strings.HasPrefix(dep, strings.TrimSuffix(f, "/")+"/") {
					t.Errorf("%s depends on %s", tt.pkg, dep)
				}
			}
		}
	}
}
