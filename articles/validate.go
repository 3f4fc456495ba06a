package articles

import (
	"errors"
	"os"
	"strings"
)

// Report is what validation found in one file.
type Report struct {
	File     string
	Errors   ErrorList // the file cannot be read as an article
	Warnings ErrorList // it can, but something in it is likely a mistake
}

// Guard runs the parsing of one file: cable passes one that turns a panic
// into an error for that file alone (see package crash), which the
// articles package, importing nothing of cable's, cannot do itself.
type Guard func(file string, parse func() (*Article, error)) (*Article, error)

// Validate checks every article file at paths (files, and the article
// files anywhere below directories) and reports on each, in path order.
// A path that does not exist is reported as a file with an error. Each
// file is parsed through guard; nil parses directly.
func Validate(paths []string, guard Guard) []Report {
	var reports []Report
	for _, p := range paths {
		files, err := articleFiles(p)
		if err != nil {
			reports = append(reports, Report{File: p, Errors: ErrorList{{File: p, Msg: err.Error()}}})
			continue
		}
		for _, name := range files {
			reports = append(reports, validateFile(name, guard))
		}
	}
	return reports
}

func validateFile(name string, guard Guard) Report {
	origin := "/" + name
	r := Report{File: origin}
	parse := func() (*Article, error) { return ParseFile(os.DirFS("/"), name, origin) }
	if guard == nil {
		guard = func(_ string, parse func() (*Article, error)) (*Article, error) { return parse() }
	}
	a, err := guard(origin, parse)
	var list ErrorList
	var one *Error
	switch {
	case err == nil:
		r.Warnings = a.Warnings
	case errors.As(err, &list):
		r.Errors, r.Warnings = list.Split()
	case errors.As(err, &one):
		r.Errors = ErrorList{one}
	default:
		// An error from the guard names the file already.
		r.Errors = ErrorList{{File: origin, Msg: strings.TrimPrefix(err.Error(), origin+": ")}}
	}
	return r
}
