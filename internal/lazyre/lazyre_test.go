package lazyre

import (
	"slices"
	"strings"
	"testing"
)

// TestCompiledOnFirstUse: making the expression compiles nothing (a bad
// pattern does not panic there), the first use compiles it, and every
// use after shares that compilation.
func TestCompiledOnFirstUse(t *testing.T) {
	bad := New(`(`)
	if bad.re != nil {
		t.Fatal("compiled when made")
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Error("a bad pattern did not panic on first use")
			}
		}()
		bad.MatchString("x")
	}()

	r := New(`([0-9]+)(st|nd|rd|th)`)
	if r.re != nil {
		t.Fatal("compiled when made")
	}
	first := r.Compiled()
	if first == nil || r.Compiled() != first {
		t.Fatal("not compiled once and kept")
	}
}

// TestMethodsAreTheCompiledOnes: each method answers as the compiled
// expression's.
func TestMethodsAreTheCompiledOnes(t *testing.T) {
	r := New(`([0-9]+)(st|nd|rd|th)`)
	if !r.MatchString("the 3rd") || r.MatchString("the third") {
		t.Error("MatchString")
	}
	if got, want := r.FindStringSubmatch("the 21st day"), []string{"21st", "21", "st"}; !slices.Equal(got, want) {
		t.Errorf("FindStringSubmatch: %q, want %q", got, want)
	}
	if got, want := r.FindStringIndex("on 4th"), []int{3, 6}; !slices.Equal(got, want) {
		t.Errorf("FindStringIndex: %v, want %v", got, want)
	}
	if got, want := r.FindAllString("1st 2nd 3rd", 2), []string{"1st", "2nd"}; !slices.Equal(got, want) {
		t.Errorf("FindAllString: %q, want %q", got, want)
	}
	if got, want := r.ReplaceAllString("the 2nd", "$1"), "the 2"; got != want {
		t.Errorf("ReplaceAllString: %q, want %q", got, want)
	}
	if got, want := r.ReplaceAllStringFunc("the 2nd", strings.ToUpper), "the 2ND"; got != want {
		t.Errorf("ReplaceAllStringFunc: %q, want %q", got, want)
	}
	if got, want := r.String(), `([0-9]+)(st|nd|rd|th)`; got != want {
		t.Errorf("String: %q, want %q", got, want)
	}
}
