package ui

import (
	"io"

	"cable/articles"
	"cable/config"
	"cable/crash"
	"cable/library"
	"cable/render"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Context is what every screen shares: the terminal's size, the theme and
// its styles, the reading measure and the catalog of articles. The root
// model owns it and hands a pointer to each screen, so there is no
// package-level state.
type Context struct {
	Width, Height int
	// Theme is the resolved style: dark, light or notty.
	Theme string
	// StyleFile is the path of the Glamour JSON style the text is rendered
	// with, or "" for Theme's own; JSONStyles reads it once for every
	// rendering.
	StyleFile  string
	JSONStyles *render.JSONStyles
	Profile    termenv.Profile
	Styles     Styles
	// Measure is the widest the text is set, in columns; narrower
	// terminals get their own width. 0 means the terminal's width.
	Measure int
	// MeasureGiven says --width, CABLE_WIDTH or the configuration file
	// set Measure, which wins at every start over the width chosen with
	// w (kept in the store as the preference MeasurePreference).
	MeasureGiven bool
	// Catalog lists the articles and keeps the reader's state.
	Catalog *library.Catalog
	// Output is the terminal, for the few sequences cable writes outside
	// the screen (a link copied with OSC 52); nil when there is none.
	Output io.Writer
	// Keys, LibraryKeys and SelectionKeys are the reader's, the
	// library's and a selection's keys as the configuration file rebinds
	// them.
	Keys, LibraryKeys, SelectionKeys map[string]config.KeyChoice
	// WordsPerMinute is the reading speed behind every reading time.
	WordsPerMinute int
	// Hyperlinks makes links OSC 8 hyperlinks, for terminals that follow
	// them.
	Hyperlinks bool
	// Links is how links show in the text: clean (the default), numbered
	// or inline.
	Links render.LinkMode
	// Cache keeps renderings between runs; nil keeps none.
	Cache *render.Cache
	// Crash writes the report of a panic, in the screens or in the work
	// on one article (rendering it, reading its rendering back).
	Crash *crash.Reporter
	// Clock makes every timer the screens set; the wall clock unless a
	// test gives another.
	Clock Clock
	// UpdateFeeds fetches the feeds followed and saves their new
	// articles, for the library's u; nil when there is no state to keep
	// feeds in, and u is then off.
	UpdateFeeds FeedUpdater
	// LibraryChanges has a value each time what is in the library's
	// directories changed (library.Watcher): the library is then listed
	// again. Nil: it is listed again only after a feed update.
	LibraryChanges <-chan struct{}
	// Trash is where the library's D moves an article; nil: D is off.
	Trash *library.Trash
}

// store is where the reader's state is kept, or nil when it is not.
func (c *Context) store() *library.Store {
	if c.Catalog == nil {
		return nil
	}
	return c.Catalog.Store
}

// NewContext builds a context for a theme and colour profile.
func NewContext(theme string, profile termenv.Profile, measure int) *Context {
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(profile)
	return &Context{
		Theme:      theme,
		Profile:    profile,
		Styles:     NewStyles(r, theme),
		Measure:    measure,
		JSONStyles: &render.JSONStyles{},
		Clock:      wallClock{},
		// The average silent reading rate; the configuration may set another.
		WordsPerMinute: articles.WordsPerMinute,
	}
}

// Minimum terminal size; below it a screen says so instead of drawing a
// broken layout.
const (
	minWidth  = 20
	minHeight = 5
)

// tooSmall reports whether the terminal is below the minimum size.
func (c *Context) tooSmall() bool { return c.Width < minWidth || c.Height < minHeight }

// renderOptions are the options the reader renders with when room
// columns are free for the text.
func (c *Context) renderOptions(room int) render.Options {
	style := c.Theme
	if c.StyleFile != "" {
		style = c.StyleFile
	}
	return render.Options{Width: render.TextWidth(room, c.Measure), Style: style, Profile: c.Profile, JSONStyles: c.JSONStyles, Links: c.Links, Crash: c.Crash}
}

// leftMargin centres text of textWidth columns in a terminal termWidth
// wide.
func leftMargin(termWidth, textWidth int) int {
	return max((termWidth-textWidth)/2, 0)
}

// measures are the text widths w cycles through; 0 is the terminal's
// width.
var measures = []int{60, 72, 80, 100, 0}

// nextMeasure is the width after current in measures, or the first when
// current is not one of them (a width given with --width).
func nextMeasure(current int) int {
	for i, m := range measures {
		if m == current {
			return measures[(i+1)%len(measures)]
		}
	}
	return measures[0]
}

// renderCache is the cache for renderings with opts: none for a JSON style
// file, which can change without its path changing, and the key would not
// see it.
func (c *Context) renderCache(opts render.Options) *render.Cache {
	if render.IsStyleFile(opts.Style) {
		return nil
	}
	return c.Cache
}

func clamp(v, lo, hi int) int {
	return max(lo, min(v, hi))
}
