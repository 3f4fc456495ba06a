package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// deskPiece is an article of the reader's own, in three sections.
var deskPiece = `---
title: Sanctions and their limits
author: Ada Author
source: Responsible Statecraft
url: https://responsiblestatecraft.org/sanctions-limits/
---

Sanctions rarely change a regime. They change its trade.

## What they cost

Every round of sanctions has a cost at home, in prices and in allies.

## What they change

The trade moves to other routes, and the regime learns to live with it.
` + deskPadding

// deskPadding is more of the last section than a screen holds, so that
// reading to it does not finish the article.
var deskPadding = strings.Repeat("\nA paragraph more on the routes the trade takes, long enough to wrap on a narrow screen.\n", 40)

// TestEndToEndDeleteAndRestore walks D as a reader would: a highlight in
// an article of their own, D and y in the library, the article gone from
// the list and from the library directory; "cable restore" lists it, and
// "cable restore ID" brings it back, opened again at its place with its
// highlight drawn.
func TestEndToEndDeleteAndRestore(t *testing.T) {
	h := newHome(t)
	lib := filepath.Join(h.xdg("XDG_DATA_HOME"), "cable", "articles")
	path := filepath.Join(lib, "sanctions.md")
	if err := os.MkdirAll(lib, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(deskPiece), 0o644); err != nil {
		t.Fatal(err)
	}
	s := startCableIn(t, h, 100, 30, "--style", "notty")
	s.waitFor("Sanctions and their limits", patience)
	s.sendKey("/")
	s.typeInto("", "sanctions")
	s.sendKey("Enter")
	s.sendKey("Enter")
	s.waitFor("Responsible Statecraft · responsiblestatecraft.org", patience)
	s.sendKey("]")
	s.sendKey("]")
	s.waitFor("§3/3 What they change", patience)
	s.sendKey("y")
	s.waitFor("⟦The trade moves", patience)
	s.sendKey("q")
	s.waitFor("Continue reading: Sanctions", patience)
	s.sendKey("D")
	s.waitFor("Delete “Sanctions and their limits”? Its file goes to the trash. y/n", patience)
	s.sendKey("y")
	s.waitFor("Moved to the trash: cable restore sanctions", patience)
	rows := s.waitUntil("the library without the article", patience, func(rows []string) bool {
		return !strings.Contains(strings.Join(rows[:len(rows)-1], "\n"), "Sanctions and their limits")
	})
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("the file is still in the library (%v):\n%s", err, dump(rows))
	}
	s.sendKey("Escape") // the filter
	s.waitUntil("the library", patience, libraryShown)
	s.sendKey("q")
	s.waitFor(exitMarker+"0", patience)

	if out := runIn(t, h, "restore"); !strings.HasPrefix(out, "sanctions\tSanctions and their limits\t"+path+"\tdeleted ") {
		t.Errorf("cable restore lists:\n%s", out)
	}
	if out := runIn(t, h, "restore", "sanctions"); out != "sanctions: back at "+path+"\n" {
		t.Errorf("cable restore sanctions printed %q", out)
	}
	s = startCableIn(t, h, 80, 24, "--style", "notty")
	s.waitFor("Continue reading: Sanctions and their limits", patience)
	s.sendKey("c")
	rows = s.waitFor("§3/3 What they change", patience)
	if !strings.Contains(strings.Join(rows, "\n"), "⟦The trade moves") {
		t.Errorf("the restored article is not drawn with its highlight:\n%s", dump(rows))
	}
	s.sendKey("q")
	s.waitUntil("the library", patience, libraryShown)
	s.sendKey("q")
	s.waitFor(exitMarker+"0", patience)
}

// TestEndToEndDeskWalk is issue 22's walk: a sentence of the seed
// highlighted with a note (v, ), enter, the note, enter); cable started
// again at another width, without colour, draws it, and the library's H
// lists it and opens the article at it; "cable highlights --format md"
// exports it; "cable archive" puts the article aside, and the library's
// A finds it there and opens it where it was left.
func TestEndToEndDeskWalk(t *testing.T) {
	h := newHome(t)
	s := startCableIn(t, h, 100, 30)
	s.openSeed()
	s.sendKey("]")
	s.waitFor("§2/8 A periphery strategy", patience)
	s.sendKey("v")
	s.sendKey(")")
	s.sendKey("Enter")
	s.waitFor("Note (", patience)
	s.typeInto("", "periphery-doctrine")
	s.sendKey("Enter")
	s.waitFor("Note saved.", patience)
	s.sendKey("q")
	s.waitUntil("the library", patience, libraryShown)
	s.sendKey("q")
	s.waitFor(exitMarker+"0", patience)

	s = startCableIn(t, h, 70, 26, "--style", "notty")
	s.waitUntil("the library", patience, libraryShown)
	s.sendKey("H")
	// The screen comes first, saying it is gathering the highlights.
	rows, _ := s.poll(patience, func(rows []string) bool {
		screen := strings.Join(rows, "\n")
		return strings.Contains(screen, "Highlights in every article") && !strings.Contains(screen, "Gathering the highlights")
	})
	screen := strings.Join(rows, "\n")
	if !strings.Contains(screen, "How Deep Are Azerbaijan-Israel Relations? · §2 ¶1") || !strings.Contains(screen, "✎ peripher") {
		t.Errorf("the library's H does not list the highlight with its place and note:\n%s", dump(rows))
	}
	s.sendKey("Enter")
	// The first paint may come before the whole rendering, its status
	// line saying "rendering…": wait for the place as well.
	rows, _ = s.poll(patience, func(rows []string) bool {
		return strings.Contains(strings.Join(rows, "\n"), "⟦We must keep in mind") && strings.Contains(statusLine(rows), "§2/8")
	})
	if screen := strings.Join(rows, "\n"); !strings.Contains(screen, "⟧✎") || !strings.Contains(statusLine(rows), "§2/8") {
		t.Errorf("at 70 columns the highlight is not drawn with its note's mark, at §2:\n%s", dump(rows))
	}
	s.sendKey("q")
	s.waitUntil("the library", patience, libraryShown)
	s.sendKey("q")
	s.waitFor(exitMarker+"0", patience)

	out := runIn(t, h, "highlights", "--format", "md")
	for _, want := range []string{"title: \"How Deep Are Azerbaijan-Israel Relations?\"", "> We must keep in mind that neither country is an essential strategic asset for the other.", "periphery-doctrine", "§2"} {
		if !strings.Contains(out, want) {
			t.Errorf("cable highlights --format md does not print %q:\n%s", want, out)
		}
	}
	// Archived, then found under the archive: the library's A.
	if out := runIn(t, h, "archive", "azerbaijan-israel-relations"); out != "azerbaijan-israel-relations: archived\n" {
		t.Errorf("cable archive printed %q", out)
	}
	s = startCableIn(t, h, 70, 26)
	rows = s.waitFor("cable · 1 article", patience)
	if strings.Contains(strings.Join(rows, "\n"), seedTitle) {
		t.Errorf("the archived seed is still in the library:\n%s", dump(rows))
	}
	s.sendKey("A")
	rows = s.waitFor("Archive · 1 article", patience)
	if !strings.Contains(strings.Join(rows, "\n"), seedTitle) {
		t.Errorf("A does not list the archived seed:\n%s", dump(rows))
	}
	s.sendKey("Enter") // opened where it was left, at the highlight
	s.waitFor("§2/8 A periphery strategy", patience)
	s.sendKey("q")
	s.waitFor("Archive · 1 article", patience)
	s.sendKey("q")
	s.waitFor(exitMarker+"0", patience)
}
