package articles

import (
	"fmt"
	"strconv"
	"strings"
)

// Numbered is a sub-section with its number as the reader shows it:
// "3.2" for the second sub-section of section 3, "3.2.1" under that.
type Numbered struct {
	Subheading
	Section int
	Number  string
}

// Places names places in an article's text the one way cable names them,
// on the reader's status line, in its messages and in what is exported:
// "¶4" in an article read by paragraph, "§3" at a section's start,
// "§3 ¶2" in its text, "§3.2" on a sub-section's heading and "§3.2 ¶1"
// in its text (paragraphs counted from the heading).
type Places struct {
	// Subs are the sub-sections in reading order; those of section s are
	// Subs[First[s]:First[s+1]].
	Subs  []Numbered
	First []int
	// paragraph numbers the blocks of an article read by paragraph.
	paragraph map[int]int
}

// Places numbers the article's sub-sections, or its paragraphs when it
// has no section headings and is read by paragraph.
func (a *Article) Places() Places {
	var p Places
	if blocks := a.ParagraphBlocks(); len(blocks) > 0 {
		p.paragraph = make(map[int]int, len(blocks))
		for i, b := range blocks {
			p.paragraph[b] = i + 1
		}
		p.First = make([]int, len(a.Sections)+1)
		return p
	}
	p.First = make([]int, len(a.Sections)+1)
	for s := range a.Sections {
		p.First[s] = len(p.Subs)
		var counts []int
		for _, h := range a.Subheadings(s) {
			counts = append(counts[:min(len(counts), h.Depth)], make([]int, max(h.Depth-len(counts), 0))...)
			counts[h.Depth-1]++
			number := strconv.Itoa(s + 1)
			for _, c := range counts {
				number += "." + strconv.Itoa(c)
			}
			p.Subs = append(p.Subs, Numbered{Subheading: h, Section: s, Number: number})
		}
	}
	p.First[len(a.Sections)] = len(p.Subs)
	return p
}

// SubOf is the index in Subs of the sub-section pos is in, -1 when pos is
// in its section's own text, before any.
func (p Places) SubOf(pos Position) int {
	if pos.Section < 0 || pos.Section+1 >= len(p.First) {
		return -1
	}
	cur := -1
	for j := p.First[pos.Section]; j < p.First[pos.Section+1] && p.Subs[j].Block <= pos.Block; j++ {
		cur = j
	}
	return cur
}

// Name names pos as the reader does.
func (p Places) Name(pos Position) string {
	if j := p.SubOf(pos); j >= 0 {
		s := p.Subs[j]
		if pos.Block == s.Block {
			return "§" + s.Number
		}
		return fmt.Sprintf("§%s ¶%d", s.Number, pos.Block-s.Block)
	}
	if n, ok := p.paragraph[pos.Block]; ok && pos.Section == 0 {
		return fmt.Sprintf("¶%d", n)
	}
	if pos.Block == 0 {
		return fmt.Sprintf("§%d", pos.Section+1)
	}
	return fmt.Sprintf("§%d ¶%d", pos.Section+1, pos.Block)
}

// Part is a stretch of one section's text: blocks From to To (To
// excluded) of section Section. A whole section runs from 0 to its length.
type Part struct {
	Section, From, To int
}

// FindPart finds what "cable read --section" names: a section by its
// number or title (as FindSection does), or a sub-section by its number
// as the status line shows it, "3.2" or "3.2.1", which runs from its
// heading to the next heading at its depth or above.
func (a *Article) FindPart(query string) (Part, error) {
	if !isSubsectionNumber(query) {
		i, err := a.FindSection(query)
		if err != nil {
			return Part{}, err
		}
		return Part{Section: i, From: 0, To: len(a.Sections[i].Blocks)}, nil
	}
	p := a.Places()
	for j, sub := range p.Subs {
		if sub.Number != query {
			continue
		}
		part := Part{Section: sub.Section, From: sub.Block, To: len(a.Sections[sub.Section].Blocks)}
		for _, next := range p.Subs[j+1 : p.First[sub.Section+1]] {
			if next.Depth <= sub.Depth {
				part.To = next.Block
				break
			}
		}
		return part, nil
	}
	section, _, _ := strings.Cut(query, ".")
	n, _ := strconv.Atoi(section)
	if n < 1 || n > len(a.Sections) {
		return Part{}, a.noSectionNumber(n)
	}
	var have []string
	for _, sub := range p.Subs[p.First[n-1]:p.First[n]] {
		have = append(have, sub.Number)
	}
	if len(have) == 0 {
		return Part{}, fmt.Errorf("%s: section %d has no sub-sections", a.ID, n)
	}
	return Part{}, fmt.Errorf("%s has no sub-section %s; section %d's are %s", a.ID, query, n, strings.Join(have, ", "))
}

// isSubsectionNumber says whether s is numbers joined by dots, two or more.
func isSubsectionNumber(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if p == "" || strings.Trim(p, "0123456789") != "" {
			return false
		}
	}
	return true
}
