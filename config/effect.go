package config

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"cable/articles"
	"cable/render"
)

// View is the style and width the text is shown with.
type View struct {
	Style string // auto, dark, light, notty or a Glamour JSON style's path
	Width int    // the widest the text is set; 0 for the terminal's width
	// WidthGiven says the file, CABLE_WIDTH or --width set Width, rather
	// than the default: a width the reader chose with w in the reader
	// gives way to it.
	WidthGiven bool
}

// Flags are the style and width given on the command line: nil where
// none was given.
type Flags struct {
	Style *string
	Width *int
}

// DefaultWidth is the measure when nothing else sets one: about the
// width of a printed column of prose.
const DefaultWidth = 80

// View settles the style and width for a command: a flag given beats the
// environment (CABLE_STYLE, CABLE_WIDTH, read through getenv), which beats
// the file, which beats the defaults. NO_COLOR is honoured later, when the
// style is left to auto.
func (c Config) View(flags Flags, getenv func(string) string) (View, error) {
	v := View{Style: render.StyleAuto, Width: DefaultWidth}
	if c.Style != "" {
		v.Style = c.Style
	}
	if c.Width != 0 {
		v.Width, v.WidthGiven = max(c.Width, 0), true
	}
	if s := getenv("CABLE_STYLE"); s != "" {
		v.Style = s
	}
	if s := getenv("CABLE_WIDTH"); s != "" {
		w, err := parseWidth(s)
		if err != nil {
			return v, fmt.Errorf("CABLE_WIDTH=%s %v", s, err)
		}
		v.Width, v.WidthGiven = w, true
	}
	if flags.Style != nil {
		v.Style = *flags.Style
	}
	if flags.Width != nil {
		if _, err := parseWidth(strconv.Itoa(*flags.Width)); err != nil {
			return v, fmt.Errorf("--width %d %v", *flags.Width, err)
		}
		v.Width, v.WidthGiven = *flags.Width, true
	}
	return v, nil
}

// MinWidth is the narrowest measure a width may set: narrower, a line
// holds a word or two, and a table's column a few letters.
const MinWidth = 20

// parseWidth reads a text width, by one rule wherever it is given (the
// file, CABLE_WIDTH, --width): a whole number of columns, at least
// MinWidth, or 0 for the terminal's width. The error completes a sentence
// that names the source and the value.
func parseWidth(s string) (int, error) {
	w, err := strconv.Atoi(strings.TrimSpace(s))
	switch {
	case err != nil || w < 0:
		return 0, errors.New("is not a number of columns (0 for the terminal's width)")
	case w > 0 && w < MinWidth:
		return 0, fmt.Errorf("is too narrow: text is set at least %d columns wide (0 for the terminal's width)", MinWidth)
	}
	return w, nil
}

// Write prints the configuration in effect, with v as its style and
// width, in the file's own YAML, headed by the file's path.
func (c Config) Write(w io.Writer, v View) {
	fmt.Fprintf(w, "# %s\n", c.Path)
	fmt.Fprintf(w, "style: %s\nwidth: %d\n", v.Style, v.Width)
	wpm := c.WordsPerMinute
	if wpm == 0 {
		wpm = articles.WordsPerMinute
	}
	links := c.Hyperlinks
	if links == "" {
		links = "auto"
	}
	fmt.Fprintf(w, "words_per_minute: %d\nhyperlinks: %s\nlinks: %s\n", wpm, links, c.LinkMode())
	writeKeys(w, "keys", c.Keys)
	writeKeys(w, "library_keys", c.LibraryKeys)
}

// writeKeys prints the keys a configuration rebinds, in YAML.
func writeKeys(w io.Writer, setting string, keys map[string]KeyChoice) {
	if len(keys) == 0 {
		return
	}
	fmt.Fprintf(w, "%s:\n", setting)
	names := make([]string, 0, len(keys))
	for n := range keys {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		labels := make([]string, len(keys[n].Keys))
		for i, k := range keys[n].Keys {
			labels[i] = KeyLabel(k)
		}
		fmt.Fprintf(w, "  %s: [%s]\n", n, strings.Join(labels, ", "))
	}
}
