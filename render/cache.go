// cache.go holds the render cache's API (OpenCache, Load, Store), the
// key an entry is found by, and the writing of entries into place. The
// entry format is in cache_codec.go, the checks on what is read back in
// cache_check.go, and the size bound in cache_evict.go.

package render

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"hash"
	"os"
	"path/filepath"
	"time"

	"cable/articles"
	"cable/crash"
)

// DefaultCacheMaxBytes bounds the render cache on disk. A 50k-word
// article rendered at 80 columns takes about 2 MB (most of it the escape
// codes Glamour puts around every word and every space of padding), so
// this keeps some thirty long renderings, or hundreds of ordinary ones:
// the articles being read, at the widths they are read at.
const DefaultCacheMaxBytes = 64 << 20

// Cache keeps whole renderings on disk, so that reopening a long
// article costs a file read instead of a Glamour rendering (milliseconds
// instead of a few hundred of them for 50k words).
//
// It is best-effort: whatever goes wrong (a missing, unwritable or full
// directory, a torn or foreign file, another cable writing the same entry)
// is a miss, and the article is rendered as if there were no cache. An
// entry is trusted only when its key, checksum and contents all agree with
// the article it is loaded for. A nil *Cache is a cache that never
// holds anything, so callers need no checks of their own.
//
// A Cache holds no mutable state and is safe for concurrent use,
// including by several cable processes sharing one directory: entries are
// written whole under a temporary name and renamed into place.
type Cache struct {
	dir      string
	maxBytes int64
	version  string
}

// OpenCache is a cache in dir holding at most maxBytes of entries
// (DefaultCacheMaxBytes when maxBytes is not positive). version is
// cable's version: it is part of every key, because a new cable may render
// the same Markdown differently. Nothing is touched on disk until the first
// Store, so opening costs nothing; an empty dir means no cache (nil).
func OpenCache(dir string, maxBytes int64, version string) *Cache {
	if dir == "" {
		return nil
	}
	if maxBytes <= 0 {
		maxBytes = DefaultCacheMaxBytes
	}
	return &Cache{dir: dir, maxBytes: maxBytes, version: version}
}

// Load returns the rendering of a with opts kept by an earlier Store, and
// whether there was one. A hit's modification time is set to now, so that
// what is read often is what the size bound keeps.
func (c *Cache) Load(a *articles.Article, opts Options) (*Document, bool) {
	doc, err := c.load(a, opts)
	return doc, err == nil
}

// Store keeps doc, the rendering of a, for a later Load, replacing any
// entry for the same article and options, then trims the directory to the
// size bound. Partial documents are not kept: they are a first paint, not
// the rendering.
func (c *Cache) Store(a *articles.Article, doc *Document) {
	_ = c.store(a, doc)
}

// Why a Load missed or a Store did nothing. They are not shown to anyone;
// they are there for tests and for whoever debugs the cache.
var (
	errCacheOff      = errors.New("render cache: no cache")
	errCacheNoDoc    = errors.New("render cache: no article or no document")
	errCachePartial  = errors.New("render cache: partial document")
	errCacheTooBig   = errors.New("render cache: entry larger than the cache")
	errCacheNotFile  = errors.New("render cache: entry is not a regular file")
	errCacheShort    = errors.New("render cache: entry truncated")
	errCacheMagic    = errors.New("render cache: not a cable render cache entry")
	errCacheFormat   = errors.New("render cache: unknown entry format")
	errCacheKey      = errors.New("render cache: entry is for another rendering")
	errCacheChecksum = errors.New("render cache: checksum mismatch")
	errCachePayload  = errors.New("render cache: malformed payload")
	errCacheMismatch = errors.New("render cache: document does not fit the article")
)

func (c *Cache) load(a *articles.Article, opts Options) (*Document, error) {
	switch {
	case c == nil:
		return nil, errCacheOff
	case a == nil:
		return nil, errCacheNoDoc
	}
	key, err := c.key(a, opts)
	if err != nil {
		return nil, err
	}
	path := c.entryPath(key)
	data, err := readEntry(path, c.maxBytes)
	if err != nil {
		return nil, err
	}
	// decodeEntry is written never to panic; should it all the same, the
	// entry is a miss, reported, and written anew.
	doc, err := crash.File(opts.Crash, path, func() (*Document, error) { return decodeEntry(data, key, a, opts) })
	if err != nil {
		return nil, err
	}
	now := time.Now()
	_ = os.Chtimes(path, now, now) // a read-only cache still serves hits
	return doc, nil
}

