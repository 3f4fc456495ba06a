package render

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"cable/articles"

	"github.com/charmbracelet/x/ansi"
)

// Links in the text become OSC 8 hyperlinks where the terminal follows
// them: the address Glamour prints after a link's text is wrapped in the
// sequence, so a click (or ctrl+click) opens it. Terminals that do not know
// OSC 8 are supposed to ignore it, but some print it, so cable only sends
// it to terminals known to follow it, unless told otherwise.

// HyperlinksWanted decides whether to send OSC 8 hyperlinks: setting is
// the configuration's "always", "never" or "auto" (or ""), and auto asks
// the environment which terminal this is.
func HyperlinksWanted(setting string, getenv func(string) string) bool {
	switch setting {
	case "always":
		return true
	case "never":
		return false
	}
	if getenv("TMUX") != "" || strings.HasPrefix(getenv("TERM"), "screen") {
		// tmux passes hyperlinks on only when told to, and screen never.
		return false
	}
	switch getenv("TERM_PROGRAM") {
	case "iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper", "Tabby", "rio", "WarpTerminal":
		return true
	}
	term := getenv("TERM")
	for _, t := range []string{"kitty", "foot", "wezterm", "ghostty", "alacritty", "contour"} {
		if strings.Contains(term, t) {
			return true
		}
	}
	if v, err := strconv.Atoi(getenv("VTE_VERSION")); err == nil && v >= 5000 {
		return true // GNOME Terminal, Tilix and the other VTE terminals
	}
	return getenv("WT_SESSION") != "" || getenv("KONSOLE_VERSION") != "" || getenv("DOMTERM") != ""
}

// hyperlinkable reports the addresses worth a hyperlink: those a browser
// or mail program opens, as L opens them.
func hyperlinkable(url string) bool {
	return strings.HasPrefix(url, "https://") || strings.HasPrefix(url, "http://") || strings.HasPrefix(url, "mailto:")
}

// Hyperlink wraps text in a hyperlink to url. The address was cleaned of
// control characters when the article was read, so it cannot end the
// sequence early.
func Hyperlink(url, text string) string {
	return "\x1b]8;;" + url + "\x1b\\" + text + "\x1b]8;;\x1b\\"
}

// LinkLine makes each address of urls shown whole on line a hyperlink,
// reading the line once from left to right, so that an address inside
// another, or inside a hyperlink already made, is left alone. Lines
// without an address are returned at once, which is nearly all of them.
func LinkLine(line string, urls []string) string {
	if !strings.Contains(line, "://") && !strings.Contains(line, "mailto:") {
		return line
	}
	var b strings.Builder
	rest := line
	for {
		at, url := -1, ""
		for _, u := range urls {
			i := strings.Index(rest, u)
			if i >= 0 && (at < 0 || i < at || i == at && len(u) > len(url)) {
				at, url = i, u
			}
		}
		if at < 0 {
			break
		}
		b.WriteString(rest[:at])
		b.WriteString(Hyperlink(url, url))
		rest = rest[at+len(url):]
	}
	if b.Len() == 0 {
		return line
	}
	b.WriteString(rest)
	return b.String()
}

// linkURLs are the addresses of links worth a hyperlink, each once.
func linkURLs(links []articles.Link) []string {
	var out []string
	for _, l := range links {
		if hyperlinkable(l.URL) && !slices.Contains(out, l.URL) {
			out = append(out, l.URL)
		}
	}
	return out
}

// SectionLinks are the addresses worth a hyperlink in each section.
func SectionLinks(a *articles.Article) [][]string {
	out := make([][]string, len(a.Sections))
	for i, s := range a.Sections {
		out[i] = linkURLs(s.Links)
	}
	return out
}

// linkSpan is a stretch of a line that shows a link's text: from and to
// are columns of the line, as shown.
type linkSpan struct {
	line, from, to int
	url            string
}

// spanLinks turns the places of the marks around each link's text, in
// pairs, into stretches of lines: a link wrapped over three lines is
// three stretches, the middle one the whole of its line's text.
func spanLinks(out string, spots []spot, urls []string) []linkSpan {
	lines := strings.Split(out, "\n")
	column := func(s spot) int { return ansi.StringWidth(lines[s.line][:min(s.col, len(lines[s.line]))]) }
	var spans []linkSpan
	for i, url := range urls {
		open, close := spots[2*i], spots[2*i+1]
		if open.line >= len(lines) || close.line >= len(lines) || close.line < open.line {
			return nil
		}
		for l := open.line; l <= close.line; l++ {
			from, to := textColumns(lines[l])
			if l == open.line {
				from = column(open)
			}
			if l == close.line {
				to = column(close)
			}
			if from < to {
				spans = append(spans, linkSpan{line: l, from: from, to: to, url: url})
			}
		}
	}
	return spans
}

// textColumns are the columns where line's text starts and ends, white
// space left out.
func textColumns(line string) (int, int) {
	plain := ansi.Strip(line)
	trimmed := strings.TrimLeftFunc(plain, unicode.IsSpace)
	from := ansi.StringWidth(plain[:len(plain)-len(trimmed)])
	return from, from + ansi.StringWidth(strings.TrimRightFunc(trimmed, unicode.IsSpace))
}

// HyperlinkLine makes the links' texts on line l of the document, shown
// as line (which may have been highlighted since), hyperlinks. Without
// spans (links inline) the line is returned as it is.
func (d *Document) HyperlinkLine(l int, line string) string {
	i := sort.Search(len(d.links), func(i int) bool { return d.links[i].line >= l })
	if i == len(d.links) || d.links[i].line != l {
		return line
	}
	var b strings.Builder
	width := ansi.StringWidth(line)
	at := 0
	for ; i < len(d.links) && d.links[i].line == l; i++ {
		s := d.links[i]
		if s.from < at || s.to > width {
			break
		}
		b.WriteString(ansi.Cut(line, at, s.from))
		b.WriteString(Hyperlink(s.url, ansi.Cut(line, s.from, s.to)))
		at = s.to
	}
	b.WriteString(ansi.Cut(line, at, width))
	return b.String()
}

// HasLinkSpans reports whether the links' texts were placed, so that they
// can be made hyperlinks with HyperlinkLine; without, the addresses shown
// in the text are (LinkLine).
func (d *Document) HasLinkSpans() bool { return d.Options.Links != LinksInline }
