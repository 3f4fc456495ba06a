package library

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"cable/articles"
)

// TestQuickDigestIsScanDigest: Current's quick look at a library of one
// directory gives the digest scanStates' listing gives (which Sync
// records), or leaves the library to it: for names whose paths sort
// otherwise than their directory's order ("a-b.md" before "a/"),
// accents, upper-case extensions, hidden files and directories, files
// that are no articles, links to a file and to a directory, a link to
// nothing, a pipe, a time too recent to trust, and enough files in
// enough directories to be asked for on every core.
func TestQuickDigestIsScanDigest(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the quick look is Linux's")
	}
	bundle, err := articles.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	base := func(t *testing.T, dir string) {
		for _, p := range []string{"a.md", "a-b.md", "a/x.md", "a/b/c.md", "a b/é.md", "Z.MD", "ab.markdown",
			"a.mdx", "notes.txt", ".hidden.md", ".git/config.md", "a/.draft.md", "empty/.keep"} {
			put(t, filepath.Join(dir, p), article("T "+p, "Words."))
		}
	}
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
		// handled is whether the quick look takes the library on;
		// current, whether a digest can be had of it at all.
		handled, current bool
	}{
		{name: "names in path order", handled: true, current: true, setup: base},
		{name: "a link to a file", handled: true, current: true, setup: func(t *testing.T, dir string) {
			base(t, dir)
			os.Symlink(filepath.Join(dir, "a.md"), filepath.Join(dir, "link.md"))
		}},
		{name: "a link to a directory named as an article", handled: true, setup: func(t *testing.T, dir string) {
			base(t, dir)
			os.Symlink(filepath.Join(dir, "a"), filepath.Join(dir, "dir.md"))
		}},
		{name: "a link to a directory", handled: true, current: true, setup: func(t *testing.T, dir string) {
			base(t, dir)
			os.Symlink(filepath.Join(dir, "a"), filepath.Join(dir, "elsewhere"))
		}},
		{name: "a link to nothing", handled: true, setup: func(t *testing.T, dir string) {
			base(t, dir)
			os.Symlink(filepath.Join(dir, "gone.md"), filepath.Join(dir, "dangling.md"))
		}},
		{name: "written just now", handled: true, setup: func(t *testing.T, dir string) {
			base(t, dir)
			os.WriteFile(filepath.Join(dir, "a", "new.md"), []byte(article("New", "Now.")), 0o644)
		}},
		{name: "a pipe named as an article", setup: func(t *testing.T, dir string) {
			base(t, dir)
			if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
				t.Skip("no pipes here:", err)
			}
		}},
		{name: "many files in many directories", handled: true, current: true, setup: func(t *testing.T, dir string) {
			for d := range 7 {
				for f := range 150 {
					path := filepath.Join(dir, fmt.Sprintf("shelf-%d", d), fmt.Sprintf("%03d-%d.md", f, f%7))
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					writeOld(t, path, article(fmt.Sprint(d, f), "Words."))
				}
			}
			put(t, filepath.Join(dir, "shelf-3.md"), article("Between", "Sorts between shelf-3 and shelf-4."))
		}},
	}
	if os.Getuid() != 0 {
		tests = append(tests, struct {
			name             string
			setup            func(t *testing.T, dir string)
			handled, current bool
		}{name: "a directory that cannot be read", setup: func(t *testing.T, dir string) {
			base(t, dir)
			locked := filepath.Join(dir, "locked")
			put(t, filepath.Join(locked, "b.md"), article("Locked", "Words."))
			os.Chmod(locked, 0)
			t.Cleanup(func() { os.Chmod(locked, 0o755) })
		}})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			tt.setup(t, dir)
			src := Sources{Bundle: bundle, Dirs: []string{dir}}
			racyAfter := time.Now().Add(-racyWindow).UnixNano()
			want, wantOK := scanDigest(bundle, scanStates(src, racyAfter))
			got, ok, handled := quickDigest(src, racyAfter)
			if handled != tt.handled {
				t.Fatalf("handled = %v, want %v", handled, tt.handled)
			}
			if wantOK != tt.current {
				t.Fatalf("scanDigest ok = %v, want %v", wantOK, tt.current)
			}
			if handled && (got != want || ok != wantOK) {
				t.Errorf("quick digest %q, %v; scanDigest %q, %v", got, ok, want, wantOK)
			}
		})
	}
}

// TestQuickDigestLeavesOtherSources: more than one directory, or files
// named, are scanStates' to list.
func TestQuickDigestLeavesOtherSources(t *testing.T) {
	dir := t.TempDir()
	put(t, filepath.Join(dir, "a.md"), article("A", "Words."))
	for _, src := range []Sources{
		{Dirs: []string{dir, dir}},
		{Dirs: []string{dir}, Files: []string{filepath.Join(dir, "a.md")}},
		{Files: []string{filepath.Join(dir, "a.md")}},
		{Dirs: []string{"/"}},
	} {
		if _, _, handled := quickDigest(src, time.Now().UnixNano()); handled {
			t.Errorf("%+v: taken on", src)
		}
	}
}
