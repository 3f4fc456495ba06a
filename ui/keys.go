package ui

import (
	"slices"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"
)

// The keymaps below are the only place keys are named, and the tables
// after them the only place actions are named for the configuration file.
// Update code dispatches with key.Matches and the help view is generated
// from the same bindings, so the help can never disagree with the keys.

// globalKeys work on every screen.
type globalKeys struct {
	Interrupt, Suspend key.Binding
}

func newGlobalKeys() globalKeys {
	return globalKeys{
		Interrupt: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Suspend:   key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", "suspend")),
	}
}

// libraryKeys are the library screen's keys: its own, and the bubbles
// list's for moving and filtering, kept here so that the configuration
// rebinds both alike.
type libraryKeys struct {
	Open, Continue, Sort, Search, Marks, Finished, Unread, Quit key.Binding
	// UpdateFeeds fetches the feeds; CancelUpdate, on only while an
	// update runs, stops it.
	UpdateFeeds, CancelUpdate key.Binding
	// Delete moves the selected article to the trash, after asking;
	// OpenURL opens its original address; Highlights lists every
	// article's highlights.
	Delete, OpenURL, Highlights key.Binding
	// Archive puts the selected article aside, or back; ArchiveView
	// shows the archive instead of the library; Tag asks for the
	// article's tags.
	Archive, ArchiveView, Tag key.Binding
	List                      list.KeyMap
}

// newLibraryKeys makes the keys; those that need the store are off
// without one, and u without feeds to update.
func newLibraryKeys(hasStore, hasFeeds bool) libraryKeys {
	k := libraryKeys{
		Open:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Continue:     key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "continue reading")),
		Sort:         key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort")),
		Search:       key.NewBinding(key.WithKeys("ctrl+f"), key.WithHelp("ctrl+f", "search all")),
		Marks:        key.NewBinding(key.WithKeys("'"), key.WithHelp("'", "all bookmarks")),
		Finished:     key.NewBinding(key.WithKeys("F"), key.WithHelp("F", "mark finished")),
		Unread:       key.NewBinding(key.WithKeys("U"), key.WithHelp("U", "mark unread")),
		Quit:         key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		UpdateFeeds:  key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "update feeds")),
		CancelUpdate: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "stop updating")),
		Archive:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "archive")),
		ArchiveView:  key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "show the archive")),
		Tag:          key.NewBinding(key.WithKeys("+"), key.WithHelp("+", "tags")),
		List:         list.DefaultKeyMap(),
	}
	k.Delete = key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "delete to the trash"))
	k.OpenURL = key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open the original address"))
	k.Highlights = key.NewBinding(key.WithKeys("H"), key.WithHelp("H", "all highlights"))
	k.Highlights.SetEnabled(hasStore)
	// u updates the feeds; the list's previous page keeps its other keys.
	k.List.PrevPage.SetKeys("left", "h", "pgup", "b")
	k.UpdateFeeds.SetEnabled(hasFeeds)
	k.CancelUpdate.SetEnabled(false)
	// The list's own quit keys would end cable without saving through
	// the library's; q is the library's Quit.
	k.List.Quit.SetEnabled(false)
	k.List.ForceQuit.SetEnabled(false)
	for _, b := range []*key.Binding{&k.Continue, &k.Search, &k.Marks, &k.Finished, &k.Unread, &k.Archive, &k.ArchiveView, &k.Tag} {
		b.SetEnabled(hasStore)
	}
	return k
}

// ShortHelp adds the library's main keys to the list's own reminder.
func (k libraryKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Search, k.Sort, k.UpdateFeeds, k.Quit}
}

// FullHelp adds every library key to the list's full help.
func (k libraryKeys) FullHelp() []key.Binding {
	return []key.Binding{k.Open, k.Continue, k.Sort, k.Search, k.Marks, k.Finished, k.Unread, k.Archive, k.ArchiveView, k.Tag,
		k.UpdateFeeds, k.CancelUpdate, k.Highlights, k.OpenURL, k.Delete, k.Quit}
}

// readerKeys are the reader's keys, chosen as a less or vim user expects.
type readerKeys struct {
	Down, Up                 key.Binding
	PageDown, PageUp         key.Binding
	HalfDown, HalfUp         key.Binding
	Top, Bottom              key.Binding
	NextSection, PrevSection key.Binding
	NextSub, PrevSub         key.Binding
	Contents                 key.Binding
	EditorsNote, Return      key.Binding
	JumpBack, JumpForward    key.Binding
	Bookmark, Marks, Quote   key.Binding
	Find, NextMatch, Measure key.Binding
	Links, Names, SideTOC    key.Binding
	Footnote                 key.Binding
	PrevMatch, ClearFind     key.Binding
	Back, Help, Quit         key.Binding
	// Select starts a selection, which the Sentence and Paragraph keys
	// extend and shrink and SelectSave and SelectCancel end; they act
	// only while one is made. Highlights lists the article's.
	Select, Highlights           key.Binding
	SentenceMore, SentenceLess   key.Binding
	ParagraphMore, ParagraphLess key.Binding
	SelectSave, SelectCancel     key.Binding
	// OpenURL opens the article's original address in the browser.
	OpenURL key.Binding
}

