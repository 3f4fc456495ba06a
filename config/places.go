package config

import (
	"errors"
	"path/filepath"

	"github.com/adrg/xdg"
)

// Places are where cable keeps everything, resolved once per run, before
// any command, from the environment's XDG base directories (as the
// platform defines them where they are not set) and --library. Every
// command and screen finds its files here and nowhere else.
type Places struct {
	// Library is the library directory: --library, or
	// $XDG_DATA_HOME/cable/articles.
	Library string
	// LibraryGiven says Library is --library's, not the default.
	LibraryGiven bool
	// DB is the database, $XDG_STATE_HOME/cable/cable.db: state, which
	// everything in it but places, bookmarks and quotes can be rebuilt
	// from the files.
	DB string
	// Sources are the pages and files articles were made from, kept for
	// "cable reimport": $XDG_DATA_HOME/cable/sources, beside the library
	// and not in it.
	Sources string
	// Trash holds the articles deleted with the library's D, until
	// "cable restore" brings them back: $XDG_DATA_HOME/cable/trash,
	// beside the library and not in it.
	Trash string
	// Cache holds renderings between runs: $XDG_CACHE_HOME/cable/render.
	Cache string
	// Crash is where crash reports go, beside the database:
	// $XDG_STATE_HOME/cable.
	Crash string
	// Config is the configuration file: $XDG_CONFIG_HOME/cable/config.yaml.
	Config string
}

// ResolvePlaces reads the base directories from the environment as it is
// now and names every place under them; library, when not "", is the
// library directory given. Nothing is created here: a place is made when
// it is first written to.
func ResolvePlaces(library string) (Places, error) {
	xdg.Reload() // the environment as it is now, not as it was at start-up
	p := Places{
		Library:      library,
		LibraryGiven: library != "",
		DB:           filepath.Join(xdg.StateHome, "cable", "cable.db"),
		Sources:      filepath.Join(xdg.DataHome, "cable", "sources"),
		Trash:        filepath.Join(xdg.DataHome, "cable", "trash"),
		Cache:        filepath.Join(xdg.CacheHome, "cable", "render"),
		Crash:        filepath.Join(xdg.StateHome, "cable"),
		Config:       filepath.Join(xdg.ConfigHome, "cable", "config.yaml"),
	}
	if library == "" {
		p.Library = filepath.Join(xdg.DataHome, "cable", "articles")
	}
	for _, dir := range []string{xdg.StateHome, xdg.DataHome, xdg.CacheHome, xdg.ConfigHome} {
		if dir == "" {
			return p, errors.New("cannot tell where to keep cable's files: set HOME or the XDG_*_HOME variables")
		}
	}
	return p, nil
}
