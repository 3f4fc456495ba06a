package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"cable/config"
	"cable/render"

	"github.com/charmbracelet/x/exp/golden"
)

func writeConfig(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReboundLibraryKeysWork(t *testing.T) {
	c, err := config.Load(writeConfig(t, "library_keys:\n  sort: S\n  down: n\n"), Keymaps())
	if err != nil {
		t.Fatal(err)
	}
	ctx := testContext(render.StyleDark, 80, 24)
	ctx.LibraryKeys = c.LibraryKeys
	m := startModel(t, ctx)
	m, _ = press(t, m, "n")
	if got := m.library.list.Index(); got != 1 {
		t.Errorf("n (rebound down) left the cursor on %d", got)
	}
	m, _ = press(t, m, "S")
	if m.library.order != byTitle {
		t.Errorf("S (rebound sort) left the order at %v", m.library.order)
	}
	m, _ = press(t, m, "s")
	if m.library.order != byTitle {
		t.Errorf("s still sorts after rebinding")
	}
	m, _ = press(t, m, "?")
	if help := strings.Join(screenLines(m), "\n"); !regexp.MustCompile(`\bS +sort`).MatchString(help) {
		t.Errorf("the help does not show S for sort:\n%s", help)
	}
}

// TestAKeyTakenFromItsDefaultAction: "sort: o" takes o from open_url,
// which has no other key: o sorts, and the help no longer lists o for the
// original address.
func TestAKeyTakenFromItsDefaultAction(t *testing.T) {
	c, err := config.Load(writeConfig(t, "library_keys:\n  sort: o\n"), Keymaps())
	if err != nil {
		t.Fatal(err)
	}
	ctx := testContext(render.StyleDark, 100, 30)
	ctx.LibraryKeys = c.LibraryKeys
	m := startModel(t, ctx)
	m, _ = press(t, m, "o")
	if m.library.order != byTitle {
		t.Errorf("o (rebound sort) left the order at %v", m.library.order)
	}
	m, _ = press(t, m, "?")
	help := strings.Join(screenLines(m), "\n")
	if !regexp.MustCompile(`\bo +sort`).MatchString(help) || strings.Contains(help, "original") {
		t.Errorf("the help should show o for sort and nothing for the original address:\n%s", help)
	}
}

func TestReboundKeysWorkAndShowInTheHelp(t *testing.T) {
	c, err := config.Load(writeConfig(t, "keys:\n  next_section: J\n  previous_section: K\n"), Keymaps())
	if err != nil {
		t.Fatal(err)
	}
	ctx := testContext(render.StyleDark, 100, 30)
	ctx.Keys = c.Keys
	m := open(t, startModel(t, ctx), "azerbaijan-israel-relations")
	m, _ = press(t, m, "J")
	m, _ = press(t, m, "J")
	if got := firstTextLine(m); got != "## Wary of provoking Iran" {
		t.Fatalf("J J: top line %q", got)
	}
	m, _ = press(t, m, "]")
	if got := firstTextLine(m); got != "## Wary of provoking Iran" {
		t.Errorf("] still jumps after rebinding: %q", got)
	}
	m, _ = press(t, m, "K")
	if got := firstTextLine(m); got != "## A periphery strategy" {
		t.Errorf("K: top line %q", got)
	}
	m, _ = press(t, m, "?")
	help := strings.Join(screenLines(m), "\n")
	if !strings.Contains(help, "J      next section") || !strings.Contains(help, "K      previous section") {
		t.Errorf("the help does not show the new keys:\n%s", help)
	}
}

func TestReadingSpeedGivesTheMinutes(t *testing.T) {
	ctx := testContext(render.StyleDark, 100, 30)
	ctx.WordsPerMinute = 100
	m := startModel(t, ctx)
	e, _ := ctx.Catalog.Find("azerbaijan-israel-relations")
	want := "Eldar Mamedov · " + strconv.Itoa((e.Summary.Words+99)/100) + " min"
	if screen := strings.Join(screenLines(m), "\n"); !strings.Contains(screen, want) {
		t.Errorf("the library does not say %q:\n%s", want, screen)
	}
	m = open(t, m, "azerbaijan-israel-relations")
	pct, _ := strconv.Atoi(regexp.MustCompile(`(\d+)%`).FindStringSubmatch(statusOf(m))[1])
	left := e.Summary.Words * (100 - pct) / 100
	if want := strconv.Itoa((left+99)/100) + " min left"; !strings.Contains(statusOf(m), want) {
		t.Errorf("status %q, want %q", statusOf(m), want)
	}
}

// TestAReboundSpaceShowsAsSpaceInTheHelp gives the space bar to
// next_section: the help must name it "space", not show a blank.
func TestAReboundSpaceShowsAsSpaceInTheHelp(t *testing.T) {
	c, err := config.Load(writeConfig(t, "keys:\n  next_section: space\n  page_down: [pgdown, alt+space]\n"), Keymaps())
	if err != nil {
		t.Fatal(err)
	}
	ctx := testContext(render.StyleDark, 100, 30)
	ctx.Keys = c.Keys
	m := open(t, startModel(t, ctx), "azerbaijan-israel-relations")
	m, _ = press(t, m, "space")
	if got := firstTextLine(m); got != "## A periphery strategy" {
		t.Fatalf("space (rebound next section): top line %q", got)
	}
	m, _ = press(t, m, "?")
	help := strings.Join(screenLines(m), "\n")
	if !regexp.MustCompile(`\bspace +next section`).MatchString(help) || !regexp.MustCompile(`pgdown/alt\+space +page down`).MatchString(help) {
		t.Errorf("the help does not name the space bar:\n%s", help)
	}
	golden.RequireEqualEscape(t, []byte(m.View()), true)
}
