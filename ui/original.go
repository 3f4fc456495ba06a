package ui

import (
	"net/url"
	"strings"

	"cable/articles"
	"cable/render"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// original.go is the article's original address: o opens it in the
// browser, in the reader and in the library, with the opener L's links
// use (openLinkCmd); and the reader's header names its host beside the
// publication.

// noAddress is what o says of an article whose front matter gives no url.
const noAddress = "This article has no original address: its front matter gives no url."

// openOriginalCmd opens an article's address as L opens a link: in the
// browser, or copied where there is none. The library hears of it as its
// own message, since the reader takes noticeMsg.
func openOriginalCmd(address string, ctx *Context) tea.Cmd {
	open := openLinkCmd(address, ctx.Output)
	return func() tea.Msg {
		notice, _ := open().(noticeMsg)
		return libraryNoticeMsg{text: notice.text}
	}
}

// libraryNoticeMsg is a word for the library's status line from a
// command.
type libraryNoticeMsg struct{ text string }

// addressHost is the host of an address as a reader names a site, without
// "www." ("responsiblestatecraft.org"); "" for an address without one.
func addressHost(address string) string {
	u, err := url.Parse(strings.TrimSpace(address))
	if err != nil || u.Hostname() == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// headerByline is the line under the reader's title: the author, the
// publication, the address's host and the date, as far as the front
// matter gives them ("Eldar Mamedov · Responsible Statecraft ·
// responsiblestatecraft.org · 2024-05-20"). A host that is the
// publication's name over again is not repeated. In fewer than room
// columns the date goes first, then the host, so that the line is never
// wrapped and the author and publication stay; what still does not fit
// is cut between words.
func headerByline(meta articles.Meta, room int) string {
	host := addressHost(meta.URL)
	if host != "" && strings.EqualFold(strings.ReplaceAll(meta.Source, " ", ""), host) {
		host = ""
	}
	if host == "" {
		return cutWords(render.Byline(meta), room)
	}
	parts := []string{meta.Author, meta.Source, host, meta.Published}
	line := joinParts(parts)
	for _, drop := range []int{3, 2} {
		if ansi.StringWidth(line) <= room {
			break
		}
		parts[drop] = ""
		line = joinParts(parts)
	}
	return cutWords(line, room)
}

// joinParts joins the parts given with " · ".
func joinParts(parts []string) string {
	var given []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			given = append(given, p)
		}
	}
	return strings.Join(given, " · ")
}
