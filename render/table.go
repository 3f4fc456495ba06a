package render

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// Glamour hands a table to lipgloss, which, when the table is wider than
// the measure, shrinks its columns by their medians: headers are cut with
// "…" and words broken mid-word. Before Glamour renders, each table is
// given columns as a browser's automatic table layout gives them: each
// column at least its longest word, and the room left shared by how much
// text each column has. The cells' texts are broken into lines at those
// widths, so that lipgloss finds the table fitting and cuts nothing. A
// table whose longest words cannot stand side by side is read row by
// row instead, each cell a "Header: value" line.

// tableCell is a cell's words, with the nodes they stand in.
type tableWord struct {
	node       *gast.Text
	start, end int // the word's bytes in the source
	width      int
}

// fitTables fits every table of doc into width columns (the table's, inside
// the document's margins); src is the source the tree points into, and
// mark the block mark, which must stay once in the text. footnoted says
// that Glamour numbers the links of a table and lists them under it.
func fitTables(doc gast.Node, src []byte, width int, mark string, footnoted bool) []byte {
	var tables []*east.Table
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if t, ok := n.(*east.Table); ok && entering {
			tables = append(tables, t)
			return gast.WalkSkipChildren, nil
		}
		return gast.WalkContinue, nil
	})
	for _, t := range tables {
		src = fitTable(t, src, width, mark, footnoted)
	}
	return src
}

// fitTable fits one table, or sets it row by row.
func fitTable(t *east.Table, src []byte, width int, mark string, footnoted bool) []byte {
	var rows [][][]tableWord
	links := 0
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells [][]tableWord
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, cellWords(cell, src, footnoted, &links))
		}
		rows = append(rows, cells)
	}
	cols := len(t.Alignments)
	if cols == 0 || len(rows) == 0 {
		return src
	}
	least, most := make([]int, cols), make([]int, cols)
	for _, cells := range rows {
		for c, words := range cells {
			if c >= cols {
				break
			}
			total := 0
			for i, w := range words {
				least[c] = max(least[c], w.width)
				if i > 0 {
					total++
				}
				total += w.width
			}
			most[c] = max(most[c], total)
		}
	}
	// Each column has a space on either side, and a rule between two.
	room := width - 3*cols + 1
	sumLeast, sumMost := 0, 0
	for c := range cols {
		sumLeast += least[c]
		sumMost += most[c]
	}
	if sumLeast > room {
		return rowByRow(t, src, mark)
	}
	if sumMost <= room {
		return src
	}
	widths := shareRoom(least, most, room)
	settle(rows, widths, most, room)
	for r, cells := range rows {
		for c, words := range cells {
			if c >= cols {
				continue
			}
			if breakCell(words, widths[c], src) && r == 0 {
				headerAsRow(t)
			}
		}
	}
	return src
}

// shareRoom gives each column its width: a column whose text fits its
// fair share of the room gets all it wants; the others get their longest
// word and a share of what is left by how much more they want, as a
// browser's automatic table layout shares it.
func shareRoom(least, most []int, room int) []int {
	widths := make([]int, len(least))
	done := make([]bool, len(least))
	left, open := room, len(least)
	for changed := true; changed && open > 0; {
		changed = false
		for c := range least {
			if !done[c] && most[c]*open <= left {
				widths[c], done[c] = most[c], true
				left -= most[c]
				open--
				changed = true
			}
		}
	}
	spare, extra := left, 0
	for c := range least {
		if !done[c] {
			spare -= least[c]
			extra += most[c] - least[c]
		}
	}
	for c := range least {
		if !done[c] {
			widths[c] = least[c]
			if extra > 0 {
				widths[c] += spare * (most[c] - least[c]) / extra
			}
			left -= widths[c]
		}
	}
	// What rounding left goes to the columns that want more, so that the
	// table fills the measure and lipgloss does not widen the columns
	// evenly.
	for given := true; left > 0 && given; {
		given = false
		for c := range least {
			if left > 0 && !done[c] && widths[c] < most[c] {
				widths[c]++
				left--
				given = true
			}
		}
	}
	return widths
}

// settle gives the columns that break the room their lines leave: broken
// between words, a column's longest line is often narrower than its
// width, and lipgloss would share the table's slack evenly among all the
// columns. The room goes to the broken columns a few times over, until
// the lines fill it.
func settle(rows [][][]tableWord, widths, most []int, room int) {
	for range 4 {
		used := make([]int, len(widths))
		for _, cells := range rows {
			for c, words := range cells {
				if c < len(widths) {
					used[c] = max(used[c], longestLine(words, widths[c]))
				}
			}
		}
		slack := room
		for c := range widths {
			slack -= used[c]
		}
		if slack <= 0 {
			return
		}
		copy(widths, used)
		for given := true; slack > 0 && given; {
			given = false
			for c := range widths {
				if slack > 0 && widths[c] < most[c] {
					widths[c]++
					slack--
					given = true
				}
			}
		}
	}
}

