// Package ui is cable's interactive reader: the Bubble Tea screens (the
// library, the reader and what stands over it: contents, bookmarks,
// links, names, footnotes, search), one file each, with their keymaps,
// styles and messages. It renders nothing itself: articles are rendered
// by package render in background commands, and the screens only slice
// the rendered lines.
package ui
