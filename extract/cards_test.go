package extract_test

import (
	"strings"
	"testing"

	"cable/extract"
)

// TestImportKeepsProductCards imports a buying guide whose products are
// cards named as sites name their picks ("product-promo",
// "recommended-product", "ad-product"): together they are most of the
// article and stay, their buttons go; a lone box of that name beside an
// article of prose still goes, and so do comments however many.
func TestImportKeepsProductCards(t *testing.T) {
	card := func(class, name string) string {
		return `<div class="` + class + `"><h3>` + name + `</h3><p>A lantern cast in brass by a foundry on the quay, which hangs in every pilot house of the northern sea and burns for twelve hours on a filling.</p>` +
			`<button>Add to basket</button></div>`
	}
	intro := `<p>The pilots of the northern sea asked us what to give a pilot for the winter, and we tried every lantern the chandlers on the quay would sell us.</p>` +
		`<p>Three of them lasted the winter on the quay, through the storms of January and the fog of March, and here they are, with what they cost.</p>`
	for _, class := range []string{"product-promo", "recommended-product", "product ad-product"} {
		t.Run(class, func(t *testing.T) {
			page := `<html><head><title>Gifts for pilots</title></head><body><article><h1>Gifts for pilots</h1>` + intro +
				card(class, "Brass lantern one") + card(class, "Brass lantern two") + card(class, "Brass lantern three") + `</article></body></html>`
			md, _, err := extract.ImportHTML("page.html", []byte(page))
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"The pilots of the northern sea", "Brass lantern one", "Brass lantern two", "Brass lantern three"} {
				if !strings.Contains(string(md), want) {
					t.Errorf("the import lacks %q:\n%s", want, md)
				}
			}
			if strings.Count(string(md), "cast in brass") != 3 || strings.Contains(string(md), "basket") {
				t.Errorf("the cards' text is not there once each, or their buttons are:\n%s", md)
			}
		})
	}
	t.Run("a lone promotion beside prose goes", func(t *testing.T) {
		page := `<html><head><title>Harbour dues rise again</title></head><body><article><h1>Harbour dues rise again</h1>` + harbourProse +
			card("product-promo", "Brass lantern one") + `</article></body></html>`
		md, _, err := extract.ImportHTML("page.html", []byte(page))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(md), "Brass lantern") || !strings.Contains(string(md), "The board answers") {
			t.Errorf("the import keeps the promotion or lost the article:\n%s", md)
		}
	})
}
