//go:build linux

package library

import (
	"cmp"
	"encoding/binary"
	"path/filepath"
	"slices"
	"strings"
	"unsafe"

	"cable/articles"

	"golang.org/x/sys/unix"
)

// quickscan_linux.go is Current's look at a library of one directory,
// for the digest alone: the directories read with getdents64 (the names
// and their types, no stat), every file's size and time asked by name
// within its directory's descriptor, on every core, and the digest
// hashed from the directory and the name as they are, with no path, no
// record of a file and no string made for either. It finds what
// scanStates finds, in the same order (TestQuickDigestIsScanDigest);
// anything it does not take on (more than one source, a directory it
// cannot read, a type getdents does not say) leaves the answer to it.

// quickDigest is scanDigest of the sources as scanStates lists them,
// when they are one directory. handled is false when it leaves them to
// scanStates; ok is scanDigest's.
func quickDigest(src Sources, racyAfter int64) (digest string, ok, handled bool) {
	if len(src.Dirs) != 1 || len(src.Files) != 0 {
		return "", false, false
	}
	root, err := filepath.Abs(src.Dirs[0])
	if err != nil || root == string(filepath.Separator) {
		return "", false, false
	}
	var w quickWalk
	if !w.list(root + string(filepath.Separator)) {
		return "", false, false
	}
	stats := make([]quickStat, len(w.files))
	inParallelRuns(len(w.files), func(from, to int) {
		fd, at := -1, -1
		defer func() {
			if fd >= 0 {
				unix.Close(fd)
			}
		}()
		for i := from; i < to; i++ {
			f := w.files[i]
			if f.dir != at {
				if fd >= 0 {
					unix.Close(fd)
				}
				at = f.dir
				fd, _ = unix.Open(w.dirs[at], unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
			}
			stats[i] = statAt(fd, f.name, racyAfter)
		}
	})
	d, ok := newDigester(src.Bundle)
	if !ok {
		return "", false, true
	}
	for i, f := range w.files {
		st := stats[i]
		if !st.ok {
			return "", false, true
		}
		d.file(w.dirs[f.dir], f.name[:len(f.name)-1], st.size, st.mtime)
	}
	return d.sum(), true, true
}

// quickFile is a file as the walk found it: its directory's number and
// its name, ending in the NUL getdents gave it (for fstatat).
type quickFile struct {
	dir  int
	name string
}

// quickWalk lists the article files below a directory in path order.
type quickWalk struct {
	dirs  []string // each ends in a separator
	files []quickFile
	buf   []byte
}

// quickEntry is a name of a directory's, and whether it is a directory.
type quickEntry struct {
	name string // with its NUL
	dir  bool
}

// list adds the article files below dir (ending in a separator), depth
// first, each directory's names in the order their paths sort in: a
// directory's name as if it ended in the separator. Hidden names are
// skipped, as walkDir skips them. It is false for what it leaves to
// walkDir: a directory it cannot read, an entry whose type getdents
// does not say.
func (w *quickWalk) list(dir string) bool {
	entries, ok := w.read(dir)
	if !ok {
		return false
	}
	slices.SortFunc(entries, func(a, b quickEntry) int {
		return comparePathNames(a.name[:len(a.name)-1], a.dir, b.name[:len(b.name)-1], b.dir)
	})
	w.dirs = append(w.dirs, dir)
	at := len(w.dirs) - 1
	for _, e := range entries {
		if e.dir {
			if !w.list(dir + e.name[:len(e.name)-1] + string(filepath.Separator)) {
				return false
			}
			continue
		}
		w.files = append(w.files, quickFile{dir: at, name: e.name})
	}
	return true
}

// comparePathNames orders two names of a directory as their paths sort:
// a directory's as if it ended in the separator, which no name holds.
func comparePathNames(a string, aDir bool, b string, bDir bool) int {
	n := min(len(a), len(b))
	if c := strings.Compare(a[:n], b[:n]); c != 0 {
		return c
	}
	next := func(s string, dir bool) int {
		switch {
		case len(s) > n:
			return int(s[n])
		case dir:
			return filepath.Separator
		}
		return -1
	}
	return cmp.Compare(next(a, aDir), next(b, bDir))
}

// read is the names of dir that the walk takes: directories, and article
// files (or links to them) that are not hidden.
func (w *quickWalk) read(dir string) ([]quickEntry, bool) {
	fd, err := unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, false
	}
	defer unix.Close(fd)
	if w.buf == nil {
		w.buf = make([]byte, 64<<10)
	}
	var entries []quickEntry
	for {
		n, err := unix.Getdents(fd, w.buf)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, false
		}
		if n == 0 {
			return entries, true
		}
		// The names are cut from one string of what was read.
		chunk := string(w.buf[:n])
		for off := 0; off < len(chunk); {
			// struct linux_dirent64: ino 8, off 8, reclen 2, type 1, name.
			if off+19 > len(chunk) {
				return nil, false
			}
			reclen := int(binary.NativeEndian.Uint16(w.buf[off+16:]))
			typ := chunk[off+18]
			if reclen < 20 || off+reclen > len(chunk) {
				return nil, false
			}
			name := chunk[off+19 : off+reclen]
			end := strings.IndexByte(name, 0)
			if end < 0 {
				return nil, false
			}
			name = name[:end+1]
			off += reclen
			bare := name[:end]
			if bare == "." || bare == ".." || hidden(bare) {
				continue
			}
			switch typ {
			case unix.DT_DIR:
				entries = append(entries, quickEntry{name: name, dir: true})
			case unix.DT_REG, unix.DT_LNK:
				if articles.IsArticleFile(bare) {
					entries = append(entries, quickEntry{name: name})
				}
			case unix.DT_UNKNOWN:
				return nil, false
			default:
				// A device, a pipe or a socket: walkDir lists it when its
				// name is an article's, as a file that cannot be read.
				if articles.IsArticleFile(bare) {
					return nil, false
				}
			}
		}
	}
}

// quickStat is what the digest takes of a file; ok is false when a Sync
// would look at it again (it cannot be read, or its time is too recent).
type quickStat struct {
	size, mtime int64
	ok          bool
}

// statAt asks for the file name (ending in NUL) within the directory fd,
// following a link as walkDir's files are, as judgeStat judges it.
func statAt(fd int, name string, racyAfter int64) quickStat {
	if fd < 0 {
		return quickStat{}
	}
	var st unix.Stat_t
	for {
		_, _, errno := unix.Syscall6(unix.SYS_NEWFSTATAT, uintptr(fd), uintptr(unsafe.Pointer(unsafe.StringData(name))), uintptr(unsafe.Pointer(&st)), 0, 0, 0)
		if errno == unix.EINTR {
			continue
		}
		if errno != 0 {
			return quickStat{}
		}
		break
	}
	mode := st.Mode & unix.S_IFMT
	info := fileStat{size: st.Size, mtime: st.Mtim.Nano(), dir: mode == unix.S_IFDIR, regular: mode == unix.S_IFREG}
	size, mtime, problem := judgeStat(racyAfter, info, nil)
	return quickStat{size: size, mtime: mtime, ok: problem == "" && mtime != 0}
}
