package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// TestAnchorsAreTextPlaces: a highlight's place is a place in the text,
// not on the screen. The line a passage's anchor leads to holds the
// passage's start at every width, style, colour profile and link mode,
// even with a numbered link before it in its paragraph. (With links
// inline, the addresses shown are not counted in the places the reader
// maps, for reading positions as for highlights: a known drift of the
// mapping, not of the anchors.)
func TestAnchorsAreTextPlaces(t *testing.T) {
	a := parseArticle(t, "---\ntitle: Anchors\n---\n\nThe war began in the spring.\n\n## The talks\n\n"+
		"The envoys met in [Vienna](https://example.com/vienna) and [Geneva](https://example.com/geneva) for the third time this year, "+
		"with little to show for it. The talks failed again, and the war went on.\n")
	text := a.Sections[1].Blocks[1].Text
	at := strings.Index(text, "The talks failed again")
	an, ok := a.AnchorAt(1, 1, at, at+len("The talks failed again"))
	if !ok {
		t.Fatal("AnchorAt failed")
	}
	pos := a.PositionOf(an)
	for _, style := range []string{StyleNoTTY, StyleDark, StyleLight} {
		for _, profile := range []termenv.Profile{testProfile, termenv.Ascii} {
			for _, width := range []int{24, 40, 61, 100} {
				for _, mode := range []LinkMode{LinksClean, LinksNumbered} {
					t.Run(fmt.Sprintf("%s/%d/%d/%s", style, profile, width, mode), func(t *testing.T) {
						doc, err := Article(a, Options{Width: width, Style: style, Profile: profile, Links: mode})
						if err != nil {
							t.Fatal(err)
						}
						line := doc.LineOf(pos)
						first := squeeze(ansi.Strip(doc.Lines[line]))
						var rest strings.Builder
						for _, l := range doc.Lines[line:min(line+6, len(doc.Lines))] {
							rest.WriteString(squeeze(ansi.Strip(l)))
						}
						i := strings.Index(rest.String(), squeeze(an.Quote.Exact))
						if i < 0 || i >= len(first) {
							t.Errorf("line %d %q does not start the passage %q", line, ansi.Strip(doc.Lines[line]), an.Quote.Exact)
						}
					})
				}
			}
		}
	}
}
