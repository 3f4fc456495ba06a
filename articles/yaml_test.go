package articles

import "testing"

// TestYAMLTextNamesTheFilesLines: the reader counts lines from where the
// text starts in its file, for the fields and for go-yaml's own errors.
func TestYAMLTextNamesTheFilesLines(t *testing.T) {
	y := YAMLText{Path: "a.md", FirstLine: 2}
	docs, err := y.Documents([]byte("title: T\nauthor: A\n"))
	if err != nil {
		t.Fatal(err)
	}
	fields, ok := YAMLMapping(docs[0])
	if !ok || len(fields) != 2 || y.Line(fields[1].Key) != 3 {
		t.Fatalf("fields %v, ok %v; want author on line 3", fields, ok)
	}
	_, err = y.Documents([]byte("title: T\nauthor: \"open\n"))
	if err == nil || err.Line != 3 || err.Error()[:len("a.md:3: not valid YAML: ")] != "a.md:3: not valid YAML: " {
		t.Errorf("error %v, want it at a.md:3", err)
	}
	if _, err := y.Documents([]byte("a: 1\na: 2\n")); err == nil {
		t.Error("a repeated key was accepted without RepeatsAllowed")
	}
	y.RepeatsAllowed = true
	if _, err := y.Documents([]byte("a: 1\na: 2\n")); err != nil {
		t.Errorf("a repeated key was refused with RepeatsAllowed: %v", err)
	}
}