func (c *Cache) store(a *articles.Article, doc *Document) error {
	switch {
	case c == nil:
		return errCacheOff
	case a == nil || doc == nil:
		return errCacheNoDoc
	case doc.Partial:
		return errCachePartial
	}
	// What Load would refuse is not written: it would only be rewritten
	// on every opening.
	if err := checkDocument(doc, a); err != nil {
		return err
	}
	key, err := c.key(a, doc.Options)
	if err != nil {
		return err
	}
	data := encodeEntry(key, doc)
	if int64(len(data)) > c.maxBytes {
		return errCacheTooBig
	}
	if err := writeAtomic(c.dir, c.entryPath(key), data); err != nil {
		return err
	}
	return c.evict(time.Now())
}

// writeAtomic writes data to path through a temporary file in the same
// directory and a rename, so that a reader, or another cable writing the
// same entry, sees the old file or the new one and never half of one. The
// file is not synced: after a crash a torn entry fails its checksum, which
// is a miss, and a cache is not worth an fsync on every rendering.
func writeAtomic(dir, path string, data []byte) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "tmp-*"+renderCacheTempSuffix) // mode 0600
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp)
	}
	return err
}

const (
	// renderCacheSuffix ends the name of every entry, after the key in
	// hex; eviction deletes nothing else, so that a cache directory shared
	// with other files by mistake loses only cable's entries.
	renderCacheSuffix = ".cable-render"
	// renderCacheTempSuffix ends the temporary files entries are written
	// to before being renamed. One left behind by a cable that died while
	// writing is deleted once it is older than renderCacheStaleTemp, which
	// no write takes.
	renderCacheTempSuffix = ".cable-render-tmp"
	renderCacheStaleTemp  = time.Hour
)

func (c *Cache) entryPath(key [sha256.Size]byte) string {
	return filepath.Join(c.dir, hex.EncodeToString(key[:])+renderCacheSuffix)
}

// key is the SHA-256 of everything a rendering depends on: cable's
// version (which fixes cable's and Glamour's code and the built-in
// styles), the options, a style file's contents, and the Markdown of every
// section, which is exactly what Article renders. Every string is preceded
// by its length, so that no two different inputs hash the same bytes
// (moving a paragraph to the next section changes the key).
func (c *Cache) key(a *articles.Article, opts Options) ([sha256.Size]byte, error) {
	w := keyWriter{h: sha256.New(), buf: make([]byte, 0, 16<<10)}
	w.str("cable render cache key")
	w.str(c.version)
	w.int(int64(opts.Width))
	w.str(opts.Style)
	w.int(int64(opts.Profile))
	w.int(int64(opts.Links))
	// A style file can change under the same name. Its contents are taken
	// as Article takes them, from the process's copy of the file, so that
	// an entry is always keyed by the style it was rendered with.
	style := ""
	if IsStyleFile(opts.Style) {
		cfg, err := GlamourStyle(opts.Style, opts.JSONStyles)
		if err != nil {
			return [sha256.Size]byte{}, err
		}
		js, err := json.Marshal(cfg)
		if err != nil {
			return [sha256.Size]byte{}, err
		}
		style = string(js)
	}
	w.str(style)
	w.int(int64(len(a.Sections)))
	for i := range a.Sections {
		w.str(a.SectionMarkdown(i))
	}
	var key [sha256.Size]byte
	w.h.Sum(key[:0])
	return key, nil
}

// keyWriter feeds a hash through a buffer of its own, because hashes take
// only byte slices and converting each section's Markdown would copy it.
type keyWriter struct {
	h   hash.Hash
	buf []byte
}

func (w *keyWriter) int(v int64) {
	w.buf = binary.BigEndian.AppendUint64(w.buf[:0], uint64(v))
	w.h.Write(w.buf)
}

func (w *keyWriter) str(s string) {
	w.int(int64(len(s)))
	for len(s) > 0 {
		n := copy(w.buf[:cap(w.buf)], s)
		w.h.Write(w.buf[:n])
		s = s[n:]
	}
}
