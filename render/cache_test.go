package render

import (
	"cmp"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"cable/articles"

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
