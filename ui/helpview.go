package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// fitKeys is the one-line reminder of keys as fits in room columns: the
// keys that do not fit are left out whole, from the one before the last
// backwards, so that the last ("? help", "esc close") stays and a key's
// name is never cut from what it does. "" when not even the last fits.
func fitKeys(h help.Model, keys []key.Binding, room int) string {
	h.Width = 0 // fitted here, not cut by the help
	for len(keys) > 0 {
		if line := h.ShortHelpView(keys); ansi.StringWidth(line) <= room {
			return line
		}
		if len(keys) == 1 {
			break
		}
		keys = append(keys[:len(keys)-2:len(keys)-2], keys[len(keys)-1])
	}
	return ""
}

// helpEntry is one key and what it does, as the full help lists it.
type helpEntry struct{ key, desc string }

// helpGap is the space between two columns of the help.
const helpGap = 2

// minHelpColumn is the fewest keys a column of the help holds when the
// keys are broken into columns of their own.
const minHelpColumn = 3

// minHelpDesc is the narrowest a description beside its key may be; in
// less room each description goes under its key.
const minHelpDesc = 12

// helpColumns lays the keys out in width columns: the groups side by side
// when they fit, else the keys in order (a blank row between groups)
// broken into as many columns as fit, as short as they can be, else one
// column with long descriptions wrapped. A description is never cut, so
// the help reads whole at any width. Switched-off keys are left out, as
// the bubbles help does.
func helpColumns(groups [][]key.Binding, width int, keyStyle, descStyle lipgloss.Style) []string {
	var sets [][]helpEntry
	for _, g := range groups {
		var set []helpEntry
		for _, b := range g {
			if b.Enabled() {
				set = append(set, helpEntry{b.Help().Key, b.Help().Desc})
			}
		}
		if len(set) > 0 {
			sets = append(sets, set)
		}
	}
	if len(sets) == 0 {
		return nil
	}
	if helpWidth(sets) <= width {
		return drawHelp(sets, width, keyStyle, descStyle)
	}
	var all []helpEntry
	for i, set := range sets {
		if i > 0 {
			all = append(all, helpEntry{})
		}
		all = append(all, set...)
	}
	for k := len(sets) - 1; k >= 2; k-- {
		if cols, ok := breakHelp(all, k, width); ok {
			return drawHelp(cols, width, keyStyle, descStyle)
		}
	}
	return drawHelp([][]helpEntry{all}, width, keyStyle, descStyle)
}

// breakHelp breaks the entries, in order, into k columns that fit width,
// the longest column as short as it can be, among those the most breaks
// between groups, and then the shortest column as long as it can be, so
// that no column stands with a key or two of its own. ok is false when
// no k columns fit.
func breakHelp(all []helpEntry, k, width int) (best [][]helpEntry, ok bool) {
	bestHeight, bestGroupBreaks, bestShortest := 0, -1, 0
	var try func(rest []helpEntry, cols [][]helpEntry)
	try = func(rest []helpEntry, cols [][]helpEntry) {
		if len(cols) == k-1 {
			cols = append(cols, trimGap(rest))
			if len(cols[k-1]) == 0 || helpWidth(cols) > width {
				return
			}
			height, shortest := 0, len(all)
			for _, c := range cols {
				height, shortest = max(height, len(c)), min(shortest, len(c))
			}
			if shortest < minHelpColumn {
				return // a key or two standing apart reads as a stray
			}
			groupBreaks := countGroupBreaks(all, cols)
			better := height < bestHeight || height == bestHeight &&
				(groupBreaks > bestGroupBreaks || groupBreaks == bestGroupBreaks && shortest > bestShortest)
			if !ok || better {
				best, bestHeight, bestGroupBreaks, bestShortest, ok = cols, height, groupBreaks, shortest, true
			}
			return
		}
		for n := 1; n < len(rest); n++ {
			col := trimGap(rest[:n])
			if len(col) == 0 {
				continue
			}
			try(rest[n:], append(cols[:len(cols):len(cols)], col))
		}
	}
	try(all, nil)
	return best, ok
}

