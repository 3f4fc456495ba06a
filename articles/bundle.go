package articles

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

//go:embed bundle/*.md
var bundleFS embed.FS

// BundleOrigin is the Origin of every article shipped inside the binary.
const BundleOrigin = "bundled"

// bundleOrder lists the bundled articles in the order the library shows
// them: the first article, then the guide.
var bundleOrder = []string{"azerbaijan-israel-relations.md", "reading-with-cable.md"}

// Bundle parses the articles embedded in the binary. An error here is a
// bug in cable itself, and the tests keep it from shipping.
func Bundle() ([]*Article, error) {
	sub, err := fs.Sub(bundleFS, "bundle")
	if err != nil {
		return nil, err
	}
	return parseAll(sub, bundleOrder, func(name string) string { return BundleOrigin })
}

func parseAll(fsys fs.FS, names []string, origin func(string) string) ([]*Article, error) {
	var list []*Article
	var errs ErrorList
	for _, name := range names {
		a, err := ParseFile(fsys, name, origin(name))
		if err != nil {
			errs = AppendErrors(errs, err)
			continue
		}
		list = append(list, a)
	}
	if len(errs) > 0 {
		return list, errs
	}
	return list, nil
}

// AppendErrors adds err to list: each problem of an ErrorList, an *Error
// as it is, anything else as an error without a file.
func AppendErrors(list ErrorList, err error) ErrorList {
	switch e := err.(type) {
	case ErrorList:
		return append(list, e...)
	case *Error:
		return append(list, e)
	}
	return append(list, &Error{Msg: err.Error()})
}

// IsArticleFile reports whether a file name has an extension cable reads
// as an article.
func IsArticleFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return true
	}
	return false
}

// LoadPaths parses the articles named on a command line: files, and the
// article files anywhere below directories. Articles that parse are
// returned even when others fail; the error lists every failure.
func LoadPaths(paths []string) ([]*Article, error) {
	var files []string
	var errs ErrorList
	for _, p := range paths {
		found, err := articleFiles(p)
		if err != nil {
			errs = append(errs, &Error{File: p, Msg: err.Error()})
			continue
		}
		files = append(files, found...)
	}
	list, err := parseAll(os.DirFS("/"), files, func(name string) string { return "/" + name })
	if err != nil {
		errs = AppendErrors(errs, err)
	}
	if len(errs) > 0 {
		return list, errs
	}
	return list, nil
}

// articleFiles lists the absolute paths, without their leading slash (as
// fs.FS names them), of the article files at p.
func articleFiles(p string) ([]string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return nil, err
	}
	info, err := os.Stat(abs)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, fmt.Errorf("no such file or directory")
		}
		return nil, err
	}
	if !info.IsDir() {
		return []string{strings.TrimPrefix(filepath.ToSlash(abs), "/")}, nil
	}
	var files []string
	err = filepath.WalkDir(abs, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // an unreadable entry is skipped, not fatal
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), ".") && path != abs {
			return filepath.SkipDir
		}
		if !d.IsDir() && IsArticleFile(d.Name()) {
			files = append(files, strings.TrimPrefix(filepath.ToSlash(path), "/"))
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}
