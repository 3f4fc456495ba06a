package pdf

import (
	"cable/internal/lazyre"
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// The layout of a report: what on its pages is furniture (running heads,
// page numbers), what is a note, in what order the lines are read (two
// columns, one after the other), and which lines are a table's rows.

// bodySize is the size most of the document's text is set in.
func bodySize(pages [][]*line) float64 {
	weight := map[float64]int{}
	for _, ls := range pages {
		for _, l := range ls {
			weight[l.size] += len(l.text)
		}
	}
	best, size := 0, 10.0
	for s, w := range weight {
		if w > best || w == best && s < size {
			best, size = w, s
		}
	}
	return size
}

var (
	digits     = lazyre.New(`[0-9]+`)
	pageNumber = lazyre.New(`(?i)^(page\s+)?([0-9]{1,4}|[ivxlc]{1,6})(\s*(of|/)\s*[0-9]{1,4})?$`)
)

// removeFurniture takes out of the pages what stands in their top or
// bottom margin on many of them (a running head, a footer, with its page
// number changing) and the page numbers there.
func removeFurniture(pages [][]*line, heights []float64) [][]*line {
	key := func(l *line, h float64) string {
		zone := ""
		switch {
		case l.y0 > h*0.88:
			zone = "top"
		case l.y1 < h*0.12:
			zone = "bottom"
		default:
			return ""
		}
		return fmt.Sprintf("%s|%s|%d", zone, digits.ReplaceAllString(l.text, "#"), int(l.y0/4))
	}
	count := map[string]int{}
	for i, ls := range pages {
		seen := map[string]bool{}
		for _, l := range ls {
			if k := key(l, heights[i]); k != "" && !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	need := max(3, len(pages)*3/10)
	out := make([][]*line, len(pages))
	for i, ls := range pages {
		for _, l := range ls {
			k := key(l, heights[i])
			if k != "" && (count[k] >= need || pageNumber.MatchString(plain(l.text)) && alone(l, ls)) {
				continue
			}
			out[i] = append(out[i], l)
		}
	}
	return out
}

// alone reports whether nothing else stands on l's baseline: a number
// beside a title is a contents entry's page, not the page's number.
func alone(l *line, ls []*line) bool {
	for _, o := range ls {
		if o != l && abs(o.base-l.base) < 0.5*l.size {
			return false
		}
	}
	return true
}

// plain is a line's text without its markers' stand-ins.
func plain(s string) string {
	return strings.TrimSpace(strings.NewReplacer(markOpen, "", markClose, "").Replace(s))
}

// noteStart is the label a note's first line starts with: a marker set
// as a superscript, or a number.
var noteStart = lazyre.New(`^(?:` + markOpen + `([0-9]{1,3}|[*†‡§]{1,3})` + markClose + `|([0-9]{1,3})[.)]?\s)\s*`)

// takePageNotes takes the notes from the bottom of a page: the lines set
// smaller than the text below the last line of text, split where a line
// starts with a label. It returns the page's other lines and its notes by
// label.
func takePageNotes(ls []*line, body float64) ([]*line, map[string]string) {
	sorted := append([]*line(nil), ls...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].y1 > sorted[j].y1 })
	start := len(sorted)
	for start > 0 && sorted[start-1].size < 0.9*body && sorted[start-1].row == nil {
		start--
	}
	// The notes start at a labelled line.
	for start < len(sorted) && noteStart.FindStringSubmatch(sorted[start].text) == nil {
		start++
	}
	if start == len(sorted) {
		return ls, nil
	}
	notes := map[string]string{}
	taken := map[*line]bool{}
	label := ""
	for _, l := range sorted[start:] {
		taken[l] = true
		if m := noteStart.FindStringSubmatch(l.text); m != nil {
			label = m[1] + m[2]
			notes[label] = joinLine("", l.text[len(m[0]):])
			continue
		}
		notes[label] = joinLine(notes[label], l.text)
	}
	var rest []*line
	for _, l := range ls {
		if !taken[l] {
			rest = append(rest, l)
		}
	}
	return rest, notes
}

// joinLine adds a line to a paragraph's text: a word hyphenated at the
// end of the line is joined again, other lines are joined by a space.
func joinLine(text, next string) string {
	next = strings.TrimSpace(next)
	switch {
	case text == "":
		return next
	case next == "":
		return text
	}
	r := []rune(text)
	first := []rune(next)[0]
	if len(r) >= 2 && (r[len(r)-1] == '-' || r[len(r)-1] == '\u2010') && unicode.IsLetter(r[len(r)-2]) && unicode.IsLower(first) {
		return string(r[:len(r)-1]) + next
	}
	return text + " " + next
}

// orderPage puts a page's lines in reading order: from the top down, the
// cells of a table row made one row, and where the page is set in two
// columns, the left column's lines before the right's.
func orderPage(ls []*line, w float64) []*line {
	sort.SliceStable(ls, func(i, j int) bool {
		if d := ls[i].base - ls[j].base; d > 2 || d < -2 {
			return d > 0
		}
		return ls[i].x0 < ls[j].x0
	})
	mid := w / 2
	wide := func(l *line) bool { return l.x1-l.x0 > 0.28*w }
	left, right := 0, 0
	for _, l := range ls {
		switch {
		case wide(l) && l.x1 <= mid+0.03*w:
			left++
		case wide(l) && l.x0 >= mid-0.03*w:
			right++
		}
	}
	twoColumns := left >= 3 && right >= 3
	ls = tableRows(ls, w, twoColumns)
	side := func(l *line) int {
		switch {
		case !twoColumns || l.row != nil:
		case l.x1 <= mid+0.03*w:
			return 1
		case l.x0 >= mid-0.03*w:
			return 2
		}
		return 0
	}
	for _, l := range ls {
		l.right = l.x1
		for _, o := range ls {
			if abs(o.x0-l.x0) < 2*l.size && o.size == l.size && side(o) == side(l) {
				l.right = max(l.right, o.x1)
			}
		}
	}
	if !twoColumns {
		return ls
	}
	var out, lcol, rcol []*line
	flush := func() {
		out = append(append(out, lcol...), rcol...)
		lcol, rcol = nil, nil
	}
	for _, l := range ls {
		switch {
		case l.row == nil && l.x1 <= mid+0.03*w:
			lcol = append(lcol, l)
		case l.row == nil && l.x0 >= mid-0.03*w:
			rcol = append(rcol, l)
		default:
			flush()
			out = append(out, l)
		}
	}
	flush()
	return out
}

// tableRows makes the lines that share a baseline a table's row: three
// or more, or two where one is narrow (a label and its value) on a page
// not set in columns.
func tableRows(ls []*line, w float64, twoColumns bool) []*line {
	var out []*line
	for i := 0; i < len(ls); {
		j := i + 1
		for j < len(ls) && abs(ls[j].base-ls[i].base) < 0.3*ls[i].size {
			j++
		}
		cells := ls[i:j]
		narrow := false
		for _, c := range cells {
			narrow = narrow || c.x1-c.x0 < 0.25*w
		}
		if len(cells) >= 3 || len(cells) == 2 && narrow && !twoColumns {
			row := &line{page: cells[0].page, x0: cells[0].x0, x1: cells[len(cells)-1].x1, base: cells[0].base, size: cells[0].size, row: append([]*line(nil), cells...)}
			row.y0, row.y1 = cells[0].y0, cells[0].y1
			for _, c := range cells {
				row.y0, row.y1 = min(row.y0, c.y0), max(row.y1, c.y1)
				row.text += c.text + " "
			}
			out = append(out, row)
		} else {
			out = append(out, cells...)
		}
		i = j
	}
	return out
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// contentsEntry is a line of a table of contents: a title, dots or
// spaces, a page number.
var contentsEntry = lazyre.New(`^(.*?\pL.*?)[\s.·…_]*\s([0-9]{1,4}|[ivxlc]{1,6})$`)

// isContentsPage reports a page that lists the document's headings with
// their pages: most of its lines are entries, and most entries name a
// heading found elsewhere.
func isContentsPage(ls []*line, headings map[string]bool) bool {
	entries, named, others := 0, 0, 0
	for _, l := range ls {
		m := contentsEntry.FindStringSubmatch(plain(l.text))
		if m == nil {
			others++
			continue
		}
		entries++
		if headings[titleKey(m[1])] {
			named++
		}
	}
	return entries >= 3 && entries >= 2*others && named*2 >= entries
}

// titleKey is a title as compared: its letters and digits, lower-cased.
func titleKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, plain(s))
}
