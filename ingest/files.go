package ingest

import (
	"cable/articles"
	"cable/crash"
	"cable/library"
)

// Files: what "cable import" takes.

// Imported is what an import did.
type Imported struct {
	// Saved are the articles written or found, in the order of the
	// inputs.
	Saved []Saved
	// Warnings are the problems that did not stop a file: a Markdown
	// file's own (see extract.Converted), a source not kept.
	Warnings articles.ErrorList
}

// Written are the paths of the articles written.
func (im Imported) Written() []string {
	var out []string
	for _, s := range im.Saved {
		if !s.Already {
			out = append(out, s.Path)
		}
	}
	return out
}

// Import saves every file, and every importable file below a directory
// named, in lexical order, skipping hidden ones and the library directory
// itself, so that importing a folder twice does not import the first
// import. It returns what became of each, and an error naming every file
// that failed (the others are still saved). A panic while one file is
// imported is reported to r and fails that file alone.
func (s *Saver) Import(paths []string, r *crash.Reporter) (Imported, error) {
	var done Imported
	files, errs := library.ImportablePaths(paths, s.opts.Dir)
	for _, file := range files {
		saved, err := crash.File(r, file, func() (Saved, error) { return s.SaveFile(file) })
		if err != nil {
			if _, many := err.(articles.ErrorList); !many {
				err = Describe(file, err)
			}
			errs = articles.AppendErrors(errs, err)
			continue
		}
		done.Saved = append(done.Saved, saved)
		done.Warnings = append(done.Warnings, saved.Warnings...)
	}
	if len(errs) > 0 {
		return done, errs
	}
	return done, nil
}

// SaveFile saves the article of one file.
func (s *Saver) SaveFile(file string) (Saved, error) {
	if err := library.CheckImportable(file); err != nil {
		return Saved{}, err
	}
	data, err := library.ReadImportFile(file)
	if err != nil {
		return Saved{}, err
	}
	return s.Save(Input{Name: file, Source: library.KeptSource{File: file, Kind: library.SourceKind(file)}, Body: data})
}
