package library

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"cable/articles"
	"cable/extract"

	"github.com/adrg/xdg"
)

// Kept sources: the page, text or Markdown file each article was made
// from, kept gzip-compressed beside the library, so that "cable reimport"
// can extract the article again, offline, when extraction improves. They
// live in one directory for every library, $XDG_DATA_HOME/cable/sources,
// outside the articles directory (which cable reads as articles), and need
// nothing of the database: each article has two files there, named by a
// hash of the article's path when it was kept,
//
//	<hash>.json      a KeptSource: which article, made from what, and the
//	                 SHA-256 of the article as cable wrote it
//	<hash><kind>.gz  the bytes it was made from (kind: .html, .md, .txt)
//
// The hash of what cable wrote tells an article edited by hand since,
// which a reimport must leave alone, from one cable may rewrite.

// DefaultSourcesDir is where sources are kept: $XDG_DATA_HOME/cable/sources
// (~/.local/share/cable/sources by default), beside the default articles
// directory.
func DefaultSourcesDir() string {
	return filepath.Join(xdg.DataHome, "cable", "sources")
}

// KeptSources is a directory of kept sources.
type KeptSources struct {
	Dir string
	// extracted, when set, runs between a reimport's extraction and its
	// check that the file is unchanged: the moment a hand edit can slip
	// in, which tests make happen.
	extracted func()
}

// KeptSource is what is recorded of one article's source.
type KeptSource struct {
	// ID names the source's files in the directory.
	ID string `json:"id"`
	// Article is the article file's absolute path.
	Article string `json:"article"`
	// URL is the address the source was fetched from, for a page got
	// from the web; File the file imported otherwise.
	URL  string `json:"url,omitempty"`
	File string `json:"file,omitempty"`
	// Kind is what the source is, as extract names it: .html, .md, .txt.
	Kind string `json:"kind"`
	// ContentType is the Content-Type the source was served with, whose
	// charset decodes a page that is not UTF-8.
	ContentType string `json:"content_type,omitempty"`
	// Written is the hex SHA-256 of the article as cable last wrote it.
	Written string    `json:"written_sha256"`
	Kept    time.Time `json:"kept"`
}

// Convert extracts the article from the source's bytes again, as it was
// first extracted: from the web address, or from the file's name.
func (s KeptSource) Convert(data []byte) (extract.Converted, error) {
	if s.URL != "" {
		return extract.WebTyped(s.URL, s.ContentType, s.Kind, data)
	}
	// The file's own name, with the kind's extension: the converters take
	// an untitled text's title and a Markdown file's ID from it.
	name := s.File
	if !extract.Importable(name) || sourceKind(name) != s.Kind {
		name += s.Kind
	}
	return extract.Article(name, data)
}

func hashHex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// Keep records that the article at s.Article was made from data and
// written as written, replacing what was kept for that article before.
// Both files are written to a temporary name and renamed, so a source is
// never half there.
func (k KeptSources) Keep(s KeptSource, data, written []byte) error {
	abs, err := filepath.Abs(s.Article)
	if err != nil {
		return fmt.Errorf("keeping the source of %s: %w", s.Article, err)
	}
	s.Article = abs
	if s.ID == "" {
		if s.ID, err = k.newID(abs); err != nil {
			return fmt.Errorf("keeping the source of %s: %w", abs, err)
		}
	}
	s.Written = hashHex(written)
	if s.Kept.IsZero() {
		s.Kept = time.Now().UTC()
	}
	if err := os.MkdirAll(k.Dir, 0o755); err != nil {
		return fmt.Errorf("keeping the source of %s: %w", abs, err)
	}
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write(data)
	if err := zw.Close(); err != nil {
		return fmt.Errorf("keeping the source of %s: %w", abs, err)
	}
	if err := replaceFile(filepath.Join(k.Dir, s.ID+s.Kind+".gz"), z.Bytes(), 0o644); err != nil {
		return fmt.Errorf("keeping the source of %s: %w", abs, err)
	}
	return k.record(s)
}

// newID names the source of the article at abs: the ID of the source
// already kept for that path, which is replaced, or else the hash of the
// path, or of the path and a number when that hash is taken. A source
// whose article was moved keeps the ID of its first path, so a new
// article saved at that path must never take it over: it would replace
// the moved article's source.
func (k KeptSources) newID(abs string) (string, error) {
	all, err := k.All()
	if err != nil {
		return "", err
	}
	for _, s := range all {
		if s.Article == abs {
			return s.ID, nil
		}
	}
	for n := 1; n <= 1000; n++ {
		seed := abs
		if n > 1 {
			seed += "\x00" + strconv.Itoa(n)
		}
		id := hashHex([]byte(seed))[:24]
		if _, err := os.Lstat(filepath.Join(k.Dir, id+".json")); errors.Is(err, os.ErrNotExist) {
			return id, nil
		}
	}
	return "", errors.New("no free name for it in " + k.Dir)
}