func newReaderKeys() readerKeys {
	return readerKeys{
		Down:          key.NewBinding(key.WithKeys("j", "down", "ctrl+n", "ctrl+e"), key.WithHelp("j/↓", "line down")),
		Up:            key.NewBinding(key.WithKeys("k", "up", "ctrl+p", "ctrl+y"), key.WithHelp("k/↑", "line up")),
		PageDown:      key.NewBinding(key.WithKeys(" ", "pgdown", "ctrl+f"), key.WithHelp("space/pgdn", "page down")),
		PageUp:        key.NewBinding(key.WithKeys("b", "pgup", "ctrl+b"), key.WithHelp("b/pgup", "page up")),
		HalfDown:      key.NewBinding(key.WithKeys("ctrl+d", "d"), key.WithHelp("ctrl+d", "half page down")),
		HalfUp:        key.NewBinding(key.WithKeys("ctrl+u", "u"), key.WithHelp("ctrl+u", "half page up")),
		Top:           key.NewBinding(key.WithKeys("g", "home", "<"), key.WithHelp("g/home", "top")),
		Bottom:        key.NewBinding(key.WithKeys("G", "end", ">"), key.WithHelp("G/end", "bottom")),
		NextSection:   key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next section")),
		PrevSection:   key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous section")),
		NextSub:       key.NewBinding(key.WithKeys("}"), key.WithHelp("}", "by sub-section")),
		PrevSub:       key.NewBinding(key.WithKeys("{"), key.WithHelp("{", "previous sub-section")),
		Contents:      key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "contents")),
		EditorsNote:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "editor's note")),
		Return:        key.NewBinding(key.WithKeys("backspace"), key.WithHelp("backspace", "back from note")),
		JumpBack:      key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", "jump back")),
		JumpForward:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "jump forward")),
		Bookmark:      key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "bookmark")),
		Marks:         key.NewBinding(key.WithKeys("'"), key.WithHelp("'", "bookmarks")),
		Quote:         key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "highlight paragraph")),
		Measure:       key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "text width")),
		Links:         key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "links")),
		Names:         key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "names index")),
		Footnote:      key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "footnotes on screen")),
		SideTOC:       key.NewBinding(key.WithKeys("T"), key.WithHelp("T", "contents beside the text")),
		Find:          key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search the article")),
		NextMatch:     key.NewBinding(key.WithKeys("n"), key.WithHelp("n/N", "next/previous match")),
		PrevMatch:     key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match")),
		ClearFind:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear the matches")),
		Back:          key.NewBinding(key.WithKeys("q", "esc"), key.WithHelp("q/esc", "library")),
		Help:          key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:          key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Select:        key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "select a passage")),
		Highlights:    key.NewBinding(key.WithKeys("H"), key.WithHelp("H", "highlights")),
		SentenceMore:  key.NewBinding(key.WithKeys(")"), key.WithHelp(")", "selection: ± sentence")),
		SentenceLess:  key.NewBinding(key.WithKeys("("), key.WithHelp("(", "selection: one sentence less")),
		ParagraphMore: key.NewBinding(key.WithKeys("}"), key.WithHelp("}", "selection: ± paragraph")),
		ParagraphLess: key.NewBinding(key.WithKeys("{"), key.WithHelp("{", "selection: one paragraph less")),
		SelectSave:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "selection: highlight")),
		SelectCancel:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "selection: cancel")),
		OpenURL:       key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "original address")),
	}
}

// ShortHelp is the one-line reminder in the reader's status line.
func (k readerKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Contents, k.EditorsNote, k.Help}
}

// selectionReminder is the status line's reminder while a passage is
// being selected: the keys that grow, shrink, save and cancel it, named
// as they are bound (the pairs' help names both keys), the saving key last so it is the one kept on a
// narrow screen.
func (k readerKeys) selectionReminder() []key.Binding {
	pair := func(more, less key.Binding, what string) key.Binding {
		return key.NewBinding(key.WithKeys(append(more.Keys(), less.Keys()...)...), key.WithHelp(more.Help().Key, what)) // already "more/less", see newReader
	}
	return []key.Binding{
		pair(k.SentenceMore, k.SentenceLess, "± sentence"),
		pair(k.ParagraphMore, k.ParagraphLess, "± paragraph"),
		key.NewBinding(key.WithKeys(k.SelectCancel.Keys()...), key.WithHelp(k.SelectCancel.Help().Key, "cancel")),
		key.NewBinding(key.WithKeys(k.SelectSave.Keys()...), key.WithHelp(k.SelectSave.Help().Key, "highlight")),
	}
}

