package render

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"cable/articles"
	"cable/crash"

	"github.com/adrg/xdg"
)

// DefaultCacheMaxBytes bounds the render cache on disk. A 50k-word
// article rendered at 80 columns takes about 2 MB (most of it the escape
// codes Glamour puts around every word and every space of padding), so
// this keeps some thirty long renderings, or hundreds of ordinary ones:
// the articles being read, at the widths they are read at.
const DefaultCacheMaxBytes = 64 << 20

// DefaultCacheDir is where renderings are kept between runs:
// $XDG_CACHE_HOME/cable/render (~/.cache/cable/render by default). It is a
// cache in the XDG sense: everything in it can be deleted at any time, and
// is rebuilt by rendering again.
func DefaultCacheDir() string {
	return filepath.Join(xdg.CacheHome, "cable", "render")
}

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

// isEntryName reports whether name is an entry's: a key in lower-case hex
// and renderCacheSuffix.
func isEntryName(name string) bool {
	k, ok := strings.CutSuffix(name, renderCacheSuffix)
	if !ok || len(k) != 2*sha256.Size {
		return false
	}
	for _, r := range k {
		if (r < '0' || r > '9') && (r < 'a' || r > 'f') {
			return false
		}
	}
	return true
}

// evict deletes the least recently used entries (oldest modification
// time, which Load refreshes) until the entries take at most maxBytes,
// and temporary files left behind by a crash. Files that are neither are
// not counted and never deleted. Another cable evicting at the same time
// can only make this delete less than it meant to.
func (c *Cache) evict(now time.Time) error {
	list, err := os.ReadDir(c.dir)
	if err != nil {
		return err
	}
	type entry struct {
		name string
		size int64
		mod  time.Time
	}
	var entries []entry
	var total int64
	for _, e := range list {
		name := e.Name()
		if !e.Type().IsRegular() {
			continue
		}
		isEntry := isEntryName(name)
		if !isEntry && !strings.HasSuffix(name, renderCacheTempSuffix) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue // deleted meanwhile
		}
		if !isEntry {
			if now.Sub(info.ModTime()) > renderCacheStaleTemp {
				_ = os.Remove(filepath.Join(c.dir, name))
			}
			continue
		}
		entries = append(entries, entry{name, info.Size(), info.ModTime()})
		total += info.Size()
	}
	if total <= c.maxBytes {
		return nil
	}
	slices.SortFunc(entries, func(x, y entry) int {
		if d := x.mod.Compare(y.mod); d != 0 {
			return d
		}
		return strings.Compare(x.name, y.name)
	})
	for _, e := range entries {
		if total <= c.maxBytes {
			break
		}
		if err := os.Remove(filepath.Join(c.dir, e.name)); err == nil || errors.Is(err, os.ErrNotExist) {
			total -= e.size
		}
	}
	return nil
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

