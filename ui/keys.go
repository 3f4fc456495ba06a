package ui

import (
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// The keymaps below are the only place keys are named. Update code
// dispatches with key.Matches and the help view is generated from the same
// bindings, so the help can never disagree with the keys.

// globalKeys work on every screen.
type globalKeys struct {
	Interrupt key.Binding
}

func newGlobalKeys() globalKeys {
	return globalKeys{
		Interrupt: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}

// libraryKeys are the library screen's own keys; moving and filtering are
// the bubbles list's, whose keymap is adjusted in newLibrary.
type libraryKeys struct {
	Open, Quit key.Binding
}

func newLibraryKeys() libraryKeys {
	return libraryKeys{
		Open: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Quit: key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
	}
}

// readerKeys are the reader's keys, chosen as a less or vim user expects.
type readerKeys struct {
	Down, Up                 key.Binding
	PageDown, PageUp         key.Binding
	HalfDown, HalfUp         key.Binding
	Top, Bottom              key.Binding
	NextSection, PrevSection key.Binding
	Contents                 key.Binding
	EditorsNote, Return      key.Binding
	JumpBack, JumpForward    key.Binding
	Back, Help, Quit         key.Binding
}

func newReaderKeys() readerKeys {
	return readerKeys{
		Down:        key.NewBinding(key.WithKeys("j", "down", "ctrl+n", "ctrl+e"), key.WithHelp("j/↓", "line down")),
		Up:          key.NewBinding(key.WithKeys("k", "up", "ctrl+p", "ctrl+y"), key.WithHelp("k/↑", "line up")),
		PageDown:    key.NewBinding(key.WithKeys(" ", "f", "pgdown", "ctrl+f"), key.WithHelp("space/f/pgdn", "page down")),
		PageUp:      key.NewBinding(key.WithKeys("b", "pgup", "ctrl+b"), key.WithHelp("b/pgup", "page up")),
		HalfDown:    key.NewBinding(key.WithKeys("ctrl+d", "d"), key.WithHelp("ctrl+d", "half page down")),
		HalfUp:      key.NewBinding(key.WithKeys("ctrl+u", "u"), key.WithHelp("ctrl+u", "half page up")),
		Top:         key.NewBinding(key.WithKeys("g", "home", "<"), key.WithHelp("g/home", "top")),
		Bottom:      key.NewBinding(key.WithKeys("G", "end", ">"), key.WithHelp("G/end", "bottom")),
		NextSection: key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next section")),
		PrevSection: key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous section")),
		Contents:    key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "contents")),
		EditorsNote: key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "editor's note")),
		Return:      key.NewBinding(key.WithKeys("backspace"), key.WithHelp("backspace", "back from note")),
		JumpBack:    key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", "jump back")),
		JumpForward: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "jump forward")),
		Back:        key.NewBinding(key.WithKeys("q", "esc"), key.WithHelp("q/esc", "library")),
		Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:        key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}

// ShortHelp is the one-line reminder in the reader's status line.
func (k readerKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Contents, k.EditorsNote, k.Help}
}

// FullHelp groups every reader key in columns: moving, sections, leaving.
func (k readerKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Down, k.Up, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom},
		{k.NextSection, k.PrevSection, k.Contents, k.EditorsNote, k.Return, k.JumpBack, k.JumpForward},
		{k.Back, k.Help, k.Quit},
	}
}

// tocKeys are the keys of the table of contents.
type tocKeys struct {
	Down, Up, Top, Bottom, Jump, Close key.Binding
}

func newTOCKeys() tocKeys {
	return tocKeys{
		Down:   key.NewBinding(key.WithKeys("j", "down", "ctrl+n"), key.WithHelp("j/↓", "down")),
		Up:     key.NewBinding(key.WithKeys("k", "up", "ctrl+p"), key.WithHelp("k/↑", "up")),
		Top:    key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "first")),
		Bottom: key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "last")),
		Jump:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go to section")),
		Close:  key.NewBinding(key.WithKeys("esc", "t", "q"), key.WithHelp("esc/t", "close")),
	}
}

// ShortHelp is shown under the table of contents.
func (k tocKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Down, k.Up, k.Jump, k.Close}
}

// FullHelp lists the same keys; the contents are small enough for one row.
func (k tocKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// pressedDisabled reports whether msg is one of b's keys while b is
// switched off, so that the reader can be told why nothing happened.
func pressedDisabled(msg tea.KeyMsg, b key.Binding) bool {
	return !b.Enabled() && slices.Contains(b.Keys(), msg.String())
}
