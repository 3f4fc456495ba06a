package library

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"cable/articles"
)

// Where an entry comes from.
const (
	SourceBundled = "bundled" // shipped inside the binary
	SourceLibrary = "library" // found in one of Sources.Dirs
	SourcePath    = "path"    // named in Sources.Files
)

// collect lists every file the sources name, each once, sorted by path.
// A directory that cannot be listed becomes an item with a problem, so that
// the library says what it could not see.
func collect(src Sources) []*item {
	seen := map[string]bool{}
	var out []*item
	add := func(it *item) {
		if !seen[it.key] {
			seen[it.key] = true
			out = append(out, it)
		}
	}
	for _, dir := range src.Dirs {
		walkDir(dir, add)
	}
	for _, f := range src.Files {
		abs, err := filepath.Abs(f)
		if err != nil {
			add(&item{key: f, source: SourcePath, problem: true, errText: f + ": " + describe(err)})
			continue
		}
		add(&item{key: abs, source: SourcePath})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
	return out
}

// walkDir adds the article files below dir. Hidden files and directories
// are skipped (editors keep their lock and backup files there), and
// symbolic links to directories are not followed, so a link loop cannot
// make the walk endless; a link to a file is read as the file, and a
// broken or looping one becomes a broken entry.
func walkDir(dir string, add func(*item)) {
	root, err := filepath.Abs(dir)
	if err == nil {
		var info fs.FileInfo
		if info, err = os.Stat(root); err == nil && !info.IsDir() {
			add(&item{key: root, source: SourceLibrary})
			return
		}
	}
	if err != nil {
		add(&item{key: root, source: SourceLibrary, problem: true, errText: root + ": " + describe(err)})
		return
	}
	// The separator makes a root that is itself a symbolic link to a
	// directory be walked rather than reported as a file.
	start := root + string(filepath.Separator)
	filepath.WalkDir(start, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			p := filepath.Clean(path)
			add(&item{key: p, source: SourceLibrary, problem: true, errText: p + ": " + describe(err)})
			return nil
		}
		if d.IsDir() {
			if path != start && hidden(d.Name()) {
				return filepath.SkipDir
			}
			return nil
		}
		if !hidden(d.Name()) && articles.IsArticleFile(d.Name()) {
			add(&item{key: path, source: SourceLibrary})
		}
		return nil
	})
}

func hidden(name string) bool { return strings.HasPrefix(name, ".") }

// describe says what went wrong with a file in a few words, without the
// path and operation that *fs.PathError repeats.
func describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return err.Error()
}

// scanFiles lists the files the sources name, as collect does, with their
// sizes and modification times, asked for on every core: each core takes
// a run of files in path order, so that the files of one directory are
// asked for by name within it (statter), not by their whole paths.
func scanFiles(src Sources, racyAfter int64) []*item {
	list := collect(src)
	inParallelRuns(len(list), func(from, to int) {
		var st statter
		defer st.close()
		for _, it := range list[from:to] {
			if !it.problem {
				info, err := st.stat(it.key)
				statFile(it, racyAfter, info, err)
			}
		}
	})
	return list
}

// fileStat is what scanFiles asks of a file.
type fileStat struct {
	size, mtime  int64
	dir, regular bool
}

// statFile fills in an item's size and modification time, from info (or
// err, why it could not be had), or the reason it cannot be read at all.
func statFile(it *item, racyAfter int64, info fileStat, err error) {
	switch {
	case err != nil:
		it.fail(describe(err))
		it.size = -1
		return
	case info.dir:
		it.fail("is a directory, not an article file")
	case !info.regular:
		it.fail("is not a regular file")
	case info.size > articles.MaxSize:
		it.fail(fmt.Sprintf("is %d MiB; articles larger than %d MiB are not read", info.size>>20, articles.MaxSize>>20))
	}
	it.size = info.size
	it.mtime = info.mtime
	// A file changed again within its clock's granularity after being
	// read would keep the same size and mtime; so a modification time
	// too close to now is not trusted, and the file is hashed next time.
	if it.mtime >= racyAfter {
		it.mtime = 0
	}
}

// osStat is fileStat by os.Stat, following symbolic links.
func osStat(path string) (fileStat, error) {
	info, err := os.Stat(path)
	if err != nil {
		return fileStat{}, err
	}
	return fileStat{size: info.Size(), mtime: info.ModTime().UnixNano(), dir: info.IsDir(), regular: info.Mode().IsRegular()}, nil
}

// readFile reads an article file whole (at most articles.MaxSize bytes)
// and returns its bytes and their SHA-256 in hex.
func (s *Store) readFile(path string) ([]byte, string, error) {
	if s.onRead != nil {
		s.onRead(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, "", errors.New(describe(err))
	}
	defer f.Close()
	// Read into a buffer of the file's size, one byte more to see it end,
	// rather than one grown from 512 bytes by doubling.
	size := 512
	if info, err := f.Stat(); err == nil && info.Size() < articles.MaxSize {
		size = int(info.Size()) + 1
	}
	data, err := readAll(io.LimitReader(f, articles.MaxSize+1), size)
	if err != nil {
		return nil, "", fmt.Errorf("cannot be read: %s", describe(err))
	}
	if len(data) > articles.MaxSize {
		return nil, "", fmt.Errorf("is larger than %d MiB; it is not read", articles.MaxSize>>20)
	}
	sum := sha256.Sum256(data)
	return data, hex.EncodeToString(sum[:]), nil
}

// readAll reads r to its end into a buffer of capacity size to begin with.
func readAll(r io.Reader, size int) ([]byte, error) {
	data := make([]byte, 0, size)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
	}
}
