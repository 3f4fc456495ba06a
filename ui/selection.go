package ui

import (
	"strings"

	"cable/articles"
	"cable/library"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// selection is the passage being chosen with v, by whole sentences: it
// starts on a sentence and its end moves by sentence, ")" and "(", or by
// paragraph, "}" and "{". It runs from byte start of block first to byte
// end of block last, blocks being the article's paragraphs in reading
// order; fromPos and toPos are the same places as reading positions, to
// be drawn at any width.
type selection struct {
	on             bool
	blocks         []articles.Position
	first, last    int
	start, end     int
	fromPos, toPos articles.Position
}

// textBlocks are the article's blocks of text, headings left out, in
// reading order.
func textBlocks(a *articles.Article) []articles.Position {
	var out []articles.Position
	for s, sec := range a.Sections {
		for b, block := range sec.Blocks {
			if b == 0 && sec.Title != "" || block.Heading > 0 || strings.TrimSpace(block.Text) == "" {
				continue
			}
			out = append(out, articles.Position{Section: s, Block: b})
		}
	}
	return out
}

func (m readerModel) blockText(p articles.Position) string {
	return m.article.Sections[p.Section].Blocks[p.Block].Text
}

// sentences are the sentences of the selection's block i.
func (m readerModel) sentences(i int) []articles.Span {
	return articles.Sentences(m.blockText(m.sel.blocks[i]))
}

// startSelection starts a selection on the first sentence of the
// paragraph at the top of the screen, or on the sentence that holds the
// search's current match.
func (m *readerModel) startSelection() tea.Cmd {
	pos, _ := m.quoteBlock()
	at := 0
	if mpos, mat, ok := m.matchPlace(); ok {
		pos, at = mpos, max(mat, 0)
	}
	blocks := textBlocks(m.article)
	i := -1
	for j, b := range blocks {
		if b.Section > pos.Section || b.Section == pos.Section && b.Block >= pos.Block {
			i = j
			break
		}
	}
	if i < 0 {
		return m.say("Nothing to highlight here.")
	}
	if blocks[i] != (articles.Position{Section: pos.Section, Block: pos.Block}) {
		at = 0
	}
	span := articles.SentenceAt(m.blockText(blocks[i]), at)
	m.sel = selection{on: true, blocks: blocks, first: i, last: i, start: span.Start, end: span.End}
	m.placeSelection()
	return nil
}

// placeSelection finds the selection's reading positions, and scrolls
// its end into view.
func (m *readerModel) placeSelection() {
	s := &m.sel
	from, to := s.blocks[s.first], s.blocks[s.last]
	s.fromPos = m.article.PositionOf(articles.Anchor{Section: from.Section, Block: from.Block, Start: s.start})
	s.toPos = m.article.PositionOf(articles.Anchor{Section: to.Section, Block: to.Block, Start: s.end})
	if m.doc == nil {
		return
	}
	h := m.bodyHeight()
	if line := m.doc.LineOf(s.toPos); line >= m.top+h {
		m.moveTo(line - h + 1)
	} else if line := m.doc.LineOf(s.fromPos); line < m.top && s.first == s.last {
		m.moveTo(line)
	}
}

// selectionKey takes the keys of a selection being made; ok is false for
// the keys it leaves to the reader (moving through the text).
func (m *readerModel) selectionKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	var moved bool
	switch {
	case key.Matches(msg, m.keys.SelectCancel):
		m.sel.on = false
		return m.say("Selection cancelled."), true
	case key.Matches(msg, m.keys.SelectSave):
		return m.saveSelection(), true
	case key.Matches(msg, m.keys.SentenceMore):
		moved = m.sel.more(m.sentences, false)
	case key.Matches(msg, m.keys.SentenceLess):
		moved = m.sel.less(m.sentences, false)
	case key.Matches(msg, m.keys.ParagraphMore):
		moved = m.sel.more(m.sentences, true)
	case key.Matches(msg, m.keys.ParagraphLess):
		moved = m.sel.less(m.sentences, true)
	default:
		return nil, false
	}
	if !moved {
		return m.say("The selection cannot go further that way."), true
	}
	m.placeSelection()
	return nil, true
}

// more moves the end on by a sentence, or to the end of the paragraph
// (of the next one, when it is there already).
func (s *selection) more(sentences func(int) []articles.Span, paragraph bool) bool {
	ss := sentences(s.last)
	if paragraph {
		if end := ss[len(ss)-1].End; s.end < end {
			s.end = end
			return true
		}
	} else {
		for _, x := range ss {
			if x.End > s.end {
				s.end = x.End
				return true
			}
		}
	}
	if s.last+1 >= len(s.blocks) {
		return false
	}
	s.last++
	ss = sentences(s.last)
	s.end = ss[0].End
	if paragraph {
		s.end = ss[len(ss)-1].End
	}
	return true
}

// less moves the end back by a sentence, or to the end of the paragraph
// before; never before the end of the first sentence.
func (s *selection) less(sentences func(int) []articles.Span, paragraph bool) bool {
	if s.last > s.first && (paragraph || s.end <= sentences(s.last)[0].End) {
		s.last--
		ss := sentences(s.last)
		s.end = ss[len(ss)-1].End
		return true
	}
	ss := sentences(s.last)
	floor := 0 // the first sentence's end, in the first block
	if s.last == s.first {
		for _, x := range ss {
			if x.End > s.start {
				floor = x.End
				break
			}
		}
	}
	back := floor
	if !paragraph {
		for _, x := range ss {
			if x.End < s.end && x.End >= floor {
				back = x.End
			}
		}
	}
	if back <= 0 || back >= s.end {
		return false
	}
	s.end = back
	return true
}

// saveSelection saves the selection as a highlight, and asks for its
// note.
func (m *readerModel) saveSelection() tea.Cmd {
	s := m.sel
	m.sel.on = false
	from, to := s.blocks[s.first], s.blocks[s.last]
	from.Offset, to.Offset = s.start, s.end
	an, ok := m.article.AnchorSpan(from, to)
	if !ok {
		return m.say("Nothing to highlight here.")
	}
	h := library.NewHighlight(m.article, m.entry.Key, an, "")
	h.ID = library.NewID()
	m.overlay = newNotePrompt(h.ID, "", false)
	return saveHighlight(m.ctx.store(), h, m.outline.placeName(articles.Position{Section: from.Section, Block: from.Block}))
}
