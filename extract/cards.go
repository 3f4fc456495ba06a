// cards.go holds the cards a page sets its article's items in: a
// buying guide's products, a list's entries, each a box of the same
// class, which may carry a furniture word ("product-promo",
// "recommended-product", <aside class="product">) that would take the
// article's substance with the clutter.

package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// cardWords are the furniture words a site gives the cards of what an
// article recommends (its products, its picks), as it names its
// advertisements; comments, shares and menus are never the article's
// cards, however many.
var cardWords = map[string]bool{
	"promo": true, "ad": true, "ads": true, "advert": true, "sponsored": true, "recommended": true,
}

// cardRun sums, per parent and class, the paragraph text of sibling
// elements that share a tag and a class.
type cardRun struct {
	parent *html.Node
	class  string
}

// articleCards reports whether n is one of two or more siblings of its
// tag and class that together hold more than half of the page's
// paragraph text (total; sizes from paragraphText): the cards that are
// the article's content, kept whatever their class says. runs caches
// the sums by parent and class.
func articleCards(n *html.Node, sizes map[*html.Node]int, total int, runs map[cardRun][2]int) bool {
	class := strings.TrimSpace(htmlAttr(n, "class"))
	if class == "" || n.Parent == nil || total == 0 || !hasNameWord(n, cardWords) {
		return false
	}
	key := cardRun{n.Parent, class}
	run, ok := runs[key]
	if !ok {
		for s := n.Parent.FirstChild; s != nil; s = s.NextSibling {
			if s.Type == html.ElementNode && s.DataAtom == n.DataAtom && strings.TrimSpace(htmlAttr(s, "class")) == class {
				run[0]++
				run[1] += sizes[s]
			}
		}
		runs[key] = run
	}
	return run[0] >= 2 && run[1]*2 > total
}
