package export

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"cable/library"
)

// FileStatus says what WriteDir did with an article's file.
type FileStatus int

const (
	// Written: the file is new.
	Written FileStatus = iota
	// Updated: cable's part of the file was rewritten, the reader's kept.
	Updated
	// Unchanged: the file already said all there is.
	Unchanged
	// LeftAlone: the file was not written, for the Reason given.
	LeftAlone
)

// FileResult is what WriteDir did with one article's file.
type FileResult struct {
	Path   string
	Title  string
	Status FileStatus
	Reason string
}

// maxSameName is how many files WriteDir tries for articles of one title
// ("title.md", "title-2.md", …) before it gives up.
const maxSameName = 100

// WriteDir writes each article's Markdown into dir, one file per article
// named from its title ("title-2.md" for a second article of the same
// title; the file's cable_id tells whose it is). An article's file is
// rewritten only when what cable writes in it changed, and only above its
// marker line: what the reader wrote below it is kept as it is. A file
// whose part above the marker was changed by hand, or whose marker line is
// gone, is left alone and said so. The folder is made when missing; each
// file is written whole, through a temporary file, or not at all.
func WriteDir(dir string, arts []Article) ([]FileResult, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var out []FileResult
	for _, a := range arts {
		r, err := writeArticleFile(dir, a)
		if err != nil {
			return out, err
		}
		out = append(out, r)
	}
	return out, nil
}

func writeArticleFile(dir string, a Article) (FileResult, error) {
	base := strings.TrimSuffix(library.SafeFileName(a.Title), ".md")
	for n := 1; n <= maxSameName; n++ {
		name := base + ".md"
		if n > 1 {
			name = fmt.Sprintf("%s-%d.md", base, n)
		}
		path := filepath.Join(dir, name)
		r := FileResult{Path: path, Title: a.Title}
		data, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			r.Status = Written
			return r, writeWhole(path, Document(a))
		}
		if err != nil {
			return r, err
		}
		text := string(data)
		if id, ok := frontMatterID(text); !ok || id != a.ID {
			continue // another article's file, or the reader's own
		}
		above, print, below, ok := splitAtMarker(text)
		switch {
		case !ok:
			r.Status, r.Reason = LeftAlone, "its marker line is gone, so cable cannot tell its text from yours"
			return r, nil
		case print != shortPrint(above):
			r.Status, r.Reason = LeftAlone, "it was changed above its marker line; write below it, or delete the file to export it again"
			return r, nil
		}
		doc := Document(a) + below
		if doc == text {
			r.Status = Unchanged
			return r, nil
		}
		r.Status = Updated
		return r, writeWhole(path, doc)
	}
	return FileResult{}, fmt.Errorf("%s: %d files of articles titled %q already", dir, maxSameName, a.Title)
}

// shortPrint is the print a marker line gives of the text above it.
func shortPrint(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:6])
}

// frontMatterID is the cable_id a file's front matter gives; ok is false
// when it gives none.
func frontMatterID(text string) (string, bool) {
	if !strings.HasPrefix(text, "---\n") {
		return "", false
	}
	for _, line := range strings.Split(text[4:], "\n") {
		if line == "---" {
			break
		}
		if v, ok := strings.CutPrefix(line, "cable_id: "); ok {
			var id string
			if json.Unmarshal([]byte(v), &id) != nil {
				return "", false
			}
			return id, true
		}
	}
	return "", false
}

// writeWhole writes a file through a temporary file in its folder and a
// rename, so that it is never seen half written.
func writeWhole(path, text string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".cable-export-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.WriteString(text); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
