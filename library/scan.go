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
	"slices"
	"strings"

	"cable/articles"
)

// Where an entry comes from.
const (
	SourceBundled = "bundled" // shipped inside the binary
	SourceLibrary = "library" // found in one of Sources.Dirs
	SourcePath    = "path"    // named in Sources.Files
)

// found is a file the sources name, or a directory that could not be
// listed (problem, errText): what a listing learns before any file is
// asked after. It is a tenth of an item's size, which at 50,000 files is
// 20 MB less to allocate for a command that only checks the index.
type found struct {
	key, source, errText string
	problem              bool
	at                   int // where the listing met it
}

// collect lists every file the sources name, each once, sorted by path.
// A directory that cannot be listed becomes an item with a problem, so that
// the library says what it could not see.
func collect(src Sources) []*item {
	list := collectFound(src)
	items := make([]*item, len(list))
	for i, f := range list {
		items[i] = &item{key: f.key, source: f.source, problem: f.problem, errText: f.errText}
	}
	return items
}

// collectFound is collect's listing: every file the sources name, each
// once (the first met: a directory inside another, a file given as
// well), sorted by path.
func collectFound(src Sources) []found {
	var out []found
	add := func(f found) {
		f.at = len(out)
		out = append(out, f)
	}
	for _, dir := range src.Dirs {
		walkDir(dir, add)
	}
	for _, f := range src.Files {
		abs, err := filepath.Abs(f)
		if err != nil {
			add(found{key: f, source: SourcePath, problem: true, errText: f + ": " + describe(err)})
			continue
		}
		add(found{key: abs, source: SourcePath})
	}
	slices.SortFunc(out, func(a, b found) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return a.at - b.at
	})
	return slices.CompactFunc(out, func(a, b found) bool { return a.key == b.key })
}

// walkDir adds the article files below dir. Hidden files and directories
// are skipped (editors keep their lock and backup files there), and
// symbolic links to directories are not followed, so a link loop cannot
// make the walk endless; a link to a file is read as the file, and a
// broken or looping one becomes a broken entry.
func walkDir(dir string, add func(found)) {
	root, err := filepath.Abs(dir)
	if err == nil {
		var info fs.FileInfo
		if info, err = os.Stat(root); err == nil && !info.IsDir() {
			add(found{key: root, source: SourceLibrary})
			return
		}
	}
	if err != nil {
		add(found{key: root, source: SourceLibrary, problem: true, errText: root + ": " + describe(err)})
		return
	}
	// The separator makes a root that is itself a symbolic link to a
	// directory be walked rather than reported as a file.
	start := root + string(filepath.Separator)
	filepath.WalkDir(start, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			p := filepath.Clean(path)
			add(found{key: p, source: SourceLibrary, problem: true, errText: p + ": " + describe(err)})
			return nil
		}
		if d.IsDir() {
			if path != start && hidden(d.Name()) {
				return filepath.SkipDir
			}
			return nil
		}
		if !hidden(d.Name()) && articles.IsArticleFile(d.Name()) {
			add(found{key: path, source: SourceLibrary})
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

// scanStates is scanFiles for the digest alone (Current): each file's
// key, size, time and whether it can be read, and nothing more.
func scanStates(src Sources, racyAfter int64) []fileState {
	list := collectFound(src)
	states := make([]fileState, len(list))
	inParallelRuns(len(list), func(from, to int) {
		var st statter
		defer st.close()
		for i := from; i < to; i++ {
			f := &list[i]
			s := &states[i]
			s.key, s.problem = f.key, f.problem
			if !f.problem {
				info, err := st.stat(f.key)
				var msg string
				s.size, s.mtime, msg = judgeStat(racyAfter, info, err)
				s.failed = msg != ""
			}
		}
	})
	return states
}

// fileState is what the digest of the sources takes of a file.
type fileState struct {
	key             string
	size, mtime     int64
	problem, failed bool
}

func (it *item) state() fileState {
	return fileState{key: it.key, size: it.size, mtime: it.mtime, problem: it.problem, failed: it.failed}
}

// fileStat is what scanFiles asks of a file.
type fileStat struct {
	size, mtime  int64
	dir, regular bool
}

// statFile fills in an item's size and modification time, from info (or
// err, why it could not be had), or the reason it cannot be read at all.
func statFile(it *item, racyAfter int64, info fileStat, err error) {
	var msg string
	it.size, it.mtime, msg = judgeStat(racyAfter, info, err)
	if msg != "" {
		it.fail(msg)
	}
}

// judgeStat is a file's size and modification time as a Sync trusts
// them, from info (or err, why it could not be had), and why the file
// cannot be read at all ("" when it can).
func judgeStat(racyAfter int64, info fileStat, err error) (size, mtime int64, problem string) {
	switch {
	case err != nil:
		return -1, 0, describe(err)
	case info.dir:
		problem = "is a directory, not an article file"
	case !info.regular:
		problem = "is not a regular file"
	case info.size > articles.MaxSize:
		problem = fmt.Sprintf("is %d MiB; articles larger than %d MiB are not read", info.size>>20, articles.MaxSize>>20)
	}
	// A file changed again within its clock's granularity after being
	// read would keep the same size and mtime; so a modification time
	// too close to now is not trusted, and the file is hashed next time.
	mtime = info.mtime
	if mtime >= racyAfter {
		mtime = 0
	}
	return info.size, mtime, problem
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
