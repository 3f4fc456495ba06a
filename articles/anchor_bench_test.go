package articles

import (
	"testing"
)

// benchAnchors anchors the first sentence of every paragraph of the
// bundled guide, the longest bundled article, and the same passages as
// a file edited since would leave them: every place off by one block.
func benchAnchors(b *testing.B) (*Article, []Anchor, []Anchor) {
	list, err := Bundle()
	if err != nil {
		b.Fatal(err)
	}
	a := list[len(list)-1]
	var inPlace, moved []Anchor
	for i, s := range a.Sections {
		for j, block := range s.Blocks {
			spans := Sentences(block.Text)
			if block.Heading > 0 || len(spans) == 0 {
				continue
			}
			an, ok := a.AnchorAt(i, j, spans[0].Start, spans[0].End)
			if !ok {
				continue
			}
			inPlace = append(inPlace, an)
			an.Block++
			moved = append(moved, an)
		}
	}
	return a, inPlace, moved
}

// BenchmarkLocate finds every paragraph's first sentence of an article,
// as opening it with a highlight on each paragraph would: in place, and
// after an edit that moved them all.
func BenchmarkLocate(b *testing.B) {
	a, inPlace, moved := benchAnchors(b)
	for _, bench := range []struct {
		name    string
		anchors []Anchor
	}{{"in-place", inPlace}, {"moved", moved}} {
		b.Run(bench.name, func(b *testing.B) {
			for b.Loop() {
				l := a.Locator()
				for _, an := range bench.anchors {
					l.Locate(an)
				}
			}
			b.ReportMetric(float64(len(bench.anchors)), "anchors")
		})
	}
}
