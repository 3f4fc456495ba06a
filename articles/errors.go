package articles

import (
	"fmt"
	"strings"
)

// Error is one problem found in an article file. It always names the file
// and, where the problem has one, the line, so that a reader can jump
// straight to it: "notes.md:3: unknown field "autor"".
type Error struct {
	File string
	Line int // 1-based; 0 when the problem belongs to the whole file
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// ErrorList is every error found in one file, in the order of the file.
// Parsing reports them all at once so a writer fixes a file in one pass.
type ErrorList []*Error

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
	p.warnings = append(p.warnings, &Error{File: p.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}
