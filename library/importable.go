package library

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"cable/articles"
	"cable/epub"
	"cable/extract"
	"cable/pdf"
)

// The files "cable import" takes: which they are (a directory's importable
// files), how they are read (never a device, a pipe or a file too large),
// and what kind each is. Package ingest saves what they hold.

// ImportFile converts one file into an article in cable's format: Markdown
// with front matter. It returns the article and a file name for it (a safe
// slug of the title + ".md"). Every article it returns parses without
// errors, and one converted from a page or a text without warnings either
// (see extract.Article); errors name the file, and the line where there is
// one.
func ImportFile(path string) (c extract.Converted, name string, err error) {
	if err := CheckImportable(path); err != nil {
		return c, "", err
	}
	data, err := ReadImportFile(path)
	if err != nil {
		return c, "", err
	}
	if c, err = (KeptSource{File: path, Kind: SourceKind(path)}).Convert(data); err != nil {
		return c, "", err
	}
	return c, SafeFileName(c.Title), nil
}

// CheckImportable is nil when a file can be imported, by its name, and
// for a name without an extension by its first bytes, as CheckReadable
// says: such a file is imported as Markdown, as "cable read" reads it,
// unless it is a binary or a web page. It is asked before the file is
// read.
func CheckImportable(path string) error {
	if documentKind(path) != "" {
		return nil
	}
	if extract.CheckKind(path) != nil {
		return &articles.Error{File: path, Msg: fmt.Sprintf("cannot import %s files (%s)", strings.ToLower(filepath.Ext(path)), importableKinds)}
	}
	return CheckReadable(path)
}

// importableKinds is how a refusal names the extensions imported.
const importableKinds = "html, htm, txt, md, markdown, pdf and epub can be"

// ReadImportFile reads a file to import, refusing directories, devices,
// pipes and anything over articles.MaxSize before reading it, so that a stray disk
// image or a FIFO cannot fill memory or hang the import.
func ReadImportFile(path string) ([]byte, error) {
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

// SourceKind is the kind of an imported file, as extract names the kinds
// of fetched ones.
func SourceKind(file string) string {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".html", ".htm":
		return extract.KindHTML
	case ".txt":
		return extract.KindText
	}
	if kind := documentKind(file); kind != "" {
		return kind
	}
	return extract.KindMarkdown
}

// documentKind is the kind of a book or report that is converted whole,
// an EPUB or a PDF, by its file name, or "" for any other file.
func documentKind(name string) string {
	switch {
	case epub.Is(name):
		return epub.Kind
	case pdf.Is(name):
		return pdf.Kind
	}
	return ""
}

// DocumentKindOf is the kind of a fetched body that is a book or report
// (.pdf, .epub), by its Content-Type, its first bytes or, served as
// anything, its address; "" for any other body.
func DocumentKindOf(contentType, address string, body []byte) string {
	media, _, _ := mime.ParseMediaType(contentType)
	anything := media == "" || media == "application/octet-stream" || media == "binary/octet-stream"
	u, _ := url.Parse(address)
	switch {
	case media == "application/pdf" || media == "application/x-pdf" || bytes.HasPrefix(body, []byte("%PDF-")):
		return pdf.Kind
	case media == "application/epub+zip" || anything && u != nil && epub.Is(u.Path):
		return epub.Kind
	}
	return ""
}

// IsDocument reports whether sources of this kind are books or reports
// (binary files, converted whole) rather than text.
func IsDocument(kind string) bool { return kind == epub.Kind || kind == pdf.Kind }

// convertDocument makes an article of a book or report of the kind;
// adjust completes its front matter.
func convertDocument(name, kind string, data []byte, adjust func(*articles.Meta)) (extract.Converted, error) {
	if kind == pdf.Kind {
		return pdf.Convert(name, data, adjust)
	}
	return epub.Convert(name, data, adjust)
}

// ImportablePaths replaces each directory among paths by the importable
// files below it, in lexical order, and keeps files as they are. Hidden
// files and directories, and the output directory itself, are skipped, so
// that importing a folder twice does not import the first import.
func ImportablePaths(paths []string, outDir string) ([]string, articles.ErrorList) {
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
// for, by their extension: a folder's files without one (a README, a
// LICENSE) are not articles it was given. Unreadable entries are skipped rather than failing the whole
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
		if (extract.Importable(path) || documentKind(path) != "") && !extract.NoExtension(path) && !hidden && d.Type().IsRegular() {
			files = append(files, path)
		}
		return nil
	})
	return files, err
}
