// cache_check.go holds the checks a document read back from the render
// cache must pass before the reader is given it.

package render

import (
	"fmt"

	"cable/articles"
)

// checkDocument reports whether doc can be a's rendering: one start for
// every section and block, every line number in range and every section
// after the one before. A document that passes cannot make the reader
// index out of its lines, whatever produced it.
func checkDocument(doc *Document, a *articles.Article) error {
	lines := len(doc.Lines)
	bad := func(what string, args ...any) error {
		return fmt.Errorf("%w: %s", errCacheMismatch, fmt.Sprintf(what, args...))
	}
	if len(doc.lineFlat) != lines {
		return bad("%d line offsets for %d lines", len(doc.lineFlat), lines)
	}
	for i, f := range doc.lineFlat {
		if f < 0 || (i > 0 && f < doc.lineFlat[i-1]) {
			return bad("line offset %d is %d", i, f)
		}
	}
	n := len(a.Sections)
	if len(doc.SectionStart) != n || len(doc.BlockStart) != n || len(doc.blockFlat) != n {
		return bad("%d/%d/%d section starts for %d sections", len(doc.SectionStart), len(doc.BlockStart), len(doc.blockFlat), n)
	}
	for i, l := range doc.links {
		if l.line < 0 || l.line >= lines || l.from < 0 || l.to <= l.from || (i > 0 && l.line < doc.links[i-1].line) {
			return bad("link %d is on line %d from %d to %d", i, l.line, l.from, l.to)
		}
	}
	for i, s := range doc.SectionStart {
		if s < 0 || s >= lines || (i > 0 && s <= doc.SectionStart[i-1]) {
			return bad("section %d starts on line %d of %d", i, s, lines)
		}
		blocks := len(a.Sections[i].Blocks)
		if len(doc.BlockStart[i]) != blocks || len(doc.blockFlat[i]) != blocks {
			return bad("section %d has %d/%d block starts for %d blocks", i, len(doc.BlockStart[i]), len(doc.blockFlat[i]), blocks)
		}
		for j, l := range doc.BlockStart[i] {
			if l < 0 || l >= lines {
				return bad("block %d.%d starts on line %d of %d", i, j, l, lines)
			}
			if f := doc.blockFlat[i][j]; f < -1 {
				return bad("block %d.%d is at offset %d", i, j, f)
			}
		}
	}
	return nil
}
