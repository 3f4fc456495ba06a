package main

import (
	"path/filepath"
	"strings"
	"testing"

	"cable/config"
)

// testHome gives a test a home of its own: every XDG base directory in a
// new temporary directory. Each command resolves its places from the
// environment as it starts, so nothing else needs telling; it returns
// the places a command run now uses.
func testHome(t *testing.T) config.Places {
	t.Helper()
	home := t.TempDir()
	for _, v := range []string{"XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"} {
		t.Setenv(v, filepath.Join(home, strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(v, "XDG_"), "_HOME"))))
	}
	p, err := config.ResolvePlaces("")
	if err != nil {
		t.Fatal(err)
	}
	return p
}
