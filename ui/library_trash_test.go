package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cable/library"
	"cable/render"
)

// pieceWithAddress is an article of the reader's own, with an original
// address and a publication.
const pieceWithAddress = `---
title: A piece of the reader's own
author: Ada Author
source: Responsible Statecraft
url: https://www.responsiblestatecraft.org/a-piece/
---

Its only paragraph.
`

// libraryContext is a context whose catalog lists the bundle and a
// library directory holding pieceWithAddress, keeps state in a database,
// and deletes to a trash, all in temporary directories.
func libraryContext(t *testing.T, w, h int) (*Context, string) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "piece.md")
	if err := os.WriteFile(path, []byte(pieceWithAddress), 0o644); err != nil {
		t.Fatal(err)
	}
	cat, err := library.OpenCatalog(library.Options{Sources: library.Sources{Bundle: mustBundle(), Dirs: []string{dir}},
		DBPath: filepath.Join(t.TempDir(), "cable.db")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cat.Close() })
	ctx := newTestContext(render.StyleDark)
	ctx.Width, ctx.Height = w, h
	ctx.Catalog = cat
	ctx.Trash = &library.Trash{Dir: filepath.Join(t.TempDir(), "trash")}
	return ctx, path
}

// selectArticle puts the library's cursor on the article with an ID.
func selectArticle(t *testing.T, m Model, id string) Model {
	t.Helper()
	for i, it := range m.library.list.VisibleItems() {
		if e, ok := it.(entryItem); ok && e.entry.Summary.ID == id {
			m.library.list.Select(i)
			return m
		}
	}
	t.Fatalf("the library does not list %s", id)
	return m
}

func listsArticle(m Model, id string) bool {
	for _, it := range m.library.list.Items() {
		if e, ok := it.(entryItem); ok && e.entry.Summary.ID == id {
			return true
		}
	}
	return false
}

// TestLibraryDeletesToTheTrash: D asks first, and any answer but y keeps
// the article; y moves its file to the trash, says how to have it back,
// and the library lists it no more. A bundled article is not deleted.
func TestLibraryDeletesToTheTrash(t *testing.T) {
	ctx, path := libraryContext(t, 100, 30)
	m := selectArticle(t, startModel(t, ctx), "piece")
	m = pressAll(t, open(t, m, "piece"), "q") // read: the library holds its reading
	if _, ok := m.library.readings[path]; !ok {
		t.Fatal("no reading for the article read")
	}
	m, _ = press(t, m, "D")
	if got := statusOf(m); got != "Delete “A piece of the reader's own”? Its file goes to the trash. y/n" {
		t.Errorf("D asks %q", got)
	}
	m, cmd := press(t, m, "n")
	m = settle(t, m, cmd)
	if _, err := os.Stat(path); err != nil || statusOf(m) != "Not deleted." {
		t.Errorf("n deleted the article (%v), or said %q", err, statusOf(m))
	}
	// A key that leads elsewhere answers the question, and goes nowhere.
	m, _ = press(t, m, "D")
	m, cmd = press(t, m, "'")
	m = settle(t, m, cmd)
	if m.screen != libraryScreen || statusOf(m) != "Not deleted." {
		t.Errorf("' answering D's question showed screen %d, said %q", m.screen, statusOf(m))
	}

	// A message that comes meanwhile does not hide the question: it
	// stays on the status line until it is answered.
	m, _ = press(t, m, "D")
	m, _ = update(m, libraryNoticeMsg{text: "Copied to the clipboard: x"})
	if !strings.Contains(statusOf(m), "Its file goes to the trash. y/n") {
		t.Errorf("a message hid the question: %q", statusOf(m))
	}
	m, cmd = press(t, m, "y")
	m = settle(t, m, cmd)
	if got := statusOf(m); got != "Moved to the trash: cable restore piece" {
		t.Errorf("after y the library says %q", got)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("the file is still in the library: %v", err)
	}
	if listsArticle(m, "piece") {
		t.Error("the library still lists the deleted article")
	}
	if _, ok := m.library.readings[path]; ok {
		t.Error("the library keeps the deleted article's reading at its path, for the next file there")
	}
	if in, _ := ctx.Trash.List(); len(in) != 1 || in[0].Path != path {
		t.Errorf("the trash holds %+v", in)
	}

	m = selectArticle(t, m, "reading-with-cable")
	m, _ = press(t, m, "D")
	if m.library.triage.ask != nil || !strings.Contains(statusOf(m), "is bundled with cable") {
		t.Errorf("D on a bundled article: asked %v, said %q", m.library.triage.ask != nil, statusOf(m))
	}
}

// TestOpenTheOriginalAddress: o opens the article's address with the
// opener L's links use, in the library and in the reader, or copies it
// where there is no opener; an article without one says so.
func TestOpenTheOriginalAddress(t *testing.T) {
	const address = "https://www.responsiblestatecraft.org/a-piece/"
	bin := t.TempDir()
	opened := filepath.Join(bin, "opened")
	script := "#!/bin/sh\nprintf '%s' \"$1\" > " + opened + "\n"
	if err := os.WriteFile(filepath.Join(bin, "xdg-open"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, screen := range []string{"library", "reader"} {
		t.Run(screen, func(t *testing.T) {
			ctx, _ := libraryContext(t, 100, 30)
			m := selectArticle(t, startModel(t, ctx), "piece")
			if screen == "reader" {
				m = open(t, m, "piece")
			}
			// No opener: copied, as L copies.
			t.Setenv("PATH", "")
			var out bytes.Buffer
			m.ctx.Output = &out
			m, cmd := press(t, m, "o")
			m = settle(t, m, cmd)
			if out.String() != osc52(address) || !strings.Contains(statusOf(m), "Copied to the clipboard: "+address) {
				t.Errorf("without an opener: wrote %q, said %q", out.String(), statusOf(m))
			}
			// An opener: handed the address.
			os.Remove(opened)
			t.Setenv("PATH", bin)
			m, cmd = press(t, m, "o")
			m = settle(t, m, cmd)
			if !strings.Contains(statusOf(m), "Opened "+address) {
				t.Errorf("with an opener the status says %q", statusOf(m))
			}
			if got := waitForFile(t, opened); got != address {
				t.Errorf("the opener was given %q", got)
			}
		})
	}
	// Without an address.
	m := selectArticle(t, startModel(t, testContext(render.StyleDark, 100, 30)), "azerbaijan-israel-relations")
	m, _ = press(t, m, "o")
	if statusOf(m) != noAddress {
		t.Errorf("o in the library on an article without an address: %q", statusOf(m))
	}
	m = open(t, m, "azerbaijan-israel-relations")
	m, _ = press(t, m, "o")
	if !strings.Contains(statusOf(m), noAddress) {
		t.Errorf("o in the reader on an article without an address: %q", statusOf(m))
	}
}

// waitForFile reads a file a program started in the background writes:
// it is started, not waited for, as the browser is.
func waitForFile(t *testing.T, path string) string {
	t.Helper()
	for range 200 {
		if data, err := os.ReadFile(path); err == nil && len(data) > 0 {
			return string(data)
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatalf("%s was never written", path)
	return ""
}
