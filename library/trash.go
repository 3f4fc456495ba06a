package library

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// trash.go keeps the articles deleted from the library: each goes to a
// folder of its own in the trash, named by its ID ("cable restore ID"),
// with a small record of where it was. Its reading state (place,
// finished, bookmarks, highlights and their notes, tags, archive mark)
// stays in the database, moved from the file's key to a key of the
// trash's own, so that nothing of it is lost, none of it shows while the
// article is away, and a new file written at the same path later does not
// inherit it. Restoring moves the file back and its state with it.

// Trash is the folder deleted articles go to, beside the library
// directory and never inside it, so that no scan lists them.
type Trash struct{ Dir string }

// Trashed is one article in the trash.
type Trashed struct {
	// Name is its folder in the trash, what "cable restore" takes: the
	// article's ID, or ID-2 and so on when the trash has one of that ID.
	Name string `json:"name"`
	// ID and Title are the article's, as the library listed it.
	ID    string `json:"id"`
	Title string `json:"title"`
	// Path is where the file was, and where it goes back to.
	Path string `json:"path"`
	// StateKey is the key its reading state is kept under meanwhile.
	StateKey string `json:"state_key"`
	// File is the file's name in its folder.
	File string    `json:"file"`
	At   time.Time `json:"trashed"`
}

// trashKeyPrefix begins the keys the state of articles in the trash is
// kept under.
const trashKeyPrefix = "trash:"

// InTrash reports whether a key is one the state of an article in the
// trash is kept under: lists of every highlight leave such state out.
func InTrash(key string) bool { return strings.HasPrefix(key, trashKeyPrefix) }

// trashRecord is the name of the record beside each file in the trash.
const trashRecord = "trashed.json"

// ErrBundled is the error of deleting an article that ships with cable.
var ErrBundled = errors.New("is bundled with cable: only articles you added can be deleted")

// ErrNotInTrash is the error of restoring a name the trash does not have.
var ErrNotInTrash = errors.New("is not in the trash")

// Put moves an article's file into the trash and its state (when store
// is not nil) to a key of the trash's own. A bundled article is refused
// with ErrBundled. When any step fails, what was done is undone.
func (t Trash) Put(store *Store, e Entry) (Trashed, error) {
	if e.Source == SourceBundled || isBundledKey(e.Key) {
		return Trashed{}, fmt.Errorf("%s %w", e.Summary.ID, ErrBundled)
	}
	if err := os.MkdirAll(t.Dir, 0o755); err != nil {
		return Trashed{}, fmt.Errorf("creating the trash: %w", err)
	}
	name, dir, err := t.claim(e.Summary.ID)
	if err != nil {
		return Trashed{}, err
	}
	tr := Trashed{Name: name, ID: e.Summary.ID, Title: e.Summary.Title, Path: e.Key,
		StateKey: trashKeyPrefix + NewID(), File: filepath.Base(e.Key), At: time.Now()}
	undo := func(err error) (Trashed, error) {
		os.RemoveAll(dir)
		return Trashed{}, err
	}
	if err := writeRecord(dir, tr); err != nil {
		return undo(err)
	}
	if err := moveFile(e.Key, filepath.Join(dir, tr.File)); err != nil {
		return undo(fmt.Errorf("moving %s to the trash: %w", e.Key, err))
	}
	if store != nil {
		if err := store.MoveState(e.Key, tr.StateKey); err != nil {
			if back := moveFile(filepath.Join(dir, tr.File), e.Key); back != nil {
				return Trashed{}, fmt.Errorf("%w; the file stays in %s", err, dir)
			}
			return undo(err)
		}
	}
	return tr, nil
}

// claim makes the trash folder for an article of this ID: ID, or ID-2,
// ID-3… when taken. Making the folder is the check, so two deletions at
// once never share one.
func (t Trash) claim(id string) (name, dir string, err error) {
	if id == "" {
		id = "article"
	}
	for n := 1; n <= maxCandidates; n++ {
		name = id
		if n > 1 {
			name = id + "-" + strconv.Itoa(n)
		}
		dir = filepath.Join(t.Dir, name)
		err = os.Mkdir(dir, 0o755)
		if err == nil {
			return name, dir, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", "", fmt.Errorf("creating a folder in the trash: %w", err)
		}
	}
	return "", "", fmt.Errorf("the trash has too many articles named %s", id)
}

func writeRecord(dir string, tr Trashed) error {
	data, err := json.MarshalIndent(tr, "", "  ")
	if err != nil {
		return err
	}
	return replaceFile(filepath.Join(dir, trashRecord), append(data, '\n'), 0o644)
}

// List is every article in the trash, the last deleted first. A folder
// whose record cannot be read is left out and said in problems.
func (t Trash) List() (items []Trashed, problems []error) {
	dirs, err := os.ReadDir(t.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, []error{fmt.Errorf("reading the trash: %w", err)}
	}
	for _, d := range dirs {
		if !d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			continue
		}
		tr, err := t.find(d.Name())
		if err != nil {
			problems = append(problems, err)
			continue
		}
		items = append(items, tr)
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].At.After(items[j].At) })
	return items, problems
}

