package render

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"

	"cable/articles"

	"github.com/adrg/xdg"
	"github.com/muesli/termenv"
)

var cacheOpts = Options{Width: 80, Style: StyleDark, Profile: termenv.ANSI256}

// cacheArticle is a small article with reference links, so that what is
// rendered for each section (SectionMarkdown) is more than its Markdown.
func cacheArticle(t testing.TB) *articles.Article {
	t.Helper()
	a, err := articles.Parse("ref.md", []byte(referenceArticle), "ref")
	if err != nil {
		t.Fatal(err)
	}
	if a.References == "" || len(a.Sections) < 3 {
		t.Fatalf("the test article lost its references or sections: %d sections", len(a.Sections))
	}
	return a
}

func renderedFor(t testing.TB, a *articles.Article, opts Options) *Document {
	t.Helper()
	doc, err := Article(a, opts)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func mustKey(t testing.TB, c *Cache, a *articles.Article, opts Options) [sha256.Size]byte {
	t.Helper()
	k, err := c.key(a, opts)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// cloneDoc is a deep copy of d, to break one without breaking the other.
func cloneDoc(d *Document) *Document {
	c := *d
	c.Lines = slices.Clone(d.Lines)
	c.SectionStart = slices.Clone(d.SectionStart)
	c.lineFlat = slices.Clone(d.lineFlat)
	c.BlockStart = make([][]int, len(d.BlockStart))
	for i, s := range d.BlockStart {
		c.BlockStart[i] = slices.Clone(s)
	}
	c.blockFlat = make([][]int, len(d.blockFlat))
	for i, s := range d.blockFlat {
		c.blockFlat[i] = slices.Clone(s)
	}
	return &c
}

// cacheFiles lists the names in dir, sorted.
func cacheFiles(t testing.TB, dir string) []string {
	t.Helper()
	list, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range list {
		names = append(names, e.Name())
	}
	return names
}

func TestRenderCacheRoundTrip(t *testing.T) {
	list := []*articles.Article{cacheArticle(t)}
	list = append(list, bundle(t)...)
	sample, err := articles.Parse("sample.md", articles.SampleArticle(3_000, 7), "sample")
	if err != nil {
		t.Fatal(err)
	}
	list = append(list, sample)

	dir := filepath.Join(t.TempDir(), "render")
	c := OpenCache(dir, DefaultCacheMaxBytes, "test")
	for _, a := range list {
		doc := renderedFor(t, a, cacheOpts)
		if _, ok := c.Load(a, cacheOpts); ok {
			t.Fatalf("%s: a hit before anything was stored", a.ID)
		}
		c.Store(a, doc)
		got, err := c.load(a, cacheOpts)
		if err != nil {
			t.Fatalf("%s: no hit after Store: %v", a.ID, err)
		}
		if !reflect.DeepEqual(got, doc) {
			t.Fatalf("%s: the loaded document differs from the stored one", a.ID)
		}
		if _, err := os.Stat(c.entryPath(mustKey(t, c, a, cacheOpts))); err != nil {
			t.Fatalf("%s: the entry is not named after its key: %v", a.ID, err)
		}
	}

	info, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm&0o077 != 0 {
		t.Errorf("directory mode %v, want no access for others", perm)
	}
	names := cacheFiles(t, dir)
	if len(names) != len(list) {
		t.Errorf("%d files for %d articles: %v", len(names), len(list), names)
	}
	for _, name := range names {
		if !isEntryName(name) {
			t.Errorf("%s is not an entry (a temporary file left behind?)", name)
			continue
		}
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if perm := info.Mode().Perm(); perm&0o077 != 0 {
			t.Errorf("%s has mode %v, want no access for others", name, perm)
		}
	}
}

// TestRenderCacheMisses changes one thing the rendering depends on at a
// time: each must find nothing, not the rendering stored.
func TestRenderCacheMisses(t *testing.T) {
	a := cacheArticle(t)
	dir := t.TempDir()
	c := OpenCache(dir, DefaultCacheMaxBytes, "1.0.0")
	c.Store(a, renderedFor(t, a, cacheOpts))
	if _, ok := c.Load(a, cacheOpts); !ok {
		t.Fatal("no hit for what was stored")
	}

	edited, err := articles.Parse("ref.md", []byte(strings.Replace(referenceArticle, "one [charter]", "won [charter]", 1)), "ref")
	if err != nil {
		t.Fatal(err)
	}
	refs := *a
	refs.References = strings.Replace(a.References, "example.org", "example.com", 1)
	cases := []struct {
		name  string
		cache *Cache
		a     *articles.Article
		opts  Options
	}{
		{"width", c, a, Options{Width: 81, Style: StyleDark, Profile: termenv.ANSI256}},
		{"style", c, a, Options{Width: 80, Style: StyleLight, Profile: termenv.ANSI256}},
		{"profile", c, a, Options{Width: 80, Style: StyleDark, Profile: termenv.TrueColor}},
		{"links", c, a, Options{Width: 80, Style: StyleDark, Profile: termenv.ANSI256, Links: LinksNumbered}},
		{"version", OpenCache(dir, DefaultCacheMaxBytes, "1.0.1"), a, cacheOpts},
		{"one word", c, edited, cacheOpts},
		{"a reference", c, &refs, cacheOpts},
	}
	for _, tc := range cases {
		if _, err := tc.cache.load(tc.a, tc.opts); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s changed: %v, want a miss for want of an entry", tc.name, err)
		}
	}
}

// TestRenderCacheKeyBoundaries checks that the key tells apart inputs
// whose bytes, run together, are the same.
func TestRenderCacheKeyBoundaries(t *testing.T) {
	art := func(refs string, md ...string) *articles.Article {
		a := &articles.Article{References: refs}
		for _, m := range md {
			a.Sections = append(a.Sections, articles.Section{Markdown: m})
		}
		return a
	}
	c := OpenCache(t.TempDir(), 0, "v")
	pairs := []struct {
		name   string
		c1, c2 *Cache
		a1, a2 *articles.Article
		o1, o2 Options
	}{
		{"section boundary", c, c, art("", "ab", "c"), art("", "a", "bc"), cacheOpts, cacheOpts},
		{"empty section", c, c, art("", "ab"), art("", "ab", ""), cacheOpts, cacheOpts},
		{"references", c, c, art("[r]: x", "a"), art("[r]: y", "a"), cacheOpts, cacheOpts},
		{"version and style", OpenCache("d", 0, "x"), OpenCache("d", 0, "xy"), art("", "a"), art("", "a"),
			Options{Style: "ydark"}, Options{Style: "dark"}},
	}
	for _, p := range pairs {
		if mustKey(t, p.c1, p.a1, p.o1) == mustKey(t, p.c2, p.a2, p.o2) {
			t.Errorf("%s: the same key for different inputs", p.name)
		}
	}
	if mustKey(t, c, art("", "a", "b"), cacheOpts) != mustKey(t, c, art("", "a", "b"), cacheOpts) {
		t.Error("the key is not a function of its inputs")
	}
	// The key is over what is rendered, which is the same here.
	if mustKey(t, c, art("[r]: x", "a"), cacheOpts) != mustKey(t, c, art("", "a\n\n[r]: x"), cacheOpts) {
		t.Error("the same Markdown rendered has two keys")
	}
}

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

// TestRenderCacheEvictsLeastRecentlyUsed fills a cache past its bound:
// the entries used longest ago go, those read or written since stay, and
// nothing that is not an entry is touched, however large.
func TestRenderCacheEvictsLeastRecentlyUsed(t *testing.T) {
	a := cacheArticle(t)
	doc := renderedFor(t, a, cacheOpts)
	dir := t.TempDir()
	// Entries of other versions have the same size.
	size := int64(len(encodeEntry([sha256.Size]byte{}, doc)))
	const maxEntries = 3
	limit := maxEntries*size + size/2
	caches := map[string]*Cache{}
	path := func(v string) string { return caches[v].entryPath(mustKey(t, caches[v], a, cacheOpts)) }
	for _, v := range []string{"v1", "v2", "v3", "v4"} {
		caches[v] = OpenCache(dir, limit, v)
	}

	now := time.Now()
	foreign := map[string][]byte{
		"notes.txt":                  bytes.Repeat([]byte("x"), int(10*size)),
		"README" + renderCacheSuffix: []byte("not hex"),
		strings.Repeat("AB", 32) + renderCacheSuffix:          []byte("upper-case hex"),
		strings.Repeat("ab", 32) + renderCacheSuffix + ".bak": []byte("another suffix"),
		"tmp-fresh" + renderCacheTempSuffix:                   []byte("being written"),
	}
	for name, data := range foreign {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := now.Add(-48 * time.Hour)
	for name := range foreign {
		if err := os.Chtimes(filepath.Join(dir, name), old, old); err != nil {
			t.Fatal(err)
		}
	}
	fresh := filepath.Join(dir, "tmp-fresh"+renderCacheTempSuffix)
	if err := os.Chtimes(fresh, now, now); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(dir, "tmp-stale"+renderCacheTempSuffix)
	if err := os.WriteFile(stale, []byte("left by a crash"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	lookalike := filepath.Join(dir, strings.Repeat("cd", 32)+renderCacheSuffix)
	if err := os.Mkdir(lookalike, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(lookalike, old, old); err != nil {
		t.Fatal(err)
	}

	for i, v := range []string{"v1", "v2", "v3"} {
		caches[v].Store(a, doc)
		at := now.Add(time.Duration(i-3) * time.Hour) // v1 3h ago, v2 2h, v3 1h
		if err := os.Chtimes(path(v), at, at); err != nil {
			t.Fatal(err)
		}
	}
	for _, v := range []string{"v1", "v2", "v3"} {
		if _, err := os.Stat(path(v)); err != nil {
			t.Fatalf("%s evicted while the cache was within its bound", v)
		}
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a temporary file left for two days is still there: %v", err)
	}

	if _, ok := caches["v1"].Load(a, cacheOpts); !ok { // v1 is now the most recently used
		t.Fatal("no hit")
	}
	caches["v4"].Store(a, doc)

	for v, want := range map[string]bool{"v1": true, "v2": false, "v3": true, "v4": true} {
		_, err := os.Stat(path(v))
		if kept := err == nil; kept != want {
			t.Errorf("%s kept: %v, want %v", v, kept, want)
		}
	}
	for name, data := range foreign {
		if got, err := os.ReadFile(filepath.Join(dir, name)); err != nil || !bytes.Equal(got, data) {
			t.Errorf("%s, not an entry, was touched: %v", name, err)
		}
	}
	if info, err := os.Stat(lookalike); err != nil || !info.IsDir() {
		t.Errorf("a directory named like an entry was removed: %v", err)
	}
	var total int64
	for _, name := range cacheFiles(t, dir) {
		if info, err := os.Stat(filepath.Join(dir, name)); err == nil && isEntryName(name) && info.Mode().IsRegular() {
			total += info.Size()
		}
	}
	if total > limit {
		t.Errorf("%d bytes of entries, over the bound of %d", total, limit)
	}

	// An entry larger than the whole cache is not written at all.
	tiny := OpenCache(t.TempDir(), size-1, "tiny")
	if err := tiny.store(a, doc); !errors.Is(err, errCacheTooBig) {
		t.Errorf("an entry over the bound: %v, want %v", err, errCacheTooBig)
	}
}

func TestRenderCacheSkipsPartialDocuments(t *testing.T) {
	a := cacheArticle(t)
	first, err := FirstScreen(a, cacheOpts, articles.Position{}, 5)
	if err != nil {
		t.Fatal(err)
	}
	if !first.Partial {
		t.Fatal("RenderFirst gave a whole document")
	}
	dir := filepath.Join(t.TempDir(), "render")
	c := OpenCache(dir, 0, "test")
	c.Store(a, first)
	c.Store(a, nil)
	c.Store(nil, first)
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("storing a partial document wrote something: %v", err)
	}
	if _, ok := c.Load(a, cacheOpts); ok {
		t.Fatal("a hit for a partial document")
	}

	// Nor does a first paint replace the whole rendering.
	whole := renderedFor(t, a, cacheOpts)
	c.Store(a, whole)
	c.Store(a, first)
	if got, ok := c.Load(a, cacheOpts); !ok || !reflect.DeepEqual(got, whole) {
		t.Fatal("the whole rendering was replaced by a first paint")
	}
}

func TestRenderCacheNilIsNoCache(t *testing.T) {
	a := cacheArticle(t)
	var c *Cache
	c.Store(a, renderedFor(t, a, cacheOpts))
	if doc, ok := c.Load(a, cacheOpts); ok || doc != nil {
		t.Fatal("a nil cache had a hit")
	}
	if OpenCache("", 0, "test") != nil {
		t.Fatal("no directory should be no cache")
	}
	if c := OpenCache("x", 0, "test"); c.maxBytes != DefaultCacheMaxBytes {
		t.Fatalf("bound %d for 0, want the default", c.maxBytes)
	}
	if dir := DefaultCacheDir(); dir != filepath.Join(xdg.CacheHome, "cable", "render") {
		t.Fatalf("default directory %s", dir)
	}
}

// TestRenderCacheUnwritableDirectory is a cache where no directory can be
// made: nothing fails, nothing is kept.
func TestRenderCacheUnwritableDirectory(t *testing.T) {
	a := cacheArticle(t)
	doc := renderedFor(t, a, cacheOpts)
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	c := OpenCache(filepath.Join(file, "render"), 0, "test")
	c.Store(a, doc)
	if err := c.store(a, doc); err == nil {
		t.Fatal("storing under a regular file succeeded")
	}
	if _, ok := c.Load(a, cacheOpts); ok {
		t.Fatal("a hit")
	}

	// A style that cannot be read cannot be keyed: no caching.
	dir := t.TempDir()
	c = OpenCache(dir, 0, "test")
	missing := Options{Width: 80, Style: filepath.Join(dir, "missing.json"), Profile: termenv.ANSI256}
	bad := *doc
	bad.Options = missing
	if err := c.store(a, &bad); err == nil {
		t.Fatal("stored a document keyed by a style that does not exist")
	}
	if _, ok := c.Load(a, missing); ok {
		t.Fatal("a hit")
	}
	if names := cacheFiles(t, dir); len(names) != 0 {
		t.Fatalf("files written: %v", names)
	}
}

// TestRenderCacheConcurrentStores rewrites an entry over and over while
// it is being read, as two cables opening the same article would: a
// reader sees the old entry or the new one, never a torn one, so once an
// entry is there every load is a hit.
func TestRenderCacheConcurrentStores(t *testing.T) {
	a, err := articles.Parse("sample.md", articles.SampleArticle(3_000, 3), "sample")
	if err != nil {
		t.Fatal(err)
	}
	doc := renderedFor(t, a, cacheOpts)
	dir := t.TempDir()
	c := OpenCache(dir, 0, "test")
	c.Store(a, doc)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range 40 {
			OpenCache(dir, 0, "test").Store(a, doc)
		}
	}()
	loads, misses := 0, 0
	var first error
	for running := true; running; loads++ {
		select {
		case <-done:
			running = false
		default:
		}
		if _, err := c.load(a, cacheOpts); err != nil {
			misses++
			first = cmp.Or(first, err)
		}
	}
	if misses > 0 {
		t.Errorf("%d of %d loads missed while the entry was rewritten, the first for %v", misses, loads, first)
	}
	if names := cacheFiles(t, dir); len(names) != 1 {
		t.Errorf("files left: %v", names)
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

// BenchmarkRenderCacheLoad reopens a 50k-word article from the cache, and
// renders it for comparison: the cache is worth having only if a load is a
// small part of a rendering. "fresh" loads into memory just returned to the
// system, as on the first opening in a new process: touching the document's
// new pages is then much of the cost.
func BenchmarkRenderCacheLoad(b *testing.B) {
	a := sample(b, 50_000)
	doc := renderedFor(b, a, cacheOpts)
	c := OpenCache(b.TempDir(), 0, "bench")
	c.Store(a, doc)
	info, err := os.Stat(c.entryPath(mustKey(b, c, a, cacheOpts)))
	if err != nil {
		b.Fatal(err)
	}
	load := func(b *testing.B) {
		if _, ok := c.Load(a, cacheOpts); !ok {
			b.Fatal("miss")
		}
	}
	b.Run("load-50k", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			load(b)
		}
		b.ReportMetric(float64(info.Size()), "entry-bytes")
	})
	b.Run("load-50k-fresh", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			b.StopTimer()
			runtime.GC()
			debug.FreeOSMemory()
			b.StartTimer()
			load(b)
		}
	})
	b.Run("render-50k", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			renderedFor(b, a, cacheOpts)
		}
	})
}