// An entry is:
//
//	magic        8 bytes  "CABLERND"
//	format       4 bytes  little-endian uint32, renderCacheFormat
//	key         32 bytes  the SHA-256 key, also the file's name
//	length       8 bytes  little-endian uint64, the payload's length
//	payload      length bytes
//	checksum     4 bytes  little-endian CRC-32C of all the bytes before it
//
// and the payload, in varints (unsigned for counts and lengths, zig-zag
// signed for line numbers and offsets, where -1 means a block not found):
//
//	len(Lines), then each line's length, then all the lines' bytes
//	len(lineFlat), then each value
//	len(SectionStart), then each value
//	len(BlockStart), then for each section its count and values
//	len(blockFlat), then for each section its count and values
//	len(links), then for each its line, from, to, and its address's
//	length and bytes
//
// The encoding is cable's own rather than gob: its lines are slices of
// the one string the file is read into, where gob allocates a string per
// line and a copy of the whole. On the 50k-word sample gob took about ten
// times as long to decode (5 ms against 0.5 ms, with 7,000 allocations
// against 9) and seven times as long to encode. It is canonical (varints
// must be minimal, nothing may follow the payload), so that a valid entry
// is exactly the encoding of the document it decodes to.
//
// The key inside guards against a file copied or renamed onto another
// entry's name; the checksum against torn and damaged files (CRC-32C finds
// every error of up to 32 consecutive bits, so every changed byte); and
// the checks on the decoded document against anything that still does not
// fit the article, such as a bug in an older cable of the same version.
//
// Format 2: block starts are where Glamour put each block's mark, no
// longer where its text was guessed to be; entries of format 1 are
// rendered again. Format 3 adds where links' texts stand.
const (
	renderCacheMagic  = "CABLERND"
	renderCacheFormat = 3
	entryHeaderLen    = len(renderCacheMagic) + 4 + sha256.Size + 8
	entryTrailerLen   = 4
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// checksum is the CRC-32C of s, fed to the table through a small buffer
// rather than by converting s, which would copy all of it at once.
func checksum(s string) uint32 {
	var buf [8 << 10]byte
	var crc uint32
	for len(s) > 0 {
		n := copy(buf[:], s)
		crc = crc32.Update(crc, castagnoli, buf[:n])
		s = s[n:]
	}
	return crc
}

func le32(s string) uint32 {
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

func le64(s string) uint64 { return uint64(le32(s)) | uint64(le32(s[4:]))<<32 }

// readEntry reads a whole entry file as one string, refusing anything
// larger than the cache may hold before allocating for it. The string is
// the only copy of the entry in memory: the decoded lines are slices of
// it. Reading into a []byte and converting would take twice the memory,
// and on opening an article most of the cost of a load is touching fresh
// memory.
func readEntry(path string, limit int64) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return "", err
	}
	switch {
	case !info.Mode().IsRegular():
		return "", errCacheNotFile
	case info.Size() > limit:
		return "", errCacheTooBig
	}
	var b strings.Builder
	b.Grow(int(info.Size()))
	if _, err := io.CopyBuffer(&b, io.LimitReader(f, info.Size()), make([]byte, 32<<10)); err != nil {
		return "", err
	}
	return b.String(), nil
}

