package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// words_test.go checks that what the commands say is said in cable's own
// words: no count of cobra's, no "1 articles", no decoder's "EOF".

// TestArgumentsSayTheUsage: a command given too few or too many arguments
// says how it is used, in one line of its own, never cobra's "requires at
// least 1 arg(s), only received 0".
func TestArgumentsSayTheUsage(t *testing.T) {
	testHome(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"read"}, `usage: cable read ID|PATH (one article: its ID, as "cable list" shows it, or its file)`},
		{[]string{"read", "a", "b"}, `usage: cable read ID|PATH (one article: its ID, as "cable list" shows it, or its file)`},
		{[]string{"import"}, "usage: cable import PATH... (pages saved from a browser, PDFs, EPUBs, texts, Markdown files, or directories of them)"},
		{[]string{"get"}, "usage: cable get URL... (the addresses of the pages to save)"},
		{[]string{"validate"}, "usage: cable validate PATH... (the article files, or directories of them, to check)"},
		{[]string{"search"}, "usage: cable search QUERY... (the words to find)"},
		{[]string{"feeds", "remove"}, `usage: cable feeds remove NAME|URL (a feed's name, as "cable feeds list" shows it, or its address)`},
		{[]string{"feeds", "import"}, "usage: cable feeds import FILE.opml (a list of feeds, as feed readers export it)"},
		{[]string{"feeds", "add"}, "usage: cable feeds add URL (the address of a feed, or of a page that names one)"},
		{[]string{"config", "x"}, "usage: cable config (it takes no arguments)"},
		{[]string{"quotes", "x"}, "usage: cable quotes [--article ID] [--format md|json] (no other arguments)"},
		{[]string{"feeds", "list", "x"}, "usage: cable feeds list (it takes no arguments)"},
		{[]string{"feeds", "export", "x"}, "usage: cable feeds export (it takes no arguments)"},
		{[]string{"feeds", "follow"}, "usage: cable feeds [add|list|remove|update|import|export] (alone, it lists the feeds)"},
	}
	for _, tt := range tests {
		out, errOut, err := runSplit(t, tt.args...)
		if err == nil || err.Error() != tt.want {
			t.Errorf("cable %s: error %v\nwant %s", strings.Join(tt.args, " "), err, tt.want)
		}
		if _, isUser := err.(userError); !isUser || out != "" || errOut != "" {
			t.Errorf("cable %s: %T, stdout %q, stderr %q; want a user error alone", strings.Join(tt.args, " "), err, out, errOut)
		}
	}
}

// TestImportFileWithoutExtension: a file without an extension is an
// article, as the README says and "cable read" reads it: "cable import"
// takes it as Markdown. One whose first bytes are a binary's or a web
// page's is refused, as "cable read" refuses it; a directory's files
// without an extension are not taken (a folder's README, LICENSE).
func TestImportFileWithoutExtension(t *testing.T) {
	testHome(t)
	dir := t.TempDir()
	notes := writeFile(t, filepath.Join(dir, "notes"), "# Talks in Vienna\n\nThe delegations met again on Tuesday, and agreed on the date of the next round.\n")
	lib := t.TempDir()
	out, errOut, err := runSplit(t, "import", notes, "--library", lib)
	if want := filepath.Join(lib, "talks-in-vienna.md") + "\n"; err != nil || out != want {
		t.Fatalf("import notes: %v, stdout %q, stderr %q; want %q", err, out, errOut, want)
	}
	saved, _ := os.ReadFile(filepath.Join(lib, "talks-in-vienna.md"))
	if !strings.Contains(string(saved), `title: "Talks in Vienna"`) || !strings.Contains(string(saved), "agreed on the date") {
		t.Errorf("saved:\n%s", saved)
	}
	const kinds = `cable reads articles in Markdown (.md, .markdown), and web pages (.html, .htm) and text (.txt), which it converts as "cable import" does`
	binary := writeFile(t, filepath.Join(dir, "program"), "\x7fELF\x00\x00\x01")
	page := writeFile(t, filepath.Join(dir, "page"), "<!DOCTYPE html><html><body><p>Hi</p></body></html>")
	for file, want := range map[string]string{
		binary: binary + ": is not a text file: " + kinds,
		page:   page + ": is a web page without .html in its name: " + kinds,
	} {
		_, errOut, err := runSplit(t, "import", file, "--library", lib)
		if err == nil || strings.TrimSpace(err.Error()) != want {
			t.Errorf("import %s: %v (stderr %q), want %q", filepath.Base(file), err, errOut, want)
		}
	}
	folder := t.TempDir()
	writeFile(t, filepath.Join(folder, "LICENSE"), "Permission is hereby granted, free of charge.\n")
	writeFile(t, filepath.Join(folder, "talk.md"), "# A talk\n\nWords of the talk.\n")
	other := t.TempDir()
	out, _, err = runSplit(t, "import", folder, "--library", other)
	if err != nil || out != filepath.Join(other, "a-talk.md")+"\n" {
		t.Errorf("import of a folder: %v, stdout %q; want its .md alone", err, out)
	}
}

// TestFeedsWordsForOneAndForNoOPML: removing a feed with one article says
// "its 1 article stays"; an OPML import of one feed says "1 feed added";
// a file that is no OPML at all (Markdown, or empty) says so, not "EOF".
func TestFeedsWordsForOneAndForNoOPML(t *testing.T) {
	lib := feedsHome(t)
	srv := newFeedServer(t, "Talks Resume")
	if out, err := run(t, "feeds", "add", srv.URL+"/feed.xml", "--library", lib); err != nil {
		t.Fatalf("add: %v\n%s", err, out)
	}
	if out, err := run(t, "feeds", "update", "--library", lib); err != nil {
		t.Fatalf("update: %v\n%s", err, out)
	}
	if out, err := run(t, "feeds", "remove", "the-straits-review", "--library", lib); err != nil || !strings.Contains(out, "; its 1 article stays.") {
		t.Errorf("remove: %v\n%s", err, out)
	}
	dir := t.TempDir()
	opml := writeFile(t, filepath.Join(dir, "one.opml"), `<opml version="2.0"><body><outline text="FA" xmlUrl="https://fa.example/rss"/></body></opml>`)
	if out, err := run(t, "feeds", "import", opml, "--library", lib); err != nil || !strings.Contains(out, "1 feed added, 0 already followed") {
		t.Errorf("import of one feed: %v\n%s", err, out)
	}
	const notOPML = ": is not an OPML file: an OPML list of feeds, as feed readers export it, is XML that starts <opml>"
	for _, body := range []string{"# Notes\n\nSome text: not a list of feeds.\n", ""} {
		md := writeFile(t, filepath.Join(t.TempDir(), "x.md"), body)
		_, err := run(t, "feeds", "import", md, "--library", lib)
		if err == nil || err.Error() != md+notOPML {
			t.Errorf("import of %q: %v\nwant %s", body, err, md+notOPML)
		}
	}
}
