package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runSplit runs cable's commands in-process, as run does, and returns
// what they print on standard output and on standard error apart.
func runSplit(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	cmd := newRootCommand()
	var out, errOut bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&errOut)
	cmd.SetArgs(args)
	err = cmd.Execute()
	return out.String(), errOut.String(), err
}

// writeFile writes a file for a test, creating its directory.
func writeFile(t *testing.T, path, body string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestImportMarkdownWithAWarning: "cable import" takes a reader's own
// Markdown file whose only problem is a warning, as "cable read" opens
// it: the article is written, its path printed, the warning said on
// stderr as a warning, and the exit status is 0.
func TestImportMarkdownWithAWarning(t *testing.T) {
	typo := writeFile(t, filepath.Join(t.TempDir(), "typo.md"), "---\ntitle: A typo\nautor: X\n---\n\nText.\n")
	lib := t.TempDir()
	out, errOut, err := runSplit(t, "import", typo, "--library", lib)
	if err != nil {
		t.Fatalf("import failed: %v (stderr %q)", err, errOut)
	}
	if want := filepath.Join(lib, "a-typo.md") + "\n"; out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}
	if want := typo + `:3: unknown field "autor" (did you mean "author"?) (warning)` + "\n"; errOut != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	if _, err := os.Stat(filepath.Join(lib, "a-typo.md")); err != nil {
		t.Error(err)
	}
	if strings.Contains(out, "warning") {
		t.Error("the warning went to stdout")
	}
}
