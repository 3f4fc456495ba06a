package library

import "testing"

// TestPreferencesAreKept: a preference set is read back, replaced by the
// next, and kept across opening the database again.
func TestPreferencesAreKept(t *testing.T) {
	s, path := newTestStore(t)
	if _, ok, err := s.Preference("width"); ok || err != nil {
		t.Fatalf("a preference before any was set: %v, %v", ok, err)
	}
	for _, v := range []string{"80", "100"} {
		if err := s.SetPreference("width", v); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	again, _, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if v, ok, err := again.Preference("width"); v != "100" || !ok || err != nil {
		t.Errorf("width = %q, %v, %v; want 100", v, ok, err)
	}
}
