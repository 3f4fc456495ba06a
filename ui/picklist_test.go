package ui

import (
	"fmt"
	"strings"
	"testing"

	"cable/render"

	"github.com/charmbracelet/x/ansi"
)

// numberedRows are rows "row 0", "row 1"…, the ones in apartFrom set
// apart by a blank line.
type numberedRows struct{ apartFrom map[int]bool }

func (r numberedRows) row(i, width int, selected bool) string {
	mark := "  "
	if selected {
		mark = "> "
	}
	return ansi.Truncate(fmt.Sprintf("%srow %d", mark, i), width, "")
}

func (r numberedRows) apart(i int) bool { return r.apartFrom[i] }

func TestPickListLayout(t *testing.T) {
	ctx := testContext(render.StyleNoTTY, 40, 20)
	ctx.Measure = 36 // an indent of 2 + Glamour's margin
	tests := []struct {
		name           string
		rows, cursor   int
		height         int
		counted        bool
		spaced         bool
		apart          map[int]bool
		wantRows       []int  // the rows drawn, in order
		wantTitle      string // the title line, trimmed
		wantBlankAbove int    // a row that stands after a blank line, or -1
	}{
		{"all fit", 3, 1, 10, true, false, nil, []int{0, 1, 2}, "List", -1},
		{"cursor in the middle", 20, 10, 8, false, false, nil, []int{8, 9, 10, 11}, "List", -1},
		{"cursor at the end", 20, 19, 8, false, false, nil, []int{16, 17, 18, 19}, "List", -1},
		{"counted when longer", 20, 4, 8, true, false, nil, []int{2, 3, 4, 5}, "List  5/20 · j/k for more", -1},
		{"spaced gives a line up", 20, 0, 8, false, true, map[int]bool{2: true}, []int{0, 1, 2}, "List", 2},
		{"the first row shown is never set apart", 5, 4, 7, false, true, map[int]bool{3: true}, []int{3, 4}, "List", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newPickList(ctx, "List", "choose", false)
			p.rows, p.cursor, p.counted, p.spaced = tt.rows, tt.cursor, tt.counted, tt.spaced
			rows := numberedRows{apartFrom: tt.apart}
			lines, owners := p.layout(rows, tt.height, 40)
			if len(lines) != len(owners) || len(lines) > tt.height {
				t.Fatalf("%d lines, %d owners, for %d lines of room:\n%s", len(lines), len(owners), tt.height, strings.Join(lines, "\n"))
			}
			if got := strings.TrimSpace(ansi.Strip(lines[0])); got != tt.wantTitle {
				t.Errorf("title %q, want %q", got, tt.wantTitle)
			}
			var drawn []int
			for y, o := range owners {
				if o < 0 {
					continue
				}
				drawn = append(drawn, o)
				want := rows.row(o, 40, o == tt.cursor)
				margin := "    "
				if o == tt.cursor {
					margin = "  › " // the notty style's mark for the cursor
				}
				if got := ansi.Strip(lines[y]); got != margin+want {
					t.Errorf("line %d is %q, want row %d, %q", y, got, o, margin+want)
				}
				if i, ok := p.rowAt(rows, y, tt.height, 40); !ok || i != o {
					t.Errorf("rowAt(%d) = %d, %v; want %d", y, i, ok, o)
				}
				if blank := y > 0 && lines[y-1] == ""; blank != (o == tt.wantBlankAbove) && y > 2 {
					t.Errorf("row %d after a blank line: %v", o, blank)
				}
			}
			if fmt.Sprint(drawn) != fmt.Sprint(tt.wantRows) {
				t.Errorf("rows drawn %v, want %v", drawn, tt.wantRows)
			}
			if _, ok := p.rowAt(rows, 0, tt.height, 40); ok {
				t.Error("the title is taken for a row")
			}
		})
	}
}

// TestPickListPages: pgdn and pgup move the cursor by the rows in sight,
// stopping at the first and last rows, so that a long contents or links
// list pages as the text does.
func TestPickListPages(t *testing.T) {
	ctx := testContext(render.StyleNoTTY, 40, 20)
	const height = 14 // 10 rows in sight
	tests := []struct {
		keys   []string
		spaced bool
		want   int
	}{
		{[]string{"pgdown"}, false, 10},
		{[]string{"pgdown", "pgdown"}, false, 20},
		{[]string{"pgdown", "pgdown", "pgdown", "pgdown"}, false, 34},
		{[]string{"G", "pgup"}, false, 24},
		{[]string{"pgdown", "pgup", "pgup"}, false, 0},
		{[]string{"ctrl+f"}, false, 10},
		{[]string{"ctrl+f", "ctrl+b"}, false, 0},
		{[]string{"pgdown"}, true, 9}, // a line kept for a row set apart
	}
	for _, tt := range tests {
		p := newPickList(ctx, "List", "go", false)
		p.rows, p.spaced = 35, tt.spaced
		for _, k := range tt.keys {
			p.update(keyMsg(k), p.inSight(height))
		}
		if p.cursor != tt.want {
			t.Errorf("%v (spaced %v): cursor on row %d, want %d", tt.keys, tt.spaced, p.cursor, tt.want)
		}
		if first, end := p.window(p.inSight(height)); p.cursor < first || p.cursor >= end {
			t.Errorf("%v: cursor on row %d, out of the rows shown %d–%d", tt.keys, p.cursor, first, end-1)
		}
	}
}

// TestPickListHelpLineFits: the keys under a list over the text are left
// out whole as the room narrows, "esc close" last, never cut mid-word.
func TestPickListHelpLineFits(t *testing.T) {
	ctx := testContext(render.StyleNoTTY, 80, 20)
	p := newPickList(ctx, "Highlights", "go to", true)
	p.keys.Edit.SetEnabled(true)
	for room := 12; room <= 90; room++ {
		line := ansi.Strip(p.helpLine(room))
		if ansi.StringWidth(line) > room || !strings.HasSuffix(line, "esc close") {
			t.Errorf("in %d columns the keys read %q", room, line)
		}
		for _, k := range strings.Split(line, " • ") {
			if !strings.Contains(k, " ") {
				t.Errorf("in %d columns a key is cut: %q", room, line)
			}
		}
	}
}
