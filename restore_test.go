package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cable/library"
)

// trashArticle deletes an article of the library to the trash, as the
// library's D does, and returns what the trash recorded.
func trashArticle(t *testing.T, trashDir, id string) library.Trashed {
	t.Helper()
	global := &env{}
	cat, err := global.openCatalog(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer cat.Close()
	e, ok := cat.Find(id)
	if !ok {
		t.Fatalf("no article %s", id)
	}
	tr, err := library.Trash{Dir: trashDir}.Put(cat.Store, e)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// TestRestoreCommand: "cable restore" lists the trash, and "cable restore
// ID" brings an article back with its highlights and tags, to its path
// or, when a file is there now, to the next free name, saying so.
func TestRestoreCommand(t *testing.T) {
	places := testHome(t)
	path := writeFile(t, filepath.Join(places.Library, "sanctions.md"),
		"---\ntitle: Sanctions and their limits\n---\n\nSanctions rarely change a regime. They change its trade.\n")
	if out, err := run(t, "tag", "sanctions", "iran"); err != nil {
		t.Fatalf("tag: %s %v", out, err)
	}
	if out, err := run(t, "archive", "sanctions"); err != nil {
		t.Fatalf("archive: %s %v", out, err)
	}
	_, stderr, err := runSplit(t, "restore")
	if err != nil || !strings.Contains(stderr, "the trash") || !strings.Contains(stderr, "is empty") {
		t.Errorf("restore with an empty trash: %q, %v", stderr, err)
	}

	for round, conflict := range []bool{false, true} {
		tr := trashArticle(t, places.Trash, "sanctions")
		if _, err := os.Stat(path); !os.IsNotExist(err) {
			t.Fatalf("round %d: the file is still in the library", round)
		}
		if out, _ := run(t, "list"); strings.Contains(out, "Sanctions") {
			t.Errorf("round %d: list shows a deleted article:\n%s", round, out)
		}
		out, err := run(t, "restore")
		if err != nil || !strings.HasPrefix(out, "sanctions\tSanctions and their limits\t"+path+"\tdeleted ") {
			t.Errorf("round %d: restore lists %q, %v", round, out, err)
		}
		if _, err := run(t, "restore", "sanctions", "nothing"); err == nil || !strings.Contains(err.Error(), `"nothing" is not in the trash`) {
			t.Errorf("round %d: restoring an unknown ID: %v", round, err)
		}
		if _, err := os.Stat(path); !os.IsNotExist(err) {
			t.Errorf("round %d: an unknown ID among several restored the others", round)
		}
		if _, err := run(t, "restore", tr.Name, "--no-state"); err == nil || !strings.Contains(err.Error(), "--no-state") {
			t.Errorf("round %d: restore without state: %v", round, err)
		}
		want := path
		if conflict {
			writeFile(t, path, "---\ntitle: Another piece\n---\n\nWritten since.\n")
			want = filepath.Join(places.Library, "sanctions-2.md")
		}
		out, err = run(t, "restore", tr.Name)
		switch {
		case err != nil:
			t.Fatalf("round %d: restore: %v", round, err)
		case !conflict && out != "sanctions: back at "+path+"\n":
			t.Errorf("round %d: restore printed %q", round, out)
		case conflict && out != "sanctions: back at "+want+" (a file is at "+path+" now)\n":
			t.Errorf("round %d: restore printed %q", round, out)
		}
		if data, _ := os.ReadFile(want); !strings.Contains(string(data), "Sanctions rarely change a regime.") {
			t.Errorf("round %d: %s reads %q", round, want, data)
		}
		id := strings.TrimSuffix(filepath.Base(want), ".md")
		out, err = run(t, "tag", id, "sanctions")
		if err != nil || out != id+": iran, sanctions\n" {
			t.Errorf("round %d: the tags did not come back: %q, %v", round, out, err)
		}
		if conflict {
			if data, _ := os.ReadFile(path); !strings.Contains(string(data), "Written since.") {
				t.Errorf("the file at the path was written over: %q", data)
			}
		}
	}
}
