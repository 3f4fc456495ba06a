package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// listedNew is what "cable list --json" says is new, by ID.
func listedNew(t *testing.T, args ...string) map[string]bool {
	t.Helper()
	out, err := run(t, append([]string{"list", "--json"}, args...)...)
	if err != nil {
		t.Fatalf("list: %v\n%s", err, out)
	}
	var listed []struct {
		ID  string `json:"id"`
		New *bool  `json:"new"`
	}
	if err := json.Unmarshal([]byte(out), &listed); err != nil {
		t.Fatalf("list --json: %v\n%s", err, out)
	}
	fresh := map[string]bool{}
	for _, a := range listed {
		if a.New == nil {
			t.Fatalf("%s has no \"new\" field:\n%s", a.ID, out)
		}
		if *a.New {
			fresh[a.ID] = true
		}
	}
	return fresh
}

// TestGetMarksNew: an article cable get saves is listed as new, in
// "cable list --json" and in the table; one already in the library, or
// bundled, is not.
func TestGetMarksNew(t *testing.T) {
	lib, _ := getHome(t)
	srv := pageServer(t)
	if out, err := run(t, "get", "--library", lib, srv.URL+"/page.html"); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	fresh := listedNew(t, "--library", lib)
	if !fresh["sanctions-and-their-limits"] || len(fresh) != 1 {
		t.Errorf("new after get: %v, want only sanctions-and-their-limits", fresh)
	}
	out, _ := run(t, "list", "--library", lib)
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "sanctions-and-their-limits") && !strings.HasSuffix(line, "new") {
			t.Errorf("the table does not say new: %q", line)
		}
	}
}

// TestFeedsUpdateMarksNew: every article "cable feeds update" saves is
// new.
func TestFeedsUpdateMarksNew(t *testing.T) {
	lib := feedsHome(t)
	srv := newFeedServer(t, "Talks Resume", "Ports Wait")
	if out, err := run(t, "feeds", "add", srv.URL+"/feed.xml", "--library", lib); err != nil {
		t.Fatalf("add: %v\n%s", err, out)
	}
	if out, err := run(t, "feeds", "update", "--library", lib); err != nil {
		t.Fatalf("update: %v\n%s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(lib, "the-straits-review", "*.md"))
	if fresh := listedNew(t, "--library", lib); len(fresh) != 2 || len(files) != 2 {
		t.Errorf("new after the update: %v, saved %v", fresh, files)
	}
}
