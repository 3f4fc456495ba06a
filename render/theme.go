package render

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/glamour/styles"
	"github.com/muesli/termenv"
)

// Style names accepted by --style.
const (
	StyleAuto  = "auto"
	StyleDark  = "dark"
	StyleLight = "light"
	StyleNoTTY = "notty"
)

// GlamourStyle is the Glamour style for a resolved style name, or for the
// path of a Glamour JSON style, read through files.
func GlamourStyle(name string, files *JSONStyles) (ansi.StyleConfig, error) {
	switch name {
	case StyleDark:
		return styles.DarkStyleConfig, nil
	case StyleLight:
		return styles.LightStyleConfig, nil
	case StyleNoTTY:
		return styles.NoTTYStyleConfig, nil
	}
	if IsStyleFile(name) {
		return files.load(name)
	}
	return ansi.StyleConfig{}, fmt.Errorf("unknown style %q (choose one of auto, dark, light, notty, or the path of a Glamour JSON style)", name)
}

// figureStyle sets how a figure's line ("[Figure: caption]", which cable
// writes in full) is shown: in the style's colour for image text, in
// italics, apart from the prose around it, and without Glamour's "Image:"
// and arrow, which were written for an address that no longer follows.
// Without colour (notty, or the Ascii profile) there are no italics
// either: Glamour would write their code whatever the profile.
func figureStyle(style ansi.StyleConfig, opts Options) ansi.StyleConfig {
	style.ImageText.Format = ""
	if opts.Style != StyleNoTTY && opts.Profile != termenv.Ascii {
		italic := true
		style.ImageText.Italic = &italic
	}
	return style
}

// IsStyleFile reports whether a style names a file rather than one of
// the built-in styles: it has a path separator or ends in ".json".
func IsStyleFile(name string) bool {
	return strings.ContainsRune(name, os.PathSeparator) || strings.Contains(name, "/") || strings.HasSuffix(strings.ToLower(name), ".json")
}

// JSONStyles keeps the Glamour JSON styles read, by path: each render
// worker asks for its style, and the file is read and checked once. A nil
// *JSONStyles reads the file every time. It is safe for concurrent use.
type JSONStyles struct {
	mu     sync.Mutex
	byPath map[string]ansi.StyleConfig
}

// load is the style in the file at path, read the first time it is asked
// for.
func (j *JSONStyles) load(path string) (ansi.StyleConfig, error) {
	if j == nil {
		return readStyleFile(path)
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if s, ok := j.byPath[path]; ok {
		return s, nil
	}
	s, err := readStyleFile(path)
	if err != nil {
		return s, err
	}
	if j.byPath == nil {
		j.byPath = map[string]ansi.StyleConfig{}
	}
	j.byPath[path] = s
	return s, nil
}

// readStyleFile reads a Glamour JSON style. Errors name the file and, for
// a syntax or type error, the line.
func readStyleFile(path string) (ansi.StyleConfig, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return ansi.StyleConfig{}, fmt.Errorf("style %s: %w", path, err)
	}
	var style ansi.StyleConfig
	if err := json.Unmarshal(data, &style); err != nil {
		offset := int64(-1)
		var syntax *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syntax):
			offset = syntax.Offset
		case errors.As(err, &typ):
			offset = typ.Offset
		}
		if offset >= 0 {
			line := 1 + bytes.Count(data[:min(int(offset), len(data))], []byte("\n"))
			return style, fmt.Errorf("%s:%d: not a Glamour JSON style: %v", path, line, err)
		}
		return style, fmt.Errorf("%s: not a Glamour JSON style: %v", path, err)
	}
	return style, nil
}

// styleFileTheme is the theme of the screens around a JSON style's text:
// dark when the style's text is light, light when it is dark, and
// undecided ("") when the style leaves the text's colour to the terminal.
func styleFileTheme(style ansi.StyleConfig) string {
	c := style.Document.Color
	if c == nil || *c == "" {
		return ""
	}
	rgb := termenv.ConvertToRGB(termenv.TrueColor.Color(*c))
	if 0.2126*rgb.R+0.7152*rgb.G+0.0722*rgb.B > 0.5 {
		return StyleDark
	}
	return StyleLight
}

// ResolveStyle turns the style asked for into dark, light or notty: the
// theme of the screens, and of the text unless a JSON style is asked for,
// whose theme follows the colour of its text.
// Without a terminal, or with NO_COLOR set, "auto" is notty; otherwise the
// terminal is asked for its background, for at most detectTimeout, and a
// terminal that does not answer in time is taken to be dark.
func ResolveStyle(asked string, files *JSONStyles, out *os.File, isTTY bool) (string, error) {
	return ResolveStyleBy(asked, files, isTTY, func() bool { return detectDark(out) })
}

// ResolveStyleBy is ResolveStyle with the terminal's background told by
// dark, which is called only when the theme depends on it.
func ResolveStyleBy(asked string, files *JSONStyles, isTTY bool, dark func() bool) (string, error) {
	switch asked {
	case StyleDark, StyleLight, StyleNoTTY:
		return asked, nil
	case StyleAuto, "":
	default:
		style, err := GlamourStyle(asked, files)
		if err != nil {
			return "", err
		}
		if theme := styleFileTheme(style); theme != "" {
			return theme, nil
		}
		// The style leaves the text's colour to the terminal: so do the
		// screens around it, following its background.
		if isTTY && dark() {
			return StyleDark, nil
		} else if isTTY {
			return StyleLight, nil
		}
		return StyleDark, nil
	}
	if !isTTY || os.Getenv("NO_COLOR") != "" {
		return StyleNoTTY, nil
	}
	if dark() {
		return StyleDark, nil
	}
	return StyleLight, nil
}

// DarkBackground reports whether a terminal's background is dark, as
// termenv judges it: color is the colour the terminal gave ("#rrggbb"),
// or "" when it gave none, and then COLORFGBG ("15;0": foreground;
// background, ANSI colours) says, or else the background is taken to be
// dark.
func DarkBackground(color string, getenv func(string) string) bool {
	var c termenv.Color
	if color != "" {
		c = termenv.RGBColor(color)
	} else if fgbg := getenv("COLORFGBG"); strings.Contains(fgbg, ";") {
		parts := strings.Split(fgbg, ";")
		if n, err := strconv.Atoi(parts[len(parts)-1]); err == nil && n >= 0 && n < 16 {
			c = termenv.ANSIColor(n)
		}
	}
	if c == nil {
		return true
	}
	_, _, l := termenv.ConvertToRGB(c).Hsl()
	return l < 0.5
}

// detectTimeout bounds the background-colour query. A terminal that
// answers does so in a few milliseconds; one that never answers must not
// hold up start-up.
const detectTimeout = 250 * time.Millisecond

func detectDark(out *os.File) bool {
	// termenv waits up to five seconds for an answer, so the query runs
	// aside and start-up goes on without it. Terminals answer the device
	// attributes request that termenv sends along with it even when they
	// ignore the colour query, so the query itself ends at once.
	answer := make(chan bool, 1)
	go func() { answer <- termenv.NewOutput(out).HasDarkBackground() }()
	select {
	case dark := <-answer:
		return dark
	case <-time.After(2 * detectTimeout):
		return true
	}
}

// ColorProfile is the colour profile for a resolved style: none for notty,
// otherwise what the terminal supports.
func ColorProfile(style string, out *os.File) termenv.Profile {
	if style == StyleNoTTY {
		return termenv.Ascii
	}
	return termenv.NewOutput(out).EnvColorProfile()
}