// FullHelp groups every reader key in columns: moving, sections, leaving.
func (k readerKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Down, k.Up, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom, k.Measure},
		{k.NextSection, k.PrevSection, k.NextSub, k.Contents, k.SideTOC, k.EditorsNote, k.Return, k.JumpBack, k.JumpForward, k.Links, k.Footnote},
		{k.Find, k.NextMatch, k.Names, k.Bookmark, k.Marks, k.Quote, k.Back, k.Help, k.Quit},
		{k.Select, k.SentenceMore, k.ParagraphMore, k.SelectSave, k.SelectCancel, k.Highlights, k.OpenURL},
	}
}

// pickKeys are the keys of the lists that stand over the text: the table
// of contents and the bookmarks.
type pickKeys struct {
	Down, Up, PageDown, PageUp, Top, Bottom, Choose, Delete, Close key.Binding
	// Fold lists every sub-section in the contents, or only the
	// section's; off in the other lists.
	Fold key.Binding
	// Edit changes a highlight's note; off in the other lists.
	Edit key.Binding
	// Filter narrows the library's list of every highlight as typed;
	// off in the other lists.
	Filter key.Binding
}

func newPickKeys(choose string) pickKeys {
	k := pickKeys{
		Down:     key.NewBinding(key.WithKeys("j", "down", "ctrl+n"), key.WithHelp("j/↓", "down")),
		Up:       key.NewBinding(key.WithKeys("k", "up", "ctrl+p"), key.WithHelp("k/↑", "up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+f", "ctrl+d"), key.WithHelp("pgdn", "page down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+b", "ctrl+u"), key.WithHelp("pgup", "page up")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "first")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "last")),
		Choose:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", choose)),
		Delete:   key.NewBinding(key.WithKeys("d", "delete"), key.WithHelp("d", "delete")),
		Close:    key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc", "close")),
		Fold:     key.NewBinding(key.WithKeys("z"), key.WithHelp("z", "all sub-sections")),
		Edit:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit the note")),
		Filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
	}
	k.Fold.SetEnabled(false)
	k.Edit.SetEnabled(false)
	k.Filter.SetEnabled(false)
	return k
}

// ShortHelp is shown under the list.
func (k pickKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Down, k.Up, k.Choose, k.Filter, k.Fold, k.Edit, k.Delete, k.Close}
}

// FullHelp lists the same keys; the lists are small enough for one row.
func (k pickKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// searchKeys are the search screen's keys; every other key edits the
// query.
type searchKeys struct {
	Down, Up, Open, Close key.Binding
}

func newSearchKeys() searchKeys {
	return searchKeys{
		Down:  key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "next")),
		Up:    key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "previous")),
		Open:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open at the passage")),
		Close: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "library")),
	}
}

// ShortHelp is shown under the results.
func (k searchKeys) ShortHelp() []key.Binding { return []key.Binding{k.Down, k.Up, k.Open, k.Close} }

