package ui

import (
	"io"
	"os"
	"os/signal"
	"syscall"

	"cable/library"
	"cable/render"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// screen is which screen the root model shows.
type screen int

const (
	libraryScreen screen = iota
	readerScreen
	searchScreen
	allMarksScreen
	allHighlightsScreen
)

// Model is cable's root model. It owns the shared context, handles what
// concerns every screen (the window size, ctrl+c, ctrl+z, opening and
// closing articles), passes keys and clicks to the screen on show, and
// every other message to every screen. Results of background work reach
// the screen that asked for them whatever screen is showing, so nothing
// done is lost.
type Model struct {
	ctx      *Context
	keys     globalKeys
	screen   screen
	library  libraryModel
	reader   readerModel
	search   searchModel
	allMarks allMarksModel
	allHighs allHighlightsModel
	// opened is the entry cable was started with, if any.
	opened *library.Entry
	// loading is set while an article's file is read; the keys pressed
	// meanwhile are kept in early for the reader, not given to the
	// screen still on show.
	loading bool
	early   typeAhead
}

// Start says what the program starts with.
type Start struct {
	// Open is an entry to open straight in the reader.
	Open *library.Entry
	// Readings and Last are the reader's state for the library list.
	Readings map[string]library.Reading
	Last     library.Reading
	// New are the keys of the articles marked new in the store: saved by
	// a feed update or cable get, and not opened since.
	New map[string]bool
}

// NewModel builds the root model over the context's catalog.
func NewModel(ctx *Context, start Start) Model {
	m := Model{
		ctx:      ctx,
		keys:     newGlobalKeys(),
		library:  newLibrary(ctx, start.Readings, start.Last, start.New),
		search:   newSearch(ctx),
		allMarks: newAllMarks(ctx),
		allHighs: newAllHighlights(ctx),
		opened:   start.Open,
		loading:  start.Open != nil,
	}
	if ctx.Catalog != nil && ctx.Catalog.Warning != "" {
		// It stays until another message replaces it: it is about the
		// whole run, not one moment.
		m.library.status, m.library.warning = ctx.Catalog.Warning, true
	}
	return m
}

// Init opens the article cable was started with, if any, lists the rest
// of a library drawn from its first page, and waits for changes in the
// library's directories.
func (m Model) Init() tea.Cmd {
	rest := tea.Batch(m.library.loadRest(), m.library.watchLibrary(), m.library.watchRecord())
	if m.opened != nil {
		return tea.Batch(openEntry(*m.opened, nil), rest)
	}
	return rest
}

// Update routes a message: global concerns first; then what the person
// does (keys, the mouse) goes to the screen on show, and everything else,
// the results of background work, to every screen.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m.resize(msg)
	case tea.KeyMsg:
		if keys := splitRunes(msg); len(keys) > 1 {
			return m.eachKey(keys)
		}
		switch {
		case key.Matches(msg, m.keys.Interrupt):
			return m, tea.Interrupt
		case key.Matches(msg, m.keys.Suspend):
			return m, tea.Suspend
		case m.loading:
			m.early.add(msg)
			return m, nil
		}
		return m.updateScreen(msg)
	case tea.MouseMsg:
		return m.updateScreen(msg)
	case openEntryMsg:
		m.loading = true
		return m, loadArticleCmd(m.ctx.Catalog, msg.entry, msg.at, msg.find, m.ctx.Crash)
	case articleLoadedMsg:
		return m.opening(msg)
	case closeReaderMsg:
		m.screen = libraryScreen
		// The cursor goes to the article just read, wherever the reader
		// came from: one opened from the command line or by cable get
		// --read left the library's cursor on another row.
		m.library.reselect(entryItem{entry: &m.reader.entry})
		return m, m.reader.saveNow()
	case showScreenMsg:
		m.screen = msg.screen
		return m, msg.init
	}
	return m.broadcast(msg)
}

