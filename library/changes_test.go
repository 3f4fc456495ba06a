package library

import (
	"path/filepath"
	"testing"
)

// TestChangedElsewhere: a commit by another store on the same file (as
// "cable archive" run from a shell while cable is open) is seen once;
// with no commit nothing is.
func TestChangedElsewhere(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cable.db")
	mine, _, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer mine.Close()
	other, _, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	steps := []struct {
		do   func() error
		want bool
	}{
		{nil, false}, // the first call starts watching
		{nil, false},
		{func() error { return other.Archive("bundled:x") }, true},
		{nil, false},
		{func() error { return other.Tag("bundled:x", "iran") }, true},
		{func() error { return mine.Untag("bundled:x", "iran") }, true}, // the store's own writes count too
		{nil, false},
	}
	for i, st := range steps {
		if st.do != nil {
			if err := st.do(); err != nil {
				t.Fatal(err)
			}
		}
		got, err := mine.ChangedElsewhere()
		if err != nil || got != st.want {
			t.Errorf("step %d: changed %v, %v; want %v", i, got, err, st.want)
		}
	}
}
