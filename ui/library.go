package ui

import (
	"fmt"
	"strings"

	"cable/articles"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"
)

// libraryItem is one article in the library list.
type libraryItem struct{ article *articles.Article }

func (i libraryItem) Title() string { return i.article.Meta.Title }

// Description is the line under the title: author, source, reading time
// and number of sections.
func (i libraryItem) Description() string {
	a := i.article
	var parts []string
	for _, p := range []string{a.Meta.Author, a.Meta.Source} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	parts = append(parts, fmt.Sprintf("%d min", max(a.Minutes(), 1)), plural(len(a.Sections), "section"))
	return strings.Join(parts, " · ")
}

// FilterValue is what "/" matches against: title, author, source and
// topics, so a reader can find a piece by any of them.
func (i libraryItem) FilterValue() string {
	m := i.article.Meta
	return strings.Join(append([]string{m.Title, m.Author, m.Source}, m.Topics...), " ")
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// libraryModel lists every article; enter opens one in the reader.
type libraryModel struct {
	ctx  *Context
	list list.Model
	keys libraryKeys
}

func newLibrary(ctx *Context, all []*articles.Article) libraryModel {
	items := make([]list.Item, len(all))
	for i, a := range all {
		items[i] = libraryItem{article: a}
	}
	delegate := list.NewDefaultDelegate()
	if ctx.Theme == StyleNoTTY {
		delegate.Styles.SelectedTitle = delegate.Styles.SelectedTitle.Reverse(true)
	}
	l := list.New(items, delegate, ctx.Width, ctx.Height)
	l.Title = "cable"
	l.SetStatusBarItemName("article", "articles")
	l.DisableQuitKeybindings()
	keys := newLibraryKeys()
	extra := func() []key.Binding { return []key.Binding{keys.Open, keys.Quit} }
	l.AdditionalShortHelpKeys, l.AdditionalFullHelpKeys = extra, extra
	return libraryModel{ctx: ctx, list: l, keys: keys}
}

func (m libraryModel) update(msg tea.Msg) (libraryModel, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.list.SetSize(msg.Width, msg.Height)
	case tea.KeyMsg:
		if m.list.FilterState() != list.Filtering {
			switch {
			case key.Matches(msg, m.keys.Open):
				if item, ok := m.list.SelectedItem().(libraryItem); ok {
					return m, openArticle(item.article)
				}
				return m, nil
			case key.Matches(msg, m.keys.Quit):
				return m, tea.Quit
			}
		}
	}
	var cmd tea.Cmd
	m.list, cmd = m.list.Update(msg)
	return m, cmd
}

func (m libraryModel) view() string {
	if m.ctx.tooSmall() {
		return tooSmallView(m.ctx)
	}
	// The list draws a fixed minimum of lines whatever its size; in a
	// small terminal the surplus is cut rather than scrolled off screen.
	lines := strings.Split(m.list.View(), "\n")
	return strings.Join(fitLines(lines, m.ctx.Height, m.ctx.Width), "\n")
}
