package main

import (
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestLayers keeps the arrows between cable's packages pointing one way,
// as "go list" sees the imports: the packages the printing commands use
// never link Bubble Tea or Bubbles, extracting pages knows only the
// article format and fetches nothing, the article format and the HTTP
// client import nothing of cable's, and the library never imports the
// screens.
func TestLayers(t *testing.T) {
	if testing.Short() {
		t.Skip("go list takes a second")
	}
	tests := []struct {
		pkg       string
		forbidden []string // import path prefixes
	}{
		{"cable/render", []string{"github.com/charmbracelet/bubbletea", "github.com/charmbracelet/bubbles", "cable/ui"}},
		{"cable/config", []string{"github.com/charmbracelet/bubbletea", "github.com/charmbracelet/bubbles", "cable/ui"}},
		{"cable/extract", []string{"github.com/charmbracelet/bubbletea", "github.com/charmbracelet/bubbles", "cable/ui", "cable/library", "cable/render", "cable/fetch"}},
		{"cable/fetch", []string{"cable/"}},
		{"cable/articles", []string{"cable/"}},
		{"cable/library", []string{"cable/ui", "github.com/charmbracelet/bubbletea", "github.com/charmbracelet/bubbles"}},
		{"cable/feeds", []string{"cable/ui", "cable/render", "github.com/charmbracelet/bubbletea", "github.com/charmbracelet/bubbles"}},
		{"cable/ui", []string{"cable/feeds", "cable/fetch"}},
		{"cable/ingest", []string{"cable/ui", "cable/render", "cable/feeds", "github.com/charmbracelet/bubbletea", "github.com/charmbracelet/bubbles"}},
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

// TestOnlyTheReaderImportsTheScreens: in package main, only tui.go, which
// starts the interactive reader, imports ui or Bubble Tea; the commands
// that print go through render, config and library alone.
func TestOnlyTheReaderImportsTheScreens(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		if name == "tui.go" || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if path == "cable/ui" || strings.HasPrefix(path, "github.com/charmbracelet/bubble") {
				t.Errorf("%s imports %s; only tui.go may", name, path)
			}
		}
	}
}

// TestOneWayIn: package main saves nothing itself. It imports neither the
// client nor the extraction, and every way in (import and get here, the
// feed updates in feeds) saves through ingest.
func TestOneWayIn(t *testing.T) {
	if testing.Short() {
		t.Skip("go list takes a second")
	}
	imports := func(pkg string) []string {
		out, err := exec.Command("go", "list", "-f", `{{join .Imports " "}}`, pkg).Output()
		if err != nil {
			t.Fatalf("go list %s: %v", pkg, err)
		}
		return strings.Fields(string(out))
	}
	for _, dep := range imports("cable") {
		if dep == "cable/fetch" || dep == "cable/extract" {
			t.Errorf("package main imports %s: fetching and extracting are ingest's", dep)
		}
	}
	for _, pkg := range []string{"cable", "cable/feeds"} {
		if !slices.Contains(imports(pkg), "cable/ingest") {
			t.Errorf("%s does not save through cable/ingest", pkg)
		}
	}
}

// TestPlacesResolvedOnce: the places are settled in one place. No test
// reloads the XDG directories (each command resolves its places from the
// environment as it starts), and the store is opened in one file of one
// package: env.go, through the catalog or alone.
func TestPlacesResolvedOnce(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("*/*.go")
	for _, name := range append(files, more...) {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		test := strings.HasSuffix(name, "_test.go")
		if test && name != "layers_test.go" && strings.Contains(text, "xdg"+".Reload") {
			t.Errorf("%s reloads the XDG directories; testHome gives a test its home", name)
		}
		opens := strings.Contains(text, "library.Open(") || strings.Contains(text, "library.OpenCatalog(")
		if !test && opens && name != "env.go" {
			t.Errorf("%s opens the store; env.go is the one way to it", name)
		}
	}
}