// BenchmarkRenderCacheStore writes a 50k-word article's rendering, which
// the reader does once per rendering, off the screen's path.
func BenchmarkRenderCacheStore(b *testing.B) {
	a := sample(b, 50_000)
	doc := renderedFor(b, a, cacheOpts)
	c := OpenCache(b.TempDir(), 0, "bench")
	b.ReportAllocs()
	for b.Loop() {
		if err := c.store(a, doc); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRenderCacheKeepsLinks: a rendering read back has the links' places
// (for hyperlinks) and, numbered, the numbers positions step over.
func TestRenderCacheKeepsLinks(t *testing.T) {
	a := cacheArticle(t)
	c := OpenCache(t.TempDir(), DefaultCacheMaxBytes, "test")
	for _, mode := range []LinkMode{LinksClean, LinksNumbered} {
		opts := cacheOpts
		opts.Links = mode
		doc := renderedFor(t, a, opts)
		if len(doc.links) == 0 || (mode == LinksNumbered) != (doc.markers != nil) {
			t.Fatalf("%s: %d links placed, numbers %v", mode, len(doc.links), doc.markers)
		}
		c.Store(a, doc)
		got, err := c.load(a, opts)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, doc) {
			t.Errorf("%s: the loaded document differs: links %v, want %v", mode, got.links, doc.links)
		}
	}
}
