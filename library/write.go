package library

import (
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"cable/articles"
	"cable/extract"
)

// Files cable writes into the library are written whole to a temporary
// file beside their final place, then given their name in one step, so
// that an interrupted cable, a full disk or a reader scanning the library
// meanwhile never sees half an article. The temporary names start with a
// dot: the library's scan skips hidden files.

// writeTemp writes data to a new hidden temporary file in dir and returns
// its path; nothing is left behind when it fails.
func writeTemp(dir string, data []byte, mode os.FileMode) (string, error) {
	f, err := os.CreateTemp(dir, ".cable-*.tmp")
	if err != nil {
		return "", fmt.Errorf("cannot create a file in %s: %s", dir, articles.DescribeOpenError(err))
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, mode)
	}
	if err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("cannot write %s: %v", tmp, err)
	}
	return tmp, nil
}

// replaceFile writes data to path, replacing the file there if any,
// through a temporary file and a rename.
func replaceFile(path string, data []byte, mode os.FileMode) error {
	tmp, err := writeTemp(filepath.Dir(path), data, mode)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("cannot replace %s: %v", path, err)
	}
	return nil
}

// writeUnique writes data to dir/name, or, when that name is taken, to
// name-2, name-3 and so on, never over an existing file. The data is
// written to a temporary file first and linked to its name: a link fails
// when the name exists, so the check and the naming are one step. Where
// the file system has no links, the file is created with O_EXCL instead,
// which is as safe against overwriting, not against a half-written file.
func writeUnique(dir, name string, data []byte) (string, error) {
	tmp, err := writeTemp(dir, data, 0o644)
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp)
	for path := range candidates(dir, name) {
		err := os.Link(tmp, path)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return writeExclusive(dir, name, data)
		}
		return path, nil
	}
	return "", fmt.Errorf("cannot find a free name for %s in %s", name, dir)
}

// maxCandidates is how many names writeUnique tries before it gives up:
// far more articles of one title than any library holds.
const maxCandidates = 10000

// candidates are the paths a file called name may take in dir, in the
// order tried: name, then name-2, name-3… up to maxCandidates.
func candidates(dir, name string) iter.Seq[string] {
	stem := strings.TrimSuffix(name, ".md")
	return func(yield func(string) bool) {
		for n := 1; n <= maxCandidates; n++ {
			candidate := name
			if n > 1 {
				candidate = stem + "-" + strconv.Itoa(n) + ".md"
			}
			if !yield(filepath.Join(dir, candidate)) {
				return
			}
		}
	}
}

// writeExclusive is writeUnique for file systems without links.
func writeExclusive(dir, name string, data []byte) (string, error) {
	for path := range candidates(dir, name) {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("cannot create %s: %s", path, articles.DescribeOpenError(err))
		}
		return path, writeAndClose(f, path, data)
	}
	return "", fmt.Errorf("cannot find a free name for %s in %s", name, dir)
}

// writeAndClose writes data to a file just created and removes the file if
// the write fails, so that a full disk leaves no half article behind.
func writeAndClose(f *os.File, path string, data []byte) error {
	_, err := f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return fmt.Errorf("cannot write %s: %v", path, err)
	}
	return nil
}

// SaveArticle writes a converted article into dir (created if missing)
// under a safe name made from its title, never over an existing file, and
// returns its path.
func SaveArticle(dir string, c extract.Converted) (string, error) {
	return SaveFile(dir, SafeFileName(c.Title), c.Markdown)
}

// SaveFile writes data into dir (created if missing) under name, or
// name-2, name-3… when it is taken, never over an existing file, and
// returns its path: an update or a get stopped at any point leaves a whole
// article or none.
func SaveFile(dir, name string, data []byte) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", &articles.Error{File: dir, Msg: "cannot create the directory: " + articles.DescribeOpenError(err)}
	}
	return writeUnique(dir, name, data)
}
