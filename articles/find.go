package articles

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Summary is what "cable list --json" says of an article.
type Summary struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Author      string   `json:"author"`
	Source      string   `json:"source"`
	Published   string   `json:"published"`
	Words       int      `json:"words"`
	Minutes     int      `json:"minutes"`
	Sections    []string `json:"sections"`
	EditorsNote bool     `json:"editors_note"`
	Origin      string   `json:"origin"`
	Topics      []string `json:"topics"`
	// Subtitle, Abstract (the front matter's summary) and AuthorNote are
	// what the front matter says of the piece, for listings that show
	// more than its title.
	Subtitle   string `json:"subtitle,omitempty"`
	Abstract   string `json:"summary,omitempty"`
	AuthorNote string `json:"author_note,omitempty"`
	// Feed is the feed an article was saved from, and SummaryOnly that
	// what was saved is the feed's summary, not the whole article.
	Feed        string `json:"feed,omitempty"`
	SummaryOnly bool   `json:"summary_only,omitempty"`
	// ParagraphBlocks are the blocks of the opening that are its
	// paragraphs, when the article is read by paragraph (see
	// ParagraphBlocks), so that a listing can name a place in it as the
	// reader does ("¶4/11") without parsing it.
	ParagraphBlocks []int `json:"paragraph_blocks,omitempty"`
	// URL is the address the piece was saved from, as its front matter
	// gives it, and Print its text's fingerprint (see TextPrint): what
	// tells the same piece saved twice.
	URL   string `json:"url,omitempty"`
	Print string `json:"-"`
}

// Summarise describes an article for listings.
func (a *Article) Summarise() Summary {
	titles := make([]string, len(a.Sections))
	for i := range a.Sections {
		titles[i] = a.SectionTitle(i)
	}
	_, note := a.EditorsNote()
	topics := a.Meta.Topics
	if topics == nil {
		topics = []string{}
	}
	return Summary{
		ID: a.ID, Title: a.Meta.Title, Author: a.Meta.Author, Source: a.Meta.Source,
		Published: a.Meta.Published, Words: a.Words(), Minutes: a.Minutes(),
		Sections: titles, EditorsNote: note, Origin: a.Origin, Topics: topics,
		Subtitle: a.Meta.Subtitle, Abstract: oneLine(a.Meta.Summary), AuthorNote: a.Meta.AuthorNote,
		Feed: a.Meta.Feed, SummaryOnly: a.Meta.SummaryOnly, ParagraphBlocks: a.ParagraphBlocks(),
		URL: a.Meta.URL, Print: a.TextPrint(),
	}
}

// ParagraphBlocks are the blocks of the opening that are paragraphs when
// the article has no section headings of its own (an opening, maybe
// followed by notes and an editor's note), and nil otherwise. Such an
// article is read by paragraph: its paragraphs are the places to go to,
// numbered from 1 in this order.
func (a *Article) ParagraphBlocks() []int {
	if len(a.Sections) == 0 || a.Sections[0].Kind != Lede {
		return nil
	}
	for _, s := range a.Sections {
		if s.Kind == Body {
			return nil
		}
	}
	var blocks []int
	for b, block := range a.Sections[0].Blocks {
		if block.Heading == 0 {
			blocks = append(blocks, b)
		}
	}
	return blocks
}

// ParagraphAt is the number, from 1, of the paragraph a position in the
// opening is in, among paragraphs (from ParagraphBlocks); 0 when there
// are none.
func ParagraphAt(paragraphs []int, block int) int {
	n := 0
	for _, b := range paragraphs {
		if b > block {
			break
		}
		n++
	}
	if n == 0 && len(paragraphs) > 0 {
		n = 1 // a title heading above the first paragraph
	}
	return n
}

// FindSection finds a section by its number (1-based, as the status line
// counts) or by its title: exactly, ignoring case, or else by the only
// title that starts with or contains what was given.
func (a *Article) FindSection(query string) (int, error) {
	if n, err := strconv.Atoi(query); err == nil {
		if n < 1 || n > len(a.Sections) {
			return 0, a.noSectionNumber(n)
		}
		return n - 1, nil
	}
	q := strings.ToLower(strings.TrimSpace(query))
	for _, match := range []func(string) bool{
		func(t string) bool { return t == q },
		func(t string) bool { return strings.HasPrefix(t, q) },
		func(t string) bool { return strings.Contains(t, q) },
	} {
		var found []int
		for i := range a.Sections {
			if match(strings.ToLower(a.SectionTitle(i))) {
				found = append(found, i)
			}
		}
		switch len(found) {
		case 1:
			return found[0], nil
		case 0:
			continue
		default:
			return 0, fmt.Errorf("%q matches several sections of %s: %s", query, a.ID, a.listSections(found))
		}
	}
	all := make([]int, len(a.Sections))
	for i := range all {
		all[i] = i
	}
	return 0, fmt.Errorf("%s has no section %q; its sections are %s", a.ID, query, a.listSections(all))
}

// noSectionNumber is the error for a section number the article does not
// have. An article without headings has no sections to number (it is
// read by paragraph), which "sections 1 to 1" would hide; what follows
// its text, notes or an editor's note, is still named.
func (a *Article) noSectionNumber(n int) error {
	if len(a.ParagraphBlocks()) == 0 {
		return fmt.Errorf("%s has sections 1 to %d, not %d", a.ID, len(a.Sections), n)
	}
	msg := fmt.Sprintf("%s has no sections: it has no headings, and is read by paragraph", a.ID)
	if len(a.Sections) > 1 {
		after := make([]int, len(a.Sections)-1)
		for i := range after {
			after[i] = i + 1
		}
		msg += "; after its text come " + a.listSections(after)
	}
	return errors.New(msg)
}

func (a *Article) listSections(idx []int) string {
	names := make([]string, len(idx))
	for i, s := range idx {
		names[i] = fmt.Sprintf("%d %q", s+1, a.SectionTitle(s))
	}
	return strings.Join(names, ", ")
}
