package articles

// IsText reports whether section i is part of the article's own text: the
// lede or a section of the argument, not the notes or the editor's note.
// Only the text counts towards how much of an article has been read.
func (a *Article) IsText(i int) bool {
	if i < 0 || i >= len(a.Sections) {
		return false
	}
	k := a.Sections[i].Kind
	return k == Body || k == Lede
}

// Coverage is the part of an article's text that has been on screen,
// block by block: a block counts once the line that ends it has been seen.
// It is kept as positions in the text, so that it holds at any width.
type Coverage struct {
	seen map[Position]bool
}

// See records that the block at pos (its offset ignored) has been read to
// its end.
func (c *Coverage) See(pos Position) {
	if c.seen == nil {
		c.seen = map[Position]bool{}
	}
	c.seen[Position{Section: pos.Section, Block: pos.Block}] = true
}

// Seen reports whether the block at pos has been read to its end.
func (c Coverage) Seen(pos Position) bool {
	return c.seen[Position{Section: pos.Section, Block: pos.Block}]
}

// Percent is the share of a's text that has been seen, weighed by words
// (a block without words, a figure, weighs one), from 0 to 100. The notes
// and the editor's note count for nothing. An article with no text of its
// own is wholly read once anything has been seen.
func (c Coverage) Percent(a *Article) int {
	total, seen := 0, 0
	for i, s := range a.Sections {
		if !a.IsText(i) {
			continue
		}
		for j, b := range s.Blocks {
			w := max(b.Words, 1)
			total += w
			if c.Seen(Position{Section: i, Block: j}) {
				seen += w
			}
		}
	}
	if total == 0 {
		if len(c.seen) > 0 {
			return 100
		}
		return 0
	}
	return seen * 100 / total
}

// ReachedEnd reports whether the end of a's own text has been seen: the
// last block of the last section before the notes and the editor's note.
func (c Coverage) ReachedEnd(a *Article) bool {
	last, ok := a.LastTextBlock()
	if !ok {
		return len(c.seen) > 0
	}
	return c.Seen(last)
}

// LastTextBlock is the position of the last block of a's own text, where
// a reader who has read it all has come to; ok is false for an article
// with no text besides its notes.
func (a *Article) LastTextBlock() (Position, bool) {
	for i := len(a.Sections) - 1; i >= 0; i-- {
		if a.IsText(i) && len(a.Sections[i].Blocks) > 0 {
			return Position{Section: i, Block: len(a.Sections[i].Blocks) - 1}, true
		}
	}
	return Position{}, false
}
