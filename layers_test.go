package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"cable/config"
	"cable/ui"
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
		{"cable", []string{"cable/internal/testsupport"}},
		{"cable/ingest", []string{"cable/ui", "cable/render", "cable/feeds", "github.com/charmbracelet/bubbletea", "github.com/charmbracelet/bubbles"}},
		{"cable/export", []string{"cable/ui", "cable/render", "cable/feeds", "cable/fetch", "github.com/charmbracelet/bubbletea", "github.com/charmbracelet/bubbles", "github.com/charmbracelet/lipgloss"}},
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

// TestConfigListsNoActions: the screens' keymaps are the only place an
// action is named; package config checks the file's keys against the
// table ui.Keymaps exports and keeps no list of its own. No table in
// config's code (a map, slice or struct literal) may hold an action's
// name, unless the name is also a key's ("up", "down").
func TestConfigListsNoActions(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("config", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	actions := actionNames(ui.Keymaps())
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, found := range actionsListed(t, name, src, actions) {
			t.Errorf("%s lists the action %s", name, found)
		}
	}
	// The check finds a table of actions put back.
	table := "package config\n\nfunc ReaderKeymap() Keymap {\n\treturn Keymap{\"next_section\": {\"]\"}, \"down\": {\"j\"}, \"width\": {\"w\"}}\n}\n"
	if got := actionsListed(t, "table.go", []byte(table), actions); len(got) != 2 {
		t.Errorf("a table of actions gave %q, want next_section and width", got)
	}
}

// actionNames are the names of every screen's actions.
func actionNames(keymaps config.Keymaps) map[string]bool {
	names := map[string]bool{}
	for _, keymap := range []config.Keymap{keymaps.Reader, keymaps.Library} {
		for name := range keymap {
			names[name] = true
		}
	}
	return names
}

// actionsListed are the strings in the composite literals of a Go file
// that are the names of actions and not of keys, with their places.
func actionsListed(t *testing.T, name string, src []byte, actions map[string]bool) []string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	ast.Inspect(f, func(n ast.Node) bool {
		lit, ok := n.(*ast.CompositeLit)
		if !ok {
			return true
		}
		ast.Inspect(lit, func(n ast.Node) bool {
			if s, ok := n.(*ast.BasicLit); ok && s.Kind == token.STRING {
				v, _ := strconv.Unquote(s.Value)
				if _, isKey := config.KeyName(v); actions[v] && !isKey {
					found = append(found, fmt.Sprintf("%q at %s", v, fset.Position(s.Pos())))
				}
			}
			return true
		})
		return false
	})
	return found
}

// maxFileLines is the most lines a Go file other than a test may have: a
// longer one holds several things, to be split by what each does.
const maxFileLines = 450

// TestFilesHoldOneThing: no Go file but tests and generated code is
// longer than maxFileLines.
func TestFilesHoldOneThing(t *testing.T) {
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.Contains(string(data), "Code generated") {
			return nil
		}
		if n := strings.Count(string(data), "\n"); n > maxFileLines {
			t.Errorf("%s has %d lines; split it by what each part does (at most %d)", path, n, maxFileLines)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