// longestLine is the width of the longest line words make broken at width.
func longestLine(words []tableWord, width int) int {
	longest, line := 0, 0
	for i, w := range words {
		switch {
		case i == 0:
			line = w.width
		case line+1+w.width > width && w.node != nil:
			line = w.width
		default:
			line += 1 + w.width
		}
		longest = max(longest, line)
	}
	return longest
}

// headerAsRow makes t's header its first row: lipgloss sets a header on
// one line and cuts what is longer, while a row's lines wrap.
func headerAsRow(t *east.Table) {
	head, ok := t.FirstChild().(*east.TableHeader)
	if !ok {
		return
	}
	row := east.NewTableRow(t.Alignments)
	for cell := head.FirstChild(); cell != nil; {
		next := cell.NextSibling()
		row.AppendChild(row, cell)
		cell = next
	}
	t.ReplaceChild(t, head, row)
}

// cellWords are the words of a cell. A word may run over several nodes
// (a link and the number after it); it is broken before only where it
// starts in a text. With footnoted set, Glamour writes each link's number
// after it, counted in the table by *links.
func cellWords(cell gast.Node, src []byte, footnoted bool, links *int) []tableWord {
	var words []tableWord
	space := true // a space stands before what comes next
	add := func(w tableWord) {
		if !space && len(words) > 0 {
			words[len(words)-1].width += w.width
		} else {
			words = append(words, w)
		}
		space = false
	}
	for n := cell.FirstChild(); n != nil; n = n.NextSibling() {
		t, ok := n.(*gast.Text)
		if !ok {
			w := ansi.StringWidth(string(n.Text(src))) //nolint:staticcheck // the text shown
			if _, link := n.(*gast.Link); link && footnoted {
				*links++
				w += len(fmt.Sprintf("[%d]", *links))
			}
			add(tableWord{width: w})
			continue
		}
		seg := t.Segment
		value := src[seg.Start:seg.Stop]
		for i := 0; i < len(value); {
			if value[i] == ' ' {
				space = true
				i++
				continue
			}
			j := i
			for j < len(value) && value[j] != ' ' {
				j++
			}
			add(tableWord{node: t, start: seg.Start + i, end: seg.Start + j, width: ansi.StringWidth(string(value[i:j]))})
			i = j
		}
		if t.SoftLineBreak() || t.HardLineBreak() {
			space = true
		}
	}
	return words
}

// breakCell breaks a cell's texts into lines of at most width columns,
// before words that start in a text, and says whether it broke any.
func breakCell(words []tableWord, width int, src []byte) bool {
	line, broke := 0, false
	for i, w := range words {
		if i > 0 && line+1+w.width > width && w.node != nil {
			splitBefore(w, src)
			line, broke = w.width, true
			continue
		}
		if i > 0 {
			line++
		}
		line += w.width
	}
	return broke
}

// splitBefore ends w's text before w with a line break; w starts the
// next text.
func splitBefore(w tableWord, src []byte) {
	t := w.node
	// An earlier break may have moved the word into a text after.
	for t.Segment.Stop < w.end {
		next, ok := t.NextSibling().(*gast.Text)
		if !ok {
			return
		}
		t = next
	}
	end := w.start
	for end > t.Segment.Start && src[end-1] == ' ' {
		end--
	}
	rest := gast.NewTextSegment(text.NewSegment(w.start, t.Segment.Stop))
	rest.SetSoftLineBreak(t.SoftLineBreak())
	rest.SetHardLineBreak(t.HardLineBreak())
	t.Segment = text.NewSegment(t.Segment.Start, end)
	t.SetSoftLineBreak(true)
	t.Parent().InsertAfter(t.Parent(), t, rest)
}

// rowByRow replaces t with a list a row, an item a cell: its header, a
// colon and its text. The lists are tight, so that a row's lines stand
// together.
func rowByRow(t *east.Table, src []byte, mark string) []byte {
	var headers []string
	head := t.FirstChild()
	for cell := head.FirstChild(); cell != nil; cell = cell.NextSibling() {
		headers = append(headers, strings.TrimSpace(string(cell.Text(src)))) //nolint:staticcheck // the text shown
	}
	parent := t.Parent()
	at := gast.Node(t)
	for row := head.NextSibling(); row != nil; {
		next := row.NextSibling()
		list := gast.NewList('-')
		list.IsTight = true
		c := 0
		for cell := row.FirstChild(); cell != nil; c++ {
			nextCell := cell.NextSibling()
			label := ""
			if c < len(headers) {
				label = headers[c]
			}
			if at != gast.Node(t) || c > 0 {
				label = strings.ReplaceAll(label, mark, "")
			}
			start := len(src)
			src = append(src, label+": "...)
			item := gast.NewListItem(2)
			block := gast.NewTextBlock()
			block.AppendChild(block, gast.NewTextSegment(text.NewSegment(start, len(src))))
			for n := cell.FirstChild(); n != nil; {
				nn := n.NextSibling()
				block.AppendChild(block, n)
				n = nn
			}
			item.AppendChild(item, block)
			list.AppendChild(list, item)
			cell = nextCell
		}
		parent.InsertAfter(parent, at, list)
		at = list
		row = next
	}
	parent.RemoveChild(parent, t)
	return src
}
