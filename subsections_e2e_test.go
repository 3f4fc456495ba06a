package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// reportShape is a report as imported ones read: a cover text, six
// chapters ("##") and several sub-sections ("###") in each.
var reportShape = []struct {
	chapter string
	subs    []string
}{
	{"Introduction", []string{"Scope of the inquiry", "Method and sources"}},
	{"Regional setting", []string{"Borders and corridors", "Energy routes", "Arms and industry"}},
	{"Findings", []string{"Trade", "Security cooperation", "Public opinion"}},
	{"Risks", []string{"Escalation with Iran", "Domestic politics"}},
	{"Scenarios", []string{"Continuity", "Rupture", "Realignment"}},
	{"Recommendations", []string{"For governments", "For investors"}},
}

// reportArticle writes the report, each part a few paragraphs long.
func reportArticle(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("---\ntitle: The Caspian Corridor Report\nauthor: Policy Unit\n---\n")
	b.WriteString("\nThis report was prepared for the annual review of the corridor's trade, security and politics.\n")
	para := func(what string) {
		for i := range 2 {
			fmt.Fprintf(&b, "\nParagraph %d of %s. %s\n", i+1, what, strings.Repeat("The delegations agree on free passage but not on who pays for the pilots. ", 3))
		}
	}
	for _, c := range reportShape {
		fmt.Fprintf(&b, "\n## %s\n", c.chapter)
		para(c.chapter)
		for _, s := range c.subs {
			fmt.Fprintf(&b, "\n### %s\n", s)
			para(s)
		}
	}
	path := filepath.Join(t.TempDir(), "report.md")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestEndToEndSubsectionsOfAReport walks a report in the real binary: }
// puts every heading, chapter and sub-section, on the top line in order,
// the status line naming it (§3.2/7); ] still goes by chapter; t lists the
// sub-sections under their chapters, folded to the chapter being read on
// a screen too short for all, z unfolds them and enter goes to one; at 140
// columns T lists them beside the text; m names the sub-section.
func TestEndToEndSubsectionsOfAReport(t *testing.T) {
	t.Parallel()
	s := startCableIn(t, newHome(t), 80, 24, reportArticle(t))
	s.waitUntil("the report's opening", patience, func(rows []string) bool {
		return strings.HasPrefix(strings.TrimSpace(statusLine(rows)), "§1/7 Opening · ")
	})
	at := func(place, heading string) []string {
		t.Helper()
		return s.waitUntil(fmt.Sprintf("%s %q at the top", place, heading), patience, func(rows []string) bool {
			return strings.HasPrefix(strings.TrimSpace(statusLine(rows)), place+"/7 "+heading+" · ") &&
				strings.TrimLeft(firstTextLine(rows), "# ") == heading
		})
	}
	for i, c := range reportShape {
		s.sendKey("}")
		at(fmt.Sprintf("§%d", i+2), c.chapter)
		for j, sub := range c.subs {
			s.sendKey("}")
			at(fmt.Sprintf("§%d.%d", i+2, j+1), sub)
		}
	}
	s.sendKey("}")
	s.waitFor("This is the last sub-section.", patience)

	// ] and [ by chapter, from inside a sub-section.
	s.sendKey("g")
	s.waitUntil("the top", patience, func(rows []string) bool {
		return strings.HasPrefix(strings.TrimSpace(statusLine(rows)), "§1/7 Opening · ")
	})
	s.sendKey("]")
	at("§2", "Introduction")
	s.sendKey("]")
	at("§3", "Regional setting")
	s.sendKey("}")
	at("§3.1", "Borders and corridors")
	s.sendKey("}")
	at("§3.2", "Energy routes")
	s.sendKey("]")
	at("§4", "Findings")
	s.sendKey("[")
	at("§3", "Regional setting")
	s.sendKey("}")
	s.sendKey("}")
	at("§3.2", "Energy routes")

	// The contents, folded to chapter 3 at 80×24, then unfolded.
	s.sendKey("t")
	rows := s.waitFor("z all sub-sections", patience)
	screen := strings.Join(rows, "\n")
	for _, want := range []string{"3.1  Borders and corridors", "› ", "3.2  Energy routes", "4  Findings  +3"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the folded contents lack %q:\n%s", want, dump(rows))
		}
	}
	if strings.Contains(screen, "2.1  Scope") {
		t.Errorf("the folded contents show chapter 2's sub-sections:\n%s", dump(rows))
	}
	s.sendKey("z")
	rows = s.waitFor("z fold", patience)
	if !strings.Contains(strings.Join(rows, "\n"), "2.1  Scope of the inquiry") {
		t.Errorf("z did not list every sub-section:\n%s", dump(rows))
	}
	for range 4 { // 3.3, 4, 4.1, 4.2
		s.sendKey("j")
	}
	s.waitUntil("the cursor on 4.2", patience, func(rows []string) bool {
		return strings.Contains(strings.Join(rows, "\n"), "Contents  11/22 · j/k")
	})
	s.sendKey("Enter")
	at("§4.2", "Security cooperation")

	// m names the sub-section.
	s.sendKey("m")
	s.waitFor("Bookmark label", patience)
	s.sendKey("Enter")
	s.waitFor("Bookmarked §4.2.", patience)

	// Beside the text at 140 columns.
	s.resize(140, 40)
	s.waitUntil("the reader at 140×40", patience, func(rows []string) bool {
		return len(rows) == 40 && strings.HasSuffix(strings.TrimSpace(statusLine(rows)), "? help") && len(statusLine(rows)) > 100
	})
	s.sendKey("T")
	rows = s.waitFor("  4 Findings", patience)
	screen = strings.Join(rows, "\n")
	for _, want := range []string{"    4.2 Security cooperation", "    2.1 Scope of the inquiry", "  7 Recommendations"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the side contents at 140×40 lack %q:\n%s", want, dump(rows))
		}
	}
	s.sendKey("{")
	s.waitUntil("§4.1 at the top, beside the contents", patience, func(rows []string) bool {
		return strings.HasPrefix(strings.TrimSpace(statusLine(rows)), "§4.1/7 Trade · ") && strings.HasSuffix(rows[textTop], "### Trade")
	})
}
