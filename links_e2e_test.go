package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEndToEndNumberedLinks reads the article dense with links in the real
// binary, with "links: numbered" in the configuration file, at 60
// columns: the numbers stand after the links' texts, no address of a link
// with text of its own is in the prose, the figure is one line, and L
// marks the links on screen with the numbers the text shows.
func TestEndToEndNumberedLinks(t *testing.T) {
	t.Parallel()
	h := newHome(t)
	config := filepath.Join(h.xdg("XDG_CONFIG_HOME"), "cable")
	if err := os.MkdirAll(config, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(config, "config.yaml"), []byte("links: numbered\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	page, err := filepath.Abs("render/testdata/links.md")
	if err != nil {
		t.Fatal(err)
	}
	s := startCableIn(t, h, 60, 30, page)
	rows := s.waitFor("Mugabe¹", patience)
	screen := strings.Join(rows, "\n")
	for _, want := range []string{"Grace²", "[Figure: Soldiers on the streets of Harare", "Chatham House¹⁰", "[Figure]¹³"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the screen lacks %q:\n%s", want, dump(rows))
		}
	}
	if strings.Contains(screen, "telegraph.co.uk") || strings.Contains(screen, "theguardian.com") {
		t.Errorf("an address stands in the prose:\n%s", dump(rows))
	}
	s.sendKey("L")
	rows = s.waitFor("Links", patience)
	screen = strings.Join(rows, "\n")
	if !strings.Contains(screen, "▸  1  Robert Mugabe  http://www.telegraph.co.uk/") || !strings.Contains(screen, "▸ 13  Figure  https://www.telegraph.co.uk/") {
		t.Errorf("L does not list the links on screen, marked, with the text's numbers:\n%s", dump(rows))
	}
}
