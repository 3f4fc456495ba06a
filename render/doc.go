// Package render turns an article into lines at a width and a style: the
// Glamour rendering, section by section and in parallel, with the wrap
// fixes Glamour needs; the Document that maps places in the text
// (section, paragraph, offset) to lines and back; the themes and JSON
// styles; OSC 8 hyperlinks; the printing behind "cable read"; and the
// disk cache that keeps renderings between runs: its API and key in
// cache.go, its entry format in cache_codec.go, the checks on what is
// read back in cache_check.go and its eviction in cache_evict.go.
//
// It knows nothing of Bubble Tea, so that the commands that print never
// start or link a screen; the reader in package ui calls it from its
// commands.
package render
