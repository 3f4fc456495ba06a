package ui

import (
	"io"

	"cable/articles"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// screen is which screen the root model shows.
type screen int

const (
	libraryScreen screen = iota
	readerScreen
)

// Model is cable's root model. It owns the shared context, handles what
// concerns every screen (the window size, ctrl+c) and passes everything
// else to the screen on show. Rendered articles reach the reader whatever
// screen is showing, so work done in the background is never lost.
type Model struct {
	ctx     *Context
	keys    globalKeys
	screen  screen
	library libraryModel
	reader  readerModel
	// opened is set when cable started straight in the reader.
	opened *articles.Article
}

// NewModel builds the root model over a list of articles. When open is not
// nil, cable starts in the reader with that article.
func NewModel(ctx *Context, all []*articles.Article, open *articles.Article) Model {
	return Model{
		ctx:     ctx,
		keys:    newGlobalKeys(),
		library: newLibrary(ctx, all),
		opened:  open,
	}
}

// Init opens the article cable was started with, if any.
func (m Model) Init() tea.Cmd {
	if m.opened != nil {
		return openArticle(m.opened)
	}
	return nil
}

// Update routes a message: global concerns first, then the screen.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.ctx.Width, m.ctx.Height = msg.Width, msg.Height
		var cmds [2]tea.Cmd
		m.library, cmds[0] = m.library.update(msg)
		if m.reader.article != nil {
			m.reader, cmds[1] = m.reader.update(msg)
		}
		return m, tea.Batch(cmds[:]...)
	case tea.KeyMsg:
		if key.Matches(msg, m.keys.Interrupt) {
			return m, tea.Interrupt
		}
	case openArticleMsg:
		m.screen = readerScreen
		m.reader = newReader(m.ctx, msg.article)
		return m, m.reader.Init()
	case closeReaderMsg:
		m.screen = libraryScreen
		return m, nil
	case renderedMsg:
		if m.reader.article == nil {
			return m, nil
		}
		var cmd tea.Cmd
		m.reader, cmd = m.reader.update(msg)
		return m, cmd
	}
	var cmd tea.Cmd
	switch m.screen {
	case readerScreen:
		m.reader, cmd = m.reader.update(msg)
	default:
		m.library, cmd = m.library.update(msg)
	}
	return m, cmd
}

// View draws the screen on show.
func (m Model) View() string {
	if m.ctx.Width == 0 {
		return "" // the first size has not arrived yet
	}
	if m.screen == readerScreen {
		return m.reader.view()
	}
	return m.library.view()
}

// useTheme points lipgloss's default renderer, which the bubbles list
// draws with, at the context's colour profile and background, so that the
// library follows the same theme as the rest.
func useTheme(ctx *Context) {
	lipgloss.SetColorProfile(ctx.Profile)
	lipgloss.SetHasDarkBackground(ctx.Theme != StyleLight)
}

// Run starts the interactive reader on the terminal and returns when the
// reader quits. A ctrl+c returns tea.ErrInterrupted.
func Run(ctx *Context, all []*articles.Article, open *articles.Article, in io.Reader, out io.Writer) error {
	useTheme(ctx)
	p := tea.NewProgram(NewModel(ctx, all, open),
		tea.WithAltScreen(),
		tea.WithMouseCellMotion(),
		tea.WithInput(in),
		tea.WithOutput(out),
	)
	_, err := p.Run()
	return err
}
