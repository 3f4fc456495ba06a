package library

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"cable/articles"
	"cable/crash"
	"cable/extract"
)

// Importing writes articles into the library directory: package extract
// turns each page or text into an article's Markdown, and this file reads
// the inputs and writes the results, under safe names and never over an
// existing file.

// ImportFile converts one file into an article in cable's format: Markdown
// with front matter. It returns the article and a file name for it (a safe
// slug of the title + ".md"). Every article it returns parses without
// errors, and one converted from a page or a text without warnings either
// (see extract.Article); errors name the file, and the line where there is
// one.
func ImportFile(path string) (c extract.Converted, name string, err error) {
	if err := extract.CheckKind(path); err != nil {
		return c, "", err
	}
	data, err := readImportFile(path)
	if err != nil {
		return c, "", err
	}
	if c, err = extract.Article(path, data); err != nil {
		return c, "", err
	}
	return c, SafeFileName(c.Title), nil
}

// readImportFile reads a file to import, refusing directories, devices,
// pipes and anything over articles.MaxSize before reading it, so that a stray disk
// image or a FIFO cannot fill memory or hang the import.
func readImportFile(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, &articles.Error{File: path, Msg: articles.DescribeOpenError(err)}
	}
	if err := checkImportable(info); err != nil {
		return nil, &articles.Error{File: path, Msg: err.Error()}
	}
	return readWhole(path, "files that large are not imported")
}

// readWhole reads a regular file already checked to be no larger than
// articles.MaxSize, and checks again, since it may have grown since;
// tooBig ends the message for a file that has.
func readWhole(path, tooBig string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &articles.Error{File: path, Msg: articles.DescribeOpenError(err)}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, articles.MaxSize+1))
	if err != nil {
		return nil, &articles.Error{File: path, Msg: "cannot be read: " + err.Error()}
	}
	if len(data) > articles.MaxSize {
		return nil, &articles.Error{File: path, Msg: fmt.Sprintf("is larger than %d MiB; %s", articles.MaxSize>>20, tooBig)}
	}
	return data, nil
}

// checkImportable refuses what must not be opened or read whole: a
// directory, a device or pipe (opening a FIFO blocks), an oversized file.
func checkImportable(info fs.FileInfo) error {
	switch {
	case info.IsDir():
		return errors.New("is a directory, not a file to import")
	case !info.Mode().IsRegular():
		return errors.New("is not a regular file")
	case info.Size() > articles.MaxSize:
		return fmt.Errorf("is %d MiB; files larger than %d MiB are not imported", info.Size()>>20, articles.MaxSize>>20)
	}
	return nil
}

// Imported is what an import did.
type Imported struct {
	// Written are the paths of the articles written, in the order of the
	// inputs.
	Written []string
	// Warnings are the problems of the Markdown files imported that did
	// not stop them (see extract.Converted): the reader's to fix.
	Warnings articles.ErrorList
}

// Import converts every path and writes the results into dir (created if
// missing, mode 0o755; files 0o644). It never overwrites an existing file:
// "name.md" taken → "name-2.md", "name-3.md"… (create with O_EXCL so a
// race cannot overwrite either). It returns what it wrote, with the
// warnings of the Markdown files it took, and an error naming every input
// that failed (the others are still imported). A path that is a directory
// imports the .html, .htm, .txt, .md and .markdown files inside it. A
// panic while one file is imported is reported to r and fails that file
// alone.
func Import(paths []string, dir string, r *crash.Reporter) (Imported, error) {
	return ImportKeeping(paths, dir, r, nil)
}

// ImportKeeping is Import that also keeps each file imported in kept, when
// it is not nil, so that "cable reimport" can extract it again. A source
// that cannot be kept is a warning: the article is written all the same.
func ImportKeeping(paths []string, dir string, r *crash.Reporter, kept *KeptSources) (Imported, error) {
	var done Imported
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return done, &articles.Error{File: dir, Msg: "cannot create the directory: " + articles.DescribeOpenError(err)}
	}
	files, errs := expandImportPaths(paths, dir)
	for _, file := range files {
		out, err := crash.File(r, file, func() (importedFile, error) { return importInto(dir, file, kept) })
		if err != nil {
			errs = articles.AppendErrors(errs, err)
			continue
		}
		done.Written = append(done.Written, out.path)
		done.Warnings = append(done.Warnings, out.warnings...)
	}
	if len(errs) > 0 {
		return done, errs
	}
	return done, nil
}

// importedFile is one file imported: where it went and its warnings.
type importedFile struct {
	path     string
	warnings articles.ErrorList
}

// importInto imports one file into dir, keeping it in kept when that is
// not nil.
func importInto(dir, file string, kept *KeptSources) (importedFile, error) {
	if err := extract.CheckKind(file); err != nil {
		return importedFile{}, err
	}
	data, err := readImportFile(file)
	if err != nil {
		return importedFile{}, err
	}
	c, err := extract.Article(file, data)
	if err != nil {
		return importedFile{}, err
	}
	out, err := writeUnique(dir, SafeFileName(c.Title), c.Markdown)
	if err != nil {
		return importedFile{}, &articles.Error{File: file, Msg: err.Error()}
	}
	done := importedFile{path: out, warnings: c.Warnings}
	if kept != nil {
		abs, _ := filepath.Abs(file)
		s := KeptSource{Article: out, File: abs, Kind: sourceKind(file)}
		if err := kept.Keep(s, data, c.Markdown); err != nil {
			done.warnings = append(done.warnings, &articles.Error{File: file, Msg: err.Error(), Warning: true})
		}
	}
	return done, nil
}

// sourceKind is the kind of an imported file, as extract names the kinds
// of fetched ones.
func sourceKind(file string) string {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".html", ".htm":
		return extract.KindHTML
	case ".txt":
		return extract.KindText
	}
	return extract.KindMarkdown
}

// expandImportPaths replaces each directory among paths by the importable
// files below it, in lexical order, and keeps files as they are. Hidden
// files and directories, and the output directory itself, are skipped, so
// that importing a folder twice does not import the first import.
func expandImportPaths(paths []string, outDir string) ([]string, articles.ErrorList) {
	var files []string
	var errs articles.ErrorList
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil || !info.IsDir() {
			files = append(files, p) // ImportFile reports what is wrong
			continue
		}
		found, err := importableFilesIn(p, outDir)
		if err != nil {
			errs = append(errs, &articles.Error{File: p, Msg: "cannot be listed: " + err.Error()})
		}
		files = append(files, found...)
	}
	return files, errs
}

// importableFilesIn lists the files below root that an importer exists
// for. Unreadable entries are skipped rather than failing the whole
// directory, as LoadPaths does when it reads one.
func importableFilesIn(root, outDir string) ([]string, error) {
	skip, _ := filepath.Abs(outDir)
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		hidden := strings.HasPrefix(d.Name(), ".") && path != root
		if d.IsDir() {
			if abs, _ := filepath.Abs(path); hidden || (abs == skip && path != root) {
				return filepath.SkipDir
			}
			return nil
		}
		if extract.Importable(path) && !hidden && d.Type().IsRegular() {
			files = append(files, path)
		}
		return nil
	})
	return files, err
}
