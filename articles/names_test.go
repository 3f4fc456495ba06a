package articles

import (
	"fmt"
	"slices"
	"testing"
)

// hongKongReport is a news report of the shape the names index met:
// sentences that open on common words, a caption with its credit, a
// newspaper with an apostrophe in its name, and a leader named in full
// once and by his surname after.
const hongKongReport = `---
title: Beijing tightens its grip
---

Excessive force was used on Sunday, protesters in Hong Kong said, as police
cleared the streets around the Legislative Council.

Photograph: Reuters

Chinese leader Xi Jinping said on Monday that Hong Kong must be governed by
patriots. People's Daily, the Communist Party newspaper, printed his words in
full. Xi's speech was the first since the protests began.

## The response

Officials in Hong Kong welcomed the speech. Xi has visited the city twice,
and People's Daily called the visits a success. Its verdict: Excessive
caution would not serve Hong Kong. Critics, quoted by Reuters, said the Hong Kong
government had little choice. Photograph albums of the protests sold out.
`

// TestNamesOfANewsReport: a single capitalised word counts only when the
// article writes it capitalised mid-sentence and it is no common word; a
// possessive inside a name stays; a surname is folded into the full name
// it shortens; and each count is the name's mentions in the text.
func TestNamesOfANewsReport(t *testing.T) {
	a, err := Parse("hk.md", []byte(hongKongReport), "hk")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range Names(a) {
		got = append(got, fmt.Sprintf("%s %d", n.Text, n.Count))
	}
	want := []string{"Hong Kong 5", "Xi Jinping 3", "People's Daily 2", "Reuters 2", "Communist Party 1", "Legislative Council 1"}
	check(t, "names", got, want)
	for _, bad := range []string{"Excessive", "Photograph", "Officials", "Critics", "Xi", "People Daily"} {
		for _, n := range Names(a) {
			if n.Text == bad {
				t.Errorf("%q is listed as a name", bad)
			}
		}
	}
}

// TestNameForms: a name's forms are what its mentions are found by; a
// folded surname is one of them.
func TestNameForms(t *testing.T) {
	a, err := Parse("hk.md", []byte(hongKongReport), "hk")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range Names(a) {
		if n.Text == "Xi Jinping" {
			if !slices.Equal(n.Forms(), []string{"Xi Jinping", "Xi"}) {
				t.Errorf("forms of Xi Jinping: %q", n.Forms())
			}
			return
		}
	}
	t.Error("no Xi Jinping")
}

func TestFindName(t *testing.T) {
	tests := []struct {
		text  string
		forms []string
		want  string
	}{
		{"Hong Kong, Hong Kong's and Hong  Kong-based", []string{"Hong Kong"}, "[0 9] [11 20] [27 37]"},
		{"Xi Jinping met Xinhua; Xi's aide and Xi", []string{"Xi Jinping", "Xi"}, "[0 10] [23 25] [37 39]"},
		{"the hong kong line", []string{"Hong Kong"}, ""},
		{"Chinese leader Xi", []string{"China"}, ""},
	}
	for _, tt := range tests {
		got := ""
		for _, m := range FindName([]rune(tt.text), tt.forms) {
			if got != "" {
				got += " "
			}
			got += fmt.Sprint(m)
		}
		if got != tt.want {
			t.Errorf("FindName(%q, %q) = %q, want %q", tt.text, tt.forms, got, tt.want)
		}
	}
}

// TestNamesInATable: a table's cells are read one by one, so neither its
// header nor a row runs together into a name, while the names in its
// cells count as they do in the text.
func TestNamesInATable(t *testing.T) {
	const src = `---
title: Trade
---

Trade between Azerbaijan and Israel grew, said Eldar Mamedov.

| Country | Exports | Imports |
| --- | --- | --- |
| Azerbaijan | Oil | Drones |
| Israel | Drones | Oil |

The Caspian Sea matters to Azerbaijan.
`
	a, err := Parse("t.md", []byte(src), "t")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range Names(a) {
		got = append(got, fmt.Sprintf("%s %d", n.Text, n.Count))
	}
	want := []string{"Azerbaijan 3", "Israel 2", "Caspian Sea 1", "Eldar Mamedov 1"}
	if !slices.Equal(got, want) {
		t.Errorf("names %q, want %q", got, want)
	}
}