// eachKey takes keys one after the other, as if pressed one at a time.
func (m Model) eachKey(keys []tea.KeyMsg) (tea.Model, tea.Cmd) {
	cmds := make([]tea.Cmd, len(keys))
	var next tea.Model = m
	for i, k := range keys {
		next, cmds[i] = next.Update(k)
	}
	return next, tea.Batch(cmds...)
}

// broadcast hands a message to every screen. Each takes what it asked for
// (its results name their asker, article or query) and ignores the rest,
// so a result reaches its screen whichever screen is on show, and no list
// here has to know which result is whose.
func (m Model) broadcast(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmds [5]tea.Cmd
	m.library, cmds[0] = m.library.update(msg)
	m.reader, cmds[1] = m.reader.update(msg)
	m.search, cmds[2] = m.search.update(msg)
	m.allMarks, cmds[3] = m.allMarks.update(msg)
	m.allHighs, cmds[4] = m.allHighs.update(msg)
	return m, tea.Batch(cmds[:]...)
}

// updateScreen hands a key or a click to the screen on show.
func (m Model) updateScreen(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.screen {
	case readerScreen:
		m.reader, cmd = m.reader.update(msg)
	case searchScreen:
		m.search, cmd = m.search.update(msg)
	case allMarksScreen:
		m.allMarks, cmd = m.allMarks.update(msg)
	case allHighlightsScreen:
		m.allHighs, cmd = m.allHighs.update(msg)
	default:
		if k, ok := msg.(tea.KeyMsg); ok && m.library.list.FilterState() != list.Filtering {
			if next, ok := m.libraryJump(k); ok {
				return m, next
			}
		}
		m.library, cmd = m.library.update(msg)
	}
	return m, cmd
}

// libraryJump takes the library keys that lead to another screen.
func (m *Model) libraryJump(k tea.KeyMsg) (tea.Cmd, bool) {
	if m.library.triage.ask != nil {
		return nil, false // the key answers the library's question
	}
	switch {
	case key.Matches(k, m.library.keys.Search):
		m.screen = searchScreen
		return m.search.open(), true
	case key.Matches(k, m.library.keys.Marks):
		m.screen = allMarksScreen
		return bookmarksCmd(m.ctx.store(), ""), true
	case key.Matches(k, m.library.keys.Highlights):
		m.screen = allHighlightsScreen
		return m.allHighs.open(), true
	}
	return nil, false
}

func (m Model) resize(msg tea.WindowSizeMsg) (tea.Model, tea.Cmd) {
	m.ctx.Width, m.ctx.Height = msg.Width, msg.Height
	var cmds [2]tea.Cmd
	m.library, cmds[0] = m.library.update(msg)
	m.search.resize()
	m.reader, cmds[1] = m.reader.update(msg)
	return m, tea.Batch(cmds[:]...)
}

// opening shows a loaded article in the reader, saving the place in the
// one it replaces.
// The keys pressed while it loaded go to the new reader, which applies
// them once the text is on screen; when the article cannot be opened they
// are dropped, as they were meant for it.
func (m Model) opening(msg articleLoadedMsg) (tea.Model, tea.Cmd) {
	m.loading = false
	early := m.early.take()
	if msg.err != nil {
		m.screen = libraryScreen
		return m, m.library.warn("Cannot open: " + msg.err.Error())
	}
	var save tea.Cmd
	if m.reader.article != nil && m.screen == readerScreen {
		save = m.reader.saveNow()
	}
	m.screen = readerScreen
	m.library.opened(msg.entry.Key)
	m.reader = newReader(m.ctx, msg)
	cmds := []tea.Cmd{save, m.reader.Init()}
	for _, k := range early {
		var cmd tea.Cmd
		m.reader, cmd = m.reader.update(k)
		cmds = append(cmds, cmd)
	}
	return m, tea.Batch(cmds...)
}

