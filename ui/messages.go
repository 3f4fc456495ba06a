package ui

import (
	"time"

	"cable/articles"

	tea "github.com/charmbracelet/bubbletea"
)

// renderedMsg brings back an article rendered in the background. It names
// the article and options it was rendered for, so a result that arrives
// after the reader moved on is kept for later or dropped, never shown in
// the wrong place.
type renderedMsg struct {
	articleID string
	options   RenderOptions
	doc       *Document
	err       error
}

// openArticleMsg asks the root to show an article in the reader.
type openArticleMsg struct{ article *articles.Article }

// closeReaderMsg asks the root to go back to the library.
type closeReaderMsg struct{}

// clearStatusMsg clears a passing status message, unless a newer one has
// replaced it since.
type clearStatusMsg struct{ id int }

// statusDuration is how long a passing message stays in the status line.
const statusDuration = 3 * time.Second

// renderCmd renders an article in the background.
func renderCmd(a *articles.Article, opts RenderOptions) tea.Cmd {
	return func() tea.Msg {
		doc, err := Render(a, opts)
		return renderedMsg{articleID: a.ID, options: opts, doc: doc, err: err}
	}
}

func openArticle(a *articles.Article) tea.Cmd {
	return func() tea.Msg { return openArticleMsg{article: a} }
}

func closeReader() tea.Msg { return closeReaderMsg{} }