// find reads the record of the article named name in the trash.
func (t Trash) find(name string) (Trashed, error) {
	if name == "" || name != filepath.Base(name) || strings.HasPrefix(name, ".") {
		return Trashed{}, fmt.Errorf("%q %w", name, ErrNotInTrash)
	}
	dir := filepath.Join(t.Dir, name)
	data, err := os.ReadFile(filepath.Join(dir, trashRecord))
	if errors.Is(err, fs.ErrNotExist) {
		return Trashed{}, fmt.Errorf("%q %w", name, ErrNotInTrash)
	}
	if err != nil {
		return Trashed{}, fmt.Errorf("%s: %w", filepath.Join(dir, trashRecord), err)
	}
	var tr Trashed
	if err := json.Unmarshal(data, &tr); err != nil {
		return Trashed{}, fmt.Errorf("%s: not a record of the trash: %w", filepath.Join(dir, trashRecord), err)
	}
	if tr.Path == "" || tr.File == "" || tr.File != filepath.Base(tr.File) || !filepath.IsAbs(tr.Path) {
		return Trashed{}, fmt.Errorf("%s: not a record of the trash: no path or file", filepath.Join(dir, trashRecord))
	}
	tr.Name = name
	return tr, nil
}

// Restored is what restoring an article did: where its file went back
// to, and whether that is another name because a file is at its path now.
type Restored struct {
	Trashed
	To      string
	Renamed bool
}

// Restore brings an article back from the trash to the path it was
// deleted from, with its state. A file at that path now is never
// written over: the article then takes the first free name beside it
// (name-2.md, name-3.md…), and says so.
func (t Trash) Restore(store *Store, name string) (Restored, error) {
	tr, err := t.find(name)
	if err != nil {
		return Restored{}, err
	}
	dir := filepath.Join(t.Dir, name)
	from := filepath.Join(dir, tr.File)
	if _, err := os.Stat(from); err != nil {
		return Restored{}, fmt.Errorf("%s: the article's file is missing from the trash: %w", dir, err)
	}
	if err := os.MkdirAll(filepath.Dir(tr.Path), 0o755); err != nil {
		return Restored{}, fmt.Errorf("restoring %s: %w", name, err)
	}
	to, err := placeFile(from, tr.Path)
	if err != nil {
		return Restored{}, fmt.Errorf("restoring %s: %w", name, err)
	}
	if store != nil {
		if err := store.MoveState(tr.StateKey, to); err != nil {
			// The file is back; its state stays under the trash's key,
			// and the record with it, so that nothing is lost.
			return Restored{Trashed: tr, To: to}, fmt.Errorf("%s is back at %s, but its reading state is not: %w", name, to, err)
		}
	}
	os.RemoveAll(dir)
	return Restored{Trashed: tr, To: to, Renamed: to != tr.Path}, nil
}

// placeFile moves the file at from to path, or to the first free name
// beside it, never over a file: a link fails when its name exists, so the
// check and the naming are one step. It returns where the file went.
func placeFile(from, path string) (string, error) {
	ext := filepath.Ext(path)
	stem := strings.TrimSuffix(path, ext)
	for n := 1; n <= maxCandidates; n++ {
		to := path
		if n > 1 {
			to = stem + "-" + strconv.Itoa(n) + ext
		}
		err := os.Link(from, to)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			// No links here, or across file systems: copied, created
			// with O_EXCL, which fails as well when the name exists.
			err = copyExclusive(from, to)
			if errors.Is(err, fs.ErrExist) {
				continue
			}
			if err != nil {
				return "", err
			}
		}
		return to, os.Remove(from)
	}
	return "", fmt.Errorf("no free name for %s", path)
}

// moveFile moves a file to a path nothing is at, across file systems too.
func moveFile(from, to string) error {
	if err := os.Rename(from, to); err == nil {
		return nil
	} else if _, statErr := os.Stat(from); statErr != nil {
		return err
	}
	if err := copyExclusive(from, to); err != nil {
		return err
	}
	return os.Remove(from)
}

// copyExclusive copies a file to a new file at to, keeping its mode and
// modification time; it fails with fs.ErrExist when to exists.
func copyExclusive(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	info, err := src.Stat()
	if err != nil {
		return err
	}
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, info.Mode().Perm())
	if err != nil {
		return err
	}
	_, err = io.Copy(dst, src)
	if err == nil {
		err = dst.Sync()
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(to)
		return err
	}
	return os.Chtimes(to, info.ModTime(), info.ModTime())
}

// MoveState moves the reader's state of one article from key from to key
// to: its place and finished mark, bookmarks, quotes, highlights, tags,
// archive mark and new mark. A place kept under to is replaced; a tag or
// mark to has already stays as it is. The index's row is left to Sync,
// which drops it with its text when the file is gone.
func (s *Store) MoveState(from, to string) error {
	if from == "" || to == "" || from == to {
		return nil
	}
	return s.write("moving the state of "+from+" to "+to, func(tx *sql.Tx) error {
		steps := []string{
			"DELETE FROM readings WHERE key = ?2",
			"UPDATE readings SET key = ?2 WHERE key = ?1",
			"UPDATE bookmarks SET key = ?2 WHERE key = ?1",
			"UPDATE quotes SET key = ?2 WHERE key = ?1",
			"UPDATE highlights SET key = ?2 WHERE key = ?1",
			"UPDATE OR IGNORE tags SET key = ?2 WHERE key = ?1",
			"UPDATE OR IGNORE archive SET key = ?2 WHERE key = ?1",
			"UPDATE OR IGNORE fresh SET key = ?2 WHERE key = ?1",
		}
		for _, q := range steps {
			if _, err := tx.Exec(q, from, to); err != nil {
				return err
			}
		}
		return nil
	})
}