// View draws the screen on show.
func (m Model) View() string {
	if m.ctx.Width == 0 {
		return "" // the first size has not arrived yet
	}
	if m.loading && m.opened != nil && m.screen == libraryScreen && m.reader.article == nil {
		// The article cable was started with is being read: it, not
		// the library, is what the reader asked for.
		return openingView(m.ctx, m.opened.Summary.Title)
	}
	switch m.screen {
	case readerScreen:
		return m.reader.view()
	case searchScreen:
		return m.search.view()
	case allMarksScreen:
		return m.allMarks.view()
	case allHighlightsScreen:
		return m.allHighs.view()
	}
	return m.library.view()
}

// showScreenMsg switches screens from inside one, with a command to run.
type showScreenMsg struct {
	screen screen
	init   tea.Cmd
}

// useTheme points lipgloss's default renderer, which the bubbles list
// draws with, at the context's colour profile and background, so that the
// library follows the same theme as the rest.
func useTheme(ctx *Context) {
	lipgloss.SetColorProfile(ctx.Profile)
	lipgloss.SetHasDarkBackground(ctx.Theme != render.StyleLight)
}

// endUpdate cancels the feed update the final model left running, from
// whatever screen the reader quit: its goroutine may be waiting to hand
// over an event that nobody will read now, and must end. The program
// that gave the updater waits for it before it closes the store.
func endUpdate(final tea.Model) {
	if g, ok := final.(guarded); ok {
		final = g.model
	}
	if root, ok := final.(Model); ok {
		root.library.feeds.stop()
	}
}

// Run starts the interactive reader on the terminal and returns when the
// reader quits, having saved the place in the article open then. A ctrl+c
// returns tea.ErrInterrupted, a panic a *CrashError with its report
// written by ctx.Crash; SIGTERM and SIGHUP quit as q does, place saved.
// An in that holds the terminal's mode itself (a Suspender: input that is
// no terminal, read from one) is told when ctrl+z suspends the reader and
// when it resumes.
func Run(ctx *Context, start Start, in io.Reader, out io.Writer) error {
	useTheme(ctx)
	ctx.Output = out
	box := &crashBox{reports: ctx.Crash}
	opts := []tea.ProgramOption{
		tea.WithAltScreen(),
		tea.WithMouseCellMotion(),
		tea.WithInput(in),
		tea.WithOutput(out),
	}
	if s, ok := in.(Suspender); ok {
		opts = append(opts, tea.WithFilter(suspendFilter(s)))
	}
	p := tea.NewProgram(guarded{model: NewModel(ctx, start), box: box}, opts...)
	box.quit = p.Quit
	hangup := make(chan os.Signal, 1)
	signal.Notify(hangup, syscall.SIGHUP)
	defer signal.Stop(hangup)
	go func() {
		if _, ok := <-hangup; ok {
			p.Quit()
		}
	}()
	final, err := p.Run()
	endUpdate(final)
	if box.err != nil {
		return box.err
	}
	if g, ok := final.(guarded); ok {
		if root, ok := g.model.(Model); ok && root.screen == readerScreen {
			if saveErr := root.reader.saveSync(); saveErr != nil && err == nil {
				err = saveErr
			}
		}
	}
	return err
}

// Suspender is input that holds the terminal's mode for the reader,
// which leaves the mode alone when its input is no terminal: Suspend gives
// the shell the terminal as it was, Resume takes it raw again.
type Suspender interface {
	Suspend() error
	Resume() error
}

// suspendFilter tells s of a suspension before Bubble Tea stops the
// process (tea.SuspendMsg), and of the return once it is continued
// (tea.ResumeMsg), passing both on.
func suspendFilter(s Suspender) func(tea.Model, tea.Msg) tea.Msg {
	return func(_ tea.Model, msg tea.Msg) tea.Msg {
		switch msg.(type) {
		case tea.SuspendMsg:
			_ = s.Suspend()
		case tea.ResumeMsg:
			_ = s.Resume()
		}
		return msg
	}
}

// openingView is the screen while the article cable was started with is
// read: its title, dimmed, where the text will be.
func openingView(ctx *Context, title string) string {
	line := ctx.Styles.Dim.Render(ansi.Truncate("Opening "+title+"…", max(ctx.Width-4, 1), "…"))
	return "\n  " + line
}
