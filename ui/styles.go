package ui

import (
	"github.com/charmbracelet/lipgloss"

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
	HelpKey      lipgloss.Style // a key in the help
	HelpDesc     lipgloss.Style // what it does
	Peek         lipgloss.Style // the box footnotes are peeked at in
	Error        lipgloss.Style
}

// NewStyles builds the styles for a theme ("dark", "light" or "notty")
// with r, whose colour profile decides what actually reaches the screen.
func NewStyles(r *lipgloss.Renderer, theme string) Styles {
	accent, dim, fg := lipgloss.Color("39"), lipgloss.Color("245"), lipgloss.Color("252")
	statusBG := lipgloss.Color("236")
	if theme == render.StyleLight {
		accent, dim, fg = lipgloss.Color("25"), lipgloss.Color("242"), lipgloss.Color("235")
		statusBG = lipgloss.Color("254")
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
		HelpKey:      r.NewStyle().Bold(true).Foreground(accent),
		HelpDesc:     r.NewStyle().Foreground(fg),
		Peek:         r.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1),
	}
	if theme == render.StyleNoTTY {
		// Without colour the status line still needs to stand apart.
		s.Status = r.NewStyle().Reverse(true)
		s.MatchCurrent = r.NewStyle().Reverse(true).Bold(true).Underline(true)
	}
	return s
}
