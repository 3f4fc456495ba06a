package ui

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"cable/render"
)

// Styles are every lipgloss style the screens use, built once from the
// resolved theme. View code takes styles from here and never builds its own.
type Styles struct {
	Title        lipgloss.Style // article title in the reader's header
	Subtitle     lipgloss.Style // the subtitle under it, when there is one
	Byline       lipgloss.Style // author, source, date under them
	Status       lipgloss.Style // the reader's status line
	Dim          lipgloss.Style // secondary text
	TOCTitle     lipgloss.Style
	TOCItem      lipgloss.Style
	TOCCurrent   lipgloss.Style // the section being read
	TOCCursor    lipgloss.Style // the entry under the cursor
	NoteMark     lipgloss.Style // marks the editor's note in lists
	Match        lipgloss.Style // a search match
	MatchCurrent lipgloss.Style // the match n and N are on
	Highlight    lipgloss.Style // a saved highlight in the text
	Selection    lipgloss.Style // the passage being selected with v
	HelpKey      lipgloss.Style // a key in the help
	HelpDesc     lipgloss.Style // what it does
	Peek         lipgloss.Style // the box footnotes are peeked at in
	Error        lipgloss.Style
	Marks        Marks
}

// Marks are the characters that show what the styles above show by
// attributes, for a screen where no attribute shows: the notty style,
// which NO_COLOR and a terminal without colour get, draws no escape codes
// at all, so a cursor in reverse video would be invisible. Where the
// attributes show, the marks are empty and take no room.
type Marks struct {
	// Cursor stands in a list's left margin before the row under the
	// cursor.
	Cursor string
	// Current marks the section being read in the contents, apart from
	// the cursor.
	Current string
	// Match and CurrentMatch open and close a search match, and the match
	// n and N are on.
	Match, CurrentMatch [2]string
	// Highlight and Selection open and close a saved highlight and the
	// passage being selected; Note follows a highlight that has a note,
	// in every style.
	Highlight, Selection [2]string
	Note                 string
}

// gutter is indent, a row's left margin, with mark standing at its end,
// a space after it where there is room, so that marking a row moves
// nothing.
func gutter(indent, mark string) string {
	w := ansi.StringWidth(mark)
	switch {
	case w == 0:
		return indent
	case len(indent) > w:
		return indent[:len(indent)-w-1] + mark + " "
	case len(indent) == w:
		return mark
	}
	return mark + indent
}

// NewStyles builds the styles for a theme ("dark", "light" or "notty")
// with r, whose colour profile decides what actually reaches the screen.
func NewStyles(r *lipgloss.Renderer, theme string) Styles {
	accent, dim, fg := lipgloss.Color("39"), lipgloss.Color("245"), lipgloss.Color("252")
	statusBG := lipgloss.Color("236")
	highlightBG, selectionBG := lipgloss.Color("58"), lipgloss.Color("24")
	if theme == render.StyleLight {
		accent, dim, fg = lipgloss.Color("25"), lipgloss.Color("242"), lipgloss.Color("235")
		statusBG = lipgloss.Color("254")
		highlightBG, selectionBG = lipgloss.Color("229"), lipgloss.Color("153")
	}
	s := Styles{
		Title:        r.NewStyle().Bold(true).Foreground(accent),
		Subtitle:     r.NewStyle().Italic(true).Foreground(fg),
		Byline:       r.NewStyle().Foreground(dim),
		Status:       r.NewStyle().Foreground(fg).Background(statusBG),
		Dim:          r.NewStyle().Foreground(dim),
		TOCTitle:     r.NewStyle().Bold(true).Foreground(accent),
		TOCItem:      r.NewStyle(),
		TOCCurrent:   r.NewStyle().Bold(true),
		TOCCursor:    r.NewStyle().Reverse(true),
		NoteMark:     r.NewStyle().Italic(true).Foreground(dim),
		Error:        r.NewStyle().Foreground(lipgloss.Color("203")),
		Match:        r.NewStyle().Reverse(true),
		MatchCurrent: r.NewStyle().Bold(true).Foreground(lipgloss.Color("0")).Background(lipgloss.Color("214")),
		Highlight:    r.NewStyle().Background(highlightBG),
		Selection:    r.NewStyle().Background(selectionBG).Underline(true),
		HelpKey:      r.NewStyle().Bold(true).Foreground(accent),
		HelpDesc:     r.NewStyle().Foreground(fg),
		Peek:         r.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1),
		// Where attributes show, the only mark is the contents' for the
		// section being read, which every style has.
		Marks: Marks{Current: "› ", Note: "✎"},
	}
	if theme == render.StyleNoTTY || r.ColorProfile() == termenv.Ascii {
		// The section being read takes another mark than the cursor's.
		s.Marks = Marks{Cursor: "›", Current: "• ", Match: [2]string{"‹", "›"}, CurrentMatch: [2]string{"[", "]"},
			Highlight: [2]string{"⟦", "⟧"}, Selection: [2]string{"⟪", "⟫"}, Note: "✎"}
	}
	if theme == render.StyleNoTTY {
		// Without colour the status line still needs to stand apart.
		s.Status = r.NewStyle().Reverse(true)
		s.MatchCurrent = r.NewStyle().Reverse(true).Bold(true).Underline(true)
		s.Highlight, s.Selection = r.NewStyle(), r.NewStyle().Underline(true)
	}
	return s
}
