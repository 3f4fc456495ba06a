// Command extract-score measures how well cable finds the article in a
// saved page, side by side with plain go-readability (what cable builds
// on) and go-trafilatura, over two evaluation sets, in one run:
//
//	go run . -snippets $(go env GOMODCACHE)/github.com/markusmobius/go-trafilatura@v1.12.2 \
//	         -pages $(go env GOMODCACHE)/codeberg.org/readeck/go-readability/v2@v2.1.3/test-pages
//
// It is a module of its own (its go.mod points at cable's with a replace),
// so that go-trafilatura, measured here, is no dependency of cable's.
// Neither set is kept in cable's repository: fetch them with
// `go mod download -json MODULE@VERSION` and give their directories.
//
// The snippet set (-snippets, the go-trafilatura module's directory) is
// trafilatura's evaluation: about a thousand news and blog pages in many
// languages (test-files/comparison and test-files/mock), each with a few
// snippets the article's text must contain and a few it must not (its
// scripts/comparison/data.go, read here with go/parser). A snippet counts
// as found when the extractor's text, with white space folded, holds it
// with white space folded. Over the whole set, as trafilatura's own
// script counts: precision = found must-contain / (found must-contain +
// found must-not-contain), recall = found must-contain / all
// must-contain, F1 their harmonic mean (micro). Per page: recall = share
// of its must-contain snippets found, precision = share of its
// must-not-contain snippets kept out, F1 their harmonic mean; the mean of
// those is reported too. A page the extractor refuses or returns empty
// finds nothing.
//
// The page set (-pages, readability's test-pages) holds pages with the
// article readability should return (expected.html). Scored by tokens:
// the text is split into words (runs of letters and digits, lower case;
// each Han, kana or Hangul character is a word of its own), and the
// expected and returned words are compared as multisets: precision =
// common / returned, recall = common / expected. Micro sums over pages;
// mean and median average per-page figures.
//
// cable's text is the body of the Markdown that `cable import page.html`
// writes (extract.Article, front matter left out), read back as plain text
// with goldmark (link targets and Markdown syntax left out). Plain
// readability's is readability's text of the node it returns;
// go-trafilatura's its ContentText. The other extractors are given the
// page decoded to UTF-8 as its bytes or <meta> say.
//
// "cable+trafilatura" chooses per page between the two: go-trafilatura's
// text when it is shorter than cable's but more than half as long, else
// cable's (go-trafilatura's when cable refuses), as trafilatura chooses
// between itself and its fallbacks.
//
// CPU is the process's user+system time over one extractor's whole pass,
// divided by the pages, garbage collection included. -only picks the
// extractors, -v prints each page's F1, -misses the snippets each
// extractor missed or kept, -dump writes each extractor's texts.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"
)

// extractor returns a page's article as plain text; refused is true when
// it returned an error or nothing.
type extractor struct {
	name string
	run  func(file string, data []byte) (text string, err error)
}

// page is one page of a set with what it is scored against.
type page struct {
	name     string
	data     []byte
	with     []string // snippet set
	without  []string
	expected []string // page set: the expected words
}

// score is what one extractor did with one set.
type score struct {
	refused            []string
	tp, fp, fn         int     // snippets, or words
	sumP, sumR, sumF   float64 // per-page figures, summed
	perPageF, perPageR []float64
	cpu                time.Duration
	pages              int
}

func main() {
	snippets := flag.String("snippets", "", "go-trafilatura module directory (trafilatura's evaluation set)")
	pagesDir := flag.String("pages", "", "readability's test-pages directory")
	only := flag.String("only", "", "run only these extractors (comma-separated names)")
	dump := flag.String("dump", "", "write each extractor's text of each page into this directory")
	verbose := flag.Bool("v", false, "print each page's F1 for each extractor")
	misses := flag.Bool("misses", false, "print the snippets each extractor missed or kept wrongly")
	flag.Parse()
	if *snippets == "" && *pagesDir == "" {
		fmt.Fprintln(os.Stderr, "usage: extract-score [-snippets DIR] [-pages DIR] [-only NAMES] [-dump DIR] [-v]")
		os.Exit(2)
	}
	var exs []extractor
	for _, e := range extractors() {
		if *only == "" || strings.Contains(","+*only+",", ","+e.name+",") {
			exs = append(exs, e)
		}
	}
	sets := []struct {
		name  string
		load  func(string) ([]page, error)
		dir   string
		token bool
	}{
		{"snippets (trafilatura's evaluation pages)", loadSnippetSet, *snippets, false},
		{"readability's test pages (tokens)", loadPageSet, *pagesDir, true},
	}
	for _, set := range sets {
		if set.dir == "" {
			continue
		}
		pages, err := set.load(set.dir)
		if err != nil {
			fmt.Fprintln(os.Stderr, "extract-score:", err)
			os.Exit(1)
		}
		fmt.Printf("\n## %s: %d pages\n\n", set.name, len(pages))
		fmt.Println("| extractor | F1 | precision | recall | mean F1 | mean P | mean R | median R | refused | CPU/page |")
		fmt.Println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
		var perPage [][]float64
		for _, e := range exs {
			s := runSet(e, pages, set.token, *dump, *misses)
			perPage = append(perPage, s.perPageF)
			n := float64(s.pages)
			fmt.Printf("| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %d | %.1f ms |\n",
				e.name, f1(s.tp, s.fp, s.fn), ratio(s.tp, s.tp+s.fp), ratio(s.tp, s.tp+s.fn),
				s.sumF/n, s.sumP/n, s.sumR/n, median(s.perPageR), len(s.refused),
				float64(s.cpu.Microseconds())/1000/n)
			if len(s.refused) > 0 {
				fmt.Fprintf(os.Stderr, "%s refused (%s): %s\n", e.name, set.name, strings.Join(s.refused, " "))
			}
		}
		if *verbose {
			for i, p := range pages {
				fmt.Printf("%s", p.name)
				for j := range exs {
					fmt.Printf("\t%.2f", perPage[j][i])
				}
				fmt.Println()
			}
		}
	}
}

