package articles

import (
	"errors"
	"os"
)

// Report is what validation found in one file.
type Report struct {
	File     string
	Errors   ErrorList // the file cannot be read as an article
	Warnings ErrorList // it can, but something in it is likely a mistake
}

// Validate checks every article file at paths (files, and the article
// files anywhere below directories) and reports on each, in path order.
// A path that does not exist is reported as a file with an error.
func Validate(paths []string) []Report {
	var reports []Report
	for _, p := range paths {
		files, err := articleFiles(p)
		if err != nil {
			reports = append(reports, Report{File: p, Errors: ErrorList{{File: p, Msg: err.Error()}}})
			continue
		}
		for _, name := range files {
			reports = append(reports, validateFile(name))
		}
	}
	return reports
}

func validateFile(name string) Report {
	origin := "/" + name
	r := Report{File: origin}
	a, err := ParseFile(os.DirFS("/"), name, origin)
	var list ErrorList
	var one *Error
	switch {
	case err == nil:
		r.Warnings = a.Warnings
	case errors.As(err, &list):
		r.Errors = list
	case errors.As(err, &one):
		r.Errors = ErrorList{one}
	default:
		r.Errors = ErrorList{{File: origin, Msg: err.Error()}}
	}
	return r
}
