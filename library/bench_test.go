package library

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"cable/articles"
)

// The benchmarks run on generated articles of realistic shape (see
// generator), written once per benchmark outside the timer.

func TestMain(m *testing.M) {
	code := m.Run()
	big.cleanup()
	os.Exit(code)
}

func BenchmarkLibraryIndexCold(b *testing.B) {
	const n = 1000
	dir := b.TempDir()
	writeArticles(b, dir, n, 1)
	src := Sources{Dirs: []string{dir}}
	b.ReportAllocs()
	b.ResetTimer()
	var cpu time.Duration
	for range b.N {
		b.StopTimer()
		dbDir := b.TempDir()
		cpu -= processCPU()
		b.StartTimer()
		s, _, err := Open(filepath.Join(dbDir, "cable.db"))
		if err != nil {
			b.Fatal(err)
		}
		_, stats, err := s.Sync(src)
		if err != nil || stats.Parsed != n {
			b.Fatalf("Sync: %+v, %v", stats, err)
		}
		s.Close()
		b.StopTimer()
		cpu += processCPU()
		os.RemoveAll(dbDir)
		b.StartTimer()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
	// The CPU time of the whole process (the parsing workers and the
	// writer), which on a shared machine moves less than the wall time.
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
}

// BenchmarkLibraryOpenWarm is what every start of cable pays: open the
// database and sync a library in which nothing changed.
func BenchmarkLibraryOpenWarm(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var lib *benchLibrary
			if n == 10000 {
				lib = big.get(b)
			} else {
				lib = newBenchLibrary(b, b.TempDir(), n)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				s, _, err := Open(lib.db)
				if err != nil {
					b.Fatal(err)
				}
				_, stats, err := s.Sync(lib.src)
				if err != nil || stats.Parsed != 0 || stats.Unchanged != n {
					b.Fatalf("Sync: %+v, %v", stats, err)
				}
				s.Close()
			}
		})
	}
}

// BenchmarkSearch searches 10,000 indexed articles: a common word, a rare
// one, two words, a prefix, a name from the front matter, the first two
// and three letters of a word being typed, and two letters after a word.
func BenchmarkSearch(b *testing.B) {
	lib := big.get(b)
	s, _, err := Open(lib.db)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for _, q := range []string{"security", "uranium", "sanctions iran", "nuclear deterr", "Mamedov", "th", "the", "nuclear th"} {
		b.Run(q, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				hits, err := s.Search(q, 20)
				if err != nil || len(hits) == 0 {
					b.Fatalf("Search(%q): %d hits, %v", q, len(hits), err)
				}
			}
		})
	}
}

// benchLibrary is a directory of generated articles and a database that
// indexes them.
type benchLibrary struct {
	dir, db string
	src     Sources
}

func newBenchLibrary(tb testing.TB, dir string, n int) *benchLibrary {
	lib := &benchLibrary{dir: dir, db: filepath.Join(dir, "db", "cable.db")}
	lib.src = Sources{Dirs: []string{filepath.Join(dir, "articles")}}
	writeArticles(tb, lib.src.Dirs[0], n, 10)
	s, _, err := Open(lib.db)
	if err != nil {
		tb.Fatal(err)
	}
	defer s.Close()
	if _, stats, err := s.Sync(lib.src); err != nil || stats.Parsed != n {
		tb.Fatalf("Sync: %+v, %v", stats, err)
	}
	return lib
}

// big is the 10,000-article library, made once per process (it takes a
// while) and shared by the benchmarks that need it.
var big sharedLibrary

type sharedLibrary struct {
	once sync.Once
	dir  string
	lib  *benchLibrary
	err  error
}

func (s *sharedLibrary) get(b *testing.B) *benchLibrary {
	if testing.Short() {
		b.Skip("the 10,000-article library takes a while to build; not with -short")
	}
	s.once.Do(func() {
		// A library already indexed (scripts/scale-bench's, say: its
		// lib-N directory and home-N/state/cable/cable.db) stands for
		// the generated one, at any size.
		if dir, db := os.Getenv("CABLE_BENCH_LIB"), os.Getenv("CABLE_BENCH_DB"); dir != "" && db != "" {
			bundle, err := articles.Bundle()
			if err != nil {
				s.err = err
				return
			}
			s.lib = &benchLibrary{dir: dir, db: db, src: Sources{Dirs: []string{dir}, Bundle: bundle}}
			return
		}
		s.dir, s.err = os.MkdirTemp("", "cable-bench-")
		if s.err == nil {
			s.lib = newBenchLibrary(b, s.dir, 10000)
		}
	})
	if s.lib == nil {
		b.Fatalf("building the 10,000-article library failed: %v", s.err)
	}
	return s.lib
}

func (s *sharedLibrary) cleanup() {
	if s.dir != "" {
		os.RemoveAll(s.dir)
	}
}

// BenchmarkListCurrent is what "cable list" pays before its table, on a
// library in which nothing changed: the database opened, every file
// asked after against the digest of the last Sync (Current), the rows
// listed (EachListed), and the database closed. Set CABLE_BENCH_LIB and
// CABLE_BENCH_DB for another library than the generated 10,000.
func BenchmarkListCurrent(b *testing.B) {
	lib := big.get(b)
	b.Run("current", func(b *testing.B) {
		s, _, err := Open(lib.db)
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		b.ReportAllocs()
		cpu := -processCPU()
		for range b.N {
			if ok, err := s.Current(lib.src); err != nil || !ok {
				b.Fatalf("Current: %v, %v", ok, err)
			}
		}
		cpu += processCPU()
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	})
	b.Run("listed", func(b *testing.B) {
		b.ReportAllocs()
		var cpu time.Duration
		for range b.N {
			cpu -= processCPU()
			s, _, err := Open(lib.db)
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			if err := s.EachListed(lib.src.Bundle, func(Listed) error { n++; return nil }); err != nil || n == 0 {
				b.Fatalf("EachListed: %d, %v", n, err)
			}
			s.Close()
			cpu += processCPU()
		}
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	})
}
