package ui

import tea "github.com/charmbracelet/bubbletea"

// typeAhead keeps the keys pressed before an article can be read (while
// its file loads, until its first rendering arrives), to be applied in
// order when it can, as less and vim keep what is typed while a file
// loads. It is bounded: a key held down for seconds over a slow file
// should not replay for seconds after.
type typeAhead struct {
	keys []tea.KeyMsg
}

// maxTypeAhead is how many keys are kept; later ones are dropped.
const maxTypeAhead = 64

// holdsKeys says whether a key must wait: until the first rendering
// arrives, and, once keys wait, until the whole rendering replaces the
// first screen's, whose other sections are one-line stand-ins that G or
// ] ] would move through to a place the whole text does not have.
func (m readerModel) holdsKeys() bool {
	if m.renders.err != nil {
		return false
	}
	return m.doc == nil || (m.doc.Partial && len(m.early.keys) > 0)
}

// add keeps a key, unless the queue is full.
func (q *typeAhead) add(k tea.KeyMsg) {
	if len(q.keys) < maxTypeAhead {
		q.keys = append(q.keys, k)
	}
}

// take returns the keys kept, in the order pressed, and empties the queue.
func (q *typeAhead) take() []tea.KeyMsg {
	keys := q.keys
	q.keys = nil
	return keys
}

// splitRunes makes one key of each rune of a key that holds several.
// Bubble Tea reads the runes that are waiting together as one key ("]]"),
// as they are when typed ahead of a program that was busy; no binding
// matches such a key, so it would be lost. A paste stays whole: it is
// text for an input, not keys.
func splitRunes(k tea.KeyMsg) []tea.KeyMsg {
	if k.Type != tea.KeyRunes || len(k.Runes) < 2 || k.Paste {
		return []tea.KeyMsg{k}
	}
	keys := make([]tea.KeyMsg, len(k.Runes))
	for i, r := range k.Runes {
		keys[i] = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: k.Alt}
	}
	return keys
}
