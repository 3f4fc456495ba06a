// editorsnote_test.go tests where the editor's note and the author note go.

package articles

import (
	"fmt"
	"testing"
)

// TestAuthorNoteGoesWithTheEditorsNote: author_note (in what capacity the
// author writes) is shown with the editor's note: as its last paragraph,
// as the note itself when there is none, and not at all when the note
// already says it.
func TestAuthorNoteGoesWithTheEditorsNote(t *testing.T) {
	const authorNote = "author_note: \"Fellow at *Some* Institute, writing [privately].\"\n"
	tests := []struct {
		name  string
		src   string
		note  []string // the editor's note's blocks
		lines []int
	}{
		{"no editor's note: the author note is one",
			"---\ntitle: T\n" + authorNote + "---\n\nText.\n",
			[]string{"Editor's note", "About the author: Fellow at *Some* Institute, writing [privately]."}, []int{3, 3}},
		{"an editor's note that says something else",
			"---\ntitle: T\n" + authorNote + "---\n\nText.\n\n## Editor's note\n\nThe views are the author's own.\n",
			[]string{"Editor's note", "The views are the author's own.", "About the author: Fellow at *Some* Institute, writing [privately]."}, []int{8, 10, 3}},
		{"an editor's note that says it already",
			"---\ntitle: T\n" + authorNote + "---\n\nText.\n\n## Editor's note\n\nThe author is a fellow at Some Institute, who writes privately.\n",
			[]string{"Editor's note", "The author is a fellow at Some Institute, who writes privately."}, []int{8, 10}},
		{"editors_note and author_note",
			"---\ntitle: T\neditors_note: Written for us.\n" + authorNote + "---\n\nText.\n",
			[]string{"Editor's note", "Written for us.", "About the author: Fellow at *Some* Institute, writing [privately]."}, []int{3, 3, 4}},
	}
	for _, tt := range tests {
		a, err := Parse("t.md", []byte(tt.src), "t")
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		i, ok := a.EditorsNote()
		if !ok {
			t.Fatalf("%s: no editor's note", tt.name)
		}
		var texts []string
		var lines []int
		for _, b := range a.Sections[i].Blocks {
			texts = append(texts, b.Text)
			lines = append(lines, b.Line)
		}
		check(t, tt.name, texts, tt.note)
		if fmt.Sprint(lines) != fmt.Sprint(tt.lines) {
			t.Errorf("%s: lines %v, want %v", tt.name, lines, tt.lines)
		}
	}
}
