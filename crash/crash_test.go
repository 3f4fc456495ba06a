package crash

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFileTurnsAPanicIntoAnErrorAndAReport(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "odd.md")
	if err := os.WriteFile(file, []byte("secret contents"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := &Reporter{Dir: filepath.Join(dir, "reports"), Version: "9.9.9"}
	n, err := File(r, file, func() (int, error) {
		var list []int
		return list[3], nil // index out of range
	})
	var fe *FileError
	if n != 0 || !errors.As(err, &fe) {
		t.Fatalf("got %d, %v; want 0 and a *FileError", n, err)
	}
	want := file + ": cable could not read this file (internal error); a report was written to " + fe.Report
	if err.Error() != want {
		t.Errorf("message:\n%s\nwant\n%s", err, want)
	}
	report, rerr := os.ReadFile(fe.Report)
	if rerr != nil {
		t.Fatal(rerr)
	}
	text := string(report)
	for _, s := range []string{"index out of range", "version: 9.9.9", "file: " + file, "size: 15 bytes", "crash_test.go"} {
		if !strings.Contains(text, s) {
			t.Errorf("the report lacks %q:\n%s", s, text)
		}
	}
	if strings.Contains(text, "secret contents") {
		t.Error("the report holds the file's contents")
	}
}

func TestFilePassesResultsAndErrorsThrough(t *testing.T) {
	boom := errors.New("boom")
	if v, err := File(nil, "x", func() (string, error) { return "ok", nil }); v != "ok" || err != nil {
		t.Errorf("got %q, %v", v, err)
	}
	if err := Do(nil, "x", func() error { return boom }); err != boom {
		t.Errorf("got %v, want boom", err)
	}
}

func TestWithoutADirectoryNoReportIsWritten(t *testing.T) {
	for _, r := range []*Reporter{nil, {}} {
		err := Do(r, "bundled:guide", func() error { panic("bad") })
		if got, want := err.Error(), "bundled:guide: cable could not read this file (internal error: bad)"; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

func TestReportsInTheSameInstantDoNotOverwriteEachOther(t *testing.T) {
	r := &Reporter{Dir: t.TempDir()}
	seen := map[string]bool{}
	for range 5 {
		name := r.Write("p", nil)
		if name == "" || seen[name] {
			t.Fatalf("report %q written twice or not at all", name)
		}
		seen[name] = true
	}
}
