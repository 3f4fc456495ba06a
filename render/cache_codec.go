// cache_codec.go holds the render cache's binary format: how a Document
// is written into an entry and read back, with the entry's checksum and
// the reading of a whole entry file. What a decoded document must satisfy
// is in cache_check.go.

package render

import (
	"crypto/sha256"
	"encoding/binary"
	"hash/crc32"
	"io"
	"os"
	"strings"

	"cable/articles"
)

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
