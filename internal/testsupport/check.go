package testsupport

import (
	"testing"

	"cable/articles"
)

// CheckList compares two lists, naming what they are in the failure.
func CheckList[T comparable](t testing.TB, what string, got, want []T) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s = %v, want %v", what, got, want)
		return
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("%s = %v, want %v", what, got, want)
			return
		}
	}
}

// MustParseCleanly parses an article cable wrote, as cable will read it,
// failing on any error or warning: every import must read without
// complaint.
func MustParseCleanly(t testing.TB, path string, md []byte) *articles.Article {
	t.Helper()
	a, err := articles.Parse(path, md, "imported")
	if err != nil {
		t.Fatalf("%s imports to an article that does not parse: %v\n%s", path, err, md)
	}
	if len(a.Warnings) > 0 {
		t.Fatalf("%s imports to an article with warnings: %v\n%s", path, a.Warnings, md)
	}
	return a
}

// Prose is enough text for readability to take a page for an article.
const Prose = "The negotiations over the straits have lasted longer than anyone expected, " +
	"and each round has ended with a communiqué that promised more talks. The delegations " +
	"agree on the principle of free passage but not on who should pay for the pilots, the " +
	"tugs and the insurance that make passage possible in practice, and that question, more " +
	"than any grand strategy, decides how much traffic the waterway can carry in a year."