// trimGap drops the blank entries between groups at either end of a
// column.
func trimGap(col []helpEntry) []helpEntry {
	for len(col) > 0 && col[0] == (helpEntry{}) {
		col = col[1:]
	}
	for len(col) > 0 && col[len(col)-1] == (helpEntry{}) {
		col = col[:len(col)-1]
	}
	return col
}

// countGroupBreaks counts the columns after the first that start a group:
// in all, a blank entry comes before their first. cols are consecutive
// runs of all, less the blanks at their ends.
func countGroupBreaks(all []helpEntry, cols [][]helpEntry) int {
	n, at := 0, 0
	for i, c := range cols {
		for at < len(all) && all[at] == (helpEntry{}) {
			at++
		}
		if i > 0 && all[at-1] == (helpEntry{}) {
			n++
		}
		at += len(c)
	}
	return n
}

// columnWidths are the widest key and the widest description of a column.
func columnWidths(col []helpEntry) (keyW, descW int) {
	for _, e := range col {
		keyW = max(keyW, ansi.StringWidth(e.key))
		descW = max(descW, ansi.StringWidth(e.desc))
	}
	return keyW, descW
}

// helpWidth is how wide columns set side by side are.
func helpWidth(cols [][]helpEntry) int {
	w := helpGap * (len(cols) - 1)
	for _, col := range cols {
		k, d := columnWidths(col)
		w += k + 1 + d
	}
	return w
}

// drawHelp sets the columns side by side. A column alone that is still
// too wide has its descriptions wrapped under themselves.
func drawHelp(cols [][]helpEntry, width int, keyStyle, descStyle lipgloss.Style) []string {
	if keyW, _ := columnWidths(cols[0]); len(cols) == 1 && width-keyW-1 < minHelpDesc {
		return stackHelp(cols[0], width, keyStyle, descStyle)
	}
	var cells [][]string // per column, its lines
	for i, col := range cols {
		keyW, descW := columnWidths(col)
		if len(cols) == 1 {
			descW = min(descW, max(width-keyW-1, 1))
		}
		var lines []string
		for _, e := range col {
			desc := strings.Split(ansi.Wrap(e.desc, descW, ""), "\n")
			for j, d := range desc {
				k := ""
				if j == 0 {
					k = e.key
				}
				line := keyStyle.Render(pad(k, keyW)) + " " + descStyle.Render(d)
				if i < len(cols)-1 {
					line += strings.Repeat(" ", descW-ansi.StringWidth(d)+helpGap)
				}
				lines = append(lines, line)
			}
		}
		cells = append(cells, lines)
	}
	rows := 0
	for _, c := range cells {
		rows = max(rows, len(c))
	}
	out := make([]string, rows)
	for i := range out {
		var b strings.Builder
		for j, c := range cells {
			switch {
			case i < len(c):
				b.WriteString(c[i])
			case j < len(cells)-1:
				keyW, descW := columnWidths(cols[j])
				b.WriteString(strings.Repeat(" ", keyW+1+descW+helpGap))
			}
		}
		out[i] = strings.TrimRight(b.String(), " ")
	}
	return out
}

// pad fills s with spaces to width columns.
func pad(s string, width int) string {
	return s + strings.Repeat(" ", max(width-ansi.StringWidth(s), 0))
}

// stackHelp lists each key with its description under it, indented and
// wrapped, for a terminal too narrow for the two side by side.
func stackHelp(col []helpEntry, width int, keyStyle, descStyle lipgloss.Style) []string {
	const indent = "  "
	var lines []string
	for _, e := range col {
		if e == (helpEntry{}) {
			lines = append(lines, "")
			continue
		}
		lines = append(lines, keyStyle.Render(e.key))
		for _, d := range strings.Split(ansi.Wrap(e.desc, max(width-len(indent), 1), ""), "\n") {
			lines = append(lines, indent+descStyle.Render(d))
		}
	}
	return lines
}
