// cache_codec_test.go tests the render cache's entry format: broken,
// flipped and inconsistent entries are misses, never panics.

package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/muesli/termenv"
)

// flippedAt is data with the byte at i inverted.
func flippedAt(data []byte, i int) []byte {
	out := bytes.Clone(data)
	out[i] ^= 0xff
	return out
}

// TestRenderCacheCorruptEntries puts broken files where an entry belongs:
// each is a miss, for the right reason, and the next Store replaces it
// with an entry that is a hit.
func TestRenderCacheCorruptEntries(t *testing.T) {
	a := cacheArticle(t)
	doc := renderedFor(t, a, cacheOpts)
	dir := t.TempDir()
	c := OpenCache(dir, DefaultCacheMaxBytes, "test")
	c.Store(a, doc)
	path := c.entryPath(mustKey(t, c, a, cacheOpts))
	valid, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	other := renderedFor(t, a, Options{Width: 60, Style: StyleDark, Profile: termenv.ANSI256})
	otherEntry := encodeEntry(mustKey(t, c, a, other.Options), other)

	payload := entryHeaderLen + (len(valid)-entryHeaderLen-entryTrailerLen)/2
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, errCacheShort},
		{"header cut", valid[:entryHeaderLen-1], errCacheShort},
		{"payload cut", valid[:payload], errCacheShort},
		{"checksum cut", valid[:len(valid)-1], errCacheShort},
		{"bytes added", append(bytes.Clone(valid), 0), errCacheShort},
		{"magic flipped", flippedAt(valid, 0), errCacheMagic},
		{"format flipped", flippedAt(valid, len(renderCacheMagic)), errCacheFormat},
		{"key flipped", flippedAt(valid, len(renderCacheMagic)+4+sha256.Size-1), errCacheKey},
		{"length flipped", flippedAt(valid, entryHeaderLen-8), errCacheShort},
		{"payload flipped", flippedAt(valid, payload), errCacheChecksum},
		{"checksum flipped", flippedAt(valid, len(valid)-1), errCacheChecksum},
		{"foreign file", []byte(strings.Repeat("a note that happens to have the entry's name\n", 4)), errCacheMagic},
		{"another rendering's entry", otherEntry, errCacheKey},
	}
	for _, tc := range cases {
		if err := os.WriteFile(path, tc.data, 0o600); err != nil {
			t.Fatal(err)
		}
		if got, err := c.load(a, cacheOpts); !errors.Is(err, tc.want) || got != nil {
			t.Errorf("%s: %v, want a miss for %v", tc.name, err, tc.want)
		}
		if _, ok := c.Load(a, cacheOpts); ok {
			t.Errorf("%s: a hit", tc.name)
		}
		c.Store(a, doc)
		if data, _ := os.ReadFile(path); !bytes.Equal(data, valid) {
			t.Errorf("%s: Store did not rewrite the entry", tc.name)
		}
		if got, ok := c.Load(a, cacheOpts); !ok || !reflect.DeepEqual(got, doc) {
			t.Errorf("%s: no hit after the rewrite", tc.name)
		}
	}

	// What cannot be rewritten is still only a miss.
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(path, 0o700); err != nil {
		t.Fatal(err)
	}
	if _, err := c.load(a, cacheOpts); !errors.Is(err, errCacheNotFile) {
		t.Errorf("a directory in the entry's place: %v, want %v", err, errCacheNotFile)
	}
	c.Store(a, doc)
	if _, ok := c.Load(a, cacheOpts); ok {
		t.Error("a hit on a directory")
	}
}

// TestRenderCacheEveryByteMatters changes every byte of an entry, and cuts
// it at every length: none of them decodes.
func TestRenderCacheEveryByteMatters(t *testing.T) {
	a := cacheArticle(t)
	doc := renderedFor(t, a, cacheOpts)
	c := OpenCache(t.TempDir(), 0, "test")
	key := mustKey(t, c, a, cacheOpts)
	valid := encodeEntry(key, doc)
	if got, err := decodeEntry(string(valid), key, a, cacheOpts); err != nil || !reflect.DeepEqual(got, doc) {
		t.Fatalf("the entry does not decode to its document: %v", err)
	}
	data := bytes.Clone(valid)
	for i := range data {
		for _, mask := range []byte{0x01, 0x80, 0xff} {
			data[i] ^= mask
			if _, err := decodeEntry(string(data), key, a, cacheOpts); err == nil {
				t.Fatalf("byte %d of %d xor %#x: decoded", i, len(data), mask)
			}
			data[i] ^= mask
		}
	}
	for n := range len(valid) {
		if _, err := decodeEntry(string(valid[:n]), key, a, cacheOpts); err == nil {
			t.Fatalf("cut to %d of %d bytes: decoded", n, len(valid))
		}
	}
}

