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
	// Kind is what the source is, as extract names it: .html, .md, .txt;
	// or a book or report converted whole: .epub, .pdf.
	Kind string `json:"kind"`
	// ContentType is the Content-Type the source was served with, whose
	// charset decodes a page that is not UTF-8.
	ContentType string `json:"content_type,omitempty"`
	// Meta is what the way in knew of the piece beyond its bytes: a feed's
	// entry gives its title, author, date and the feed's name, which fill
	// in what the page does not say. nil for a page got or a file
	// imported.
	Meta *articles.Meta `json:"meta,omitempty"`
	// Fragment says the bytes are HTML a feed carried for the entry (its
	// content or its summary), not a page: the whole of it is the text,
	// and Meta is the article's front matter.
	Fragment bool `json:"fragment,omitempty"`
	// Written is the hex SHA-256 of the article as cable last wrote it.
	Written string    `json:"written_sha256"`
	Kept    time.Time `json:"kept"`
}

// Convert extracts the article from the source's bytes: a feed's fragment
// with the entry's front matter, a page with what the feed said of it
// filled in, anything else from the web address or from the file's name.
// Saving and reimporting both convert through it, so a reimport redoes
// exactly what the first save did.
func (s KeptSource) Convert(data []byte) (extract.Converted, error) {
	switch {
	case s.Fragment && s.Meta != nil:
		name := s.URL
		if name == "" {
			name = s.Meta.Title
		}
		return extract.Fragment(name, string(data), s.URL, *s.Meta)
	case s.URL != "" && s.Meta != nil && s.Kind == extract.KindHTML:
		return extract.Page(s.URL, s.ContentType, data, func(page *articles.Meta) { fillFromFeed(page, *s.Meta) })
	case IsDocument(s.Kind):
		name := s.File
		if name == "" {
			name = s.URL
		}
		return convertDocument(name, s.Kind, data, func(m *articles.Meta) {
			if s.URL != "" && m.URL == "" {
				m.URL = s.URL
			}
			if s.Meta != nil {
				fillFromFeed(m, *s.Meta)
			}
		})
	case s.URL != "":
		return extract.WebTyped(s.URL, s.ContentType, s.Kind, data)
	}
	// The file's own name, with the kind's extension: the converters take
	// an untitled text's title and a Markdown file's ID from it.
	name := s.File
	if !extract.Importable(name) || SourceKind(name) != s.Kind {
		name += s.Kind
	}
	return extract.Article(name, data)
}

// fillFromFeed completes what a page says of itself with what its feed
// said: the author, date, publication and address where the page gives
// none; the feed's title, which is the publication's own where a page's
// may carry the site's name; and the feed's name.
func fillFromFeed(page *articles.Meta, feed articles.Meta) {
	fill := func(field *string, value string) {
		if *field == "" {
			*field = value
		}
	}
	fill(&page.Author, feed.Author)
	fill(&page.Published, feed.Published)
	fill(&page.Source, feed.Source)
	fill(&page.URL, feed.URL)
	if feed.Title != "" {
		page.Title = feed.Title
	}
	page.Feed = feed.Feed
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
	return kind == extract.KindHTML || kind == extract.KindMarkdown || kind == extract.KindText || IsDocument(kind)
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

// ErrEditedByHand is the error of a replacement refused because the
// article was changed since cable wrote it.
var ErrEditedByHand = errors.New("edited since cable wrote it; left as it is")

// Replace writes md, the article made from data as s says, over the
// article at path, and keeps data as its source: a summary a feed saved
// grows into the whole article. The path stays, and with it the reader's
// place, bookmarks and quotes. An article changed since cable wrote it is
// refused with ErrEditedByHand; one written before sources were kept is
// replaced only while its front matter still says it is a summary. The
// file is replaced through a temporary file and a rename, so it is never
// half written; a symbolic link has the file it points to replaced.
func (k KeptSources) Replace(path string, s KeptSource, data, md []byte) error {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return &articles.Error{File: path, Msg: articles.DescribeOpenError(err)}
	}
	current, err := os.ReadFile(target)
	if err != nil {
		return &articles.Error{File: path, Msg: articles.DescribeOpenError(err)}
	}
	old, err := KeptSource{}, ErrNoSource
	if k.Dir != "" {
		old, err = k.Find(path)
	}
	switch {
	case err == nil:
		if hashHex(current) != old.Written {
			return ErrEditedByHand
		}
	case errors.Is(err, ErrNoSource):
		if m, ok := articles.ReadMeta(current); !ok || !m.SummaryOnly {
			return ErrEditedByHand
		}
	default:
		return err
	}
	mode := os.FileMode(0o644)
	if info, err := os.Stat(target); err == nil {
		mode = info.Mode().Perm()
	}
	if err := replaceFile(target, md, mode); err != nil {
		return err
	}
	if k.Dir == "" {
		return nil // no sources kept
	}
	s.Article = path
	return k.Keep(s, data, md)
}
