package config

import (
	"path/filepath"
	"testing"
)

// TestPlaces: every place comes from the XDG base directory the
// environment names when it is asked, not when cable started; --library
// replaces only the library directory.
func TestPlaces(t *testing.T) {
	for round := range 2 { // the environment changes between two runs
		state, data, cache, conf := t.TempDir(), t.TempDir(), t.TempDir(), t.TempDir()
		t.Setenv("XDG_STATE_HOME", state)
		t.Setenv("XDG_DATA_HOME", data)
		t.Setenv("XDG_CACHE_HOME", cache)
		t.Setenv("XDG_CONFIG_HOME", conf)
		got, err := ResolvePlaces("")
		want := Places{
			Library: filepath.Join(data, "cable", "articles"),
			DB:      filepath.Join(state, "cable", "cable.db"),
			Sources: filepath.Join(data, "cable", "sources"),
			Trash:   filepath.Join(data, "cable", "trash"),
			Cache:   filepath.Join(cache, "cable", "render"),
			Crash:   filepath.Join(state, "cable"),
			Config:  filepath.Join(conf, "cable", "config.yaml"),
		}
		if err != nil || got != want {
			t.Errorf("round %d: ResolvePlaces = %+v, %v\nwant %+v", round, got, err, want)
		}
		mine, _ := ResolvePlaces("mine")
		want.Library, want.LibraryGiven = "mine", true
		if mine != want {
			t.Errorf("round %d: with --library: %+v", round, mine)
		}
	}
}
