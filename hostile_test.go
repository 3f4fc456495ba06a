package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// hostileBound is how long one command may take on one hostile file
// before the test calls it a hang. It is no speed target (those are
// benchmarks): every file here finishes in well under a second.
const hostileBound = 20 * time.Second

// sgr matches the only escape sequences cable writes when printing: colour
// and emphasis (SGR). Anything else in the output came from an article.
var sgr = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// generated adds to the corpus the hostile files too big to keep in the
// repository: lists nested 2,000 deep, a line of a million characters, a
// "word" of a million characters, and a file over the size limit.
func generated(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	var lists strings.Builder
	for i := range 2000 {
		lists.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	files := map[string]string{
		"deep-lists.md": "---\ntitle: Deep lists\n---\n\n" + lists.String(),
		"long-line.md":  "---\ntitle: Long line\n---\n\n" + strings.Repeat("word ", 200_000) + "\n",
		"long-word.md":  "---\ntitle: Long word\n---\n\n" + strings.Repeat("a", 1_000_000) + "\n",
		"too-big.md":    "---\ntitle: Too big\n---\n\n" + strings.Repeat("x", 17<<20),
	}
	var paths []string
	for name, body := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	return paths
}

// TestHostileCorpus runs cable validate and cable read, in every style, on
// every hostile file: none may panic or hang, and none may print an
// escape sequence cable did not write itself.
func TestHostileCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("the hostile corpus takes a few seconds")
	}
	files, err := filepath.Glob("testdata/hostile/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no hostile corpus: %v", err)
	}
	files = append(files, generated(t)...)
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			runBounded(t, "validate", file)
			for _, style := range []string{"notty", "dark", "light"} {
				out := runBounded(t, "read", file, "--style", style)
				rest := out
				if style != "notty" {
					rest = sgr.ReplaceAllString(out, "")
				}
				if i := strings.IndexFunc(rest, isControl); i >= 0 {
					t.Errorf("--style %s printed the control character %q near %q", style, rest[i], rest[max(i-20, 0):min(i+20, len(rest))])
				}
			}
		})
	}
}

// runBounded runs one cable command in-process and returns what it
// printed; an error is fine (a hostile file may be refused), a panic or a
// hang is not.
func runBounded(t *testing.T, args ...string) string {
	t.Helper()
	type result struct {
		out      string
		panicked any
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{panicked: r}
			}
		}()
		out, _ := run(t, args...)
		done <- result{out: out}
	}()
	select {
	case r := <-done:
		if r.panicked != nil {
			t.Fatalf("cable %s panicked: %v", strings.Join(args, " "), r.panicked)
		}
		return r.out
	case <-time.After(hostileBound):
		t.Fatalf("cable %s did not finish in %v", strings.Join(args, " "), hostileBound)
	}
	return ""
}

// isControl reports the characters a terminal obeys: C0 controls but tab
// and newline, DEL and C1 controls.
func isControl(r rune) bool {
	return (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r < 0xa0)
}
