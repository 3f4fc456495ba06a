// Package lazyre holds regular expressions that are compiled when first
// used rather than when the program starts: every cable command pays
// for the package initialisation of every package linked, and most never
// import a page or a PDF, whose rules are dozens of expressions.
package lazyre

import (
	"regexp"
	"sync"
)

// Regexp is a regular expression compiled on first use. A pattern that
// does not compile panics then, as regexp.MustCompile would have at
// start; each package's tests use its expressions.
type Regexp struct {
	src  string
	once sync.Once
	re   *regexp.Regexp
}

// New is the expression of src, not yet compiled.
func New(src string) *Regexp { return &Regexp{src: src} }

// Compiled is the expression compiled, the first call compiling it.
func (r *Regexp) Compiled() *regexp.Regexp {
	r.once.Do(func() { r.re = regexp.MustCompile(r.src) })
	return r.re
}

// String is the pattern.
func (r *Regexp) String() string { return r.src }

func (r *Regexp) MatchString(s string) bool { return r.Compiled().MatchString(s) }

func (r *Regexp) FindStringSubmatch(s string) []string { return r.Compiled().FindStringSubmatch(s) }

func (r *Regexp) FindStringIndex(s string) []int { return r.Compiled().FindStringIndex(s) }

func (r *Regexp) FindAllString(s string, n int) []string { return r.Compiled().FindAllString(s, n) }

func (r *Regexp) ReplaceAllString(src, repl string) string {
	return r.Compiled().ReplaceAllString(src, repl)
}

func (r *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	return r.Compiled().ReplaceAllStringFunc(src, repl)
}
