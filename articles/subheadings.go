package articles

// Subheading is a heading inside a section, below the one that begins
// it: a sub-section of a report's chapter, a Wikipedia article's "###"
// under its "##". It stays a block of its section's text; the contents
// list it under its section and the reader can go to it.
type Subheading struct {
	// Block is the heading's block in its section.
	Block int
	// Depth is 1 for a sub-section of the section, 2 for a sub-section of
	// that, and so on: a heading is under the nearest heading above it of
	// a higher level (fewer "#").
	Depth int
	// Title is the heading's text without the site's furniture, as a
	// section's title is (see StripHeadingFurniture).
	Title string
}

// Subheadings are the headings inside section i, in order: those of a
// lower level (more "#") than the heading that begins it. The text before
// the first section heading has as sub-headings those of a lower level
// than the article's sections; a title heading is none. An article
// without section headings has none.
func (a *Article) Subheadings(i int) []Subheading {
	if i < 0 || i >= len(a.Sections) {
		return nil
	}
	s := a.Sections[i]
	level, first := 0, 0
	if s.Kind != Lede && len(s.Blocks) > 0 && s.Blocks[0].Heading > 0 {
		level, first = s.Blocks[0].Heading, 1
	} else {
		level = a.sectionHeadingLevel()
	}
	if level == 0 {
		return nil
	}
	var subs []Subheading
	var open []int // the levels of the headings the next one may be under
	for b := first; b < len(s.Blocks); b++ {
		h := s.Blocks[b].Heading
		if h <= level {
			continue
		}
		for len(open) > 0 && open[len(open)-1] >= h {
			open = open[:len(open)-1]
		}
		open = append(open, h)
		subs = append(subs, Subheading{Block: b, Depth: len(open), Title: StripHeadingFurniture(s.Blocks[b].Text)})
	}
	return subs
}

// sectionHeadingLevel is the level of the headings that begin the
// article's sections, 0 when none begins with one.
func (a *Article) sectionHeadingLevel() int {
	for _, s := range a.Sections {
		if s.Kind == Body && len(s.Blocks) > 0 && s.Blocks[0].Heading > 0 {
			return s.Blocks[0].Heading
		}
	}
	return 0
}