// withChecksum is an entry under key around payload, with the right
// length and checksum whatever the payload holds: what gets past the
// checksum to the decoder.
func withChecksum(key [sha256.Size]byte, payload []byte) []byte {
	b := []byte(renderCacheMagic)
	b = binary.LittleEndian.AppendUint32(b, renderCacheFormat)
	b = append(b, key[:]...)
	b = binary.LittleEndian.AppendUint64(b, uint64(len(payload)))
	b = append(b, payload...)
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

// TestRenderCacheInconsistentDocument stores entries whose checksum is
// right but whose document does not fit the article: each is a miss, and
// Store refuses to write them in the first place.
func TestRenderCacheInconsistentDocument(t *testing.T) {
	a := cacheArticle(t)
	doc := renderedFor(t, a, cacheOpts)
	dir := t.TempDir()
	c := OpenCache(dir, DefaultCacheMaxBytes, "test")
	key := mustKey(t, c, a, cacheOpts)
	path := c.entryPath(key)
	last := len(a.Sections) - 1
	cases := []struct {
		name  string
		spoil func(d *Document)
	}{
		{"a line offset missing", func(d *Document) { d.lineFlat = d.lineFlat[1:] }},
		{"line offsets going back", func(d *Document) { d.lineFlat[len(d.lineFlat)-1] = 0 }},
		{"a section missing", func(d *Document) { d.SectionStart = d.SectionStart[:last] }},
		{"a section after the last line", func(d *Document) { d.SectionStart[last] = len(d.Lines) }},
		{"sections out of order", func(d *Document) { d.SectionStart[1], d.SectionStart[2] = d.SectionStart[2], d.SectionStart[1] }},
		{"a block missing", func(d *Document) { d.BlockStart[1] = d.BlockStart[1][1:] }},
		{"a block offset missing", func(d *Document) { d.blockFlat[1] = d.blockFlat[1][1:] }},
		{"a block before the first line", func(d *Document) { d.BlockStart[1][0] = -1 }},
		{"a block after the last line", func(d *Document) { d.BlockStart[last][0] = len(d.Lines) }},
		{"a block offset below -1", func(d *Document) { d.blockFlat[0][0] = -2 }},
		{"a section's blocks missing", func(d *Document) { d.BlockStart = d.BlockStart[:last] }},
		{"no lines", func(d *Document) { d.Lines, d.lineFlat = nil, nil }},
	}
	for _, tc := range cases {
		bad := cloneDoc(doc)
		tc.spoil(bad)
		if err := os.WriteFile(path, encodeEntry(key, bad), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := c.load(a, cacheOpts); !errors.Is(err, errCacheMismatch) {
			t.Errorf("%s: %v, want %v", tc.name, err, errCacheMismatch)
		}
		if err := os.Remove(path); err != nil {
			t.Fatal(err)
		}
		if err := c.store(a, bad); !errors.Is(err, errCacheMismatch) {
			t.Errorf("%s: Store: %v, want %v", tc.name, err, errCacheMismatch)
		}
		if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s: Store wrote the document: %v", tc.name, err)
		}
	}

	// Past the checksum, a payload that is not an encoding at all.
	valid := encodeEntry(key, doc)
	payload := valid[entryHeaderLen : len(valid)-entryTrailerLen]
	if payload[0] >= 0x80 {
		t.Fatal("the test article has grown: its line count takes more than a byte")
	}
	for _, p := range []struct {
		name string
		data []byte
	}{
		{"empty payload", nil},
		{"bytes after the document", append(bytes.Clone(payload), 0)},
		{"a count past the end", binary.AppendUvarint(nil, 1<<40)},
		{"a line past the end", append(binary.AppendUvarint([]byte{1}, 1<<62), 'x')},
		{"a varint not at its shortest", append([]byte{payload[0] | 0x80, 0x00}, payload[1:]...)},
		{"payload cut", payload[:len(payload)-1]},
	} {
		if _, err := decodeEntry(string(withChecksum(key, p.data)), key, a, cacheOpts); !errors.Is(err, errCachePayload) && !errors.Is(err, errCacheMismatch) {
			t.Errorf("%s: %v, want a malformed payload", p.name, err)
		}
	}
	if _, err := decodeEntry(string(withChecksum(key, payload)), key, a, cacheOpts); err != nil {
		t.Errorf("withChecksum is wrong, the valid payload fails: %v", err)
	}
}

// FuzzRenderCacheEntry puts any bytes where an entry belongs. Load must
// not panic, and may hit only on a valid entry: one that is exactly the
// encoding of the document it returns. The bytes are tried twice, as the
// whole file and as a payload with a right checksum around it, since the
// fuzzer would otherwise hardly get past the checksum.
func FuzzRenderCacheEntry(f *testing.F) {
	a := cacheArticle(f)
	doc := renderedFor(f, a, cacheOpts)
	probe := OpenCache(f.TempDir(), 0, "fuzz")
	key := mustKey(f, probe, a, cacheOpts)
	valid := encodeEntry(key, doc)
	payload := valid[entryHeaderLen : len(valid)-entryTrailerLen]
	f.Add(valid)
	f.Add(payload)
	f.Add(valid[:len(valid)/2])
	f.Add(flippedAt(valid, len(valid)/2))
	f.Add([]byte{})
	f.Add([]byte(renderCacheMagic))
	f.Add(binary.AppendUvarint(nil, 1<<40))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := OpenCache(t.TempDir(), 0, "fuzz")
		path := c.entryPath(key)
		for _, entry := range [][]byte{data, withChecksum(key, data)} {
			if err := os.WriteFile(path, entry, 0o600); err != nil {
				t.Fatal(err)
			}
			got, ok := c.Load(a, cacheOpts)
			switch {
			case ok && !bytes.Equal(encodeEntry(key, got), entry):
				t.Fatalf("a hit on bytes that are not the entry of what they decode to")
			case !ok && bytes.Equal(entry, valid):
				t.Fatalf("a miss on a valid entry")
			}
		}
	})
}
