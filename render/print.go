package render

import (
	"io"
	"strings"

	"cable/articles"
)

// PrintOptions say what "cable read" prints and how.
type PrintOptions struct {
	Render Options
	// Section, when not negative, prints only that section (0-based).
	Section int
	// From and To, when To is above 0, print only the section's blocks
	// From to To (To excluded): a sub-section.
	From, To int
	// Cache keeps renderings between runs, as the reader's does: an
	// article printed again at the same width and style is read back, not
	// rendered. nil keeps none.
	Cache *Cache
}

// Print renders an article, or one of its sections, to w. The whole
// article starts with its title and byline, since its front matter is not
// part of the text. Output without colour has no trailing spaces, so it
// pastes cleanly.
func Print(w io.Writer, a *articles.Article, opts PrintOptions) error {
	doc, ok := opts.Cache.Load(a, opts.Render)
	if !ok {
		var err error
		if doc, err = Article(a, opts.Render); err != nil {
			return err
		}
		opts.Cache.Store(a, doc)
	}
	from, to := 0, len(doc.SectionStart)
	if opts.Section >= 0 {
		from, to = opts.Section, opts.Section+1
	}
	var lines []string
	if opts.Section < 0 {
		header, err := renderHeader(a, opts.Render)
		if err != nil {
			return err
		}
		lines = header
	}
	for i := from; i < to; i++ {
		end := len(doc.Lines)
		if i+1 < len(doc.SectionStart) {
			end = doc.SectionStart[i+1] - 1
		}
		if i > from {
			lines = append(lines, "")
		}
		start := doc.SectionStart[i]
		if opts.To > 0 && i < len(doc.BlockStart) {
			start, end = blockLines(doc, i, opts.From, opts.To, end)
		}
		lines = append(lines, doc.Lines[start:end]...)
		if opts.Render.Links == LinksNumbered {
			list := LinkList(a, i)
			if opts.To > 0 {
				list = linkListIn(a, i, opts.From, opts.To)
			}
			if len(list) > 0 {
				lines = append(append(lines, ""), list...)
			}
		}
	}
	plain := opts.Render.Style == StyleNoTTY
	var b strings.Builder
	b.WriteByte('\n')
	for _, line := range lines {
		if plain {
			line = strings.TrimRight(line, " ")
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// LinkList is the addresses of section i's numbered links, one a line,
// "  [³]: https://…", as printed after the section, so that printed
// text with numbered links stands alone. A link that shows its own
// address has no number and is not listed.
func LinkList(a *articles.Article, i int) []string {
	return linkListIn(a, i, 0, len(a.Sections[i].Blocks))
}

// linkListIn is LinkList for the links in blocks from to to (to excluded)
// alone, numbered as in the whole section.
func linkListIn(a *articles.Article, i, from, to int) []string {
	var out []string
	n := linkBase(a, i)
	for _, l := range a.Sections[i].Links {
		n++
		if !l.Bare && l.Block >= from && l.Block < to {
			out = append(out, strings.Repeat(" ", Margin)+LinkLabel(n)+": "+l.URL)
		}
	}
	return out
}

// renderHeader renders the title as a level-one heading, with the
// subtitle, the byline and the summary under it, each when there is one,
// followed by a blank line: printed, an article stands alone, and its
// front matter is all a reader has of what it is.
func renderHeader(a *articles.Article, opts Options) ([]string, error) {
	r, err := newRenderer(opts)
	if err != nil {
		return nil, err
	}
	md := "# " + articles.Literal(a.Meta.Title)
	if s := a.Meta.Subtitle; s != "" {
		md += "\n\n*" + articles.Literal(s) + "*"
	}
	if b := Byline(a.Meta); b != "" {
		md += "\n\n" + articles.Literal(b)
	}
	if s := a.Meta.Summary; s != "" {
		md += "\n\n**Summary:** " + articles.Literal(strings.Join(strings.Fields(s), " "))
	}
	if a.Meta.SummaryOnly {
		md += "\n\nSummary only: the page could not be fetched."
		if a.Meta.URL != "" && !strings.Contains(a.Meta.URL, "`") {
			// The address on a line of its own, as code: whole, to copy.
			md += " cable get saves the whole article from its address:\n\n`" + a.Meta.URL + "`"
		}
	}
	lines, err := renderSection(r, md)
	if err != nil {
		return nil, err
	}
	return append(lines, ""), nil
}

// Byline joins what is known of who wrote an article and where; it is
// empty when nothing is known, rather than a placeholder that reads as if
// it were part of the article.
func Byline(meta articles.Meta) string {
	var parts []string
	for _, p := range []string{meta.Author, meta.Source, meta.Published} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " · ")
}

// blockLines are the lines of section i's blocks from to to (to
// excluded), without the blank lines that part them from what follows;
// sectionEnd is where the section's lines end.
func blockLines(doc *Document, i, from, to, sectionEnd int) (start, end int) {
	starts := doc.BlockStart[i]
	start, end = doc.SectionStart[i], sectionEnd
	if from >= 0 && from < len(starts) {
		start = starts[from]
	}
	if to < len(starts) {
		end = starts[to]
	}
	for end > start && strings.TrimSpace(doc.Lines[end-1]) == "" {
		end--
	}
	return start, end
}