// encodeEntry is doc's entry under key, in the format above.
func encodeEntry(key [sha256.Size]byte, doc *Document) []byte {
	size := entryHeaderLen + entryTrailerLen + 8*binary.MaxVarintLen64
	for _, l := range doc.Lines {
		size += len(l) + 2*binary.MaxVarintLen32
	}
	for i := range doc.BlockStart {
		size += 2 * binary.MaxVarintLen32 * (len(doc.BlockStart[i]) + 2)
	}
	size += binary.MaxVarintLen32 * len(doc.SectionStart)
	b := make([]byte, 0, size)
	b = append(b, renderCacheMagic...)
	b = binary.LittleEndian.AppendUint32(b, renderCacheFormat)
	b = append(b, key[:]...)
	b = binary.LittleEndian.AppendUint64(b, 0) // the length, set below
	start := len(b)

	b = binary.AppendUvarint(b, uint64(len(doc.Lines)))
	for _, l := range doc.Lines {
		b = binary.AppendUvarint(b, uint64(len(l)))
	}
	for _, l := range doc.Lines {
		b = append(b, l...)
	}
	b = appendInts(b, doc.lineFlat)
	b = appendInts(b, doc.SectionStart)
	b = binary.AppendUvarint(b, uint64(len(doc.BlockStart)))
	for _, s := range doc.BlockStart {
		b = appendInts(b, s)
	}
	b = binary.AppendUvarint(b, uint64(len(doc.blockFlat)))
	for _, s := range doc.blockFlat {
		b = appendInts(b, s)
	}
	b = binary.AppendUvarint(b, uint64(len(doc.links)))
	for _, l := range doc.links {
		b = binary.AppendVarint(b, int64(l.line))
		b = binary.AppendVarint(b, int64(l.from))
		b = binary.AppendVarint(b, int64(l.to))
		b = binary.AppendUvarint(b, uint64(len(l.url)))
		b = append(b, l.url...)
	}

	binary.LittleEndian.PutUint64(b[start-8:start], uint64(len(b)-start))
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

func appendInts(b []byte, v []int) []byte {
	b = binary.AppendUvarint(b, uint64(len(v)))
	for _, x := range v {
		b = binary.AppendVarint(b, int64(x))
	}
	return b
}

// decodeEntry is the document in data, when data is a valid entry under
// key for a rendered with opts. The document's lines are slices of data.
// It never panics, whatever data holds: every count is checked against
// the bytes left before anything is allocated for it.
func decodeEntry(data string, key [sha256.Size]byte, a *articles.Article, opts Options) (*Document, error) {
	if len(data) < entryHeaderLen+entryTrailerLen {
		return nil, errCacheShort
	}
	if data[:len(renderCacheMagic)] != renderCacheMagic {
		return nil, errCacheMagic
	}
	h := data[len(renderCacheMagic):]
	if le32(h) != renderCacheFormat {
		return nil, errCacheFormat
	}
	if h[4:4+sha256.Size] != string(key[:]) {
		return nil, errCacheKey
	}
	if le64(h[4+sha256.Size:]) != uint64(len(data)-entryHeaderLen-entryTrailerLen) {
		return nil, errCacheShort
	}
	body := data[:len(data)-entryTrailerLen]
	if checksum(body) != le32(data[len(body):]) {
		return nil, errCacheChecksum
	}

	r := entryReader{buf: body[entryHeaderLen:]}
	doc := &Document{Options: opts}
	if nl := r.count(); nl > 0 {
		// The lengths are read twice, to be checked and summed, then to
		// cut the lines, rather than kept.
		lengths := r
		total := 0
		for range nl {
			l := r.uvarint()
			// The lines follow the lengths, so they fit in what is left.
			if rest := len(r.buf) - total; rest < 0 || l > uint64(rest) {
				return nil, errCachePayload
			}
			total += int(l)
		}
		text := r.str(total)
		if r.err != nil {
			return nil, r.err
		}
		doc.Lines = make([]string, nl)
		off := 0
		for i := range doc.Lines {
			l := int(lengths.uvarint())
			doc.Lines[i] = text[off : off+l]
			off += l
		}
	}
	doc.lineFlat = r.ints()
	doc.SectionStart = r.ints()
	// Every section's blocks are counted by the article: one array for all
	// of them, then checked against it section by section.
	blocks := 0
	for _, s := range a.Sections {
		blocks += len(s.Blocks)
	}
	doc.BlockStart = r.sections(a, make([]int, 0, blocks))
	doc.blockFlat = r.sections(a, make([]int, 0, blocks))
	if n := r.count(); n > 0 {
		doc.links = make([]linkSpan, n)
		for i := range doc.links {
			l := &doc.links[i]
			l.line, l.from, l.to = r.int(), r.int(), r.int()
			l.url = r.str(r.count())
		}
	}
	switch {
	case r.err != nil:
		return nil, r.err
	case len(r.buf) != 0:
		return nil, errCachePayload
	}
	if err := checkDocument(doc, a); err != nil {
		return nil, err
	}
	doc.markers = linkMarkers(a, opts.Links)
	return doc, nil
}

// entryReader reads a payload's varints. Its first error sticks and makes
// every later read return zero, so that decodeEntry checks once.
type entryReader struct {
	buf string
	err error
}

func (r *entryReader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
	r.buf = ""
}

// uvarint is encoding/binary's Uvarint, on a string. A varint ending in
// a zero byte has a shorter form: it is refused, so that a document has
// one encoding.
func (r *entryReader) uvarint() uint64 {
	var x uint64
	for i := 0; i < len(r.buf) && i < binary.MaxVarintLen64; i++ {
		b := r.buf[i]
		if b < 0x80 {
			if (i > 0 && b == 0) || (i == binary.MaxVarintLen64-1 && b > 1) {
				break
			}
			r.buf = r.buf[i+1:]
			return x | uint64(b)<<(7*i)
		}
		x |= uint64(b&0x7f) << (7 * i)
	}
	r.fail(errCachePayload)
	return 0
}

func (r *entryReader) int() int {
	u := r.uvarint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	if int64(int(v)) != v {
		r.fail(errCachePayload)
		return 0
	}
	return int(v)
}

// count reads a number of things that take at least a byte each, and so
// cannot be more than the bytes left.
func (r *entryReader) count() int {
	n := r.uvarint()
	if n > uint64(len(r.buf)) {
		r.fail(errCachePayload)
		return 0
	}
	return int(n)
}

func (r *entryReader) str(n int) string {
	if n > len(r.buf) {
		r.fail(errCachePayload)
		return ""
	}
	s := r.buf[:n]
	r.buf = r.buf[n:]
	return s
}

// ints reads a count and that many values. An empty list is a nil slice,
// as assemble leaves it.
func (r *entryReader) ints() []int {
	n := r.count()
	if n == 0 {
		return nil
	}
	out := make([]int, n)
	for i := range out {
		out[i] = r.int()
	}
	return out
}

// sections reads one list per section of a into slices of the shared
// array all, which was allocated for exactly the article's blocks. Each
// slice is capped, so that appending to one cannot overwrite the next.
func (r *entryReader) sections(a *articles.Article, all []int) [][]int {
	n := r.count()
	if n != len(a.Sections) {
		r.fail(errCacheMismatch)
		return nil
	}
	if n == 0 {
		return nil // as assemble leaves it
	}
	out := make([][]int, n)
	for i := range out {
		m := r.count()
		if m != len(a.Sections[i].Blocks) {
			r.fail(errCacheMismatch)
			return nil
		}
		start := len(all)
		for range m {
			all = append(all, r.int())
		}
		out[i] = all[start:len(all):len(all)]
	}
	return out
}

// checkDocument reports whether doc can be a's rendering: one start for
// every section and block, every line number in range and every section
// after the one before. A document that passes cannot make the reader
// index out of its lines, whatever produced it.
func checkDocument(doc *Document, a *articles.Article) error {
	lines := len(doc.Lines)
	bad := func(what string, args ...any) error {
		return fmt.Errorf("%w: %s", errCacheMismatch, fmt.Sprintf(what, args...))
	}
	if len(doc.lineFlat) != lines {
		return bad("%d line offsets for %d lines", len(doc.lineFlat), lines)
	}
	for i, f := range doc.lineFlat {
		if f < 0 || (i > 0 && f < doc.lineFlat[i-1]) {
			return bad("line offset %d is %d", i, f)
		}
	}
	n := len(a.Sections)
	if len(doc.SectionStart) != n || len(doc.BlockStart) != n || len(doc.blockFlat) != n {
		return bad("%d/%d/%d section starts for %d sections", len(doc.SectionStart), len(doc.BlockStart), len(doc.blockFlat), n)
	}
	for i, l := range doc.links {
		if l.line < 0 || l.line >= lines || l.from < 0 || l.to <= l.from || (i > 0 && l.line < doc.links[i-1].line) {
			return bad("link %d is on line %d from %d to %d", i, l.line, l.from, l.to)
		}
	}
	for i, s := range doc.SectionStart {
		if s < 0 || s >= lines || (i > 0 && s <= doc.SectionStart[i-1]) {
			return bad("section %d starts on line %d of %d", i, s, lines)
		}
		blocks := len(a.Sections[i].Blocks)
		if len(doc.BlockStart[i]) != blocks || len(doc.blockFlat[i]) != blocks {
			return bad("section %d has %d/%d block starts for %d blocks", i, len(doc.BlockStart[i]), len(doc.blockFlat[i]), blocks)
		}
		for j, l := range doc.BlockStart[i] {
			if l < 0 || l >= lines {
				return bad("block %d.%d starts on line %d of %d", i, j, l, lines)
			}
			if f := doc.blockFlat[i][j]; f < -1 {
				return bad("block %d.%d is at offset %d", i, j, f)
			}
		}
	}
	return nil
}