// runSet runs one extractor over a set and scores it.
func runSet(e extractor, pages []page, token bool, dump string, misses bool) score {
	var s score
	s.pages = len(pages)
	runtime.GC()
	texts := make([]string, len(pages))
	start := cpuTime()
	for i, p := range pages {
		text, err := e.run(p.name+".html", p.data)
		if err != nil || strings.TrimSpace(text) == "" {
			s.refused = append(s.refused, p.name)
			text = ""
		}
		texts[i] = text
	}
	s.cpu = cpuTime() - start
	for i, p := range pages {
		var tp, fp, fn int
		var pp, pr float64
		if token {
			tp, fp, fn = tokenCounts(words(texts[i]), p.expected)
			pp, pr = ratio(tp, tp+fp), ratio(tp, tp+fn)
		} else {
			tp, fp, fn, pp, pr = snippetCounts(texts[i], p.with, p.without)
			if misses {
				printMisses(e.name, p, texts[i])
			}
		}
		s.tp, s.fp, s.fn = s.tp+tp, s.fp+fp, s.fn+fn
		pf := 0.0
		if pp+pr > 0 {
			pf = 2 * pp * pr / (pp + pr)
		}
		s.sumP, s.sumR, s.sumF = s.sumP+pp, s.sumR+pr, s.sumF+pf
		s.perPageF = append(s.perPageF, pf)
		s.perPageR = append(s.perPageR, pr)
		if dump != "" {
			dir := filepath.Join(dump, e.name)
			_ = os.MkdirAll(dir, 0o755)
			_ = os.WriteFile(filepath.Join(dir, p.name+".txt"), []byte(texts[i]), 0o644)
		}
	}
	return s
}

// snippetCounts scores a text against a page's snippets (see the
// package's comment).
func snippetCounts(text string, with, without []string) (tp, fp, fn int, precision, recall float64) {
	folded := fold(text)
	for _, w := range with {
		if strings.Contains(folded, fold(w)) {
			tp++
		} else {
			fn++
		}
	}
	for _, w := range without {
		if strings.Contains(folded, fold(w)) {
			fp++
		}
	}
	precision = 1
	if len(without) > 0 {
		precision = 1 - float64(fp)/float64(len(without))
	}
	recall = 1
	if len(with) > 0 {
		recall = float64(tp) / float64(len(with))
	}
	return tp, fp, fn, precision, recall
}

// tokenCounts compares two multisets of words.
func tokenCounts(got, want []string) (tp, fp, fn int) {
	counts := map[string]int{}
	for _, w := range want {
		counts[w]++
	}
	for _, g := range got {
		if counts[g] > 0 {
			counts[g]--
			tp++
		} else {
			fp++
		}
	}
	return tp, fp, len(want) - tp
}

func fold(s string) string { return strings.Join(strings.Fields(s), " ") }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(tp, fp, fn int) float64 { return ratio(2*tp, 2*tp+fp+fn) }

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// cpuTime is the process's user and system time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// readFileIn reads a file, naming it in the error.
func readFileIn(dir, name string) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		return nil, err
	}
	return bytes.Clone(data), nil
}

// printMisses prints the must-contain snippets a text lacks and the
// must-not-contain snippets it holds.
func printMisses(name string, p page, text string) {
	folded := fold(text)
	for _, w := range p.with {
		if !strings.Contains(folded, fold(w)) {
			fmt.Printf("%s\tmissed\t%s\t%q\n", name, p.name, w)
		}
	}
	for _, w := range p.without {
		if strings.Contains(folded, fold(w)) {
			fmt.Printf("%s\tkept\t%s\t%q\n", name, p.name, w)
		}
	}
}
