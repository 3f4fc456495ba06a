package library

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/adrg/xdg"
)

// DefaultDBPath is where cable keeps its database: $XDG_STATE_HOME/cable/cable.db
// (~/.local/state/cable/cable.db by default). The database holds state, not
// documents: everything in it but reading positions, bookmarks and quotes can
// be rebuilt from the files, which is what the XDG state directory is for.
// The directory is created if it is missing.
func DefaultDBPath() (string, error) {
	p, err := xdg.StateFile(filepath.Join("cable", "cable.db"))
	if err != nil {
		return "", fmt.Errorf("library: finding a place for the database: %w", err)
	}
	return p, nil
}

// DefaultArticlesDir is the user's own library, $XDG_DATA_HOME/cable/articles
// (~/.local/share/cable/articles by default): the directory cable reads on
// every start without being told. It is created on first use, so that there
// is always an obvious place to drop an article into.
func DefaultArticlesDir() (string, error) {
	dir := filepath.Join(xdg.DataHome, "cable", "articles")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("library: creating the articles directory: %w", err)
	}
	return dir, nil
}

// CrashDir is where crash reports go: $XDG_STATE_HOME/cable, beside the
// database. It is not created here; a report creates it when one is
// written, so a run with --no-state that never crashes writes nothing.
func CrashDir() string {
	return filepath.Join(xdg.StateHome, "cable")
}
