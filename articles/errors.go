package articles

import (
	"fmt"
	"strings"
)

// Error is one problem found in an article file, or in the configuration
// file, which is read by the same YAML reader (yaml.go). It always names
// the file and, where the problem has one, the line, so that a reader can
// jump straight to it: "notes.md:3: unknown field "autor"".
type Error struct {
	File string
	Line int // 1-based; 0 when the problem belongs to the whole file
	Msg  string
	// Warning marks a problem that does not stop the article from being
	// read ("unknown field"); its text ends "(warning)".
	Warning bool
}

func (e *Error) Error() string {
	mark := ""
	if e.Warning {
		mark = " (warning)"
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s%s", e.File, e.Line, e.Msg, mark)
	}
	return fmt.Sprintf("%s: %s%s", e.File, e.Msg, mark)
}

// ErrorList is every problem found in one file. Parsing reports them all
// at once so a writer fixes a file in one pass: the errors first, in the
// order of the file, then the warnings met on the way, marked as such.
type ErrorList []*Error

// Split returns the errors and the warnings of a list.
func (l ErrorList) Split() (errs, warnings ErrorList) {
	for _, e := range l {
		if e.Warning {
			warnings = append(warnings, e)
		} else {
			errs = append(errs, e)
		}
	}
	return errs, warnings
}

func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// problems collects errors and warnings for one file while it is parsed.
type problems struct {
	file     string
	errors   ErrorList
	warnings ErrorList
}

func (p *problems) errorf(line int, format string, args ...any) {
	p.errors = append(p.errors, &Error{File: p.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (p *problems) warnf(line int, format string, args ...any) {
	p.warnings = append(p.warnings, &Error{File: p.file, Line: line, Msg: fmt.Sprintf(format, args...), Warning: true})
}

// failed is what Parse returns for a file with errors: the errors, then
// every warning found so far, so that none is hidden until the errors are
// fixed.
func (p *problems) failed() ErrorList {
	return append(p.errors[:len(p.errors):len(p.errors)], p.warnings...)
}