// FullHelp lists the same keys.
func (k searchKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// dimHelp is a help view for the one-line reminders under lists, drawn
// quietly so that it does not compete with the list.
func dimHelp(ctx *Context) help.Model {
	h := help.New()
	h.Styles.ShortKey, h.Styles.ShortDesc, h.Styles.ShortSeparator = ctx.Styles.Dim, ctx.Styles.Dim, ctx.Styles.Dim
	return h
}

// pressedDisabled reports whether msg is one of b's keys while b is
// switched off, so that the reader can be told why nothing happened.
func pressedDisabled(msg tea.KeyMsg, b key.Binding) bool {
	return !b.Enabled() && slices.Contains(b.Keys(), msg.String())
}

// actions names the bindings of one keymap for the configuration file.
type actions[K any] map[string]func(k *K) *key.Binding

// readerActions names the reader's actions.
var readerActions = actions[readerKeys]{
	"down": func(k *readerKeys) *key.Binding { return &k.Down }, "up": func(k *readerKeys) *key.Binding { return &k.Up },
	"page_down": func(k *readerKeys) *key.Binding { return &k.PageDown }, "page_up": func(k *readerKeys) *key.Binding { return &k.PageUp },
	"half_page_down": func(k *readerKeys) *key.Binding { return &k.HalfDown }, "half_page_up": func(k *readerKeys) *key.Binding { return &k.HalfUp },
	"top": func(k *readerKeys) *key.Binding { return &k.Top }, "bottom": func(k *readerKeys) *key.Binding { return &k.Bottom },
	"next_section": func(k *readerKeys) *key.Binding { return &k.NextSection }, "previous_section": func(k *readerKeys) *key.Binding { return &k.PrevSection },
	"next_subsection": func(k *readerKeys) *key.Binding { return &k.NextSub }, "previous_subsection": func(k *readerKeys) *key.Binding { return &k.PrevSub },
	"contents": func(k *readerKeys) *key.Binding { return &k.Contents }, "side_contents": func(k *readerKeys) *key.Binding { return &k.SideTOC },
	"editors_note": func(k *readerKeys) *key.Binding { return &k.EditorsNote }, "back_from_note": func(k *readerKeys) *key.Binding { return &k.Return },
	"jump_back": func(k *readerKeys) *key.Binding { return &k.JumpBack }, "jump_forward": func(k *readerKeys) *key.Binding { return &k.JumpForward },
	"bookmark": func(k *readerKeys) *key.Binding { return &k.Bookmark }, "bookmarks": func(k *readerKeys) *key.Binding { return &k.Marks },
	"quote": func(k *readerKeys) *key.Binding { return &k.Quote }, "width": func(k *readerKeys) *key.Binding { return &k.Measure },
	"links": func(k *readerKeys) *key.Binding { return &k.Links }, "names": func(k *readerKeys) *key.Binding { return &k.Names },
	"search": func(k *readerKeys) *key.Binding { return &k.Find }, "next_match": func(k *readerKeys) *key.Binding { return &k.NextMatch },
	"previous_match": func(k *readerKeys) *key.Binding { return &k.PrevMatch }, "library": func(k *readerKeys) *key.Binding { return &k.Back },
	"help": func(k *readerKeys) *key.Binding { return &k.Help }, "footnote": func(k *readerKeys) *key.Binding { return &k.Footnote },
	"select": func(k *readerKeys) *key.Binding { return &k.Select }, "highlights": func(k *readerKeys) *key.Binding { return &k.Highlights },
	"open_url": func(k *readerKeys) *key.Binding { return &k.OpenURL },
}

// selectionActions names the actions of a selection being made in the
// reader, whose keys are the reader's own while it is not.
var selectionActions = actions[readerKeys]{
	"next_sentence": func(k *readerKeys) *key.Binding { return &k.SentenceMore }, "previous_sentence": func(k *readerKeys) *key.Binding { return &k.SentenceLess },
	"next_paragraph": func(k *readerKeys) *key.Binding { return &k.ParagraphMore }, "previous_paragraph": func(k *readerKeys) *key.Binding { return &k.ParagraphLess },
	"save": func(k *readerKeys) *key.Binding { return &k.SelectSave }, "cancel": func(k *readerKeys) *key.Binding { return &k.SelectCancel },
}

// libraryActions names the library's actions, moving and filtering (the
// list's own keys) included.
var libraryActions = actions[libraryKeys]{
	"open": func(k *libraryKeys) *key.Binding { return &k.Open }, "continue": func(k *libraryKeys) *key.Binding { return &k.Continue },
	"sort": func(k *libraryKeys) *key.Binding { return &k.Sort }, "search": func(k *libraryKeys) *key.Binding { return &k.Search },
	"bookmarks": func(k *libraryKeys) *key.Binding { return &k.Marks }, "finished": func(k *libraryKeys) *key.Binding { return &k.Finished },
	"unread": func(k *libraryKeys) *key.Binding { return &k.Unread }, "quit": func(k *libraryKeys) *key.Binding { return &k.Quit },
	"down": func(k *libraryKeys) *key.Binding { return &k.List.CursorDown }, "up": func(k *libraryKeys) *key.Binding { return &k.List.CursorUp },
	"next_page": func(k *libraryKeys) *key.Binding { return &k.List.NextPage }, "previous_page": func(k *libraryKeys) *key.Binding { return &k.List.PrevPage },
	"first": func(k *libraryKeys) *key.Binding { return &k.List.GoToStart }, "last": func(k *libraryKeys) *key.Binding { return &k.List.GoToEnd },
	"filter": func(k *libraryKeys) *key.Binding { return &k.List.Filter }, "help": func(k *libraryKeys) *key.Binding { return &k.List.ShowFullHelp },
	"update_feeds": func(k *libraryKeys) *key.Binding { return &k.UpdateFeeds },
	"delete":       func(k *libraryKeys) *key.Binding { return &k.Delete }, "open_url": func(k *libraryKeys) *key.Binding { return &k.OpenURL },
	"highlights": func(k *libraryKeys) *key.Binding { return &k.Highlights },
	"archive":    func(k *libraryKeys) *key.Binding { return &k.Archive }, "archive_view": func(k *libraryKeys) *key.Binding { return &k.ArchiveView },
	"tags": func(k *libraryKeys) *key.Binding { return &k.Tag },
}
