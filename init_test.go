package main

import (
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"testing"
)

// TestRulesAreCompiledWhenUsed: every command pays for the initialisation
// of every package linked, and most never import a page or a PDF, so the
// expressions of extract's and pdf's rules are compiled when first used
// (internal/lazyre), not at start. Each was over 280 KB of allocation at
// start, a few milliseconds of every command; here, as Go's own init
// trace counts them, a package may allocate 16 KB at start.
func TestRulesAreCompiledWhenUsed(t *testing.T) {
	if testing.Short() {
		t.Skip("builds cable")
	}
	cmd := exec.Command(cableBinary(t), "--version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("cable --version: %v\n%s", err, out)
	}
	line := regexp.MustCompile(`(?m)^init (cable/\S+) @.* ([0-9]+) bytes, [0-9]+ allocs$`)
	seen := map[string]bool{}
	for _, m := range line.FindAllStringSubmatch(string(out), -1) {
		pkg := m[1]
		if pkg != "cable/pdf" && pkg != "cable/extract" {
			continue
		}
		seen[pkg] = true
		if n, _ := strconv.Atoi(m[2]); n > 16<<10 {
			t.Errorf("%s allocates %d bytes at start", pkg, n)
		}
	}
	for _, pkg := range []string{"cable/pdf", "cable/extract"} {
		if !seen[pkg] {
			t.Errorf("no init trace of %s:\n%s", pkg, out)
		}
	}
}