// record writes a source's description.
func (k KeptSources) record(s KeptSource) error {
	js, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	if err := replaceFile(filepath.Join(k.Dir, s.ID+".json"), append(js, '\n'), 0o644); err != nil {
		return fmt.Errorf("keeping the source of %s: %w", s.Article, err)
	}
	return nil
}

// All lists every source kept, in the order of their file names. A
// description that cannot be read is skipped: it is no article's.
func (k KeptSources) All() ([]KeptSource, error) {
	names, err := filepath.Glob(filepath.Join(k.Dir, "*.json"))
	if err != nil {
		return nil, err
	}
	var out []KeptSource
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		var s KeptSource
		if json.Unmarshal(data, &s) != nil || s.ID+".json" != filepath.Base(name) || s.Article == "" || !validKind(s.Kind) {
			continue
		}
		out = append(out, s)
	}
	return out, nil
}

func validKind(kind string) bool {
	return kind == extract.KindHTML || kind == extract.KindMarkdown || kind == extract.KindText
}

// ErrNoSource is the error of an article no source was kept for.
var ErrNoSource = errors.New("no source was kept for it")

// Find returns the source kept for the article at path: the one recorded
// for that path, or else one whose article, as cable wrote it, is the
// file as it is now, which finds the source of an article moved since.
func (k KeptSources) Find(path string) (KeptSource, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return KeptSource{}, err
	}
	all, err := k.All()
	if err != nil {
		return KeptSource{}, err
	}
	for _, s := range all {
		if s.Article == abs {
			return s, nil
		}
	}
	// A link to an article is that article.
	if real, err := filepath.EvalSymlinks(abs); err == nil && real != abs {
		for _, s := range all {
			if s.Article == real {
				return s, nil
			}
		}
	}
	data, err := os.ReadFile(abs)
	if err != nil {
		return KeptSource{}, ErrNoSource
	}
	sum := hashHex(data)
	for _, s := range all {
		if s.Written == sum {
			if _, err := os.Stat(s.Article); errors.Is(err, os.ErrNotExist) {
				return s, nil
			}
		}
	}
	return KeptSource{}, ErrNoSource
}

// Data is the source's bytes, decompressed, at most articles.MaxSize of
// them.
func (k KeptSources) Data(s KeptSource) ([]byte, error) {
	f, err := os.Open(filepath.Join(k.Dir, s.ID+s.Kind+".gz"))
	if err != nil {
		return nil, fmt.Errorf("the source of %s: %s", s.Article, articles.DescribeOpenError(err))
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("the source of %s is damaged: %w", s.Article, err)
	}
	data, err := io.ReadAll(io.LimitReader(zr, articles.MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("the source of %s is damaged: %w", s.Article, err)
	}
	if len(data) > articles.MaxSize {
		return nil, fmt.Errorf("the source of %s is larger than %d MiB", s.Article, articles.MaxSize>>20)
	}
	return data, nil
}

// Reimported is what a reimport did to one article.
type Reimported int

const (
	// Rewritten: the article was extracted again and came out different,
	// and the file now holds the new extraction.
	Rewritten Reimported = iota
	// Unchanged: the new extraction is what the file holds.
	Unchanged
	// EditedByHand: the file is not what cable wrote, and is left alone.
	EditedByHand
)

// Reimport extracts the article at path again from its kept source and
// rewrites the file, under the same path, when the result differs. The
// path is the article's key, so its reading place, bookmarks and quotes
// stay with it. A file edited since cable wrote it is left as it is. The
// rewrite goes through a temporary file and a rename: the article is
// never half written. An article with no source kept is ErrNoSource. An
// article that is a symbolic link has the file it points to rewritten.
func (k KeptSources) Reimport(path string) (Reimported, error) {
	s, err := k.Find(path)
	if err != nil {
		return 0, err
	}
	// A symbolic link stays a link: the file it points to is the one
	// rewritten.
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return 0, &articles.Error{File: path, Msg: articles.DescribeOpenError(err)}
	}
	current, err := os.ReadFile(target)
	if err != nil {
		return 0, &articles.Error{File: path, Msg: articles.DescribeOpenError(err)}
	}
	if hashHex(current) != s.Written {
		return EditedByHand, nil
	}
	data, err := k.Data(s)
	if err != nil {
		return 0, err
	}
	c, err := s.Convert(data)
	if err != nil {
		return 0, err
	}
	abs, _ := filepath.Abs(path)
	if bytes.Equal(c.Markdown, current) {
		if s.Article != abs { // moved: follow it
			s.Article = abs
			return Unchanged, k.record(s)
		}
		return Unchanged, nil
	}
	mode := os.FileMode(0o644)
	if info, err := os.Stat(target); err == nil {
		mode = info.Mode().Perm()
	}
	// The extraction took a while: a hand edit saved meanwhile wins.
	if k.extracted != nil {
		k.extracted()
	}
	if now, err := os.ReadFile(target); err != nil || hashHex(now) != s.Written {
		return EditedByHand, nil
	}
	if err := replaceFile(target, c.Markdown, mode); err != nil {
		return 0, err
	}
	s.Article, s.Written = abs, hashHex(c.Markdown)
	return Rewritten, k.record(s)
}
